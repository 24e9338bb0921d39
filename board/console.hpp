// Where a program off the board writes its text: console_host.cpp (stdout: on the host, and on
// RISC-V through picolibc's semihosting stdio) or the Cortex-M semihosting console
// (cortex_m4/semihosting_console.cpp).
#ifndef TINYMLP_BOARD_CONSOLE_HPP
#define TINYMLP_BOARD_CONSOLE_HPP

void console_write(char c);
[[noreturn]] void console_exit(int status);

#endif
