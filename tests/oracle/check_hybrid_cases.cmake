# tinymlp's hybrid exports in TFLite's runtime: WRITER writes the models, inputs and tinymlp's outputs
# into SCRATCH; run_tflite.js runs each model; SAME_NUMBERS holds TFLite's outputs to tinymlp's within
# 1e-5 * max(1, |y|), the tolerance the public fixtures' README sets for the hybrid kernel.
file(MAKE_DIRECTORY ${SCRATCH})
execute_process(COMMAND ${WRITER} ${SCRATCH} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${WRITER} failed: ${result}")
endif()
foreach(variant symmetric asymmetric)
  execute_process(COMMAND ${NODE} ${RUNNER} ${PACKAGE} ${SCRATCH}/hybrid_${variant}.tflite ${SCRATCH}/hybrid_inputs.txt
                  OUTPUT_FILE ${SCRATCH}/hybrid_${variant}.tflite_wasm.txt ERROR_VARIABLE errors RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "TFLite's runtime failed on hybrid_${variant}.tflite: ${errors}")
  endif()
  execute_process(COMMAND ${SAME_NUMBERS} ${SCRATCH}/hybrid_${variant}.tinymlp.txt
                          ${SCRATCH}/hybrid_${variant}.tflite_wasm.txt --tolerance 1e-5 --relative 1
                  RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "TFLite's runtime computes hybrid_${variant}.tflite otherwise than tinymlp")
  endif()
endforeach()
