#!/usr/bin/env bash
# The digits reference job, on targets already built in BUILD (digits_reference, run-on-uno):
#   digits-job.sh BUILD OUT [digits_reference's options, e.g. --epochs 5 --quiet]
# Trains and quantizes the model (examples/digits_reference), builds DigitsOnUno for the Uno with
# the whole test set in flash and runs it on a simulated ATmega328P, checking every line against
# the host's int8 inference, then trains scikit-learn's MLPClassifier on the same split (one thread)
# and prints both side by side with the targets. scripts/reference-job.sh runs it after the sine job.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$2"
build=$(cd "$1" && pwd) out=$(cd "$2" && pwd)  # absolute, as arduino-builder needs
shift 2
gzip -dc /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz >"$out/digits.csv"
"$build/examples/digits_reference" "$out/digits.csv" --out "$out" "$@" | tee "$out/job.txt"
value_of() { sed -n "s/^$1=//p" "$2"; }

echo
echo "== On the board: DigitsOnUno on a simulated Arduino Uno (ATmega328P, 16 MHz), the int8 model over the test set"
sketch="$out/DigitsOnUno"
cp "$root/examples/DigitsOnUno/DigitsOnUno.ino" "$sketch/"
elf="$sketch/DigitsOnUno.elf"
rm -rf "$sketch/build"  # arduino-builder fails on a build folder another configuration left
cmake -DBUILDER="$(command -v arduino-builder)" -DFQBN=arduino:avr:uno -DSKETCH="$sketch/DigitsOnUno.ino" \
  -DLIBRARIES="$build/board/arduino_libraries" -DBUILD_PATH="$sketch/build" -DELF="$elf" -DEXTRA_FLAGS=-DMARK_INFERENCE \
  -P "$root/board/cmake/build_with_arduino_builder.cmake"
digits=$(wc -l <"$sketch/expected.txt")
"$build/board/run-on-uno" "$elf" --lines "$digits" --max-cycles 100000000 >"$sketch/uno.txt" 2>/dev/null
head -n "$digits" "$sketch/uno.txt" | tr -d '\r' >"$sketch/uno_lines.txt"
if ! cmp -s "$sketch/uno_lines.txt" "$sketch/expected.txt"; then
  echo "the Uno's classes or int8 outputs differ from the host's:" >&2
  diff "$sketch/expected.txt" "$sketch/uno_lines.txt" | head -20 >&2
  exit 1
fi
flash=$(avr-size -A "$elf" | awk '$1 == ".text" || $1 == ".data" { sum += $2 } END { print sum }')
ram=$(avr-size -A "$elf" | awk '$1 == ".data" || $1 == ".bss" { sum += $2 } END { print sum }')
test_bytes=$((digits * 65))
printf 'all %s test digits: the same class and the same ten int8 outputs on the Uno as on the host\n' "$digits"
# run-on-uno's figures of the marked regions (each predict call): time_* in cycles, stack_bytes.
# (The serial port sends while the next digits run, so it may count a few more.)
regions=$(value_of regions "$sketch/uno.txt")
if [ "${regions:-0}" -lt "$digits" ]; then
  echo "run-on-uno measured ${regions:-no} inferences, not $digits" >&2
  exit 1
fi
printf 'cycles per int8 inference: %.0f mean (%s to %s; target: under 32,000), deepest stack %s B\n' \
  "$(value_of time_mean "$sketch/uno.txt")" "$(value_of time_min "$sketch/uno.txt")" \
  "$(value_of time_max "$sketch/uno.txt")" "$(value_of stack_bytes "$sketch/uno.txt")"
printf 'flash %s B, of which %s B are the test digits: %s B without them (target: under 16,384); static RAM %s B (target: under 1,024)\n' \
  "$flash" "$test_bytes" "$((flash - test_bytes))" "$ram"

echo
echo "== scikit-learn's MLPClassifier on the same split (one thread)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
# Debian's python3 (with python3-sklearn), not one a version manager put first on PATH.
# The same seed, learning rate and batch size as tinymlp's (job.txt).
/usr/bin/python3 "$root/examples/digits_reference/mlp_classifier.py" "$out/train.csv" "$out/test.csv" \
  "$(value_of epochs_budget "$out/job.txt")" "$(value_of hidden_units "$out/job.txt")" \
  "$(value_of seed "$out/job.txt")" "$(value_of learning_rate "$out/job.txt")" "$(value_of batch_size "$out/job.txt")" |
  tee "$out/sklearn.txt"
awk -v t="$(value_of tinymlp_seconds "$out/job.txt")" -v te="$(value_of tinymlp_epochs "$out/job.txt")" \
    -v ta="$(value_of tinymlp_test_accuracy "$out/job.txt")" -v qa="$(value_of tinymlp_int8_test_accuracy "$out/job.txt")" \
    -v s="$(value_of sklearn_seconds "$out/sklearn.txt")" -v se="$(value_of sklearn_epochs "$out/sklearn.txt")" \
    -v sa="$(value_of sklearn_test_accuracy "$out/sklearn.txt")" 'BEGIN {
  printf "\n%-22s %7s %10s %14s %14s\n", "", "epochs", "CPU s", "ms per epoch", "test accuracy"
  printf "%-22s %7d %10.3f %14.2f %14.4f\n", "tinymlp", te, t, 1000 * t / te, ta
  printf "%-22s %7s %10s %14s %14.4f\n", "tinymlp int8", "", "", "", qa
  printf "%-22s %7d %10.3f %14.2f %14.4f\n", "sklearn MLPClassifier", se, s, 1000 * s / se, sa
  printf "float test accuracy %.4f: target at least 0.97 and at least MLPClassifier'"'"'s %.4f\n", ta, sa
  printf "int8 %+.2f points from float: target within 0.5\n", 100 * (qa - ta)
  printf "training (processor time, one core): tinymlp %.1fx faster than MLPClassifier in total, %.1fx per epoch: target 20x\n", s / t, (s / se) / (t / te)
}'
