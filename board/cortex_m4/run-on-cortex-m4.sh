#!/usr/bin/env bash
# Runs a Cortex-M4F program (built with board/cortex_m4's startup and linker script) on QEMU's
# mps2-an386 board, with its semihosting console on stdout; exits with the program's status.
#   run-on-cortex-m4.sh PROGRAM.elf [more QEMU options, e.g. -icount shift=0]
set -euo pipefail
program=$1
shift
exec qemu-system-arm -M mps2-an386 -display none -serial none -monitor none \
  -chardev stdio,id=console -semihosting-config enable=on,target=native,chardev=console "$@" -kernel "$program"
