# Tests of bench/on_target's probes (the inference and training probes built for each board of
# board/boards.cmake), which print the same key=value figures on every board:
#   tinymlp_probe_command(<variable> <probe target> <board>)
#     sets <variable> to the command that runs the probe's firmware for <board> to measure it;
#   tinymlp_add_probe_figure_test(<test name> <probe target> <board> <figure> <limit>)
#     a test that the figure the probe prints (a key=value line) is a number under <limit>.
#   tinymlp_add_kernel_check(<test name> <board> <source> <figure> [ARGUMENTS <flags>...] [DEPENDS <files>...])
#     builds the check program <source> (an absolute path) for <board>, with the include folders and
#     the ARGUMENTS before the source, as a target named for the source, and a test that it prints
#     <figure>=0: an assembly kernel's mismatches against the portable C++ it must equal.
function(tinymlp_probe_command variable probe_target board)
  string(TOUPPER ${board} BOARD)
  tinymlp_run_command(command ${board} $<TARGET_PROPERTY:${probe_target},${BOARD}_FIRMWARE>)
  set(${variable} ${command} PARENT_SCOPE)
endfunction()

function(tinymlp_add_probe_figure_test name probe_target board figure limit)
  tinymlp_probe_command(run_probe ${probe_target} ${board})
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -DFIGURE=${figure} -DLIMIT=${limit}
                   -P ${PROJECT_SOURCE_DIR}/tests/board/check_probe_figure.cmake -- ${run_probe})
endfunction()

function(tinymlp_add_kernel_check name board source figure)
  cmake_parse_arguments(PARSE_ARGV 4 check "" "" "ARGUMENTS;DEPENDS")
  get_filename_component(program ${source} NAME_WE)
  set(elf ${CMAKE_CURRENT_BINARY_DIR}/${program}.elf)
  tinymlp_add_firmware(${elf} ${board} ARGUMENTS -I${PROJECT_SOURCE_DIR}/include -I${TINYMLP_BOARD_DIR}
                       ${check_ARGUMENTS} ${source} DEPENDS ${source} ${check_DEPENDS})
  add_custom_target(${program} ALL DEPENDS ${elf})
  tinymlp_run_command(run_check ${board} ${elf})
  add_test(NAME ${name}
           COMMAND ${CMAKE_COMMAND} -DFIGURE=${figure} -DLIMIT=1
                   -P ${PROJECT_SOURCE_DIR}/tests/board/check_probe_figure.cmake -- ${run_check})
endfunction()
