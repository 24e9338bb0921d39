# Fails when a page outgrows its budget, so that details go to docs/ and the README stays a front door:
#   cmake -DPAGE=<file> -DMAX_BYTES=<n> -P check_size.cmake
file(SIZE "${PAGE}" bytes)
if(bytes GREATER MAX_BYTES)
  message(FATAL_ERROR "${PAGE} has ${bytes} bytes, more than ${MAX_BYTES}: move details to a page in docs/")
endif()
message("${PAGE}: ${bytes} bytes of at most ${MAX_BYTES}")
