# `jiuye demo`, the main job (what tools/run-demo runs on the release build),
# end to end on a small county, run with cmake -P:
#   -DJIUYE=<jiuye> -DWORK=<scratch dir>
# Checks what it prints (the samples, the summary, the push, where every
# file is, the scorecard), that every file it names exists and holds what
# it should (the JSON Lines, the database, the scorecard as JSON with its 48
# sub-indicators, CSV and HTML, the big screen with its Chinese labels, the
# workbook's seven sheets or the CSV files, the monthly report), --json,
# a second run over the first, and wrong arguments.
if(NOT JIUYE OR NOT WORK)
  message(FATAL_ERROR "demo_test.cmake: set JIUYE and WORK")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/test_helpers.cmake")

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
# A directory that does not exist yet, two levels deep: the demo creates it.
set(OUT "${WORK}/out/demo")

# ---- The text run ----------------------------------------------------------
run(ARGS demo --out "${OUT}" --scale 0.01 EXPECT 0 OUT out ERR err)
# Progress: seven steps on standard error, nothing of it on standard output
# (and no progress bar: standard error is not a terminal here).
foreach(step 1 2 3 4 5 6 7)
  expect_match("${err}" "==> \\[${step}/7\\] " "progress step ${step}")
endforeach()
expect_match("${err}" "==> Done in [0-9.]+ s \\(CPU [0-9.]+ s\\)" "the time")
if(out MATCHES "==>  *\\[" OR err MATCHES "\r")
  message(FATAL_ERROR "progress lines on standard output, or a bar off a terminal:\n${out}\n${err}")
endif()
# What it prints, in order: the samples, the summary, the push, the files,
# the scorecard.
expect_match("${out}"
  "县情: 新干县 \\(360824\\), 17 个乡镇\\(街道\\), 165 个村\\(社区\\).*合计: 有效 4 条, 无效 4 条.*新干县 \\(360824\\) 就业之家台账汇总.*劳动力资源信息 +1500.*金川镇.*岗位推送 2026-12-31.*县内平台简历获得匹配岗位 \\(3\\.2\\): [0-9]+ / [0-9]+.*Files of the demo.*Database: +[^\n]*xingan\\.db.*Big screen: +[^\n]*dashboard\\.html.*考核期间 2026-01-01 至 2026-12-31（年度考核）.*13 企业家餐（茶）叙会.*合计：[0-9.]+分（基础分100"
  "the demo's text")
# Personal data stays masked: the samples' ID numbers in clear are not shown.
if(out MATCHES "36242419850612301" OR out MATCHES "13807951234")
  message(FATAL_ERROR "personal data in the demo's output")
endif()

# The JSON Lines: a record a line, about 4 300 at this scale.
file(STRINGS "${OUT}/county.jsonl" lines LIMIT_COUNT 1)
expect_match("${lines}" "^{\"type\": \"contract\"" "county.jsonl starts with the contract")
file(SIZE "${OUT}/county.jsonl" size)
if(size LESS 500000)
  message(FATAL_ERROR "county.jsonl is only ${size} bytes")
endif()
# The database: SQLite, and jiuye summary reads it.
file(READ "${OUT}/xingan.db" magic LIMIT 15)
expect_match("${magic}" "^SQLite format 3" "the database")
run(ARGS summary --db "${OUT}/xingan.db" --json EXPECT 0 OUT summary)
string(JSON labor GET "${summary}" ledgers labor)
if(NOT labor EQUAL 1500)
  message(FATAL_ERROR "the demo's database holds ${labor} labor records, not 1500")
endif()
string(JSON pushes GET "${summary}" ledgers push)
if(pushes LESS_EQUAL 131) # the generated ones, plus the demo's push
  message(FATAL_ERROR "the demo's push added no rows (${pushes})")
endif()
if(EXISTS "${OUT}/rejects.jsonl")
  message(FATAL_ERROR "a rejects file although nothing was rejected")
endif()

# The scorecard: JSON with every sub-indicator of the seed's table (48),
# the table layout as CSV (BOM, Chinese header) and as HTML.
file(READ "${OUT}/scorecard.json" card)
string(JSON annual GET "${card}" annual)
string(JSON total GET "${card}" total)
string(JSON nitems LENGTH "${card}" items)
if(NOT annual OR NOT nitems EQUAL 15 OR NOT total MATCHES "^[0-9.]+$")
  message(FATAL_ERROR "scorecard.json: annual ${annual}, ${nitems} items, total ${total}")
endif()
set(nind 0)
math(EXPR last "${nitems} - 1")
foreach(i RANGE ${last})
  string(JSON n LENGTH "${card}" items ${i} indicators)
  math(EXPR nind "${nind} + ${n}")
endforeach()
if(NOT nind EQUAL 48)
  message(FATAL_ERROR "scorecard.json has ${nind} sub-indicators, not 48")
endif()
file(READ "${OUT}/scorecard.csv" bom LIMIT 3 HEX)
expect_match("${bom}" "^efbbbf$" "scorecard.csv starts with a BOM")
file(READ "${OUT}/scorecard.csv" csv)
expect_match("${csv}" "\"?序号\"?,\"?指标项\"?,\"?考核内容\"?" "scorecard.csv header")
file(READ "${OUT}/scorecard.html" html)
expect_match("${html}" "^<!DOCTYPE html>.*考核细则表.*合计" "scorecard.html")

# The big screen: the page with its Chinese labels and the indicator panel.
file(READ "${OUT}/dashboard.html" html)
expect_match("${html}" "^<!DOCTYPE html>.*新干县就业之家数据大屏.*每月发布岗位.*考核指标进度.*class=\"ind\"" "dashboard.html")
if(html MATCHES "<script[ >]|https?://")
  message(FATAL_ERROR "dashboard.html is not self-contained")
endif()

# The monthly report of the year's last month.
file(READ "${OUT}/monthly.csv" csv)
expect_match("${csv}" "就业之家每月数据分析报告.*2026-12-01.*序号,指标,考核内容,目标,本期值,完成情况,扣分" "monthly.csv")

# The workbook (a zip with seven sheets), or a CSV file per report.
set(kinds scorecard-table annual quarterly_labor returnee_monthly staff_survey
          quarterly_enterprise_service quarterly_labor_service)
if(EXISTS "${OUT}/reports.xlsx")
  file(READ "${OUT}/reports.xlsx" zip HEX LIMIT 4)
  expect_match("${zip}" "^504b0304$" "reports.xlsx is a zip")
  file(ARCHIVE_EXTRACT INPUT "${OUT}/reports.xlsx" DESTINATION "${WORK}/xlsx")
  file(READ "${WORK}/xlsx/xl/workbook.xml" book)
  string(REGEX MATCHALL "<sheet " sheets "${book}")
  list(LENGTH sheets nsheets)
  if(NOT nsheets EQUAL 7)
    message(FATAL_ERROR "reports.xlsx has ${nsheets} sheets, not 7")
  endif()
  file(READ "${WORK}/xlsx/xl/sharedStrings.xml" strings)
  expect_match("${strings}" "考核细则表.*" "the scorecard sheet")
  expect_match("${strings}" "全县劳动力资源信息季度专报表" "the labor report sheet")
  expect_match("${out}" "Workbook:   [^\n]*reports\\.xlsx" "the workbook named")
else()
  expect_match("${err}" "no xlsx support" "why there is no workbook")
  foreach(kind IN LISTS kinds)
    file(STRINGS "${OUT}/${kind}.csv" rows)
    list(LENGTH rows n)
    if(n LESS 3)
      message(FATAL_ERROR "${kind}.csv has ${n} lines")
    endif()
  endforeach()
endif()

# ---- --json, over the first run ------------------------------------------
run(ARGS demo --out "${OUT}" --scale 0.01 --seed 7 --threads 2 --json EXPECT 0 OUT json ERR err)
expect_match("${err}" "==> \\[7/7\\] " "progress with --json")
string(JSON seed GET "${json}" seed)
string(JSON from GET "${json}" period from)
string(JSON db GET "${json}" files database)
string(JSON screen GET "${json}" files dashboard)
string(JSON glabor GET "${json}" generated labor)
string(JSON accepted GET "${json}" import accepted)
string(JSON updated GET "${json}" import updated)
string(JSON valid GET "${json}" samples valid)
string(JSON slabor GET "${json}" summary ledgers labor)
string(JSON pushed GET "${json}" push pushed)
string(JSON pdate GET "${json}" push date)
string(JSON total GET "${json}" scorecard total)
string(JSON secs GET "${json}" seconds total)
if(NOT seed EQUAL 7 OR NOT from STREQUAL "2026-01-01" OR NOT db STREQUAL "${OUT}/xingan.db"
   OR NOT EXISTS "${screen}" OR NOT glabor EQUAL 1500 OR NOT slabor EQUAL 1500
   OR NOT accepted GREATER 4000 OR NOT updated EQUAL 0 OR NOT valid EQUAL 4
   OR NOT pushed GREATER 0 OR NOT pdate STREQUAL "2026-12-31"
   OR NOT total MATCHES "^[0-9.]+$" OR NOT secs MATCHES "^[0-9.]+$")
  message(FATAL_ERROR "demo --json: ${json}")
endif()
# The files of the JSON are those of the run.
foreach(key database jsonl monthly dashboard scorecard_json scorecard_csv scorecard_html)
  string(JSON path GET "${json}" files ${key})
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "demo --json names ${key} ${path}, which does not exist")
  endif()
endforeach()

# ---- Wrong arguments (2) and a directory that cannot be made (1) ----------
run(ARGS demo --scale 0 EXPECT 2 ERR err)
expect_match("${err}" "--scale: expected a number" "--scale 0")
run(ARGS demo --scale 21 EXPECT 2)
run(ARGS demo --scale ten EXPECT 2)
run(ARGS demo --seed -1 EXPECT 2)
run(ARGS demo --seed 12x EXPECT 2)
run(ARGS demo --threads 0 EXPECT 2)
run(ARGS demo --bogus EXPECT 2)
run(ARGS demo extra EXPECT 2)
run(ARGS demo --json=yes EXPECT 2)
run(ARGS demo --out EXPECT 2)
file(WRITE "${WORK}/plain-file" "not a directory")
run(ARGS demo --out "${WORK}/plain-file/sub" --scale 0.01 EXPECT 1 ERR err)
expect_match("${err}" "cannot create the directory" "--out under a file")
run(ARGS demo --out "${WORK}/plain-file" --scale 0.01 EXPECT 1)
run(ARGS demo --help EXPECT 0 OUT out)
expect_match("${out}" "^Usage: jiuye demo \\[--out DIR\\]" "demo --help")
