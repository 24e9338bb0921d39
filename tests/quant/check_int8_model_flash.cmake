# The flash an int8 model takes on a board: its inference probe's text + data over the same probe
# without the model, under LIMIT bytes.
#   cmake -DSIZE_TOOL=<the board's size program> -DPROBE=<elf> -DNO_MODEL=<elf> -DLIMIT=<n>
#         -P check_int8_model_flash.cmake
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/section_sum.cmake)

section_sum("${PROBE}" "text;data" probe_flash)
section_sum("${NO_MODEL}" "text;data" no_model_flash)
math(EXPR model_flash "${probe_flash} - ${no_model_flash}")
message("the int8 model takes ${model_flash} B of flash")
if(NOT model_flash LESS LIMIT)
  message(FATAL_ERROR "the int8 model takes ${model_flash} B of flash, over ${LIMIT} B")
endif()
