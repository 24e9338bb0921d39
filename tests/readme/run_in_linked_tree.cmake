# Runs a shell block of the README as printed, from the repository root, without touching the source
# tree: the block runs in a folder whose entries are links to the source tree's (all but build/ and
# out/, which the block writes), beside a link to ../shared; its last LINES lines must be "x y" pairs
# of numbers (what a sketch prints):
#   cmake -DBASH=<bash> -DBLOCK=<file.sh> -DSOURCE_DIR=<repository> -DWORK_DIR=<folder> -DLINES=<n>
#         -P run_in_linked_tree.cmake
set(root ${WORK_DIR}/tinymlp)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${root})
file(GLOB entries RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/* ${SOURCE_DIR}/.clang-format ${SOURCE_DIR}/.clang-tidy)
foreach(entry ${entries})
  if(NOT entry MATCHES "^(build|out|\\.git)$")
    file(CREATE_LINK ${SOURCE_DIR}/${entry} ${root}/${entry} SYMBOLIC)
  endif()
endforeach()
get_filename_component(shared ${SOURCE_DIR}/../shared ABSOLUTE)
file(CREATE_LINK ${shared} ${WORK_DIR}/shared SYMBOLIC)

execute_process(COMMAND ${BASH} -e ${BLOCK} WORKING_DIRECTORY ${root} RESULT_VARIABLE result
                OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${BLOCK} failed (${result}) in ${root}:\n${output}\n${errors}")
endif()
string(REGEX MATCHALL "-?[0-9]+\\.[0-9]+ -?[0-9]+\\.[0-9]+\n" pairs "${output}")
list(LENGTH pairs count)
if(count LESS LINES)
  message(FATAL_ERROR "${BLOCK} printed ${count} \"x y\" lines, expected ${LINES}:\n${output}\n${errors}")
endif()
message("${output}")
