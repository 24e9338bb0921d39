# Runs PROGRAM and fails unless what it prints is EXPECTED's bytes (OUTPUT keeps what it printed):
#   cmake -DPROGRAM=<exe> -DEXPECTED=<file> -DOUTPUT=<file> -P prints_expected.cmake
execute_process(COMMAND "${PROGRAM}" OUTPUT_FILE "${OUTPUT}" RESULT_VARIABLE result TIMEOUT 60)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} failed: ${result}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUTPUT}" "${EXPECTED}" RESULT_VARIABLE different)
if(different)
  message(FATAL_ERROR "${PROGRAM} prints ${OUTPUT}, not ${EXPECTED}")
endif()
