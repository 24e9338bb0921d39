# Runs a sketch on the host and on a simulated board, and checks that the board printed the same:
#   cmake -DHOST_PROGRAM=<exe> -DBOARD=<name> -DSAME_NUMBERS=<exe> -DOUTPUT_PREFIX=<path/name>
#         [-DSAME_NUMBERS_OPTIONS=<e.g. --relative>] -P run_and_compare.cmake -- <board's command>...
# where the board's command (board/CMakeLists.txt's tinymlp_run_command with SKETCH @LINES@) may hold
# @LINES@, which becomes the number of lines the host printed: a runner whose sketches never end
# stops after them. The simulators are bounded: simavr by its cycle limit, QEMU by the program's own
# end (the sketch's loop() runs a fixed number of times) and, like both, by a timeout.
include(${CMAKE_CURRENT_LIST_DIR}/../../tests/cmake/command_after_separator.cmake)
foreach(tool HOST_PROGRAM SAME_NUMBERS command_after_separator)
  if(NOT ${tool})
    message(FATAL_ERROR "${tool} is not set or was not found when the project was configured")
  endif()
endforeach()

# Each board's test writes its own copy of the host's output: the boards' tests of one sketch run in
# parallel, and one rewriting a shared file would empty it under another reading it.
set(host_output "${OUTPUT_PREFIX}.host-for-${BOARD}.txt")
execute_process(COMMAND "${HOST_PROGRAM}" OUTPUT_FILE "${host_output}" RESULT_VARIABLE result TIMEOUT 60)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${HOST_PROGRAM} failed: ${result}")
endif()
file(STRINGS "${host_output}" host_lines)
list(LENGTH host_lines line_count)

list(TRANSFORM command_after_separator REPLACE "@LINES@" "${line_count}" OUTPUT_VARIABLE command)
list(JOIN command " " command_line)
message("${command_line}")
execute_process(COMMAND ${command} OUTPUT_FILE "${OUTPUT_PREFIX}.${BOARD}.txt" ERROR_VARIABLE errors
                RESULT_VARIABLE result TIMEOUT 120)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the ${BOARD} simulation failed (${result}):\n${errors}")
endif()

separate_arguments(same_numbers_options UNIX_COMMAND "${SAME_NUMBERS_OPTIONS}")
execute_process(COMMAND "${SAME_NUMBERS}" "${host_output}" "${OUTPUT_PREFIX}.${BOARD}.txt"
                        ${same_numbers_options} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the ${BOARD} printed something other than the host")
endif()
