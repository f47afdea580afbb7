# Scenarios of the jiuye tool, run with cmake -P:
#   -DJIUYE=<tool> -DDATA=<tests/data/io> -DWORK=<scratch dir> -DSCENARIO=<name>
# (and -DDOC=<docs/formats.md> for the formats scenario).

include("${CMAKE_CURRENT_LIST_DIR}/test_helpers.cmake")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/county.db")

if(SCENARIO STREQUAL "import_export")
  run(ARGS init --db "${DB}" EXPECT 0 OUT out)
  expect_match("${out}" "created .* for 新干县 \\(360824\\)" "init")
  run(ARGS init --db "${DB}" EXPECT 1) # exists already

  # keep-good: the good rows stay, each bad one goes to the rejects file.
  run(ARGS import --db "${DB}" --kind labor --mode keep-good --rejects "${WORK}/rejects.jsonl"
      "${DATA}/labor-mixed.csv" EXPECT 0 OUT out)
  expect_match("${out}" "^{\"accepted\": 5, \"updated\": 0, \"rejected\": 7, \"warnings\": [0-9]+}\n$" "keep-good")
  file(STRINGS "${WORK}/rejects.jsonl" rejects)
  list(LENGTH rejects n)
  if(NOT n EQUAL 7)
    message(FATAL_ERROR "7 rejects expected, got ${n}: ${rejects}")
  endif()
  list(GET rejects 0 first)
  expect_match("${first}" "^{\"line\": 4, \"field\": \"id_number\", \"reason\": \"[^\"]+\"}$" "reject line")
  list(GET rejects 4 cells)
  expect_match("${cells}" "^{\"line\": 10, \"field\": null, \"reason\": " "reject without a field")

  # all: anything rejected is exit 1 and nothing is stored (the 5 good ones
  # would have been updates).
  run(ARGS import --db "${DB}" --kind labor "${DATA}/labor-mixed.csv" EXPECT 1 OUT out ERR err)
  expect_match("${out}" "\"accepted\": 0, \"updated\": 0, \"rejected\": 7" "all mode")
  expect_match("${err}" "labor-mixed.csv:4: id_number: " "rejects on stderr")

  # Re-import of good rows: updates, not duplicates; GB18030 input.
  run(ARGS import --db "${DB}" --kind 劳动力资源信息 "${DATA}/labor-gb18030.csv" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 3, \"updated\": 0, \"rejected\": 0" "gb18030")
  run(ARGS import --db "${DB}" --kind labor --encoding utf8 "${DATA}/labor-utf8.csv" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 3, \"updated\": 3, \"rejected\": 0" "re-import")

  # Every kind as JSON Lines (kind from each line).
  run(ARGS import --db "${DB}" "${DATA}/every-kind.jsonl" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 17, \"updated\": 0, \"rejected\": 0" "jsonl")

  # Exports: masked by default, in clear with --unmask.
  run(ARGS export --db "${DB}" --kind labor "${WORK}/labor.csv" EXPECT 0 OUT out)
  expect_match("${out}" "{\"exported\": 9}" "export count")
  file(READ "${WORK}/labor.csv" bom LIMIT 3 HEX)
  expect_match("${bom}" "^efbbbf$" "a UTF-8 BOM")
  file(READ "${WORK}/labor.csv" csv)
  expect_match("${csv}" "^...编号,身份证号,姓名," "CSV header in Chinese")
  if(csv MATCHES "360824200102031012" OR csv MATCHES "刘一")
    message(FATAL_ERROR "personal data in a masked export:\n${csv}")
  endif()
  expect_match("${csv}" "360824\\*+12,刘\\*," "masked")
  run(ARGS export --db "${DB}" --kind labor --unmask --names --no-bom "${WORK}/clear.csv" EXPECT 0)
  file(READ "${WORK}/clear.csv" bom LIMIT 3 HEX)
  expect_match("${bom}" "^69642c$" "no BOM") # "id,"
  file(READ "${WORK}/clear.csv" csv)
  expect_match("${csv}" "^id,id_number,name," "CSV header in English without a BOM")
  expect_match("${csv}" "360824200102031012,刘一," "unmasked")

  run(ARGS export --db "${DB}" - EXPECT 0 OUT out ERR err)
  expect_match("${out}" "^{\"type\":\"contract\"" "JSON Lines on standard output")
  expect_match("${err}" "{\"exported\": [0-9]+}" "count on standard error")
  run(ARGS export --db "${DB}" --unmask "${WORK}/all.jsonl" EXPECT 0)

  # The export imports back into a new database.
  run(ARGS init --db "${WORK}/copy.db" EXPECT 0)
  run(ARGS import --db "${WORK}/copy.db" --format jsonl "${WORK}/all.jsonl" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 25, \"updated\": 0, \"rejected\": 0" "copy")

  # CSV of enterprises and postings (masked values would not import back).
  run(ARGS export --db "${DB}" --kind enterprise --unmask "${WORK}/enterprises.csv" EXPECT 0)
  run(ARGS export --db "${DB}" --kind posting --format csv "${WORK}/postings.txt" EXPECT 0)
  run(ARGS init --db "${WORK}/csv.db" EXPECT 0)
  run(ARGS import --db "${WORK}/csv.db" --kind enterprise "${WORK}/enterprises.csv" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 1, " "enterprises")
  run(ARGS import --db "${WORK}/csv.db" --kind posting --format csv "${WORK}/postings.txt" EXPECT 0 OUT out)
  expect_match("${out}" "\"accepted\": 1, " "postings")

  # Standard input.
  execute_process(COMMAND "${JIUYE}" import --db "${DB}" --kind enterprise -
    INPUT_FILE "${DATA}/every-kind.jsonl" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "-:1: type: type 'contract' where 'enterprise' was expected")
    message(FATAL_ERROR "import from standard input: ${rc} ${out} ${err}")
  endif()

  # Errors: a missing database, a missing file.
  run(ARGS import --db "${WORK}/none.db" --kind labor "${DATA}/labor-utf8.csv" EXPECT 1 ERR err)
  expect_match("${err}" "no such database" "missing database")
  run(ARGS import --db "${DB}" --kind labor "${WORK}/none.csv" EXPECT 1)

elseif(SCENARIO STREQUAL "usage")
  run(ARGS import EXPECT 2)
  run(ARGS import --db "${DB}" EXPECT 2)
  run(ARGS import --db "${DB}" x.csv EXPECT 2 ERR err) # CSV needs a kind
  expect_match("${err}" "--kind KIND is required for CSV" "csv kind")
  run(ARGS import --db "${DB}" --kind nosuch x.jsonl EXPECT 2 ERR err)
  expect_match("${err}" "unknown kind 'nosuch'; kinds: contract enterprise" "kind list")
  run(ARGS import --db "${DB}" --mode some x.jsonl EXPECT 2)
  run(ARGS import --db "${DB}" --format xml x.jsonl EXPECT 2)
  run(ARGS import --db "${DB}" --bogus x.jsonl EXPECT 2)
  run(ARGS import --db "${DB}" a.jsonl b.jsonl EXPECT 2)
  run(ARGS export --db "${DB}" EXPECT 2)
  run(ARGS export --db "${DB}" out.csv EXPECT 2)
  run(ARGS export --db "${DB}" --unmask=yes out.jsonl EXPECT 2)
  run(ARGS init EXPECT 2)
  foreach(cmd init import export)
    run(ARGS ${cmd} --help EXPECT 0 OUT out)
    expect_match("${out}" "^Usage: jiuye ${cmd} " "${cmd} --help")
  endforeach()
  run(ARGS --help EXPECT 0 OUT out)
  expect_match("${out}" "import .*export" "main help")

elseif(SCENARIO STREQUAL "formats")
  # docs/formats.md holds the catalogue's reference as `jiuye formats` prints
  # it: the documentation cannot drift from the code.
  run(ARGS formats EXPECT 0 OUT out)
  file(READ "${DOC}" doc)
  # The examples of the reference are valid records.
  run(ARGS formats --examples EXPECT 0 OUT examples)
  file(WRITE "${WORK}/examples.jsonl" "${examples}")
  run(ARGS init --db "${DB}" EXPECT 0)
  run(ARGS import --db "${DB}" "${WORK}/examples.jsonl" EXPECT 0 OUT imported)
  expect_match("${imported}" "\"accepted\": 17, \"updated\": 0, \"rejected\": 0, \"warnings\": [1-9]"
    "the examples of docs/formats.md import (labor_change skipped)")
  string(FIND "${doc}" "${out}" at)
  if(at LESS 0)
    file(WRITE "${WORK}/formats-expected.md" "${out}")
    message(FATAL_ERROR "docs/formats.md does not contain the output of `jiuye formats` "
      "(written to ${WORK}/formats-expected.md): regenerate its field reference")
  endif()

else()
  message(FATAL_ERROR "unknown scenario '${SCENARIO}'")
endif()
