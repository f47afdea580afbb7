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

elseif(SCENARIO STREQUAL "report")
  # jiuye report and jiuye dashboard: every output, and wrong arguments.
  run(ARGS init --db "${DB}" EXPECT 0)
  run(ARGS import --db "${DB}" "${DATA}/every-kind.jsonl" EXPECT 0)
  run(ARGS report --help EXPECT 0 OUT out)
  expect_match("${out}" "quarterly_labor +全县劳动力资源信息季度专报表" "report --help lists the kinds")
  run(ARGS dashboard --help EXPECT 0 OUT out)
  expect_match("${out}" "^Usage: jiuye dashboard" "dashboard --help")
  set(P --from 2026-01-01 --to 2026-12-31)
  run(ARGS report --db "${DB}" --kind quarterly_labor ${P} EXPECT 0 OUT out)
  expect_match("${out}" "^{\"kind\":\"quarterly_labor\",\"title\":\"全县劳动力资源信息季度专报表\"" "report JSON")
  run(ARGS report --db "${DB}" --kind quarterly_labor_service ${P} "${WORK}/s.csv" EXPECT 0 OUT out)
  expect_match("${out}" "劳动力资源服务季度报告: .*s.csv" "report CSV written")
  file(READ "${WORK}/s.csv" csv HEX LIMIT 3)
  expect_match("${csv}" "^efbbbf$" "report CSV starts with a BOM")
  run(ARGS report --db "${DB}" --kind labor --format csv EXPECT 0 OUT out)
  expect_match("${out}" "身份证号" "a ledger kind as CSV")
  if(NOT out MATCHES "\\*\\*\\*\\*")
    message(FATAL_ERROR "ledger CSV not masked: ${out}")
  endif()
  # A workbook of two reports: written, or (a library without libxlsxwriter)
  # refused with a message saying why.
  execute_process(COMMAND "${JIUYE}" report --db "${DB}" --kind quarterly_labor,staff_survey ${P}
                          "${WORK}/two.xlsx"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0)
    file(READ "${WORK}/two.xlsx" zip HEX LIMIT 4)
    expect_match("${zip}" "^504b0304$" "the workbook is a zip")
    expect_match("${out}" "全县劳动力资源信息季度专报表: .*工业企业在岗员工信息摸排专报: " "two sheets")
  else()
    expect_match("${rc}:${err}" "^1:.*libxlsxwriter" "xlsx refused without libxlsxwriter")
  endif()
  run(ARGS dashboard --db "${DB}" ${P} "${WORK}/screen.html" EXPECT 0 OUT out)
  expect_match("${out}" "大屏页面 \\(2026-01-01 至 2026-12-31\\)" "dashboard written")
  file(READ "${WORK}/screen.html" html)
  expect_match("${html}" "^<!DOCTYPE html>.*每月发布岗位" "dashboard page")
  run(ARGS dashboard --db "${DB}" "${WORK}/screen2.html" EXPECT 0) # the contract year

  # Wrong arguments: usage errors (2), failures (1).
  run(ARGS report --db "${DB}" --kind no_such_kind ${P} EXPECT 2 ERR err)
  expect_match("${err}" "unknown kind 'no_such_kind'" "unknown kind")
  run(ARGS report --db "${DB}" --kind quarterly_labor EXPECT 2 ERR err)
  expect_match("${err}" "needs --from and --to" "report without a period")
  run(ARGS report --db "${DB}" --kind quarterly_labor --from 2026-02-30 --to 2026-03-31 EXPECT 2)
  run(ARGS report --db "${DB}" --kind quarterly_labor --from 2026-04-01 --to 2026-03-31 EXPECT 2)
  run(ARGS report --db "${DB}" --kind quarterly_labor ${P} --unmask EXPECT 2 ERR err)
  expect_match("${err}" "no personal data" "--unmask on a report")
  run(ARGS report --db "${DB}" --kind quarterly_labor ${P} --format xlsx EXPECT 2)
  run(ARGS report --db "${DB}" --kind quarterly_labor ${P} --format pdf EXPECT 2)
  run(ARGS report --db "${DB}" --kind quarterly_labor,labor ${P} "${WORK}/x.xlsx" EXPECT 2)
  run(ARGS report --kind quarterly_labor ${P} EXPECT 2)
  run(ARGS report --db "${WORK}/missing.db" --kind quarterly_labor ${P} EXPECT 1)
  file(WRITE "${WORK}/garbage.db" "this is not a database, just some text that is long enough")
  run(ARGS report --db "${WORK}/garbage.db" --kind quarterly_labor ${P} EXPECT 1)
  run(ARGS report --db "${DB}" --kind quarterly_labor ${P} "${WORK}/no/such/dir/r.csv" EXPECT 1)
  run(ARGS dashboard --db "${DB}" EXPECT 2)
  run(ARGS dashboard --db "${DB}" --from 2026-01-01 "${WORK}/d.html" EXPECT 2)
  run(ARGS dashboard --db "${WORK}/missing.db" "${WORK}/d.html" EXPECT 1)
  run(ARGS dashboard --db "${DB}" ${P} "${WORK}/no/such/dir/d.html" EXPECT 1)

else()
  message(FATAL_ERROR "unknown scenario '${SCENARIO}'")
endif()
