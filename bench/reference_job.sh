#!/usr/bin/env bash
# The reference job timed side by side: tinymlp's sine_reference, then the same job in PyTorch on the
# same samples, then the host benchmarks (four shapes; their JSON in <out>/host_benchmarks.json, for
# bench/compare_runs.py against a later run) and PyTorch's training steps on the same shapes
# (bench/pytorch_shapes.py); each figure against its target.
#
#   bench/reference_job.sh [--build-dir DIR] [--no-build] [--out DIR] [--epochs N] [--seed N]
#
# The full job is 500 epochs (PyTorch needs tens of seconds); --epochs 20 gives a quick look.
set -euo pipefail

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$repository/build-bench"
out_dir=""
epochs=500
seed=1
build=yes
python=/usr/bin/python3  # Debian's python3-torch lives here, not in a pyenv python on PATH

usage() { sed -n 's/^#   //p' "${BASH_SOURCE[0]}"; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --no-build) build=no; shift ;;
    --out) out_dir=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --help | -h) usage 0 ;;
    *) echo "reference_job.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
done
out_dir=${out_dir:-$build_dir/reference_job}
mkdir -p "$out_dir"
"$repository/scripts/install-debian-packages.sh" bench

if [ "$build" = yes ]; then
  # Tests are not needed here; leaving them out keeps this build independent of tests/.
  [ -f "$build_dir/CMakeCache.txt" ] ||
    cmake -S "$repository" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build_dir" --target sine_reference host_benchmarks -j "$(nproc)" >/dev/null
fi

now() { date +%s.%N; }
fail() { echo "reference_job.sh: $*" >&2; exit 1; }
elapsed() { awk -v start="$1" -v stop="$2" 'BEGIN { printf "%.2f", stop - start }'; }
# The value of the first `key=value` line for $1 in file $2.
value_of() { sed -n "s/^$1=//p" "$2" | head -n 1; }

echo "== tinymlp: sine_reference --epochs $epochs --seed $seed"
started=$(now)
"$build_dir/examples/sine_reference" --out "$out_dir" --seed "$seed" --epochs "$epochs" --quiet |
  tee "$out_dir/sine_reference.txt"
tinymlp_process_seconds=$(elapsed "$started" "$(now)")
# fit's wall time for the tutorial setup: from a `tutorial_seconds=` line when sine_reference prints
# one, else from its table row "tutorial  epochs  seconds | ...", which has only two decimals.
tinymlp_seconds=$(value_of tutorial_seconds "$out_dir/sine_reference.txt")
[ -n "$tinymlp_seconds" ] || tinymlp_seconds=$(awk '$1 == "tutorial" { print $3 }' "$out_dir/sine_reference.txt")
[ -n "$tinymlp_seconds" ] || fail "no 'tutorial' row in $out_dir/sine_reference.txt"

echo
echo "== PyTorch: pytorch_reference.py --epochs $epochs --seed $seed"
started=$(now)
"$python" "$repository/bench/pytorch_reference.py" --data "$out_dir/sine_data.csv" --epochs "$epochs" \
  --seed "$seed" --quiet | tee "$out_dir/pytorch_reference.txt"
pytorch_process_seconds=$(elapsed "$started" "$(now)")
pytorch_seconds=$(value_of pytorch_seconds "$out_dir/pytorch_reference.txt")
[ -n "$pytorch_seconds" ] || fail "no pytorch_seconds= line in $out_dir/pytorch_reference.txt"

echo
echo "== Host benchmarks (CPU time; three repetitions, medians)"
"$build_dir/bench/host_benchmarks" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out_dir/host_benchmarks.json" --benchmark_out_format=json | tee "$out_dir/host_benchmarks.txt"

echo
echo "== PyTorch's training on the same shapes: pytorch_shapes.py (each shape's fastest of three runs)"
"$python" "$repository/bench/pytorch_shapes.py" | tee "$out_dir/pytorch_shapes.txt"

echo
echo "== Reference job, $epochs epochs (training wall time, validation each epoch included)"
awk -v tinymlp="$tinymlp_seconds" -v pytorch="$pytorch_seconds" 'BEGIN {
  if (tinymlp > 0) {
    ratio = pytorch / tinymlp
    printf "tinymlp %.3g s, PyTorch %.2f s, ratio %.0f x (target >= 500x: %s)\n", tinymlp, pytorch, ratio,
           (ratio >= 500 ? "met" : "MISSED")
  } else {
    printf "tinymlp %s s, PyTorch %.2f s, ratio not measurable: tinymlp took less than the table shows\n",
           tinymlp, pytorch
  } }'
echo "whole processes, timed by the shell: sine_reference ${tinymlp_process_seconds} s (both setups and the plots)," \
  "pytorch_reference.py ${pytorch_process_seconds} s (interpreter and torch import included)"
echo
echo "== Training, tinymlp's train_on_batch against PyTorch's loop at its fastest (samples per CPU second, batch 16)"
printf '%-13s %14s %14s %9s  %s\n' shape tinymlp PyTorch ratio "target >= 50x"
for shape in 1-16-16-1 1-64-64-1 1-256-256-1 714-50-15-4; do
  awk -v shape="$shape" -v tinymlp="$(value_of "train_step_16.$shape.samples_per_second" "$out_dir/host_benchmarks.txt")" \
    -v pytorch="$(value_of "pytorch.$shape.samples_per_second" "$out_dir/pytorch_shapes.txt")" 'BEGIN {
    ratio = pytorch > 0 ? tinymlp / pytorch : 0
    printf "%-13s %14.4g %14.4g %8.0fx  %s\n", shape, tinymlp, pytorch, ratio, (ratio >= 50 ? "met" : "MISSED") }'
done
