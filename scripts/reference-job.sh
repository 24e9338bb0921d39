#!/usr/bin/env bash
# The main job: installs what it needs, builds, trains the reference model both ways (the
# tutorial's and tinymlp's recommended setup), and writes the history and pictures to out/sine/.
# It ends on the board: SineInference, built for the Arduino Uno with the model header the job has
# just written, runs on a simulated ATmega328P (simavr), and its predictions are printed beside the
# host's for the same inputs. Then the second job, scikit-learn's handwritten digits (scripts/digits-job.sh):
# a classifier trained, quantized to int8 and run on the simulated Uno over its test set, beside
# scikit-learn's MLPClassifier; it writes to out/digits/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" job

build="$root/build/release"
out="$root/out/sine"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_BENCHMARKS=OFF \
      -DTINYMLP_BUILD_TOOLS=ON -DTINYMLP_BUILD_EXAMPLES=ON -DTINYMLP_BUILD_BOARD=ON >/dev/null
cmake --build "$build" --target sine_reference digits_reference -j "$(nproc)"
"$build/examples/sine_reference" --out "$out" "$@"

cmake -S "$root" -B "$build" -DTINYMLP_TRAINED_SINE_MODEL="$out/sine_model.hpp" >/dev/null
cmake --build "$build" -j "$(nproc)" --target TrainedSineInference_uno TrainedSineInference_on_host run-on-uno \
  same-numbers >/dev/null
echo
echo "== On the board: SineInference on a simulated Arduino Uno (ATmega328P, 16 MHz), x and predicted y"
"$build/board/TrainedSineInference_on_host" >"$out/sine_inference_host.txt"
lines=$(wc -l <"$out/sine_inference_host.txt")
"$build/board/run-on-uno" "$build/board/TrainedSineInference/uno.elf" --lines "$lines" \
  --max-cycles 400000000 >"$out/sine_inference_uno.txt" 2>/dev/null
"$build/board/same-numbers" "$out/sine_inference_host.txt" "$out/sine_inference_uno.txt"

echo
echo "== The second job: scikit-learn's handwritten digits"
"$root/scripts/digits-job.sh" "$build" "$root/out/digits" --quiet
