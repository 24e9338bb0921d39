# section_sum(<elf> <sections> <variable>): sets <variable> to the sum of the sizes of the named
# sections (e.g. "data;bss" for static RAM) of <elf>, as ${SIZE_TOOL} -A gives them; a section the
# ELF lacks counts 0.
function(section_sum elf sections result)
  execute_process(COMMAND "${SIZE_TOOL}" -A "${elf}" OUTPUT_VARIABLE table RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${SIZE_TOOL} failed on ${elf}")
  endif()
  set(sum 0)
  foreach(section ${sections})
    if(table MATCHES "\n\\.${section} +([0-9]+)")
      math(EXPR sum "${sum} + ${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${result} ${sum} PARENT_SCOPE)
endfunction()
