# Runs a libFuzzer target for a bounded time from the seed corpus:
#   cmake -DFUZZER=<program> -DWORK=<folder> -DSEEDS=<folder> -DSECONDS=<n> -DRUNS=<n> -DMAX_LEN=<bytes>
#         [-DDICTIONARY=<file>] -P run_fuzzer.cmake
# The work folder (new inputs the fuzzer finds) starts empty each run; any finding fails the test
# and is kept in <work>-findings/ to reproduce it.
if(NOT EXISTS "${FUZZER}")
  message(FATAL_ERROR "the fuzzer ${FUZZER} was not built (clang++ missing?)")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(MAKE_DIRECTORY "${WORK}-findings")
set(dictionary)
if(DICTIONARY)
  set(dictionary -dict=${DICTIONARY})
endif()
# -malloc_limit_mb: one allocation larger than that is a finding (the importer's stay proportionate
# to the input, which -max_len bounds).
execute_process(COMMAND "${FUZZER}" -max_total_time=${SECONDS} -runs=${RUNS} -timeout=10 -rss_limit_mb=2048
                        -malloc_limit_mb=512 -max_len=${MAX_LEN} ${dictionary}
                        -artifact_prefix=${WORK}-findings/
                        -print_final_stats=1 "${WORK}" "${SEEDS}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(REGEX MATCHALL "(stat::number_of_executed_units|Done [0-9]+ runs)[^\n]*" stats "${output}")
message("${stats}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the fuzzer found a problem (exit ${result}):\n${output}")
endif()
