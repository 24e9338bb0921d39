# For scripts run as `cmake -D... -P script.cmake -- <command>...`: sets `command_after_separator`
# to the list of arguments after the `--`.
set(command_after_separator)
set(after_separator FALSE)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(index RANGE ${last})
  if(after_separator)
    list(APPEND command_after_separator "${CMAKE_ARGV${index}}")
  elseif(CMAKE_ARGV${index} STREQUAL "--")
    set(after_separator TRUE)
  endif()
endforeach()
