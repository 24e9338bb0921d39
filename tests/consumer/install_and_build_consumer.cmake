# cmake -DSOURCE_DIR=... -DCONSUMER_DIR=... -DWORK_DIR=... -DCXX_COMPILER=... -DGENERATOR=...
#       [-DCONSUMER_CXX_COMPILER=...] -P install_and_build_consumer.cmake
# Builds and installs tinymlp from a fresh configuration of SOURCE_DIR (tests, examples, benchmarks
# and boards off) into WORK_DIR/prefix, then configures, builds (with CONSUMER_CXX_COMPILER, default CXX_COMPILER,
# and no standard flag: the targets carry theirs) and runs the consumer project against that prefix,
# which trains, saves, loads, converts and writes headers; then the installed bin/tinymlp-convert
# converts the .tflite the consumer wrote. Any step failing, or find_package finding a tinymlp other
# than the one just installed, fails.
cmake_minimum_required(VERSION 3.16)

foreach(variable SOURCE_DIR CONSUMER_DIR WORK_DIR CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "${variable} is not set")
  endif()
endforeach()
if(NOT CONSUMER_CXX_COMPILER)
  set(CONSUMER_CXX_COMPILER ${CXX_COMPILER})
endif()

set(library_build ${WORK_DIR}/tinymlp-build)
set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/consumer-build)
file(REMOVE_RECURSE ${WORK_DIR})  # every run starts from nothing, so a stale install cannot pass
file(MAKE_DIRECTORY ${WORK_DIR})

# Runs one step; on failure stops with the step's name and everything it printed.
function(run_step name)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK_DIR} RESULT_VARIABLE result OUTPUT_VARIABLE output
                  ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name} failed (${result}):\n${ARGN}\n${output}")
  endif()
  message(STATUS "${name}: done")
  set(step_output "${output}" PARENT_SCOPE)
endfunction()

run_step("configure tinymlp" ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${library_build} -G ${GENERATOR}
         -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DTINYMLP_BUILD_TESTS=OFF -DTINYMLP_BUILD_EXAMPLES=OFF
         -DTINYMLP_BUILD_BENCHMARKS=OFF -DTINYMLP_BUILD_BOARD=OFF -DTINYMLP_BUILD_TOOLS=ON)
run_step("build tinymlp" ${CMAKE_COMMAND} --build ${library_build})
run_step("install tinymlp" ${CMAKE_COMMAND} --install ${library_build} --prefix ${prefix})

run_step("configure the consumer" ${CMAKE_COMMAND} -S ${CONSUMER_DIR} -B ${consumer_build} -G ${GENERATOR}
         -DCMAKE_CXX_COMPILER=${CONSUMER_CXX_COMPILER} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${prefix})
# find_package must have used the package just installed, not one found elsewhere on the system.
file(STRINGS ${consumer_build}/CMakeCache.txt found_package REGEX "^tinymlp_DIR:")
string(FIND "${found_package}" "${prefix}/" prefix_position)
if(NOT prefix_position GREATER -1)
  message(FATAL_ERROR "the consumer found tinymlp outside ${prefix}: ${found_package}")
endif()

run_step("build the consumer" ${CMAKE_COMMAND} --build ${consumer_build})
run_step("run the consumer" ${consumer_build}/tinymlp_consumer)
message(STATUS "${step_output}")
# The installed CLI, from bin/: the consumer's .tflite to a header, and its summary.
run_step("tinymlp-convert" ${prefix}/bin/tinymlp-convert consumer.tflite -o from_cli.hpp)
run_step("tinymlp-convert --info" ${prefix}/bin/tinymlp-convert --info consumer.tflite)
if(NOT step_output MATCHES "tinymlp::Mlp<tinymlp::ReLU, 1, 8, 1>")
  message(FATAL_ERROR "tinymlp-convert --info did not name the model's type:\n${step_output}")
endif()
