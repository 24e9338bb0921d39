#!/usr/bin/env bash
# Runs a Cortex-M program (built with board/cortex_m4's startup and a linker script for the machine)
# on a QEMU machine, with its semihosting console on stdout; exits with the program's status.
#   run-on-qemu.sh MACHINE PROGRAM.elf [more QEMU options, e.g. -icount shift=0]
set -euo pipefail
machine=$1
program=$2
shift 2
exec qemu-system-arm -M "$machine" -display none -serial none -monitor none \
  -chardev stdio,id=console -semihosting-config enable=on,target=native,chardev=console "$@" -kernel "$program"
