# Fails if a C++ file of the project is not as clang-format writes it with the checked-in .clang-format:
#   cmake -DCLANG_FORMAT=<path> -DSOURCE_DIR=<source tree> [-DFILES=<file;...>] -P check_format.cmake
# Without FILES: every .cpp, .hpp, .h and .ino file in the source folders, found on disk (no git: the
# check runs the same in a clone, a release tarball or the Arduino library zip), except those in a
# build tree (a folder holding CMakeCache.txt, and what is below it) and generated model headers
# (their first line says "generated" and "Do not edit.").
if(NOT CLANG_FORMAT)
  message(FATAL_ERROR "clang-format was not found when the tests were configured: install clang-format (the "
                      "README's test command does) and configure again")
endif()

set(source_folders include src examples tools tests bench board)
if(NOT FILES)
  set(candidates)
  set(build_trees)
  foreach(folder ${source_folders})
    if(IS_DIRECTORY ${SOURCE_DIR}/${folder})
      file(GLOB_RECURSE found RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/${folder}/*.cpp ${SOURCE_DIR}/${folder}/*.hpp
           ${SOURCE_DIR}/${folder}/*.h ${SOURCE_DIR}/${folder}/*.ino)
      file(GLOB_RECURSE caches RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/${folder}/CMakeCache.txt)
      list(APPEND candidates ${found})
      foreach(cache ${caches})
        get_filename_component(tree ${cache} DIRECTORY)
        list(APPEND build_trees ${tree})
      endforeach()
    endif()
  endforeach()
  list(SORT candidates)
  foreach(file ${candidates})
    set(in_build_tree FALSE)
    foreach(tree ${build_trees})
      string(FIND "${file}" "${tree}/" at)
      if(at EQUAL 0)
        set(in_build_tree TRUE)
      endif()
    endforeach()
    if(in_build_tree)
      continue()
    endif()
    file(STRINGS ${SOURCE_DIR}/${file} first_line LIMIT_COUNT 1)
    if(NOT (first_line MATCHES "generated" AND first_line MATCHES "Do not edit\\."))
      list(APPEND FILES ${file})
    endif()
  endforeach()
  if(NOT FILES)
    message(FATAL_ERROR "no C++ files found in ${SOURCE_DIR}'s folders ${source_folders}")
  endif()
endif()

list(LENGTH FILES count)
execute_process(COMMAND ${CLANG_FORMAT} --style=file:${SOURCE_DIR}/.clang-format --dry-run -Werror ${FILES}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message("${output}")
  message(FATAL_ERROR "clang-format would change the files above: run clang-format -i on them")
endif()
message("${count} files as clang-format writes them")
