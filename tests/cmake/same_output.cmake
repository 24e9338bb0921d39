# cmake -DFIRST=<program> -DSECOND=<program> -P same_output.cmake: runs both and fails unless they
# succeed and print the same text.
foreach(program FIRST SECOND)
  execute_process(COMMAND ${${program}} RESULT_VARIABLE status OUTPUT_VARIABLE output_${program})
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${${program}} failed (${status})")
  endif()
endforeach()
if(NOT output_FIRST STREQUAL output_SECOND)
  message(FATAL_ERROR "${FIRST} and ${SECOND} print different text:\n${output_FIRST}\n--- against ---\n${output_SECOND}")
endif()
