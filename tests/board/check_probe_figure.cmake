# Runs an inference probe and holds one of the key=value figures it prints under a limit:
#   cmake -DFIGURE=<key> -DLIMIT=<n> -P check_probe_figure.cmake -- <probe command>...
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/command_after_separator.cmake)
set(command ${command_after_separator})

execute_process(COMMAND ${command} OUTPUT_VARIABLE figures ERROR_VARIABLE errors RESULT_VARIABLE failed TIMEOUT 120)
message("${figures}")
if(failed OR NOT figures MATCHES "${FIGURE}=([0-9.]+)")
  message(FATAL_ERROR "the probe failed (${failed}) or printed no ${FIGURE}:\n${errors}")
endif()
set(value ${CMAKE_MATCH_1})
if(NOT value LESS LIMIT)
  message(FATAL_ERROR "${FIGURE} is ${value}, over the target of ${LIMIT}")
endif()
