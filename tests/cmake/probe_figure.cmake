# probe_figure(<key> <number pattern> <variable>): runs the probe command given after "--" (see
# command_after_separator.cmake) and sets <variable> to the number it prints as <key>=<number>, and
# probe_output to all it printed; fails, with what the probe printed, if it fails or prints no such
# figure.
include(${CMAKE_CURRENT_LIST_DIR}/command_after_separator.cmake)

function(probe_figure key number_pattern result)
  execute_process(COMMAND ${command_after_separator} OUTPUT_VARIABLE figures ERROR_VARIABLE errors
                  RESULT_VARIABLE failed TIMEOUT 120)
  message("${figures}")
  if(failed OR NOT figures MATCHES "${key}=(${number_pattern})")
    message(FATAL_ERROR "the probe failed (${failed}) or printed no ${key}:\n${figures}\n${errors}")
  endif()
  set(${result} ${CMAKE_MATCH_1} PARENT_SCOPE)
  set(probe_output "${figures}" PARENT_SCOPE)
endfunction()
