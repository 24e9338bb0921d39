# Tests of bench/on_target's probes (the inference and training probes built for each board):
#   tinymlp_probe_command(<variable> <probe target> <board>)
#     sets <variable> to the command that runs the probe's firmware for <board> (uno, cortex_m4,
#     cortex_m0, riscv32): simavr's runner, or the board's QEMU script with -icount shift=0, under
#     which the 32-bit probes count instructions;
#   tinymlp_size_tool(<variable> <board>)
#     sets <variable> to the binutils size program for the board's ELF files;
#   tinymlp_add_probe_figure_test(<test name> <probe target> <board> <figure> <limit>)
#     a test that the figure the probe prints (a key=value line) is a number under <limit>.
function(tinymlp_probe_command variable probe_target board)
  string(TOUPPER ${board} BOARD)
  set(command ${TINYMLP_SIMULATOR_${board}} $<TARGET_PROPERTY:${probe_target},${BOARD}_FIRMWARE>)
  if(NOT board STREQUAL "uno")
    list(APPEND command -icount shift=0)
  endif()
  set(${variable} ${command} PARENT_SCOPE)
endfunction()

find_program(TINYMLP_AVR_SIZE avr-size)
find_program(TINYMLP_ARM_SIZE arm-none-eabi-size)
find_program(TINYMLP_RISCV_SIZE riscv64-unknown-elf-size)
function(tinymlp_size_tool variable board)
  if(board STREQUAL "uno")
    set(${variable} ${TINYMLP_AVR_SIZE} PARENT_SCOPE)
  elseif(board STREQUAL "riscv32")
    set(${variable} ${TINYMLP_RISCV_SIZE} PARENT_SCOPE)
  else()
    set(${variable} ${TINYMLP_ARM_SIZE} PARENT_SCOPE)
  endif()
endfunction()

function(tinymlp_add_probe_figure_test name probe_target board figure limit)
  tinymlp_probe_command(run_probe ${probe_target} ${board})
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -DFIGURE=${figure} -DLIMIT=${limit}
                   -P ${PROJECT_SOURCE_DIR}/tests/board/check_probe_figure.cmake -- ${run_probe})
endfunction()
