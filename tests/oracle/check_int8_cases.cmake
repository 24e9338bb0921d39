# Writes tinymlp's int8 operator cases with WRITER, then has check_int8_cases.js hold them against TFLite.
execute_process(COMMAND ${WRITER} ${SCRATCH}.txt RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${WRITER} failed")
endif()
execute_process(COMMAND ${NODE} ${CHECKER} ${PACKAGE} ${FLATC} ${SCHEMA} ${SCRATCH}.txt ${SCRATCH}
                OUTPUT_VARIABLE output ERROR_VARIABLE errors RESULT_VARIABLE result)
message("${output}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "tinymlp and TFLite differ (or the check failed): ${errors}")
endif()
