/*
 * The database schema and its forward migrations.
 *
 * migrations[i] takes a database from schema version i to i + 1; a new
 * database runs them all. Never edit a migration that has shipped: add the
 * next one (and raise JY_DB_SCHEMA_VERSION in include/jiuye/db.h). The tables
 * mirror the catalogue (lib/catalog.c): one table per kind, named after it,
 * one column per field, of the same name; tests/test_db.c checks that they
 * agree.
 */
#include "schema.h"

/* Version 0 -> 1: the county profile, the audit log, and one table per kind
 * of the catalogue. NULL-terminated list of statements. */
static const char *const migration_1[] = {
    "CREATE TABLE county_profile (\n"
    "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "    code TEXT NOT NULL,\n"
    "    name TEXT NOT NULL,\n"
    "    profile TEXT NOT NULL\n"
    ")",
    "CREATE TABLE audit (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    at TEXT NOT NULL,\n"
    "    action TEXT NOT NULL,\n"
    "    kind TEXT,\n"
    "    records INTEGER,\n"
    "    detail TEXT\n"
    ")",
    "CREATE TABLE contract (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT,\n"
    "    operator TEXT,\n"
    "    signed_on TEXT,\n"
    "    ends_on TEXT,\n"
    "    rules TEXT,\n"
    "    notes TEXT\n"
    ")",
    "CREATE INDEX contract_signed_on ON contract(signed_on)",
    "CREATE TABLE enterprise (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT UNIQUE,\n"
    "    credit_code TEXT UNIQUE,\n"
    "    industry TEXT,\n"
    "    industrial INTEGER,\n"
    "    township TEXT,\n"
    "    address TEXT,\n"
    "    contact_name TEXT,\n"
    "    contact_phone TEXT,\n"
    "    platform_registered_on TEXT,\n"
    "    authorized_on TEXT,\n"
    "    wechat_joined_on TEXT,\n"
    "    demand_ledger_on TEXT,\n"
    "    staff_count INTEGER,\n"
    "    staff_surveyed_on TEXT,\n"
    "    notes TEXT\n"
    ")",
    "CREATE INDEX enterprise_platform_registered_on ON enterprise(platform_registered_on)",
    "CREATE INDEX enterprise_township ON enterprise(township)",
    "CREATE TABLE staff_survey (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id),\n"
    "    surveyed_on TEXT,\n"
    "    staff_count INTEGER,\n"
    "    general_workers INTEGER,\n"
    "    skilled_workers INTEGER,\n"
    "    vacancies INTEGER,\n"
    "    notes TEXT\n"
    ")",
    "CREATE INDEX staff_survey_surveyed_on ON staff_survey(surveyed_on)",
    "CREATE INDEX staff_survey_enterprise_id ON staff_survey(enterprise_id)",
    "CREATE TABLE posting (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id),\n"
    "    title TEXT,\n"
    "    description TEXT,\n"
    "    skills TEXT,\n"
    "    headcount INTEGER,\n"
    "    salary_min INTEGER,\n"
    "    salary_max INTEGER,\n"
    "    salary_text TEXT,\n"
    "    age_min INTEGER,\n"
    "    age_max INTEGER,\n"
    "    education TEXT,\n"
    "    township TEXT,\n"
    "    kind TEXT,\n"
    "    worker_type TEXT,\n"
    "    published_on TEXT,\n"
    "    closed_on TEXT,\n"
    "    source TEXT,\n"
    "    external_id TEXT\n"
    ")",
    "CREATE INDEX posting_published_on ON posting(published_on)",
    "CREATE INDEX posting_township ON posting(township)",
    "CREATE INDEX posting_enterprise_id ON posting(enterprise_id)",
    "CREATE TABLE jobseeker (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    name TEXT,\n"
    "    id_number TEXT,\n"
    "    phone TEXT,\n"
    "    labor_id INTEGER REFERENCES labor(id),\n"
    "    registered_on TEXT,\n"
    "    wishes TEXT,\n"
    "    skills TEXT,\n"
    "    township TEXT,\n"
    "    salary_wish INTEGER,\n"
    "    age INTEGER,\n"
    "    education TEXT,\n"
    "    resume_on_platform INTEGER,\n"
    "    in_county INTEGER\n"
    ")",
    "CREATE INDEX jobseeker_registered_on ON jobseeker(registered_on)",
    "CREATE INDEX jobseeker_township ON jobseeker(township)",
    "CREATE INDEX jobseeker_labor_id ON jobseeker(labor_id)",
    "CREATE TABLE followup (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    jobseeker_id INTEGER REFERENCES jobseeker(id),\n"
    "    date TEXT,\n"
    "    kind TEXT,\n"
    "    outcome TEXT\n"
    ")",
    "CREATE INDEX followup_date ON followup(date)",
    "CREATE INDEX followup_jobseeker_id ON followup(jobseeker_id)",
    "CREATE TABLE labor (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    id_number TEXT UNIQUE,\n"
    "    name TEXT,\n"
    "    gender TEXT,\n"
    "    birth_date TEXT,\n"
    "    phone TEXT,\n"
    "    township TEXT,\n"
    "    village TEXT,\n"
    "    education TEXT,\n"
    "    employment_status TEXT,\n"
    "    job TEXT,\n"
    "    employer TEXT,\n"
    "    skills TEXT,\n"
    "    needs_job INTEGER,\n"
    "    needs_entrepreneurship INTEGER,\n"
    "    needs_training INTEGER,\n"
    "    key_groups TEXT,\n"
    "    returnee INTEGER,\n"
    "    wish_local INTEGER,\n"
    "    surveyed_on TEXT,\n"
    "    surveyor TEXT\n"
    ")",
    /* No index on labor's survey date or township: reports scan the
     * 150 000 records once (tens of milliseconds), while every index slows
     * the bulk imports of the survey. */
    "CREATE TABLE labor_change (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    labor_id INTEGER REFERENCES labor(id) ON DELETE CASCADE,\n"
    "    changed_on TEXT,\n"
    "    field TEXT,\n"
    "    old_value TEXT,\n"
    "    new_value TEXT\n"
    ")",
    "CREATE INDEX labor_change_changed_on ON labor_change(changed_on)",
    "CREATE INDEX labor_change_labor_id ON labor_change(labor_id)",
    "CREATE TABLE verification (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    labor_id INTEGER REFERENCES labor(id),\n"
    "    checked_on TEXT,\n"
    "    accurate INTEGER,\n"
    "    checker TEXT,\n"
    "    notes TEXT\n"
    ")",
    "CREATE INDEX verification_checked_on ON verification(checked_on)",
    "CREATE INDEX verification_labor_id ON verification(labor_id)",
    "CREATE TABLE event (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    kind TEXT,\n"
    "    date TEXT,\n"
    "    title TEXT,\n"
    "    township TEXT,\n"
    "    starts_at TEXT,\n"
    "    minutes INTEGER,\n"
    "    jobs_shown INTEGER,\n"
    "    holiday TEXT,\n"
    "    views INTEGER,\n"
    "    count INTEGER,\n"
    "    level TEXT,\n"
    "    service_type TEXT,\n"
    "    person_name TEXT,\n"
    "    labor_id INTEGER REFERENCES labor(id),\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id),\n"
    "    report_kind TEXT,\n"
    "    period TEXT,\n"
    "    due_on TEXT,\n"
    "    done_on TEXT,\n"
    "    group_kind TEXT,\n"
    "    members INTEGER,\n"
    "    board TEXT,\n"
    "    rank INTEGER,\n"
    "    success INTEGER,\n"
    "    channel TEXT,\n"
    "    notes TEXT\n"
    ")",
    "CREATE INDEX event_date ON event(date)",
    "CREATE INDEX event_township ON event(township)",
    "CREATE INDEX event_labor_id ON event(labor_id)",
    "CREATE INDEX event_enterprise_id ON event(enterprise_id)",
    "CREATE TABLE event_enterprise (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    event_id INTEGER REFERENCES event(id) ON DELETE CASCADE,\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id) ON DELETE CASCADE\n"
    ")",
    "CREATE INDEX event_enterprise_event_id ON event_enterprise(event_id)",
    "CREATE INDEX event_enterprise_enterprise_id ON event_enterprise(enterprise_id)",
    "CREATE TABLE hire (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    jobseeker_id INTEGER REFERENCES jobseeker(id),\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id),\n"
    "    posting_id INTEGER REFERENCES posting(id),\n"
    "    name TEXT,\n"
    "    started_on TEXT,\n"
    "    dispatch INTEGER,\n"
    "    left_on TEXT,\n"
    "    checked_on TEXT\n"
    ")",
    "CREATE INDEX hire_started_on ON hire(started_on)",
    "CREATE INDEX hire_jobseeker_id ON hire(jobseeker_id)",
    "CREATE INDEX hire_enterprise_id ON hire(enterprise_id)",
    "CREATE INDEX hire_posting_id ON hire(posting_id)",
    "CREATE TABLE shortage (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    enterprise_id INTEGER REFERENCES enterprise(id),\n"
    "    source TEXT,\n"
    "    reported_on TEXT,\n"
    "    shortfall INTEGER,\n"
    "    measures TEXT,\n"
    "    resolved_on TEXT\n"
    ")",
    "CREATE INDEX shortage_reported_on ON shortage(reported_on)",
    "CREATE INDEX shortage_enterprise_id ON shortage(enterprise_id)",
    "CREATE TABLE review (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    jobseeker_id INTEGER REFERENCES jobseeker(id),\n"
    "    date TEXT,\n"
    "    good INTEGER,\n"
    "    text TEXT,\n"
    "    followed_up_on TEXT,\n"
    "    follow_up_good INTEGER\n"
    ")",
    "CREATE INDEX review_date ON review(date)",
    "CREATE INDEX review_jobseeker_id ON review(jobseeker_id)",
    "CREATE TABLE delivery (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    posting_id INTEGER REFERENCES posting(id),\n"
    "    jobseeker_id INTEGER REFERENCES jobseeker(id),\n"
    "    delivered_on TEXT,\n"
    "    viewed_on TEXT\n"
    ")",
    "CREATE INDEX delivery_delivered_on ON delivery(delivered_on)",
    "CREATE INDEX delivery_posting_id ON delivery(posting_id)",
    "CREATE INDEX delivery_jobseeker_id ON delivery(jobseeker_id)",
    "CREATE TABLE incident (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    kind TEXT,\n"
    "    date TEXT,\n"
    "    description TEXT\n"
    ")",
    "CREATE INDEX incident_date ON incident(date)",
    NULL,
};

/* Version 1 -> 2: matched postings pushed to jobseekers, assessors'
 * overrides of deductions, and the source of facts recorded by hand. */
static const char *const migration_2[] = {
    "CREATE TABLE push (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    jobseeker_id INTEGER REFERENCES jobseeker(id),\n"
    "    pushed_on TEXT,\n"
    "    posting_count INTEGER,\n"
    "    postings TEXT,\n"
    "    channel TEXT\n"
    ")",
    "CREATE INDEX push_pushed_on ON push(pushed_on)",
    "CREATE INDEX push_jobseeker_id ON push(jobseeker_id)",
    "CREATE TABLE override (\n"
    "    id INTEGER PRIMARY KEY,\n"
    "    indicator TEXT,\n"
    "    period_from TEXT,\n"
    "    period_to TEXT,\n"
    "    deduction REAL,\n"
    "    reason TEXT,\n"
    "    assessor TEXT,\n"
    "    decided_on TEXT\n"
    ")",
    "CREATE INDEX override_decided_on ON override(decided_on)",
    "ALTER TABLE event ADD COLUMN source TEXT",
    NULL,
};

/* Version 2 -> 3: indexes for the scoring table's metrics (lib/metrics_*.c),
 * which count one kind of record over a period, most of them reading only
 * the index. Every metric of an event counts one kind over a period (live
 * shows of the year, dispatches of a week...): with the date index alone
 * each such query reads every event of the period (tens of thousands in a
 * county's year, 1311 services and consultations above all). Follow-up and
 * push coverage probe each jobseeker's follow-ups and pushes by date. */
static const char *const migration_3[] = {
    /* A labor record's entry date (录入日期): surveyed_on moves with every
     * update, so 10.1 (entered by 31 August) and the ledger reports (added
     * in the period) could not tell when a record was first entered. Set by
     * the library on the first insert, never changed by updates; existing
     * records get the earliest date known, of surveyed_on and the dates of
     * their history. */
    "ALTER TABLE labor ADD COLUMN entered_on TEXT",
    "UPDATE labor SET entered_on = coalesce((SELECT min(h.changed_on) FROM labor_change h"
    " WHERE h.labor_id = labor.id AND h.changed_on < labor.surveyed_on), surveyed_on)",
    /* 10.1 counts the records entered by a date of residents of an age on
     * that date: from this index alone */
    "CREATE INDEX labor_entered_birth ON labor(entered_on, birth_date)",
    /* a record written past the library (sqlite3 shell, other tools) gets
     * its survey date as entry date, so the metrics never miss it */
    "CREATE TRIGGER labor_entered_default AFTER INSERT ON labor"
    " WHEN new.entered_on IS NULL BEGIN"
    " UPDATE labor SET entered_on = new.surveyed_on WHERE id = new.id; END",
    "CREATE INDEX event_kind_date ON event(kind, date)",
    /* the 1311 package of each key-group person (12.1): six service events a
     * person, read in person order without touching the table */
    "CREATE INDEX event_kind_labor ON event(kind, labor_id, service_type, date)",
    "CREATE INDEX followup_jobseeker_date ON followup(jobseeker_id, date)",
    "CREATE INDEX push_jobseeker_date ON push(jobseeker_id, pushed_on, posting_count)",
    "CREATE INDEX jobseeker_registered_resume ON jobseeker(registered_on, in_county, "
    "resume_on_platform)",
    "CREATE INDEX posting_published_enterprise ON posting(published_on, enterprise_id, kind)",
    /* Partial: only the key-group persons (12.1) and the returnees who want
     * a local job (12.2), a small share of the labor survey, so the survey's
     * bulk import barely pays for them while the metrics stop reading the
     * 150 000 records; the columns of their conditions make them covering. */
    "CREATE INDEX labor_key_group_entered ON labor(entered_on, key_groups) "
    "WHERE key_groups IS NOT NULL AND key_groups <> ''",
    "CREATE INDEX labor_return_need_entered ON labor(entered_on, returnee, wish_local, needs_job) "
    "WHERE returnee = 1 AND wish_local = 1 AND needs_job = 1",
    NULL,
};

/* Version 3 -> 4: the labor records counted by entry date, kept as they
 * are written (lib/tally.c), instead of the index labor_entered_birth and
 * the trigger labor_entered_default, which every insert of the survey paid
 * for (a 150 000-record import: 1.55 s of CPU with both, 0.86 s without;
 * docs/BENCHMARKS.md). 10.1 reads the tally: a few hundred rows. And (at
 * the end) the metrics' event and hire indexes made covering.
 *
 * The tally counts exactly the labor records whose id is at most
 * labor_tally_mark.last_id (one row). The library adds the records it
 * inserts and moves the mark past them (lib/tally.c); the triggers below
 * take out the deleted records and move the updated ones, whoever writes
 * them, for counted records only (a trigger fires only for its own
 * statement kind: inserts do not pay for them). SQLite gives a new record
 * the highest id plus one, so a record inserted past the library lands
 * above the mark: the tally is fresh when no id is above the mark, which
 * an index seek tells (counting 150 000 records to compare totals cost a
 * first scorecard 8 ms). Deleting the record at the mark lowers the mark
 * to the next counted id, so that the next id SQLite gives is above it;
 * changing an id makes the tally stale. Every record is counted, those
 * without entry date under '' (only a program writing past the library
 * leaves one: 10.1 skips them). A stale tally is answered by the ledger
 * and rebuilt by the next writable open, which also compares the totals
 * (an insert past the library with an explicit id below the mark).
 * The age test is the one of 10.1: aged 16 to 60 on the entry date, in
 * whole years (a record without birth date counts as aged). It must stay
 * the same as lib/tally.c's (JY__LABOR_AGED_SQL and jy__labor_aged;
 * test_tally.c checks it). */
#define AGED_V4(d, b)                                                                   \
    "(" b " IS NULL OR (CAST(substr(" d ", 1, 4) AS INTEGER) - CAST(substr(" b ", 1, 4)" \
    " AS INTEGER) - (substr(" d ", 6, 5) < substr(" b ", 6, 5))) BETWEEN 16 AND 60)"
#define COUNTED_V4(id) id " <= (SELECT last_id FROM labor_tally_mark)"
static const char *const migration_4[] = {
    "DROP INDEX labor_entered_birth",
    "DROP TRIGGER labor_entered_default",
    "CREATE TABLE labor_tally (\n"
    "    entered_on TEXT PRIMARY KEY,\n"
    "    records INTEGER NOT NULL,\n"
    "    aged INTEGER NOT NULL\n"
    ") WITHOUT ROWID",
    "CREATE TABLE labor_tally_mark (last_id INTEGER NOT NULL)",
    "INSERT INTO labor_tally (entered_on, records, aged)"
    " SELECT coalesce(entered_on, ''), count(*),"
    " coalesce(sum(" AGED_V4("entered_on", "birth_date") "), 0) FROM labor GROUP BY 1",
    "INSERT INTO labor_tally_mark (last_id) SELECT coalesce(max(id), 0) FROM labor",
    "CREATE TRIGGER labor_tally_delete AFTER DELETE ON labor"
    " WHEN " COUNTED_V4("old.id") " BEGIN"
    " UPDATE labor_tally SET records = records - 1,"
    " aged = aged - coalesce(" AGED_V4("old.entered_on", "old.birth_date") ", 0)"
    " WHERE entered_on = coalesce(old.entered_on, '');"
    " UPDATE labor_tally_mark SET last_id ="
    " (SELECT coalesce(max(id), 0) FROM labor WHERE id < old.id) WHERE last_id = old.id; END",
    "CREATE TRIGGER labor_tally_update AFTER UPDATE OF entered_on, birth_date ON labor"
    " WHEN (old.entered_on IS NOT new.entered_on OR old.birth_date IS NOT new.birth_date)"
    " AND " COUNTED_V4("old.id") " BEGIN"
    " UPDATE labor_tally SET records = records - 1,"
    " aged = aged - coalesce(" AGED_V4("old.entered_on", "old.birth_date") ", 0)"
    " WHERE entered_on = coalesce(old.entered_on, '');"
    " INSERT INTO labor_tally (entered_on, records, aged)"
    " SELECT coalesce(new.entered_on, ''), 1,"
    " coalesce(" AGED_V4("new.entered_on", "new.birth_date") ", 0) WHERE 1"
    " ON CONFLICT (entered_on) DO UPDATE SET records = records + 1,"
    " aged = aged + excluded.aged; END",
    "CREATE TRIGGER labor_tally_renumber AFTER UPDATE OF id ON labor"
    " WHEN old.id IS NOT new.id BEGIN UPDATE labor_tally_mark SET last_id = -1; END",
    /* The event indexes of the metrics made covering for the person-level
     * ones (12.1's services, 12.2's assistances: the person, the service,
     * the date and the outcome), so that a first scorecard reads index
     * pages only: fetching 3 400 assistance rows, scattered through the
     * 99 000 events, cost a new connection's first month more than the
     * rest of 12.2 (docs/BENCHMARKS.md). By date first: the services up to
     * an early period end, without the year's later ones. */
    "DROP INDEX event_kind_date",
    "CREATE INDEX event_kind_date ON event(kind, date, labor_id, service_type, success)",
    "DROP INDEX event_kind_labor",
    "CREATE INDEX event_kind_labor ON event(kind, labor_id, service_type, date, success)",
    /* 9.2 reads, for every hire of the contract year so far, whether it was
     * by dispatch and when it was left or checked: from the index. */
    "DROP INDEX hire_started_on",
    "CREATE INDEX hire_started_on ON hire(started_on, dispatch, left_on, checked_on)",
    NULL,
};
#undef COUNTED_V4
#undef AGED_V4

const char *const *const jy__migrations[] = { migration_1, migration_2, migration_3,
                                               migration_4 };
const int jy__migration_count = (int)(sizeof jy__migrations / sizeof jy__migrations[0]);
