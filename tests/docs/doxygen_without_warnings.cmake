# Runs doxygen on docs/Doxyfile with the output in OUTPUT_DIR and fails on any warning:
#   cmake -DDOXYGEN=<path> -DSOURCE_DIR=<repository> -DOUTPUT_DIR=<dir> -P doxygen_without_warnings.cmake
# A doxygen that was not found fails the test, as a missing compiler does (tests/cmake/run_tool.cmake).
if(NOT DOXYGEN)
  message(FATAL_ERROR "doxygen was not found when the tests were configured: install it "
                      "(scripts/install-debian-packages.sh tests does) and configure again")
endif()

# The checked-in Doxyfile with only the output directory changed; doxygen runs from the repository
# root, which the Doxyfile's relative paths assume.
file(REMOVE_RECURSE "${OUTPUT_DIR}")
file(MAKE_DIRECTORY "${OUTPUT_DIR}")
set(doxyfile "${OUTPUT_DIR}/Doxyfile")
file(WRITE "${doxyfile}" "@INCLUDE = ${SOURCE_DIR}/docs/Doxyfile\nOUTPUT_DIRECTORY = ${OUTPUT_DIR}\n")
execute_process(COMMAND "${DOXYGEN}" "${doxyfile}" WORKING_DIRECTORY "${SOURCE_DIR}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE warnings)

# Warnings go to stderr; the Doxyfile's FAIL_ON_WARNINGS also sets the exit status, but an empty
# stderr is the stricter check.
if(NOT result EQUAL 0 OR NOT warnings STREQUAL "")
  string(REGEX MATCHALL "\n" lines "${warnings}")
  list(LENGTH lines count)
  message(FATAL_ERROR "doxygen (exit status ${result}) reported ${count} warning lines:\n${output}${warnings}")
endif()
message("API reference without warnings: ${OUTPUT_DIR}/html/index.html")
