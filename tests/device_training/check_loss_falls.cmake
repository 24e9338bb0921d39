# Runs TrainOnDevice (on the host or a simulated board) and checks what it printed: the mean loss
# reported at step STEPS is under BOUND, and the first report's is at least START, so that the
# model learned rather than started there.
#   cmake -DSTEPS=4000 -DBOUND=0.5 -DSTART=2 -P check_loss_falls.cmake -- <command>...
include(${PROJECT_SOURCE_DIR}/tests/cmake/command_after_separator.cmake)
execute_process(COMMAND ${command_after_separator} OUTPUT_VARIABLE output ERROR_VARIABLE errors
                RESULT_VARIABLE failed TIMEOUT 240)
message("${output}")
if(failed)
  message(FATAL_ERROR "the run failed (${failed}):\n${errors}")
endif()
if(NOT output MATCHES "step [0-9]+ loss ([0-9.]+)")
  message(FATAL_ERROR "no loss was printed")
endif()
set(first_loss ${CMAKE_MATCH_1})
if(NOT output MATCHES "step ${STEPS} loss ([0-9.]+)")
  message(FATAL_ERROR "no loss was printed for step ${STEPS}")
endif()
set(loss ${CMAKE_MATCH_1})
if(NOT loss LESS BOUND)
  message(FATAL_ERROR "the loss at step ${STEPS} is ${loss}, not under ${BOUND}")
endif()
if(first_loss LESS START)
  message(FATAL_ERROR "the first reported loss, ${first_loss}, was already low: nothing was learned")
endif()
message("loss ${first_loss} at the first report, ${loss} at step ${STEPS} (bound ${BOUND})")
