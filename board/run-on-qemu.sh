#!/usr/bin/env bash
# Runs a bare-metal program on a QEMU machine, with its semihosting console on stdout; exits with the
# program's status. The board scripts (cortex_m4/, cortex_m0/, riscv32/) name the system and machine.
#   run-on-qemu.sh SYSTEM MACHINE PROGRAM.elf [more QEMU options, e.g. -icount shift=0]
set -euo pipefail
system=$1
machine=$2
program=$3
shift 3
exec "qemu-system-$system" -M "$machine" -display none -serial none -monitor none \
  -chardev stdio,id=console -semihosting-config enable=on,target=native,chardev=console "$@" -kernel "$program"
