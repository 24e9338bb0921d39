# The memory of one in-place training step against the type's figure:
#   - the probe's static RAM (.data + .bss), less that of BASELINE (the same probe without the step),
#     is TRAINING_BYTES, the InPlaceTrainingMemory figure of the only globals the step
#     adds (the probe's static_assert holds the two), plus at most PADDING_BYTES (default 0) that the
#     linker script's alignment of the section's end may add;
#   - the deepest stack of a step (the probe's painting, printed as stack_bytes) is call frames and
#     saved registers only, at most STACK_BYTES: nothing the step needs is hidden on the stack;
#   - where TOTAL_LIMIT is given (the Uno's target), the two together stay under it.
#   cmake -DSIZE_TOOL=<size tool> -DPROBE=<elf> -DBASELINE=<elf> -DTRAINING_BYTES=<n> [-DPADDING_BYTES=<n>]
#         -DSTACK_BYTES=<n> [-DTOTAL_LIMIT=<n>] -P check_training_memory.cmake -- <probe command>...
include(${PROJECT_SOURCE_DIR}/tests/cmake/probe_figure.cmake)
include(${PROJECT_SOURCE_DIR}/tests/cmake/section_sum.cmake)

section_sum("${PROBE}" "data;bss" step_ram)
section_sum("${BASELINE}" "data;bss" baseline_ram)
math(EXPR step_ram "${step_ram} - ${baseline_ram}")
if(NOT PADDING_BYTES)
  set(PADDING_BYTES 0)
endif()

probe_figure(stack_bytes "[0-9]+" stack)
math(EXPR total "${step_ram} + ${stack}")
message("static RAM ${step_ram} B (the type says ${TRAINING_BYTES} B), stack of a step ${stack} B, total ${total} B")
math(EXPR padding "${step_ram} - ${TRAINING_BYTES}")
if(padding LESS 0 OR padding GREATER PADDING_BYTES)
  message(FATAL_ERROR "${SIZE_TOOL} shows ${step_ram} B of static RAM; InPlaceTrainingMemory says ${TRAINING_BYTES} B")
endif()
if(stack GREATER STACK_BYTES)
  message(FATAL_ERROR "a step used ${stack} B of stack, more than ${STACK_BYTES} B of call frames")
endif()
if(TOTAL_LIMIT AND NOT total LESS TOTAL_LIMIT)
  message(FATAL_ERROR "static RAM plus stack is ${total} B, not under ${TOTAL_LIMIT} B")
endif()
