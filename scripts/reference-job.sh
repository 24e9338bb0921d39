#!/usr/bin/env bash
# The main job: installs what it needs, builds, trains the reference model both ways (the
# tutorial's and tinymlp's recommended setup), and writes the history and pictures to out/sine/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" job

build="$root/build/release"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target sine_reference -j "$(nproc)"
"$build/examples/sine_reference" --out "$root/out/sine" "$@"
