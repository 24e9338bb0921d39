#!/usr/bin/env bash
# All tests: installs what they need, builds everything (tests, examples, benchmarks) with
# warnings as errors in the tests, and runs the suite with CTest; then builds the host tests again
# with clang's AddressSanitizer and UBSan (build/sanitize: no boards, compiler runs, examples or
# benchmarks) and runs them with a replay of the importer's fuzz seeds. Fails if either pass fails.
# Arguments go to both ctest runs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-debian-packages.sh" tests

build="$root/build/tests"
# Every part ON: a package missing here fails the configuration instead of leaving its tests out.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DTINYMLP_BUILD_TESTS=ON -DTINYMLP_BUILD_TOOLS=ON \
      -DTINYMLP_BUILD_EXAMPLES=ON -DTINYMLP_BUILD_BENCHMARKS=ON -DTINYMLP_BUILD_BOARD=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
(cd "$build" && ctest --output-on-failure -j "$(nproc)" "$@")

sanitize="$root/build/sanitize"
cmake -S "$root" -B "$sanitize" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ -DTINYMLP_SANITIZE=ON \
      -DTINYMLP_BUILD_TESTS=ON -DTINYMLP_BUILD_TOOLS=ON \
      -DTINYMLP_TEST_COMPILERS=OFF -DTINYMLP_BUILD_BOARD=OFF -DTINYMLP_BUILD_EXAMPLES=OFF \
      -DTINYMLP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$sanitize" -j "$(nproc)"
cd "$sanitize"
ctest --output-on-failure -j "$(nproc)" "$@"
