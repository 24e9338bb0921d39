#!/usr/bin/env bash
# What a user's build of tinymlp gets: bench/build_flavours.cpp (the tutorial job, the RMSprop step,
# a 1-256-256-1 training step and one Dense<256, 256> forward pass) built the way users build it,
# with nothing but a compiler, flags and `-I include`, in each flavour below, then run one after
# another; CPU times side by side, each against the project's own build (g++ -O3 -march=native).
#
#   bench/build_flavours.sh [--epochs N] [--out DIR]
set -euo pipefail

repository=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out_dir="$repository/build-bench/build_flavours"
epochs=100
usage() { sed -n 's/^#   //p' "${BASH_SOURCE[0]}"; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --epochs) epochs=$2; shift 2 ;;
    --out) out_dir=$2; shift 2 ;;
    --help | -h) usage 0 ;;
    *) echo "build_flavours.sh: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
done
mkdir -p "$out_dir"

# name | compiler | flags. The first is the project's own build (CMake Release with TINYMLP_NATIVE).
flavours=(
  "project|g++|-O3 -march=native -fno-math-errno"
  "g++ -O2|g++|-O2"
  "g++ Release|g++|-O3"
  "g++ -O2 -march=native|g++|-O2 -march=native"
  "clang++ -O2|clang++|-O2"
  "clang++ -O3 -march=native|clang++|-O3 -march=native"
  "g++ -march=native, 512-bit|g++|-O3 -march=native -mprefer-vector-width=512"
)

for flavour in "${flavours[@]}"; do
  IFS='|' read -r name compiler flags <<<"$flavour"
  binary="$out_dir/$(echo "$name" | tr -c 'A-Za-z0-9\n' '_')"
  # shellcheck disable=SC2086 # the flags are words
  "$compiler" -std=gnu++17 $flags -DNDEBUG -I "$repository/include" "$repository/bench/build_flavours.cpp" -o "$binary"
  "$binary" "$epochs" >"$binary.txt"
done

value_of() { sed -n "s/^$1=//p" "$2" | head -n 1; }
first="$out_dir/$(echo "project" | tr -c 'A-Za-z0-9\n' '_').txt"
echo "== tinymlp built as users build it (CPU time; x = against the project's own build; $epochs epochs)"
printf '%-28s %14s %14s %16s %18s  %s\n' flavour "tutorial job" "RMSprop step" "256-wide step" "Dense<256,256> fwd" "weights hash"
for flavour in "${flavours[@]}"; do
  IFS='|' read -r name _ _ <<<"$flavour"
  results="$out_dir/$(echo "$name" | tr -c 'A-Za-z0-9\n' '_').txt"
  row=()
  for key in tutorial_seconds rmsprop_ns wide_step_ns layer_forward_ns; do
    row+=("$(awk -v value="$(value_of "$key" "$results")" -v base="$(value_of "$key" "$first")" -v key="$key" 'BEGIN {
      unit = key == "tutorial_seconds" ? " s" : " ns"
      printf "%.4g%s %4.1fx", value, unit, value / base }')")
  done
  printf '%-28s %14s %14s %16s %18s  %s\n' "$name" "${row[@]}" "$(value_of tutorial_weights_hash "$results")"
done
echo "(the weights hash agrees between builds that contract multiply-adds the same way; -march=native fuses them)"
