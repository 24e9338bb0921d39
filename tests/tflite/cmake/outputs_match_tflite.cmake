# Runs a program (on a simulated board) that prints a line of outputs per input, and checks them
# against TFLite's for the same inputs within 1e-5 * max(1, |y|):
#   cmake -DEXPECTED=<NAME.tflite_wasm.txt> -DSAME_NUMBERS=<exe> -DOUTPUT=<file> -P outputs_match_tflite.cmake -- <command>...
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/command_after_separator.cmake)
foreach(setting EXPECTED SAME_NUMBERS OUTPUT command_after_separator)
  if(NOT ${setting})
    message(FATAL_ERROR "${setting} is not set")
  endif()
endforeach()
list(JOIN command_after_separator " " command_line)
message("${command_line}")
execute_process(COMMAND ${command_after_separator} OUTPUT_FILE "${OUTPUT}" ERROR_VARIABLE errors RESULT_VARIABLE result
                TIMEOUT 280)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the program failed (${result}):\n${errors}")
endif()
execute_process(COMMAND "${SAME_NUMBERS}" "${EXPECTED}" "${OUTPUT}" --tolerance 1e-5 --relative 1 --quiet
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the outputs are not TFLite's (left: TFLite, right: the program)")
endif()
