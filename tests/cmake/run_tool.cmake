# Runs one tool (a compiler) for a CTest test:
#   cmake -DTOOL=<path> -DTOOL_NAME=<name> [-DEXPECT_FAILURE_MATCHING=<regex>] -P run_tool.cmake -- <arguments>
# Without EXPECT_FAILURE_MATCHING the tool must succeed; with it, it must fail and print a match.
# A tool that was not found fails the test: a missing cross compiler must not pass as a skip.
if(NOT TOOL)
  message(FATAL_ERROR "${TOOL_NAME} was not found when the tests were configured: install it (the README's test "
                      "command does) and configure again")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/command_after_separator.cmake)
set(arguments ${command_after_separator})

list(JOIN arguments " " command_line)
message("${TOOL} ${command_line}")
execute_process(COMMAND "${TOOL}" ${arguments} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")

if(DEFINED EXPECT_FAILURE_MATCHING)
  if(result EQUAL 0)
    message(FATAL_ERROR "${TOOL_NAME} succeeded, but had to fail with a message matching '${EXPECT_FAILURE_MATCHING}'")
  elseif(NOT output MATCHES "${EXPECT_FAILURE_MATCHING}")
    message(FATAL_ERROR "${TOOL_NAME} failed, but without a message matching '${EXPECT_FAILURE_MATCHING}'")
  endif()
elseif(NOT result EQUAL 0)
  message(FATAL_ERROR "${TOOL_NAME} failed (${result})")
endif()
