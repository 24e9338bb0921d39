# Builds a sketch with Debian's arduino-builder and arduino-core-avr, and fails on any warning (-Wall
# -Wextra, and -Wshadow as the other boards) in the sketch or in tinymlp (the Arduino core's own
# warnings are not ours to fix):
#   cmake -DBUILDER=<arduino-builder> -DFQBN=<e.g. arduino:avr:uno> -DSKETCH=<dir/Name.ino or dir/Name.cpp>
#         -DLIBRARIES=<folder holding tinymlp> -DBUILD_PATH=<folder> -DELF=<where the program goes>
#         [-DEXTRA_FLAGS=<compiler flags>] -P build_with_arduino_builder.cmake
# A Name.cpp (a sketch kept where the Arduino Library Manager's checker looks for no sketches) is built
# as the sketch folder BUILD_PATH-source/Name holding it as Name.ino and the other files of its folder.
# The builder needs its own hardware folder next to the core's (else "ctags pattern is missing"), and
# Debian's avr-gcc 5.4 needs DECIMAL_DIG spelled out for the core's WString.cpp.
if(NOT BUILDER)
  message(FATAL_ERROR "arduino-builder was not found when the project was configured: install arduino-builder and "
                      "arduino-core-avr (scripts/install-debian-packages.sh does) and configure again")
endif()
file(MAKE_DIRECTORY "${BUILD_PATH}")
# A failed build must not leave the last good program behind for the tests to run.
get_filename_component(name "${SKETCH}" NAME_WE)
file(REMOVE "${ELF}" "${BUILD_PATH}/${name}.ino.elf")
if(SKETCH MATCHES "\\.cpp$")
  get_filename_component(folder "${SKETCH}" DIRECTORY)
  set(staged "${BUILD_PATH}-source/${name}")
  file(REMOVE_RECURSE "${staged}")
  file(GLOB files "${folder}/*")
  list(REMOVE_ITEM files "${SKETCH}")
  if(files)
    file(COPY ${files} DESTINATION "${staged}")
  endif()
  configure_file("${SKETCH}" "${staged}/${name}.ino" COPYONLY)
  set(SKETCH "${staged}/${name}.ino")
endif()
execute_process(
  COMMAND "${BUILDER}" -compile -hardware /usr/share/arduino/hardware -hardware /usr/share/arduino-builder
          -tools /usr/share/arduino-builder -tools /usr/bin -libraries "${LIBRARIES}" -fqbn "${FQBN}"
          -build-path "${BUILD_PATH}" -warnings all
          -prefs "compiler.cpp.extra_flags=-DDECIMAL_DIG=__DECIMAL_DIG__ -Wshadow ${EXTRA_FLAGS}" "${SKETCH}"
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "arduino-builder failed (${result}) on ${SKETCH}:\n${output}")
endif()
string(REGEX MATCHALL "[^\n]*warning:[^\n]*" warnings "${output}")
list(FILTER warnings EXCLUDE REGEX "/usr/share/arduino/hardware/")
if(warnings)
  list(JOIN warnings "\n" warnings)
  message(FATAL_ERROR "warnings in ${SKETCH}:\n${warnings}")
endif()
configure_file("${BUILD_PATH}/${name}.ino.elf" "${ELF}" COPYONLY)
