#!/usr/bin/env bash
# Runs a 32-bit RISC-V program (built with picolibc's semihosting crt0, board/CMakeLists.txt's
# riscv32 row of board/boards.cmake) on QEMU's virt machine with no firmware (-bios none), its semihosting
# console on stdout; exits with the program's status.
#   run-on-riscv32.sh PROGRAM.elf [more QEMU options]
program=$1
shift
exec "$(dirname "$0")/../run-on-qemu.sh" riscv32 virt "$program" -bios none "$@"
