# Writes the header afresh and fails if it differs from the committed one:
#   cmake -DWRITER=<program> -DCOMMITTED=<file> -DFRESH=<file> -P same_header.cmake
execute_process(COMMAND "${WRITER}" "${FRESH}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${WRITER} failed: ${result}")
endif()
file(READ "${COMMITTED}" committed)
file(READ "${FRESH}" fresh)
if(NOT committed STREQUAL fresh)
  message(FATAL_ERROR "${COMMITTED} is not what the quantizer writes today (${FRESH}): copy it over")
endif()
