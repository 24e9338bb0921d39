# Checks that an AVR program's static RAM (.data + .bss, as avr-size reports them) leaves at least
# STACK_RESERVE bytes of the chip's RAM_BYTES for the stack:
#   cmake -DSIZE_TOOL=<avr-size> -DELF=<program.elf> -DRAM_BYTES=2048 -DSTACK_RESERVE=512 -P check_avr_ram.cmake
if(NOT SIZE_TOOL)
  message(FATAL_ERROR "avr-size was not found when the tests were configured: install binutils-avr and configure again")
endif()
execute_process(COMMAND "${SIZE_TOOL}" -A "${ELF}" RESULT_VARIABLE result OUTPUT_VARIABLE sections ERROR_VARIABLE sections)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "avr-size failed on ${ELF}:\n${sections}")
endif()
message("${sections}")

set(static_ram 0)
foreach(section data bss)
  if(sections MATCHES "\n\\.${section} +([0-9]+)")
    math(EXPR static_ram "${static_ram} + ${CMAKE_MATCH_1}")
  endif()
endforeach()
math(EXPR stack_left "${RAM_BYTES} - ${static_ram}")
message("static RAM ${static_ram} bytes, ${stack_left} of ${RAM_BYTES} left for the stack")
if(stack_left LESS STACK_RESERVE)
  message(FATAL_ERROR "the program leaves ${stack_left} bytes for the stack, fewer than ${STACK_RESERVE}")
endif()
