# Writes tinymlp's int8 exports and tinymlp's integers for them with WRITER into SCRATCH, then holds
# each against TFLite's runtime with same_outputs.cmake (tinymlp's outputs are the EXPECTED ones).
file(MAKE_DIRECTORY ${SCRATCH})
execute_process(COMMAND ${WRITER} ${SCRATCH} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${WRITER} failed")
endif()
foreach(name ${MODELS})
  execute_process(COMMAND ${CMAKE_COMMAND} -DNODE=${NODE} -DRUNNER=${RUNNER} -DPACKAGE=${PACKAGE}
                          -DMODEL=${SCRATCH}/${name}.tflite -DINPUTS=${SCRATCH}/${name}.inputs.txt
                          -DEXPECTED=${SCRATCH}/${name}.tinymlp.txt -DOUTPUT=${SCRATCH}/${name}.tflite_wasm.txt
                          -P ${CMAKE_CURRENT_LIST_DIR}/same_outputs.cmake
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${name}: TFLite's runtime and tinymlp differ")
  endif()
  message("${name}: TFLite's runtime gives tinymlp's integers")
endforeach()
