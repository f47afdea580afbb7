# `jiuye assess` on a small synthetic county (the whole-year scenario, end to
# end), run with cmake -P:
#   -DGEN=<jiuye-gen> -DJIUYE=<jiuye> -DWORK=<scratch dir> -DSOURCE=<source dir>
# Generates a county year at scale 0.05, imports it, scores the contract year
# as text, JSON, CSV and HTML and checks the scorecard: every sub-indicator of
# the catalogue, the misses the generator makes on purpose (MISS in
# tools/gen.c), a month's progress; and the errors (a bad rule file
# with its location, a period the calendar does not cover).
if(NOT GEN OR NOT JIUYE OR NOT WORK OR NOT SOURCE)
  message(FATAL_ERROR "assess_test.cmake: set GEN, JIUYE, WORK and SOURCE")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/test_helpers.cmake")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(DB "${WORK}/county.db")
set(JSONL "${WORK}/county.jsonl")
execute_process(COMMAND "${GEN}" --scale 0.05 --stdout OUTPUT_FILE "${JSONL}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "jiuye-gen failed: ${rc}")
endif()

run(ARGS assess EXPECT 2)
run(ARGS assess --help EXPECT 0 OUT out)
expect_match("${out}" "^Usage: jiuye assess --db FILE" "assess --help")
run(ARGS init --db "${DB}" EXPECT 0)
run(ARGS import --db "${DB}" --mode keep-good "${JSONL}" EXPECT 0)
run(ARGS assess --db "${DB}" --from 2026-03-01 EXPECT 2)

# The contract year (the default period), as text.
run(ARGS assess --db "${DB}" EXPECT 0 OUT out)
expect_match("${out}" "^考核期间 2026-01-01 至 2026-12-31（年度考核）" "the contract year")
expect_match("${out}" "\n 5 线上招聘 " "item 5")
expect_match("${out}" "\n   5\\.3 +未达标" "MISS 5.3: a show cut short")
expect_match("${out}" "\n   5\\.2 +达标" "a live show on every holiday")
expect_match("${out}" "\n   4\\.4 +未达标[^\n]*2026-W" "MISS 4.4: a week without a post")
expect_match("${out}" "\n   13\\.1 +达标" "tea meetings")
expect_match("${out}" "\n15 加分项目  加3分" "ranked second: +3")
expect_match("${out}" "\n合计：[0-9.]+分" "total")

# JSON: every sub-indicator with the catalogue's fields.
run(ARGS assess --db "${DB}" --from 2026-01-01 --to 2026-12-31 --json EXPECT 0 OUT json)
string(JSON n LENGTH "${json}" items)
if(NOT n EQUAL 15)
  message(FATAL_ERROR "15 items expected, got ${n}")
endif()
set(subs 0)
math(EXPR last "${n} - 1")
foreach(i RANGE ${last})
  string(JSON m LENGTH "${json}" items ${i} indicators)
  math(EXPR subs "${subs} + ${m}")
  math(EXPR mlast "${m} - 1")
  foreach(j RANGE ${mlast})
    foreach(key id value target met deduction evidence)
      string(JSON t ERROR_VARIABLE e TYPE "${json}" items ${i} indicators ${j} ${key})
      if(e)
        message(FATAL_ERROR "item ${i} sub-indicator ${j} lacks ${key}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(NOT subs EQUAL 48)
  message(FATAL_ERROR "48 sub-indicators expected, got ${subs}")
endif()
string(JSON total GET "${json}" total)
string(JSON bonus GET "${json}" bonus)
string(JSON id GET "${json}" items 12 indicators 0 id)
string(JSON met GET "${json}" items 12 indicators 0 met)
if(NOT id STREQUAL "13.1" OR NOT met STREQUAL "ON" OR NOT bonus EQUAL 3 OR total LESS 60)
  message(FATAL_ERROR "13.1 ${id} met=${met}, bonus ${bonus}, total ${total}")
endif()
string(JSON ded GET "${json}" items 4 indicators 2 deduction)
if(NOT ded GREATER 0)
  message(FATAL_ERROR "5.3 should deduct, got ${ded}")
endif()

# CSV (BOM, header) and HTML to files.
run(ARGS assess --db "${DB}" --csv "${WORK}/card.csv" EXPECT 0)
file(READ "${WORK}/card.csv" csv HEX LIMIT 3)
if(NOT csv STREQUAL "efbbbf")
  message(FATAL_ERROR "the CSV has no UTF-8 BOM")
endif()
file(READ "${WORK}/card.csv" csv)
expect_match("${csv}" "\"序号\",\"指标项\",\"考核内容\",\"评分标准\",\"考核说明\",\"考核得分\"" "CSV header")
run(ARGS assess --db "${DB}" --html "${WORK}/card.html" EXPECT 0)
file(READ "${WORK}/card.html" html)
expect_match("${html}" "<th>考核说明</th>" "HTML header")

# A month: annual targets show progress without deducting.
run(ARGS assess --db "${DB}" --from 2026-03-01 --to 2026-03-31 --json EXPECT 0 OUT json)
string(JSON annual GET "${json}" annual)
string(JSON st GET "${json}" items 4 indicators 0 status)
string(JSON ded GET "${json}" items 4 indicators 0 deduction)
if(annual OR NOT (st STREQUAL "on_track" OR st STREQUAL "met" OR st STREQUAL "warning") OR NOT ded EQUAL 0)
  message(FATAL_ERROR "5.1 in March: annual=${annual} status=${st} deduction=${ded}")
endif()

# Errors: a bad rule file says where; 2027 is not in the calendar.
file(WRITE "${WORK}/bad-rules.json" "{\"format\":\"jiuye-rules\",\"version\":1,\"items\":[{\"id\":1,\"name\":\"x\",\"points\":10,\"indicators\":[{\"id\":\"1.1\",\"checks\":[{\"metric\":\"nope\",\"period\":\"month\",\"target\":1}],\"deduction\":{\"min\":0.5,\"max\":1}}]}]}")
run(ARGS assess --db "${DB}" --rules "${WORK}/bad-rules.json" EXPECT 1 ERR err)
expect_match("${err}" "bad-rules.json, field 'items\\[0\\]\\.indicators\\[0\\]\\.checks\\[0\\]\\.metric'" "rule error location")
run(ARGS assess --db "${DB}" --from 2027-01-01 --to 2027-01-31 EXPECT 1 ERR err)
expect_match("${err}" "2027" "calendar range")
# The shipped rule file gives the same card as the built-in rules.
run(ARGS assess --db "${DB}" --rules "${SOURCE}/data/rules-default.json" --json EXPECT 0 OUT json2)
run(ARGS assess --db "${DB}" --json EXPECT 0 OUT json1)
if(NOT json1 STREQUAL json2)
  message(FATAL_ERROR "data/rules-default.json and the built-in rules differ")
endif()
