/*
 * jiuye: the command-line tool of libjiuye, built on the public API only.
 *
 * Commands:
 *   jiuye init      create a database for a county (Xingan by default);
 *   jiuye import    import a JSON Lines or CSV file into a database;
 *   jiuye export    export ledgers to JSON Lines or CSV (personal data masked);
 *   jiuye demo      load the built-in county profile of Xingan County and
 *                   validate a few sample records, printing the results
 *                   (personal data masked);
 *   jiuye version   print the library version.
 * Hidden:
 *   jiuye formats   print the Markdown reference of every record kind's
 *                   fields (the generated part of docs/formats.md);
 *                   with --examples, the examples as JSON Lines.
 *
 * Exit codes: 0 success, 1 a command failed (for import in `all` mode: also
 * when anything was rejected), 2 usage error.
 */
#include <jiuye.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static void usage(FILE *to)
{
    fputs("Usage: jiuye COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  init       create a database for a county\n"
          "  import     import a JSON Lines or CSV file into a database\n"
          "  export     export ledgers to JSON Lines or CSV (personal data masked)\n"
          "  demo       validate sample records against the built-in county profile\n"
          "  version    print the version of libjiuye\n"
          "\n"
          "Options:\n"
          "  -h, --help     show this help (COMMAND --help: the command's help)\n"
          "  -V, --version  same as the version command\n"
          "\n"
          "Exit status: 0 success, 1 the command failed, 2 usage error.\n",
          to);
}

/* ---- Command-line parsing ------------------------------------------------- */

typedef struct option {
    const char *name;   /* "--db" */
    const char **value; /* receives the value, or NULL for a flag */
    int *flag;          /* set to 1 for a flag */
} option;

/* Parses argv[2..] (after the command) into options and up to `max_pos`
 * positional arguments. Returns -1 when --help was asked (help printed),
 * EXIT_USAGE on a mistake (message printed), EXIT_OK otherwise. */
static int parse_args(int argc, char **argv, const option *opts, const char **pos,
                      size_t max_pos, size_t *npos, void (*help)(FILE *))
{
    const char *cmd = argv[1];
    int only_positional = 0;
    *npos = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!only_positional && (!strcmp(a, "-h") || !strcmp(a, "--help"))) {
            help(stdout);
            return -1;
        }
        if (!only_positional && !strcmp(a, "--")) {
            only_positional = 1;
            continue;
        }
        if (only_positional || a[0] != '-' || !strcmp(a, "-")) {
            if (*npos == max_pos) {
                fprintf(stderr, "jiuye %s: unexpected argument '%s'\n\n", cmd, a);
                help(stderr);
                return EXIT_USAGE;
            }
            pos[(*npos)++] = a;
            continue;
        }
        const char *eq = strchr(a, '=');
        size_t name_len = eq ? (size_t)(eq - a) : strlen(a);
        const option *o = NULL;
        for (const option *p = opts; p->name; p++)
            if (strlen(p->name) == name_len && !strncmp(p->name, a, name_len))
                o = p;
        if (!o) {
            fprintf(stderr, "jiuye %s: unknown option '%.*s'\n\n", cmd, (int)name_len, a);
            help(stderr);
            return EXIT_USAGE;
        }
        if (o->flag) {
            if (eq) {
                fprintf(stderr, "jiuye %s: option %s takes no value\n", cmd, o->name);
                return EXIT_USAGE;
            }
            *o->flag = 1;
            continue;
        }
        if (eq) {
            *o->value = eq + 1;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            fprintf(stderr, "jiuye %s: option %s needs a value\n", cmd, o->name);
            return EXIT_USAGE;
        }
    }
    return EXIT_OK;
}

/* A kind given by name ("labor") or by its Chinese name ("劳动力资源信息"). */
static int parse_kind(jy_kind *out, const char *cmd, const char *text)
{
    if (jy_kind_from_name(out, text) == JY_OK)
        return EXIT_OK;
    for (int k = 1; k < JY_KIND_END; k++)
        if (jy_kind_label(k) && !strcmp(jy_kind_label(k), text)) {
            *out = (jy_kind)k;
            return EXIT_OK;
        }
    fprintf(stderr, "jiuye %s: unknown kind '%s'; kinds:", cmd, text);
    for (int k = 1; k < JY_KIND_END; k++)
        if (jy_kind_name(k))
            fprintf(stderr, " %s", jy_kind_name(k));
    fputc('\n', stderr);
    return EXIT_USAGE;
}

static int parse_format(jy_format *out, const char *cmd, const char *text)
{
    if (!text)
        *out = JY_FORMAT_AUTO;
    else if (!strcmp(text, "csv"))
        *out = JY_FORMAT_CSV;
    else if (!strcmp(text, "jsonl") || !strcmp(text, "json"))
        *out = JY_FORMAT_JSONL;
    else {
        fprintf(stderr, "jiuye %s: --format is csv or jsonl, not '%s'\n", cmd, text);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Does a file name end in .csv (any case)? The library decides the same
 * way for JY_FORMAT_AUTO. */
static int csv_by_name(const char *path)
{
    size_t n = strlen(path);
    if (n < 4)
        return 0;
    const char *e = path + n - 4;
    return e[0] == '.' && (e[1] | 0x20) == 'c' && (e[2] | 0x20) == 's' && (e[3] | 0x20) == 'v';
}

static int open_db(jy_db **out, const char *cmd, const char *path)
{
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.flags = 0; /* an existing database only: `jiuye init` creates them */
    int rc = jy_db_open(out, path, &o);
    if (rc == JY_ENOTFOUND) {
        fprintf(stderr, "jiuye %s: %s: no such database (create it with jiuye init)\n", cmd, path);
        return EXIT_FAILED;
    }
    if (rc != JY_OK) {
        fprintf(stderr, "jiuye %s: %s: %s\n", cmd, path, jy_error_last()->message);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

/* Writes `s` as a JSON string (with its quotes). */
static void json_string(FILE *to, const char *s)
{
    fputc('"', to);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(to, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", to);
        else if (*p == '\t')
            fputs("\\t", to);
        else if (*p < 0x20)
            fprintf(to, "\\u%04x", *p);
        else
            fputc(*p, to);
    }
    fputc('"', to);
}

/* ---- init ----------------------------------------------------------------- */

static void init_help(FILE *to)
{
    fputs("Usage: jiuye init --db FILE [--county FILE]\n"
          "\n"
          "Creates a database for a county's ledgers.\n"
          "\n"
          "Options:\n"
          "  --db FILE       the database file to create (it must not exist)\n"
          "  --county FILE   county profile (JSON, see docs/formats.md);\n"
          "                  default: the built-in profile of Xingan County (新干县)\n"
          "  -h, --help      show this help\n",
          to);
}

static int cmd_init(int argc, char **argv)
{
    const char *db_path = NULL, *county = NULL;
    const option opts[] = { { "--db", &db_path, NULL }, { "--county", &county, NULL },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, init_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path) {
        fputs("jiuye init: --db FILE is required\n\n", stderr);
        init_help(stderr);
        return EXIT_USAGE;
    }
    struct stat st;
    if (stat(db_path, &st) == 0) {
        fprintf(stderr, "jiuye init: %s exists already\n", db_path);
        return EXIT_FAILED;
    }
    jy_db_options o = JY_DB_OPTIONS_INIT;
    o.county_file = county;
    jy_db *db = NULL;
    if (jy_db_open(&db, db_path, &o) != JY_OK) {
        fprintf(stderr, "jiuye init: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    const jy_county *c = jy_db_county(db);
    int version = 0;
    jy_db_schema_version(&version, db);
    printf("created %s for %s (%s), %zu townships, schema version %d\n", db_path,
           jy_county_name(c), jy_county_code(c), jy_county_township_count(c), version);
    jy_db_close(db);
    return EXIT_OK;
}

/* ---- import --------------------------------------------------------------- */

static void import_help(FILE *to)
{
    fputs("Usage: jiuye import --db FILE [--kind KIND] [--format csv|jsonl]\n"
          "                    [--mode all|keep-good] [--encoding auto|utf8|gb18030]\n"
          "                    [--rejects FILE] INPUT\n"
          "\n"
          "Imports the records of a JSON Lines or CSV file (docs/formats.md; INPUT -\n"
          "is standard input, JSON Lines unless --format csv) and prints\n"
          "one JSON line: {\"accepted\": N, \"updated\": U, \"rejected\": R, \"warnings\": W}.\n"
          "Labor records of people already in the ledger (same ID number) and known\n"
          "enterprises (same credit code or name) are updated, not duplicated.\n"
          "\n"
          "Options:\n"
          "  --db FILE         the database (created by jiuye init)\n"
          "  --kind KIND       kind of the records (labor, enterprise, posting...);\n"
          "                    required for CSV; for JSON Lines each line's \"type\" is used\n"
          "  --format FORMAT   csv or jsonl; default: from INPUT's extension (.csv)\n"
          "  --mode MODE       all (default): any bad record and nothing is stored;\n"
          "                    keep-good: store the good records, report the bad ones\n"
          "  --encoding ENC    auto (default: UTF-8, else GB18030), utf8 or gb18030\n"
          "  --rejects FILE    write each rejected record as a JSON line\n"
          "                    {\"line\": N, \"field\": \"...\", \"reason\": \"...\"}\n"
          "                    (default: a line each on standard error)\n"
          "  -h, --help        show this help\n"
          "\n"
          "Exit status: 0 imported (in keep-good mode, whatever was rejected);\n"
          "1 an error, or anything rejected in all mode; 2 usage error.\n",
          to);
}

typedef struct reject_sink {
    FILE *out;          /* the rejects file, or NULL for standard error */
    const char *input;
} reject_sink;

static int on_reject(const jy_located_error *err, void *payload)
{
    reject_sink *sink = payload;
    if (sink->out) {
        fprintf(sink->out, "{\"line\": %zu, \"field\": ", err->line);
        if (err->field[0])
            json_string(sink->out, err->field);
        else
            fputs("null", sink->out);
        fputs(", \"reason\": ", sink->out);
        json_string(sink->out, err->text);
        fputs("}\n", sink->out);
    } else {
        fprintf(stderr, "%s:%zu: %s%s%s\n", sink->input, err->line, err->field,
                err->field[0] ? ": " : "", err->text);
    }
    return 0;
}

static int cmd_import(int argc, char **argv)
{
    const char *db_path = NULL, *kind = NULL, *format = NULL, *mode = NULL, *encoding = NULL,
               *rejects = NULL, *pos[1] = { NULL };
    const option opts[] = { { "--db", &db_path, NULL },     { "--kind", &kind, NULL },
                            { "--format", &format, NULL },  { "--mode", &mode, NULL },
                            { "--encoding", &encoding, NULL }, { "--rejects", &rejects, NULL },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, import_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || npos != 1) {
        fputs(!db_path ? "jiuye import: --db FILE is required\n\n"
                       : "jiuye import: INPUT is required\n\n", stderr);
        import_help(stderr);
        return EXIT_USAGE;
    }
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    if (kind && (rc = parse_kind(&o.kind, "import", kind)) != EXIT_OK)
        return rc;
    if ((rc = parse_format(&o.format, "import", format)) != EXIT_OK)
        return rc;
    if (!mode || !strcmp(mode, "all"))
        o.mode = JY_IMPORT_ALL;
    else if (!strcmp(mode, "keep-good"))
        o.mode = JY_IMPORT_KEEP_GOOD;
    else {
        fprintf(stderr, "jiuye import: --mode is all or keep-good, not '%s'\n", mode);
        return EXIT_USAGE;
    }
    if (!encoding || !strcmp(encoding, "auto"))
        o.encoding = JY_ENCODING_AUTO;
    else if (!strcmp(encoding, "utf8") || !strcmp(encoding, "utf-8"))
        o.encoding = JY_ENCODING_UTF8;
    else if (!strcmp(encoding, "gb18030") || !strcmp(encoding, "gbk"))
        o.encoding = JY_ENCODING_GB18030;
    else {
        fprintf(stderr, "jiuye import: --encoding is auto, utf8 or gb18030, not '%s'\n",
                encoding);
        return EXIT_USAGE;
    }
    const char *input = pos[0];
    if (!strcmp(input, "-")) {
        input = "/dev/stdin";
        if (o.format == JY_FORMAT_AUTO)
            o.format = JY_FORMAT_JSONL;
    }
    int csv = o.format == JY_FORMAT_CSV || (o.format == JY_FORMAT_AUTO && csv_by_name(input));
    if (csv && !o.kind) {
        fputs("jiuye import: --kind KIND is required for CSV\n", stderr);
        return EXIT_USAGE;
    }

    jy_db *db = NULL;
    if ((rc = open_db(&db, "import", db_path)) != EXIT_OK)
        return rc;
    reject_sink sink = { NULL, pos[0] };
    if (rejects) {
        sink.out = fopen(rejects, "w");
        if (!sink.out) {
            perror(rejects);
            jy_db_close(db);
            return EXIT_FAILED;
        }
    }
    o.on_reject = on_reject;
    o.payload = &sink;
    jy_import_stats st;
    int irc = jy_import_file(&st, db, input, &o);
    int exit_code = irc == JY_OK ? EXIT_OK : EXIT_FAILED;
    if (irc != JY_OK)
        fprintf(stderr, "jiuye import: %s\n", jy_error_last()->message);
    printf("{\"accepted\": %zu, \"updated\": %zu, \"rejected\": %zu, \"warnings\": %zu}\n",
           st.accepted, st.updated, st.rejected, st.warnings);
    if (sink.out && fclose(sink.out) != 0) {
        perror(rejects);
        exit_code = EXIT_FAILED;
    }
    jy_db_close(db);
    return exit_code;
}

/* ---- export --------------------------------------------------------------- */

static void export_help(FILE *to)
{
    fputs("Usage: jiuye export --db FILE [--kind KIND] [--format csv|jsonl] [--unmask]\n"
          "                    [--names] [--no-bom] OUTPUT\n"
          "\n"
          "Exports ledgers to a JSON Lines or CSV file (docs/formats.md); OUTPUT - is\n"
          "standard output. Names, ID numbers and phone numbers are masked unless\n"
          "--unmask is given; an unmasked export is written to the database's audit log.\n"
          "\n"
          "Options:\n"
          "  --db FILE         the database\n"
          "  --kind KIND       the kind to export (labor, enterprise, posting...); required\n"
          "                    for CSV; JSON Lines without it holds every kind\n"
          "  --format FORMAT   csv or jsonl; default: from OUTPUT's extension (.csv)\n"
          "  --unmask          personal data in clear (audited; only where allowed)\n"
          "  --names           CSV: English field names and plain values in the header and\n"
          "                    cells instead of Chinese labels (both import back)\n"
          "  --no-bom          CSV: no UTF-8 byte-order mark\n"
          "  -h, --help        show this help\n",
          to);
}

static int write_stdout(const char *data, size_t len, void *payload)
{
    (void)payload;
    return fwrite(data, 1, len, stdout) == len ? 0 : JY_EIO;
}

static int cmd_export(int argc, char **argv)
{
    const char *db_path = NULL, *kind = NULL, *format = NULL, *pos[1] = { NULL };
    int unmask = 0, names = 0, no_bom = 0;
    const option opts[] = { { "--db", &db_path, NULL },   { "--kind", &kind, NULL },
                            { "--format", &format, NULL }, { "--unmask", NULL, &unmask },
                            { "--names", NULL, &names },  { "--no-bom", NULL, &no_bom },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, export_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || npos != 1) {
        fputs(!db_path ? "jiuye export: --db FILE is required\n\n"
                       : "jiuye export: OUTPUT is required\n\n", stderr);
        export_help(stderr);
        return EXIT_USAGE;
    }
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    if (kind && (rc = parse_kind(&o.kind, "export", kind)) != EXIT_OK)
        return rc;
    if ((rc = parse_format(&o.format, "export", format)) != EXIT_OK)
        return rc;
    const char *out = pos[0];
    int to_stdout = !strcmp(out, "-");
    if (to_stdout && o.format == JY_FORMAT_AUTO)
        o.format = JY_FORMAT_JSONL;
    int csv = o.format == JY_FORMAT_CSV || (o.format == JY_FORMAT_AUTO && csv_by_name(out));
    if (csv && !o.kind) {
        fputs("jiuye export: --kind KIND is required for CSV\n", stderr);
        return EXIT_USAGE;
    }
    if (unmask)
        o.flags |= JY_EXPORT_UNMASK;
    o.csv_labels = !names;
    o.bom = !no_bom;

    jy_db *db = NULL;
    if ((rc = open_db(&db, "export", db_path)) != EXIT_OK)
        return rc;
    size_t count = 0;
    rc = to_stdout ? jy_export_write(&count, db, &o, write_stdout, NULL)
                   : jy_export_file(&count, db, out, &o);
    if (rc == JY_OK && to_stdout && fflush(stdout) != 0)
        rc = JY_EIO;
    if (rc != JY_OK) {
        fprintf(stderr, "jiuye export: %s\n", jy_error_last()->message);
        jy_db_close(db);
        return EXIT_FAILED;
    }
    fprintf(to_stdout ? stderr : stdout, "{\"exported\": %zu}\n", count);
    jy_db_close(db);
    return EXIT_OK;
}

/* ---- formats (hidden): the field reference of docs/formats.md ------------- */

/* One example value per field, in the form an import accepts. The records
 * they make up are consistent: `jiuye formats --examples` prints them as
 * JSON Lines and a test imports them into an empty database. */
typedef struct example {
    const char *kind, *field, *value;
} example;

static const example examples[] = {
    { "contract", "name", "新干县就业之家运营服务2026年度" },
    { "contract", "operator", "某人力资源服务有限公司" },
    { "contract", "signed_on", "2026-03-01" },
    { "contract", "ends_on", "2027-02-28" },
    { "contract", "rules", "default" },
    { "contract", "notes", "首个服务年度" },
    { "enterprise", "name", "新干县某箱包有限公司" },
    { "enterprise", "credit_code", "91360824MA35D7K20A" },
    { "enterprise", "industry", "luggage" },
    { "enterprise", "address", "新干县工业园区" },
    { "enterprise", "contact_name", "张三" },
    { "enterprise", "staff_count", "320" },
    { "enterprise", "notes", "重点用工企业" },
    { "staff_survey", "staff_count", "320" },
    { "staff_survey", "general_workers", "260" },
    { "staff_survey", "skilled_workers", "60" },
    { "staff_survey", "vacancies", "25" },
    { "staff_survey", "notes", "旺季缺车工" },
    { "posting", "title", "箱包车工" },
    { "posting", "description", "熟练操作平车，计件工资，包吃住" },
    { "posting", "skills", "平车、缝纫" },
    { "posting", "headcount", "10" },
    { "posting", "salary_min", "4000" },
    { "posting", "salary_max", "6000" },
    { "posting", "salary_text", "4000-6000元/月" },
    { "posting", "age_min", "18" },
    { "posting", "age_max", "50" },
    { "posting", "education", "junior" },
    { "posting", "worker_type", "skilled" },
    { "posting", "source", "企业走访" },
    { "posting", "external_id", "JX-2026-0402-17" },
    { "jobseeker", "name", "李四" },
    { "jobseeker", "id_number", "360824200108154523" },
    { "jobseeker", "wishes", "电焊工或叉车司机，金川镇附近" },
    { "jobseeker", "skills", "电焊、叉车" },
    { "jobseeker", "salary_wish", "5000" },
    { "jobseeker", "age", "24" },
    { "followup", "outcome", "推荐箱包车工岗位，约了面试" },
    { "labor", "id_number", "360824199003151232" },
    { "labor", "name", "王五" },
    { "labor", "birth_date", "1990-03-15" },
    { "labor", "village", "城南居委会" },
    { "labor", "education", "junior" },
    { "labor", "employment_status", "employed_outside" },
    { "labor", "job", "电子厂操作工" },
    { "labor", "employer", "东莞某电子厂" },
    { "labor", "skills", "焊接、叉车" },
    { "labor", "key_groups", "returnee、rural_migrant" },
    { "labor", "surveyor", "赵六" },
    { "labor_change", "field", "employment_status" },
    { "labor_change", "old_value", "employed_outside" },
    { "labor_change", "new_value", "employed_county" },
    { "verification", "checker", "县就业服务中心" },
    { "verification", "notes", "电话核实" },
    { "event", "title", "新干县直播带岗第12期" },
    { "event", "minutes", "120" },
    { "event", "jobs_shown", "45" },
    { "event", "holiday", "五一" },
    { "event", "views", "12000" },
    { "event", "count", "30" },
    { "event", "person_name", "王五" },
    { "event", "period", "2026-04" },
    { "event", "members", "480" },
    { "event", "rank", "1" },
    { "event", "channel", "新干微就业" },
    { "event", "notes", "邀请企业现场讲解岗位" },
    { "hire", "name", "李四" },
    { "shortage", "shortfall", "40" },
    { "shortage", "measures", "举办专场招聘会两场" },
    { "review", "text", "回复及时，推荐的岗位合适" },
    { "incident", "description", "网络投诉岗位信息不实，已核实处理" },
};

/* Dates in the examples, by field name (the same in every kind). */
static const example date_examples[] = {
    { "*", "platform_registered_on", "2026-03-15" }, { "*", "authorized_on", "2026-03-20" },
    { "*", "wechat_joined_on", "2026-03-20" },      { "*", "demand_ledger_on", "2026-04-01" },
    { "*", "staff_surveyed_on", "2026-05-10" },     { "*", "surveyed_on", "2026-05-10" },
    { "*", "published_on", "2026-04-02" },          { "*", "closed_on", "2026-05-31" },
    { "*", "registered_on", "2026-04-05" },         { "*", "date", "2026-04-08" },
    { "*", "changed_on", "2026-06-01" },            { "*", "checked_on", "2026-07-20" },
    { "*", "due_on", "2026-04-30" },                { "*", "done_on", "2026-04-28" },
    { "*", "started_on", "2026-04-20" },            { "*", "left_on", "2026-09-30" },
    { "*", "reported_on", "2026-03-28" },           { "*", "resolved_on", "2026-05-15" },
    { "*", "followed_up_on", "2026-05-02" },        { "*", "delivered_on", "2026-04-10" },
    { "*", "viewed_on", "2026-04-11" },
};

static const char *example_of(const char *kind, const jy_field_info *f)
{
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++)
        if (!strcmp(examples[i].kind, kind) && !strcmp(examples[i].field, f->name))
            return examples[i].value;
    const char *fmt = f->format ? f->format : "";
    switch (f->type) {
    case JY_FIELD_DATE:
        for (size_t i = 0; i < sizeof date_examples / sizeof date_examples[0]; i++)
            if (!strcmp(date_examples[i].field, f->name))
                return date_examples[i].value;
        return "2026-04-01";
    case JY_FIELD_BOOL:
        return "true";
    case JY_FIELD_REFERENCE:
        return "1";
    case JY_FIELD_INTEGER:
        return "1";
    case JY_FIELD_REAL:
        return "1.5";
    default:
        break;
    }
    if (!strcmp(fmt, "enum"))
        return f->values[0];
    if (!strcmp(fmt, "phone"))
        return "13807951234";
    if (!strcmp(fmt, "township"))
        return "金川镇";
    if (!strcmp(fmt, "time"))
        return "19:00";
    return "";
}

/* Markdown table cells: no pipes, no newlines in the catalogue's text. */
static void md_type(const jy_field_info *f)
{
    const char *fmt = f->format ? f->format : "";
    switch (f->type) {
    case JY_FIELD_TEXT:
        if (!strcmp(fmt, "enum"))
            fputs("one of the values below", stdout);
        else if (!strcmp(fmt, "id_number"))
            fputs("text: resident ID number (GB 11643)", stdout);
        else if (!strcmp(fmt, "credit_code"))
            fputs("text: credit code (GB 32100)", stdout);
        else if (!strcmp(fmt, "phone"))
            fputs("text: mobile number", stdout);
        else if (!strcmp(fmt, "township"))
            fputs("text: township (code or name)", stdout);
        else if (!strcmp(fmt, "village"))
            fputs("text: village (code or name)", stdout);
        else if (!strcmp(fmt, "time"))
            fputs("text: time HH:MM", stdout);
        else
            fputs("text", stdout);
        break;
    case JY_FIELD_INTEGER:
        fputs("integer", stdout);
        if (f->min != INT64_MIN && f->max != INT64_MAX)
            printf(" %" PRId64 "–%" PRId64, f->min, f->max);
        else if (f->min != INT64_MIN)
            printf(" ≥ %" PRId64, f->min);
        break;
    case JY_FIELD_REAL:
        fputs("number", stdout);
        break;
    case JY_FIELD_BOOL:
        fputs("yes/no", stdout);
        break;
    case JY_FIELD_DATE:
        fputs("date", stdout);
        break;
    case JY_FIELD_LIST:
        fputs(!strcmp(fmt, "enum") ? "list of the values below" : "list", stdout);
        break;
    case JY_FIELD_REFERENCE:
        printf("id of a `%s`", jy_kind_name((int)f->ref_kind));
        break;
    }
}

/* Kinds in an order where every kind comes after the kinds it refers to. */
static size_t parent_first(int *order)
{
    int placed[JY_KIND_END] = { 0 };
    size_t n = 0;
    for (int round = 0; round < JY_KIND_END; round++)
        for (int k = 1; k < JY_KIND_END; k++) {
            int ready = jy_kind_name(k) && !placed[k];
            for (size_t i = 0; ready && i < jy_kind_field_count(k); i++) {
                const jy_field_info *f = jy_kind_field_at(k, i);
                if (f->type == JY_FIELD_REFERENCE && (int)f->ref_kind != k &&
                    !placed[f->ref_kind])
                    ready = 0;
            }
            if (ready) {
                placed[k] = 1;
                order[n++] = k;
            }
        }
    return n;
}

/* The examples as JSON Lines, one record of each kind, referenced kinds
 * first: what the docs show must import (a test does it). */
static int print_examples(void)
{
    int order[JY_KIND_END];
    size_t n = parent_first(order);
    for (size_t o = 0; o < n; o++) {
        int k = order[o];
        const char *kind = jy_kind_name(k);
        printf("{\"type\":\"%s\"", kind);
        for (size_t i = 0; i < jy_kind_field_count(k); i++) {
            const jy_field_info *f = jy_kind_field_at(k, i);
            const char *ex = example_of(kind, f);
            if (!*ex)
                continue;
            printf(",\"%s\":", f->name);
            if (f->type == JY_FIELD_INTEGER || f->type == JY_FIELD_REFERENCE ||
                f->type == JY_FIELD_REAL || f->type == JY_FIELD_BOOL) {
                fputs(ex, stdout);
            } else if (f->type == JY_FIELD_LIST) {
                /* Items are separated by 、 in the examples. */
                fputc('[', stdout);
                const char *p = ex;
                for (int first = 1;; first = 0) {
                    const char *sep = strstr(p, "\xe3\x80\x81");
                    char item[128];
                    size_t len = sep ? (size_t)(sep - p) : strlen(p);
                    snprintf(item, sizeof item, "%.*s", (int)len, p);
                    if (!first)
                        fputc(',', stdout);
                    json_string(stdout, item);
                    if (!sep)
                        break;
                    p = sep + 3;
                }
                fputc(']', stdout);
            } else {
                json_string(stdout, ex);
            }
        }
        puts("}");
    }
    return EXIT_OK;
}

static int cmd_formats(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[2], "--examples"))
        return print_examples();
    puts("<!-- generated by `jiuye formats` from the catalogue (lib/catalog.c); do not edit -->");
    for (int k = 1; k < JY_KIND_END; k++) {
        const char *kind = jy_kind_name(k);
        if (!kind)
            continue;
        printf("\n### `%s` %s\n\n", kind, jy_kind_label(k));
        puts("| field | CSV label | type | required | example | meaning |");
        puts("| --- | --- | --- | --- | --- | --- |");
        for (size_t i = 0; i < jy_kind_field_count(k); i++) {
            const jy_field_info *f = jy_kind_field_at(k, i);
            printf("| `%s` | %s | ", f->name, f->label);
            md_type(f);
            const char *req = (f->flags & JY_FIELD_READONLY) ? "set by the library"
                              : (f->flags & JY_FIELD_REQUIRED) ? "yes" : "no";
            const char *ex = example_of(kind, f);
            printf(" | %s | %s%s%s | %s", req, *ex ? "`" : "", ex, *ex ? "`" : "", f->doc);
            if (f->flags & JY_FIELD_UNIQUE)
                fputs(" Unique.", stdout);
            if (f->flags & JY_FIELD_PERSONAL)
                fputs(" Masked on export.", stdout);
            puts(" |");
        }
        for (size_t i = 0; i < jy_kind_field_count(k); i++) {
            const jy_field_info *f = jy_kind_field_at(k, i);
            if (!f->values)
                continue;
            printf("\nValues of `%s`:", f->name);
            for (size_t v = 0; f->values[v]; v++)
                printf("%s `%s` %s", v ? "," : "", f->values[v],
                       f->value_labels ? f->value_labels[v] : "");
            puts(".");
        }
    }
    return EXIT_OK;
}

/* ---- demo ----------------------------------------------------------------- */

/* Keeps the first 6 and the last 2 characters of an ID number: the region
 * stays readable, the person does not. */
static void mask_id(char *out, size_t size, const char *id)
{
    size_t n = strlen(id);
    if (n < 10 || size < n + 1) {
        snprintf(out, size, "***");
        return;
    }
    memcpy(out, id, 6);
    memset(out + 6, '*', n - 8);
    memcpy(out + n - 2, id + n - 2, 2);
    out[n] = '\0';
}

/* Keeps the first 3 and the last 4 digits of a phone number. */
static void mask_phone(char *out, size_t size, const char *phone)
{
    if (strlen(phone) != 11 || size < 12) {
        snprintf(out, size, "***");
        return;
    }
    snprintf(out, size, "%.3s****%.4s", phone, phone + 7);
}

/* What county staff read: the reasons in Chinese. */
static const char *reason_zh(jy_reason reason)
{
    switch (reason) {
    case JY_REASON_NONE: return "有效";
    case JY_REASON_EMPTY: return "未填写";
    case JY_REASON_UTF8: return "编码错误";
    case JY_REASON_LENGTH: return "位数不对";
    case JY_REASON_CHARACTER: return "含非法字符";
    case JY_REASON_CHECKSUM: return "校验码错误";
    case JY_REASON_BIRTH_DATE: return "出生日期不存在";
    case JY_REASON_BIRTH_RANGE: return "出生日期超出范围";
    case JY_REASON_REGION: return "行政区划代码不存在";
    case JY_REASON_AUTHORITY: return "登记管理部门或机构类别代码错误";
    case JY_REASON_PREFIX: return "非中国大陆号码";
    case JY_REASON_NETWORK: return "不是手机号段";
    }
    return "未知原因";
}

struct sample {
    const char *id;        /* as typed by a surveyor */
    const char *phone;
    const char *township;
    const char *village;
};

/* Synthetic records in the shapes real ledgers contain: lower-case x,
 * full-width digits, short township names, the substitute 麦斜 for 麦㙦, the
 * old county code 362424, and four kinds of mistakes. The ID numbers are
 * made up; none belongs to a real person. */
static const struct sample samples[] = {
    { "36242419850612301x", "138 0795 1234", "金川", "湄湘村" },
    { "360824200108154523", "+86 139-7960-8888", "麦斜镇", NULL },
    { "３６０８２４１９９２０２２９００１６", "15907961234", "三湖镇", NULL },
    { "362424700101231", "18979612345", "溧江", NULL },
    { "360824199002301234", "13807951234", "七琴镇", NULL },
    { "360824198506123011", "12345678901", "界埠镇", NULL },
    { "36082419850612301X", "1380795123", "大洋洲", NULL },
    { "36082419850612301", "13807951234", "洋峰", "不存在村" },
};

static int demo(void)
{
    jy_county *county = NULL;
    if (jy_county_load_default(&county) != JY_OK) {
        fprintf(stderr, "jiuye: cannot load the county profile: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    size_t villages = 0;
    for (size_t i = 0; i < jy_county_township_count(county); i++)
        villages += jy_county_township_at(county, i)->village_count;
    printf("libjiuye %s\n", jy_version(NULL, NULL, NULL));
    printf("县情: %s (%s), %zu 个乡镇(街道), %zu 个村(社区)\n\n", jy_county_name(county),
           jy_county_code(county), jy_county_township_count(county), villages);

    jy_date today;
    if (jy_date_today(&today) != JY_OK) {
        jy_county_free(county);
        return EXIT_FAILED;
    }
    int valid = 0, invalid = 0;
    printf("劳动力样本校验 (个人信息已脱敏):\n");
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const struct sample *s = &samples[i];
        char problems[512] = "";
        size_t used = 0;
        char idtext[32] = "***", phonetext[16] = "***", age[32] = "";
        const char *place = "";
        int errors = 0; /* problems that make the record invalid (not the hints) */

        jy_id_info id;
        if (jy_id_parse(&id, s->id) == JY_OK) {
            int years = 0;
            mask_id(idtext, sizeof idtext, id.number);
            if (jy_id_age(&years, &id, today) == JY_OK)
                snprintf(age, sizeof age, "%s %d岁", id.gender == JY_GENDER_MALE ? "男" : "女",
                         years);
            if (id.warnings & JY_WARN_REGION_NOT_IN_FORCE)
                used += (size_t)snprintf(problems + used, sizeof problems - used,
                                         "[提示] 区划代码在出生年份未启用; ");
            if (id.warnings & JY_WARN_LEGACY_15)
                used += (size_t)snprintf(problems + used, sizeof problems - used,
                                         "[提示] 15位旧号已升为18位; ");
        } else {
            errors++;
            used += (size_t)snprintf(problems + used, sizeof problems - used, "身份证号: %s",
                                     reason_zh(id.reason));
            if (id.position && used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, " (第%zu位)",
                                         id.position);
            if (used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, "; ");
        }
        jy_phone_info phone;
        if (jy_phone_parse(&phone, s->phone) == JY_OK)
            mask_phone(phonetext, sizeof phonetext, phone.number);
        else if (++errors && used < sizeof problems)
            used += (size_t)snprintf(problems + used, sizeof problems - used, "手机号: %s; ",
                                     reason_zh(phone.reason));
        const jy_township *t = NULL;
        if (jy_county_find_township(&t, county, s->township) == JY_OK) {
            place = t->name;
            const jy_village *v = NULL;
            if (s->village && jy_county_find_village(&v, county, t->code, s->village) != JY_OK &&
                ++errors && used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, "村: %s; ",
                                         jy_error_last()->code == JY_EAMBIGUOUS ? "名称不唯一"
                                                                                : "未找到");
        } else if (++errors && used < sizeof problems) {
            used += (size_t)snprintf(problems + used, sizeof problems - used, "乡镇: %s; ",
                                     jy_error_last()->code == JY_EAMBIGUOUS ? "名称不唯一"
                                                                            : "未找到");
        }
        int ok = errors == 0;
        ok ? valid++ : invalid++;
        printf("  %zu. %-18s %-11s %-8s %-10s %s %s\n", i + 1, idtext, phonetext, place, age,
               ok ? "有效" : "无效", problems);
    }
    printf("\n合计: 有效 %d 条, 无效 %d 条\n", valid, invalid);
    jy_county_free(county);
    return EXIT_OK;
}


int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("jiuye %s\n", jy_version(NULL, NULL, NULL));
        return EXIT_OK;
    }
    if (!strcmp(cmd, "demo"))
        return demo();
    if (!strcmp(cmd, "init"))
        return cmd_init(argc, argv);
    if (!strcmp(cmd, "import"))
        return cmd_import(argc, argv);
    if (!strcmp(cmd, "export"))
        return cmd_export(argc, argv);
    if (!strcmp(cmd, "formats"))
        return cmd_formats(argc, argv);
    fprintf(stderr, "jiuye: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
