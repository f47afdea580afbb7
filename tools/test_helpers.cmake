# Helpers shared by the jiuye tool's test scenarios (cmake -P scripts that
# set JIUYE to the tool's path before including this file).

# run(ARGS <args>... EXPECT <exit status> [OUT <var>] [ERR <var>]): runs the
# tool, fails unless it exits with EXPECT, and hands back its output.
function(run)
  cmake_parse_arguments(R "" "EXPECT;OUT;ERR" "ARGS" ${ARGN})
  execute_process(COMMAND "${JIUYE}" ${R_ARGS}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT "${rc}" STREQUAL "${R_EXPECT}")
    message(FATAL_ERROR "jiuye ${R_ARGS}: exit ${rc}, expected ${R_EXPECT}\nstdout: ${out}\nstderr: ${err}")
  endif()
  if(R_OUT)
    set(${R_OUT} "${out}" PARENT_SCOPE)
  endif()
  if(R_ERR)
    set(${R_ERR} "${err}" PARENT_SCOPE)
  endif()
endfunction()

# expect_match(<text> <regex> <what>): fails unless text matches regex.
function(expect_match text regex what)
  if(NOT "${text}" MATCHES "${regex}")
    message(FATAL_ERROR "${what}: '${text}' does not match '${regex}'")
  endif()
endfunction()
