// Reset for a bare Cortex-M (the M4F, and the M0+ without an FPU): the vector table, then the FPU
// switched on where there is one, .data copied from flash, .bss zeroed and static constructors run
// before main(). A fault ends the program with an error
// (through the console's exit), so that a simulator never hangs on one.
#include <stdint.h>

#include "../console.hpp"

extern "C" {
extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[], __stack_top[];
extern void (*__init_array_start[])();
extern void (*__init_array_end[])();
void reset_handler();
void fault_handler();
}

// The program's main(), which C++ forbids calling by that name.
int program_main() __asm("main");

extern "C" void reset_handler() {
  // CPACR: full access to coprocessors 10 and 11, the FPU; needed before any float instruction.
#if defined(__ARM_FP)
  volatile uint32_t* const cpacr = reinterpret_cast<volatile uint32_t*>(0xE000ED88u);
  *cpacr |= 0xFu << 20;
  __asm volatile("dsb\n\tisb" ::: "memory");
#endif

  for (uint32_t *from = __data_load, *to = __data_start; to < __data_end;) *to++ = *from++;
  for (uint32_t* word = __bss_start; word < __bss_end;) *word++ = 0;
  for (void (**constructor)() = __init_array_start; constructor < __init_array_end; ++constructor) (*constructor)();

  console_exit(program_main());
}

extern "C" void fault_handler() { console_exit(70); }

// Initial stack pointer, then reset, NMI, hard fault, memory management, bus and usage faults.
__attribute__((section(".vectors"), used)) void* const vector_table[] = {
    __stack_top,
    reinterpret_cast<void*>(reset_handler),
    reinterpret_cast<void*>(fault_handler),
    reinterpret_cast<void*>(fault_handler),
    reinterpret_cast<void*>(fault_handler),
    reinterpret_cast<void*>(fault_handler),
    reinterpret_cast<void*>(fault_handler),
};
