# Checks that library.json is strict JSON and that it, library.properties and the CMake project say
# the same thing:
#   cmake -DPYTHON3=<path> -DSOURCE_DIR=<repository> -DPROJECT_NAME=<name> -DPROJECT_VERSION=<version>
#         -P check_manifests.cmake
# Every disagreement is reported, then the script fails.
cmake_minimum_required(VERSION 3.19)  # string(JSON)

set(json_path "${SOURCE_DIR}/library.json")
set(properties_path "${SOURCE_DIR}/library.properties")
set(problems)

# Strict JSON, as PlatformIO's Python reads it (CMake's own parser accepts comments).
if(NOT PYTHON3)
  message(FATAL_ERROR "python3 was not found when the tests were configured: install it "
                      "(scripts/install-debian-packages.sh tests does) and configure again")
endif()
execute_process(COMMAND "${PYTHON3}" -m json.tool "${json_path}" RESULT_VARIABLE result OUTPUT_QUIET
                ERROR_VARIABLE json_error)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${json_path} is not valid JSON: ${json_error}")
endif()
file(READ "${json_path}" json)

# library.properties: key=value lines.
file(STRINGS "${properties_path}" property_lines)
foreach(line IN LISTS property_lines)
  if(line MATCHES "^([a-z_.]+)=(.*)$")
    set(property_${CMAKE_MATCH_1} "${CMAKE_MATCH_2}")
  endif()
endforeach()

# expect_same(<what> <value in library.json> <value elsewhere> <where elsewhere>)
function(expect_same what json_value other_value other_place)
  if(NOT json_value STREQUAL other_value)
    set(problems "${problems}\n  ${what}: library.json says '${json_value}', ${other_place} says '${other_value}'"
        PARENT_SCOPE)
  endif()
endfunction()

string(JSON json_name GET "${json}" name)
string(JSON json_version GET "${json}" version)
string(JSON json_description GET "${json}" description)
string(JSON json_url GET "${json}" repository url)
string(JSON json_headers GET "${json}" headers)
expect_same("name" "${json_name}" "${property_name}" "library.properties")
expect_same("name" "${json_name}" "${PROJECT_NAME}" "CMakeLists.txt's project()")
expect_same("version" "${json_version}" "${property_version}" "library.properties")
expect_same("version" "${json_version}" "${PROJECT_VERSION}" "CMakeLists.txt's project()")
expect_same("description" "${json_description}" "${property_sentence}" "library.properties' sentence")
expect_same("repository url" "${json_url}" "${property_url}" "library.properties' url")
expect_same("headers" "${json_headers}" "${property_includes}" "library.properties' includes")

# The licence: library.json names it by its SPDX identifier, and LICENSE holds that licence's text
# with the copyright line.
string(JSON json_license ERROR_VARIABLE license_error GET "${json}" license)
expect_same("license" "${json_license}" "MIT" "LICENSE")
set(license_path "${SOURCE_DIR}/LICENSE")
if(NOT EXISTS "${license_path}")
  set(problems "${problems}\n  LICENSE: the file is missing")
else()
  file(READ "${license_path}" license_text)
  foreach(expected "MIT License" "Copyright (c) 2026 The tinymlp authors"
                   "Permission is hereby granted, free of charge, to any person obtaining a copy"
                   "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND")
    string(FIND "${license_text}" "${expected}" at)
    if(at EQUAL -1)
      set(problems "${problems}\n  LICENSE: lacks the MIT licence's line '${expected}'")
    endif()
  endforeach()
endif()

# The examples: library.json lists exactly the sketches the Arduino IDE shows, the folders
# examples/<Name>/ holding <Name>.ino, each with that sketch among its files.
file(GLOB sketches RELATIVE "${SOURCE_DIR}/examples" "${SOURCE_DIR}/examples/*/*.ino")
set(sketch_names)
foreach(sketch IN LISTS sketches)
  get_filename_component(folder "${sketch}" DIRECTORY)
  get_filename_component(name "${sketch}" NAME_WE)
  if(folder STREQUAL name)
    list(APPEND sketch_names "${name}")
  endif()
endforeach()
list(SORT sketch_names)

set(json_example_names)
string(JSON example_count LENGTH "${json}" examples)
if(example_count GREATER 0)
  math(EXPR last "${example_count} - 1")
  foreach(index RANGE ${last})
    string(JSON name GET "${json}" examples ${index} name)
    string(JSON base GET "${json}" examples ${index} base)
    string(JSON files GET "${json}" examples ${index} files)
    list(APPEND json_example_names "${name}")
    expect_same("example ${name}'s base" "${base}" "examples/${name}" "its sketch folder")
    string(JSON file_count LENGTH "${files}")
    set(lists_sketch FALSE)
    math(EXPR last_file "${file_count} - 1")
    foreach(file_index RANGE ${last_file})
      string(JSON file GET "${files}" ${file_index})
      if(file STREQUAL "${name}.ino")
        set(lists_sketch TRUE)
      endif()
    endforeach()
    if(NOT lists_sketch)
      set(problems "${problems}\n  example ${name}: its files do not list ${name}.ino")
    endif()
  endforeach()
endif()
list(SORT json_example_names)
expect_same("examples" "${json_example_names}" "${sketch_names}" "the folders examples/<Name>/<Name>.ino")

if(problems)
  message(FATAL_ERROR "The manifests disagree:${problems}")
endif()
message("library.json, library.properties and CMake agree: ${json_name} ${json_version}, licence ${json_license}, "
        "examples ${sketch_names}")
