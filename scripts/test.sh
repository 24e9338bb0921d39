#!/usr/bin/env bash
# All tests: installs what they need, builds everything (tests, examples, benchmarks) with
# warnings as errors in the tests, and runs the suite with CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" tests

build="$root/build/tests"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure -j "$(nproc)" "$@"
