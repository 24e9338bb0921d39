# cmake -DSOURCE_DIR=... -DCONSUMER_DIR=... -DWORK_DIR=... -DCXX_COMPILER=... -DGENERATOR=...
#       -P install_and_build_consumer.cmake
# Installs tinymlp from a fresh configuration of SOURCE_DIR (tests, examples and benchmarks off)
# into WORK_DIR/prefix, then configures, builds and runs the consumer project against that prefix.
# Any step failing, or find_package finding a tinymlp other than the one just installed, fails.
cmake_minimum_required(VERSION 3.16)

foreach(variable SOURCE_DIR CONSUMER_DIR WORK_DIR CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "${variable} is not set")
  endif()
endforeach()

set(library_build ${WORK_DIR}/tinymlp-build)
set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
file(REMOVE_RECURSE ${WORK_DIR})  # every run starts from nothing, so a stale install cannot pass

# Runs one step; on failure stops with the step's name and everything it printed.
function(run_step name)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} failed (${result}):\n${ARGN}\n${output}")
  endif()
  message(STATUS "${name}: done")
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

run_step("configure tinymlp" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${library_build} -G ${GENERATOR}
         -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_EXAMPLES=OFF
         -DTINYMLP_BUILD_BENCHMARKS=OFF)
run_step("install tinymlp" ${CMAKE_COMMAND} --install ${library_build} --prefix ${prefix})

run_step("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${consumer_build} -G ${GENERATOR}
         -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
# find_package must have used the package just installed, not one found elsewhere on the system.
file(STRINGS ${consumer_build}/CMakeCache.txt found_package REGEX "^tinymlp_DIR:")
string(FIND "${found_package}" "${prefix}/" prefix_position)
if(NOT prefix_position GREATER -1)
  message(FATAL_ERROR "the consumer found tinymlp outside ${prefix}: ${found_package}")
endif()

run_step("build the consumer" ${CMAKE_COMMAND} --build ${consumer_build})
run_step("run the consumer" ${consumer_build}/tinymlp_consumer)
message(STATUS "${step_output}")
