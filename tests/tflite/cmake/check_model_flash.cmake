# Checks where a generated model header's bytes go in an AVR program:
#   cmake -DNM_TOOL=<avr-nm> -DSIZE_TOOL=<avr-size> -DELF=<program.elf> -DBASELINE_ELF=<without model>
#         -DSYMBOL=<NAME_parameters> -DPARAMETERS=<count> -P check_model_flash.cmake
# - the weights are one array (however many translation units include the header) of exactly 4
#   bytes per parameter in flash (.text: PROGMEM);
# - the program's RAM (.data + .bss) is what it is without the model: the FlashModel object is
#   folded away at compile time and nothing of the model is copied to RAM.
foreach(tool NM_TOOL SIZE_TOOL)
  if(NOT ${tool})
    message(FATAL_ERROR "${tool} was not found when the tests were configured: install binutils-avr, configure again")
  endif()
endforeach()

execute_process(COMMAND "${NM_TOOL}" -S -C "${ELF}" OUTPUT_VARIABLE symbols RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "avr-nm failed on ${ELF}")
endif()
# Lines "address size type name"; the weights must be there once (not once per translation unit).
string(REPLACE "\n" ";" lines "${symbols}")
set(copies 0)
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9a-f]+ ([0-9a-f]+) [tTvVwW] (.*)$" AND CMAKE_MATCH_2 STREQUAL SYMBOL)
    math(EXPR copies "${copies} + 1")
    math(EXPR weight_bytes "0x${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT copies EQUAL 1)
  message(FATAL_ERROR "${SYMBOL} is in the program's flash ${copies} times, not once:\n${symbols}")
endif()
math(EXPR expected_bytes "4 * ${PARAMETERS}")
message("${SYMBOL}: ${weight_bytes} bytes in flash for ${PARAMETERS} parameters")
if(NOT weight_bytes EQUAL expected_bytes)
  message(FATAL_ERROR "the weights take ${weight_bytes} bytes, not 4 per parameter (${expected_bytes})")
endif()

# Static RAM from avr-size's Berkeley line: "text data bss dec hex file".
function(static_ram elf out)
  execute_process(COMMAND "${SIZE_TOOL}" -B "${elf}" OUTPUT_VARIABLE berkeley)
  if(NOT berkeley MATCHES "\n *[0-9]+[ \t]+([0-9]+)[ \t]+([0-9]+)")
    message(FATAL_ERROR "avr-size gave no sizes for ${elf}:\n${berkeley}")
  endif()
  math(EXPR bytes "${CMAKE_MATCH_1} + ${CMAKE_MATCH_2}")
  set(${out} ${bytes} PARENT_SCOPE)
endfunction()
static_ram("${ELF}" with_model)
static_ram("${BASELINE_ELF}" without_model)
message("static RAM: ${with_model} bytes with the model, ${without_model} without")
if(NOT with_model EQUAL without_model)
  message(FATAL_ERROR "the model adds ${with_model} - ${without_model} bytes of static RAM; it should add none")
endif()
