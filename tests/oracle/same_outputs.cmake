# Runs run_tflite.js on MODEL and INPUTS, writes OUTPUT, and fails unless it equals EXPECTED byte for byte.
execute_process(COMMAND ${NODE} ${RUNNER} ${PACKAGE} ${MODEL} ${INPUTS} OUTPUT_FILE ${OUTPUT} ERROR_VARIABLE errors
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "TFLite's runtime failed on ${MODEL}: ${errors}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUTPUT} ${EXPECTED} RESULT_VARIABLE different)
if(different)
  message(FATAL_ERROR "TFLite's runtime gives ${OUTPUT}, not ${EXPECTED}")
endif()
