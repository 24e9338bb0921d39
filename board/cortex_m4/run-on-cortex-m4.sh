#!/usr/bin/env bash
# Runs a Cortex-M4F program (built with board/cortex_m4's startup and mps2_an386.ld) on QEMU's
# mps2-an386 board, with its semihosting console on stdout; exits with the program's status.
#   run-on-cortex-m4.sh PROGRAM.elf [more QEMU options, e.g. -icount shift=0]
exec "$(dirname "$0")/../run-on-qemu.sh" arm mps2-an386 "$@"
