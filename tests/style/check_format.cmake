# Fails if a C++ file of the project is not as clang-format writes it with the checked-in .clang-format:
#   cmake -DCLANG_FORMAT=<path> -DSOURCE_DIR=<repository> [-DFILES=<file;...>] -P check_format.cmake
# Without FILES: every C++ file git tracks, except generated model headers (their first line says
# "generated" and "Do not edit.").
if(NOT CLANG_FORMAT)
  message(FATAL_ERROR "clang-format was not found when the tests were configured: install clang-format (the "
                      "README's test command does) and configure again")
endif()

if(NOT FILES)
  find_program(GIT git REQUIRED)
  execute_process(COMMAND ${GIT} ls-files -- *.cpp *.hpp *.h *.ino WORKING_DIRECTORY ${SOURCE_DIR}
                  RESULT_VARIABLE result OUTPUT_VARIABLE tracked ERROR_VARIABLE tracked)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "git ls-files failed in ${SOURCE_DIR} (${result}): ${tracked}")
  endif()
  string(REPLACE "\n" ";" tracked "${tracked}")
  foreach(file ${tracked})
    file(STRINGS ${SOURCE_DIR}/${file} first_line LIMIT_COUNT 1)
    if(NOT (first_line MATCHES "generated" AND first_line MATCHES "Do not edit\\."))
      list(APPEND FILES ${file})
    endif()
  endforeach()
endif()

list(LENGTH FILES count)
execute_process(COMMAND ${CLANG_FORMAT} --style=file:${SOURCE_DIR}/.clang-format --dry-run -Werror ${FILES}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message("${output}")
  message(FATAL_ERROR "clang-format would change the files above: run clang-format -i on them")
endif()
message("${count} files as clang-format writes them")
