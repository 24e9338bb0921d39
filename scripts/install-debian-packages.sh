#!/usr/bin/env bash
# Installs the Debian packages a tinymlp task needs, skipping those already installed.
#   install-debian-packages.sh job     the reference job: compiler, CMake, gnuplot, FlatBuffers (for the
#                                      .tflite it writes), and the Uno it ends on (arduino-builder with
#                                      the AVR core, simavr's library), and scikit-learn (the digits
#                                      job's data and its MLPClassifier)
#   install-debian-packages.sh tests   the test suite: also doctest, Google Benchmark, clang with its
#                                      sanitizer runtimes, clang-format and clang-tidy, the AVR, Cortex-M and RISC-V cross
#                                      compilers, QEMU for the Cortex-M and RISC-V boards,
#                                      Arm NN (a TFLite runtime that runs tinymlp's .tflite exports),
#                                      doxygen (the API reference, built warning-free), python3
#                                      (checks that library.json is strict JSON), Node and npm (TFLite's
#                                      own WebAssembly runtime as the tests' oracle, which
#                                      install-tflite-oracle.sh then installs from npm), locales
#                                      (localedef makes de_DE.UTF-8 for the locale test)
#   install-debian-packages.sh bench   the benchmarks: also PyTorch for the side-by-side timing, and Eigen
#                                      (fixed-size matrices, the single-predict figure to beat)
set -euo pipefail

job_packages=(g++ cmake make gnuplot-nox flatbuffers-compiler libflatbuffers-dev
              arduino-builder arduino-core-avr libsimavr-dev libelf-dev pkg-config python3-sklearn binutils-avr)
test_packages=("${job_packages[@]}" clang libclang-rt-14-dev clang-format clang-tidy doctest-dev libbenchmark-dev
               gcc-avr avr-libc binutils-avr gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm
               gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc
               libarmnn-dev libarmnntfliteparser-dev libarmnn-cpuref-backend22 doxygen python3 locales)
bench_packages=("${test_packages[@]}" python3 python3-torch libeigen3-dev)

case "${1:-}" in
  job) wanted=("${job_packages[@]}") ;;
  tests) wanted=("${test_packages[@]}") ;;
  bench) wanted=("${bench_packages[@]}") ;;
  *) echo "usage: $0 job|tests|bench" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node and npm: Debian's, unless a node with its npm is installed already (NodeSource's package has both).
if [ "$1" != job ] && ! { command -v node && command -v npm; } >/dev/null; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The tests' TFLite oracle, from npm.
[ "$1" = job ] || "$(dirname "$0")/install-tflite-oracle.sh"
