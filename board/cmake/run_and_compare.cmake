# Runs a sketch on the host and on a simulated board, and checks that the board printed the same:
#   cmake -DHOST_PROGRAM=<exe> -DBOARD=uno|cortex_m4|cortex_m0|riscv32 -DFIRMWARE=<elf> -DSIMULATOR=<run-on-uno or a run-on-*.sh>
#         -DSAME_NUMBERS=<exe> -DOUTPUT_PREFIX=<path/name> [-DSAME_NUMBERS_OPTIONS=<e.g. --relative>]
#         -P run_and_compare.cmake
# The simulators are bounded: the Uno by a cycle limit and a line count, QEMU by the program's own
# end (the sketch's loop() runs a fixed number of times) and, like both, by a timeout.
foreach(tool HOST_PROGRAM FIRMWARE SIMULATOR SAME_NUMBERS)
  if(NOT ${tool})
    message(FATAL_ERROR "${tool} is not set or was not found when the project was configured")
  endif()
endforeach()

execute_process(COMMAND "${HOST_PROGRAM}" OUTPUT_FILE "${OUTPUT_PREFIX}.host.txt" RESULT_VARIABLE result TIMEOUT 60)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${HOST_PROGRAM} failed: ${result}")
endif()
file(STRINGS "${OUTPUT_PREFIX}.host.txt" host_lines)
list(LENGTH host_lines line_count)

if(BOARD STREQUAL "uno")
  set(command "${SIMULATOR}" "${FIRMWARE}" --lines ${line_count} --max-cycles 400000000)
elseif(BOARD MATCHES "^(cortex_m[04]|riscv32)$")
  set(command "${SIMULATOR}" "${FIRMWARE}")
else()
  message(FATAL_ERROR "BOARD must be uno, cortex_m4, cortex_m0 or riscv32, not '${BOARD}'")
endif()
list(JOIN command " " command_line)
message("${command_line}")
execute_process(COMMAND ${command} OUTPUT_FILE "${OUTPUT_PREFIX}.${BOARD}.txt" ERROR_VARIABLE errors
                RESULT_VARIABLE result TIMEOUT 120)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the ${BOARD} simulation failed (${result}):\n${errors}")
endif()

separate_arguments(same_numbers_options UNIX_COMMAND "${SAME_NUMBERS_OPTIONS}")
execute_process(COMMAND "${SAME_NUMBERS}" "${OUTPUT_PREFIX}.host.txt" "${OUTPUT_PREFIX}.${BOARD}.txt"
                        ${same_numbers_options} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the ${BOARD} printed something other than the host")
endif()
