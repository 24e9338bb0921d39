# Tests of bench/on_target's probes (the inference and training probes built for each board of
# board/boards.cmake), which print the same key=value figures on every board:
#   tinymlp_probe_command(<variable> <probe target> <board>)
#     sets <variable> to the command that runs the probe's firmware for <board> to measure it;
#   tinymlp_add_probe_figure_test(<test name> <probe target> <board> <figure> <limit>)
#     a test that the figure the probe prints (a key=value line) is a number under <limit>.
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
