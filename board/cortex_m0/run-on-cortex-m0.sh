#!/usr/bin/env bash
# Runs a Cortex-M0+ program (built with board/cortex_m4's startup and cortex_m0/microbit_nrf51.ld) on
# QEMU's microbit (nRF51), with its semihosting console on stdout; exits with the program's status.
#   run-on-cortex-m0.sh PROGRAM.elf [more QEMU options, e.g. -icount shift=0]
exec "$(dirname "$0")/../run-on-qemu.sh" arm microbit "$@"
