# Runs a probe and holds one of the key=value figures it prints under a limit:
#   cmake -DFIGURE=<key> -DLIMIT=<n> -P check_probe_figure.cmake -- <probe command>...
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/probe_figure.cmake)

probe_figure(${FIGURE} "[0-9.]+" value)
if(probe_output MATCHES "time_unit=([a-z]+)")
  set(unit " ${CMAKE_MATCH_1}")
endif()
if(NOT value LESS LIMIT)
  message(FATAL_ERROR "${FIGURE} is ${value}${unit}, over the target of ${LIMIT}")
endif()
