# The memory of one in-place training step on the ATmega328P against the type's figure:
#   - the probe's static RAM (.data + .bss, avr-size) is exactly TRAINING_BYTES, the
#     InPlaceTrainingMemory figure its only globals add up to (its static_assert holds the two);
#   - the deepest stack of a step (run-on-uno's painting) is call frames and saved registers only,
#     at most STACK_BYTES: nothing the step needs is hidden on the stack;
#   - the two together stay under TOTAL_LIMIT, the Uno target.
#   cmake -DSIZE_TOOL=<avr-size> -DPROBE=<elf> -DTRAINING_BYTES=<n> -DSTACK_BYTES=<n> -DTOTAL_LIMIT=<n>
#         -P check_training_memory.cmake -- <run-on-uno> <elf>
include(${PROJECT_SOURCE_DIR}/tests/cmake/command_after_separator.cmake)
execute_process(COMMAND "${SIZE_TOOL}" -A "${PROBE}" OUTPUT_VARIABLE table RESULT_VARIABLE failed)
if(failed)
  message(FATAL_ERROR "${SIZE_TOOL} failed on ${PROBE}")
endif()
set(static_ram 0)
foreach(section data bss)
  if(table MATCHES "\n\\.${section} +([0-9]+)")
    math(EXPR static_ram "${static_ram} + ${CMAKE_MATCH_1}")
  endif()
endforeach()

execute_process(COMMAND ${command_after_separator} OUTPUT_VARIABLE figures RESULT_VARIABLE failed TIMEOUT 120)
if(failed OR NOT figures MATCHES "region_stack_bytes=([0-9]+)")
  message(FATAL_ERROR "the training probe failed (${failed}):\n${figures}")
endif()
set(stack ${CMAKE_MATCH_1})
math(EXPR total "${static_ram} + ${stack}")
message("static RAM ${static_ram} B (the type says ${TRAINING_BYTES} B), stack of a step ${stack} B, total ${total} B")
if(NOT static_ram EQUAL TRAINING_BYTES)
  message(FATAL_ERROR "avr-size shows ${static_ram} B of static RAM; InPlaceTrainingMemory says ${TRAINING_BYTES} B")
endif()
if(stack GREATER STACK_BYTES)
  message(FATAL_ERROR "a step used ${stack} B of stack, more than ${STACK_BYTES} B of call frames")
endif()
if(NOT total LESS TOTAL_LIMIT)
  message(FATAL_ERROR "static RAM plus stack is ${total} B, not under ${TOTAL_LIMIT} B")
endif()
