# Writes a C++ header holding a text table of floats (one row a line, values separated by spaces) as
#   const float NAME_rows[ROWS][COLUMNS] TINYMLP_PROGMEM = {...}; const int NAME_row_count = ROWS;
#   cmake -DINPUT=<table.txt> -DOUTPUT=<header.hpp> -DNAME=<name> [-DROWS=<at most this many>] -P write_float_rows_header.cmake
file(STRINGS ${INPUT} lines)
if(DEFINED ROWS)
  list(SUBLIST lines 0 ${ROWS} lines)
endif()
list(LENGTH lines row_count)
set(body "")
set(columns 0)
foreach(line IN LISTS lines)
  string(STRIP "${line}" line)
  string(REGEX REPLACE " +" ";" values "${line}")
  list(LENGTH values columns)
  list(TRANSFORM values APPEND "f")
  list(JOIN values ", " row)
  string(APPEND body "    {${row}},\n")
endforeach()
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by write_float_rows_header.cmake. Do not edit.\n"
                     "const float ${NAME}_rows[${row_count}][${columns}] TINYMLP_PROGMEM = {\n${body}};\n"
                     "const int ${NAME}_row_count = ${row_count};\n")
