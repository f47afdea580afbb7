/**
 * @file jiuye.h
 * @brief libjiuye: the software core of a Chinese county's public employment
 * service (县乡村三级就业之家). Include this one header to get the whole API.
 *
 * Modules, a header each under `jiuye/`:
 *  - jiuye/error.h    status codes, the last error, located errors;
 *  - jiuye/version.h  compile-time and run-time versions;
 *  - jiuye/text.h     UTF-8, normalization, folding, tokenizer, facts from text;
 *  - jiuye/vocab.h    the occupation vocabulary (surface forms, occupations, families);
 *  - jiuye/date.h     calendar dates and ages;
 *  - jiuye/calendar.h working days, public holidays, periods;
 *  - jiuye/validate.h ID numbers, credit codes, phone numbers;
 *  - jiuye/county.h   the county profile: townships and villages;
 *  - jiuye/record.h   ledger record kinds, their fields, records;
 *  - jiuye/db.h       the database holding a county's ledgers;
 *  - jiuye/ledger.h   storing, reading, listing and counting records;
 *  - jiuye/io.h       importing and exporting JSON Lines, CSV and Excel;
 *  - jiuye/report.h   reports computed from the ledgers, as data, JSON, CSV, xlsx;
 *  - jiuye/dashboard.h the big screen: a self-contained HTML page;
 *  - jiuye/metrics.h  named measurements of the ledgers over a period;
 *  - jiuye/rules.h    the scoring table as data (rule sets);
 *  - jiuye/assess.h   scorecards: rules applied to the ledgers for a period;
 *  - jiuye/match.h    the matcher: postings and jobseekers, explained;
 *  - jiuye/push.h     the daily push of matched postings to jobseekers.
 */
#ifndef JIUYE_H
#define JIUYE_H

#include "jiuye/common.h"
#include "jiuye/version.h"
#include "jiuye/error.h"
#include "jiuye/text.h"
#include "jiuye/vocab.h"
#include "jiuye/date.h"
#include "jiuye/calendar.h"
#include "jiuye/validate.h"
#include "jiuye/county.h"
#include "jiuye/record.h"
#include "jiuye/db.h"
#include "jiuye/ledger.h"
#include "jiuye/io.h"
#include "jiuye/report.h"
#include "jiuye/dashboard.h"
#include "jiuye/metrics.h"
#include "jiuye/rules.h"
#include "jiuye/assess.h"
#include "jiuye/match.h"
#include "jiuye/push.h"

#endif /* JIUYE_H */
