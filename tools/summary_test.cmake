# `jiuye summary` on a small synthetic county, run with cmake -P:
#   -DGEN=<jiuye-gen> -DJIUYE=<jiuye> -DWORK=<scratch dir>
# Generates a county year at scale 0.01, imports it into a fresh database and
# checks the summary (text and JSON): the ledgers' counts, the labor survey by
# township, no personal data; and the usage errors.
if(NOT GEN OR NOT JIUYE OR NOT WORK)
  message(FATAL_ERROR "summary_test.cmake: set GEN, JIUYE and WORK")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/test_helpers.cmake")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/county.db")
set(JSONL "${WORK}/county.jsonl")

execute_process(COMMAND "${GEN}" --scale 0.01 --stdout OUTPUT_FILE "${JSONL}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "jiuye-gen failed: ${rc}")
endif()

# Usage errors before there is a database.
run(ARGS summary EXPECT 2)
run(ARGS summary --db "${DB}" --no-such-option EXPECT 2)
run(ARGS summary --db "${DB}" EXPECT 1) # no such database
run(ARGS summary --help EXPECT 0 OUT out)
expect_match("${out}" "^Usage: jiuye summary --db FILE" "summary --help")

run(ARGS init --db "${DB}" EXPECT 0)
run(ARGS import --db "${DB}" --mode keep-good "${JSONL}" EXPECT 0 OUT out)
expect_match("${out}" "\"rejected\": 0," "import of the synthetic county")

# Text: the county, every ledger, the labor survey by township, the
# postings of the contract year month by month, the events by kind.
run(ARGS summary --db "${DB}" EXPECT 0 OUT out)
expect_match("${out}" "^新干县 \\(360824\\) " "county")
expect_match("${out}" "服务年度: 2026-01-01 至 2026-12-31" "contract year")
expect_match("${out}" "\n  劳动力资源信息 +1500\n" "labor count")
expect_match("${out}" "【劳动力资源信息: 按乡镇\\(街道\\)】\n  洋峰街道 +[0-9]+ " "labor by township")
expect_match("${out}" "\n  金川镇 +[1-9][0-9]* " "a township")
expect_match("${out}" "\n  合计 +1500\n" "labor total")
expect_match("${out}" "\n  2026-01 +[0-9]+\n(  20[0-9-]+ +[0-9]+\n)*  2026-12 +[0-9]+\n" "postings by month")
expect_match("${out}" "\n  直播带岗 +[1-9]" "events by kind")
# Counts only: no ID number (digits and X, 15 or 18), no phone, no name.
if(out MATCHES "[0-9]{11}")
  message(FATAL_ERROR "summary shows a long number (an ID or a phone?):\n${out}")
endif()

# JSON: the same figures, one object.
run(ARGS summary --db "${DB}" --json EXPECT 0 OUT json)
string(JSON county GET "${json}" county name)
string(JSON labor GET "${json}" ledgers labor)
string(JSON towns LENGTH "${json}" labor_by_township)
string(JSON months LENGTH "${json}" postings_by_month)
string(JSON source GET "${json}" period source)
if(NOT county STREQUAL "新干县" OR NOT labor EQUAL 1500 OR NOT towns EQUAL 17
   OR NOT months EQUAL 12 OR NOT source STREQUAL "contract")
  message(FATAL_ERROR "summary --json: ${county} ${labor} ${towns} ${months} ${source}\n${json}")
endif()
set(sum 0)
math(EXPR last "${towns} - 1")
foreach(i RANGE ${last})
  string(JSON n GET "${json}" labor_by_township ${i} count)
  math(EXPR sum "${sum} + ${n}")
endforeach()
string(JSON rest GET "${json}" labor_no_township)
math(EXPR sum "${sum} + ${rest}")
if(NOT sum EQUAL labor)
  message(FATAL_ERROR "labor by township adds up to ${sum}, not ${labor}")
endif()
string(JSON monthly GET "${json}" postings_by_month 0 count)
string(JSON postings GET "${json}" ledgers posting)
string(JSON live GET "${json}" events_by_kind live_show)
if(NOT postings GREATER 0 OR NOT live GREATER 0)
  message(FATAL_ERROR "summary --json: postings ${postings}, live shows ${live}")
endif()
message(STATUS "jiuye summary: ${labor} labor records, ${postings} postings, ${live} live shows")
