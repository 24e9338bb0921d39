# Writes a C++11 header of int8 input rows (a fixture's *.inputs.txt: one row a line, values separated
# by spaces) for a board program, in flash:
#   cmake -DINPUTS=<inputs.txt> -DHEADER=<out.hpp> -P int8_inputs_header.cmake
# defines fixture_rows, fixture_width and `const int8_t fixture_inputs[rows * width] TINYMLP_PROGMEM`.
file(STRINGS "${INPUTS}" lines)
set(body "")
set(rows 0)
set(width 0)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "[ \t]+" ";" values "${line}")
  list(LENGTH values count)
  if(width EQUAL 0)
    set(width ${count})
  elseif(NOT count EQUAL width)
    message(FATAL_ERROR "${INPUTS}: a row of ${count} values after rows of ${width}")
  endif()
  list(JOIN values ", " joined)
  string(APPEND body "    ${joined},\n")
  math(EXPR rows "${rows} + 1")
endforeach()
file(WRITE "${HEADER}" "// Written by tests/quant/int8_inputs_header.cmake from ${INPUTS}. Do not edit.
#include <tinymlp.hpp>
static const unsigned fixture_rows = ${rows};
static const unsigned fixture_width = ${width};
static const int8_t fixture_inputs[${rows} * ${width}] TINYMLP_PROGMEM = {
${body}};
")
