# Builds a sketch for the Arduino Uno with Debian's arduino-builder and arduino-core-avr, and fails on
# any warning (-Wall -Wextra, and -Wshadow as the other boards) in the sketch or in tinymlp (the
# Arduino core's own warnings are not ours to fix):
#   cmake -DBUILDER=<arduino-builder> -DSKETCH=<dir/Name.ino> -DLIBRARIES=<folder holding tinymlp>
#         -DBUILD_PATH=<folder> [-DEXTRA_FLAGS=<compiler flags>] -P build_for_uno.cmake
# The builder needs its own hardware folder next to the core's (else "ctags pattern is missing"), and
# Debian's avr-gcc 5.4 needs DECIMAL_DIG spelled out for the core's WString.cpp.
if(NOT BUILDER)
  message(FATAL_ERROR "arduino-builder was not found when the project was configured: install arduino-builder and "
                      "arduino-core-avr (scripts/install-debian-packages.sh does) and configure again")
endif()
file(MAKE_DIRECTORY "${BUILD_PATH}")
# A failed build must not leave the last good program behind for the tests to run.
get_filename_component(sketch_file "${SKETCH}" NAME)
file(REMOVE "${BUILD_PATH}/${sketch_file}.elf")
execute_process(
  COMMAND "${BUILDER}" -compile -hardware /usr/share/arduino/hardware -hardware /usr/share/arduino-builder
          -tools /usr/share/arduino-builder -tools /usr/bin -libraries "${LIBRARIES}" -fqbn arduino:avr:uno
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
