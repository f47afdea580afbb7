# Runs jiuye-gen twice with the same seed and scale and checks that the
# outputs are byte-identical, and that another seed gives other output.
# Usage: cmake -DGEN=<jiuye-gen> -DWORK_DIR=<dir> -P gen_compare.cmake
if(NOT GEN OR NOT WORK_DIR)
  message(FATAL_ERROR "gen_compare.cmake: set GEN and WORK_DIR")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(run a b c)
  set(seed 7)
  if(run STREQUAL "c")
    set(seed 8)
  endif()
  execute_process(COMMAND "${GEN}" --seed ${seed} --scale 0.01 --stdout
    OUTPUT_FILE "${WORK_DIR}/${run}.jsonl" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "jiuye-gen run ${run} failed: ${rc}")
  endif()
endforeach()
file(SIZE "${WORK_DIR}/a.jsonl" size)
if(size EQUAL 0)
  message(FATAL_ERROR "jiuye-gen wrote nothing")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/a.jsonl" "${WORK_DIR}/b.jsonl"
  RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "two runs with the same seed differ")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/a.jsonl" "${WORK_DIR}/c.jsonl"
  RESULT_VARIABLE same)
if(same EQUAL 0)
  message(FATAL_ERROR "two runs with different seeds are identical")
endif()
message(STATUS "jiuye-gen is deterministic (${size} bytes)")
