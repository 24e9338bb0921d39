# The RAM an inference needs is its activation buffers, on the stack, and no static RAM:
#   - SineInference's .data + .bss equal those of the same sketch without the model (SineBaseline),
#     and its flash over that sketch stays under the 2.5 KB target;
#   - the deepest stack of an inference, as the probe's stack painting finds it, is the activation
#     buffers plus at most FRAME_BYTES of frames and saved registers.
#   cmake -DSIZE_TOOL=<the board's size program> -DSKETCH=<elf> -DBASELINE=<elf> -DACTIVATION_BYTES=<n>
#         -DFRAME_BYTES=<n> -P check_inference_memory.cmake -- <probe command>...
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/probe_figure.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/section_sum.cmake)

section_sum("${SKETCH}" "data;bss" sketch_ram)
section_sum("${BASELINE}" "data;bss" baseline_ram)
section_sum("${SKETCH}" "text;data" sketch_flash)
section_sum("${BASELINE}" "text;data" baseline_flash)
math(EXPR extra_flash "${sketch_flash} - ${baseline_flash}")
message("static RAM ${sketch_ram} B with the model, ${baseline_ram} B without; flash ${extra_flash} B over")
if(NOT sketch_ram EQUAL baseline_ram)
  message(FATAL_ERROR "the model takes static RAM: ${sketch_ram} B against ${baseline_ram} B without it")
endif()
if(extra_flash GREATER_EQUAL 2560)
  message(FATAL_ERROR "the model takes ${extra_flash} B of flash, over the 2.5 KB target")
endif()

probe_figure(stack_bytes "[0-9]+" stack)
math(EXPR most "${ACTIVATION_BYTES} + ${FRAME_BYTES}")
message("an inference's stack: ${stack} B, of which ${ACTIVATION_BYTES} B activation buffers")
if(stack LESS ACTIVATION_BYTES OR stack GREATER most)
  message(FATAL_ERROR "an inference used ${stack} B of stack; expected ${ACTIVATION_BYTES} to ${most}")
endif()
