/*
 * jiuye: the command-line tool of libjiuye, built on the public API only.
 *
 * Commands:
 *   jiuye init      create a database for a county (Xingan by default);
 *   jiuye import    import a JSON Lines or CSV file into a database;
 *   jiuye export    export ledgers to JSON Lines or CSV (personal data masked);
 *   jiuye validate  check a file against the catalogue without a database;
 *   jiuye summary   print a summary of a database's ledgers for county staff
 *                   (counts only, no personal data), or as JSON;
 *   jiuye report    a report computed from the ledgers (JSON, CSV, xlsx), or a
 *                   ledger as a CSV or xlsx file for spreadsheets;
 *   jiuye dashboard the big screen: a self-contained HTML page;
 *   jiuye assess    score a period against the scoring table (考核细则表):
 *                   text, JSON, CSV or HTML;
 *   jiuye demo      the main job: generates a synthetic county year (the
 *                   generator of tools/gen.h, shared with jiuye-gen),
 *                   imports it into a fresh database, validates sample
 *                   records, prints the summary, runs the push, scores the
 *                   contract year and writes the workbook, the monthly
 *                   report and the big screen, saying where they are;
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

#include "gen.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static void usage(FILE *to)
{
    fputs("Usage: jiuye COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  init       create a database for a county\n"
          "  import     import a JSON Lines or CSV file into a database\n"
          "  export     export ledgers to JSON Lines or CSV (personal data masked)\n"
          "  validate   check a JSON Lines or CSV file against the catalogue (no database)\n"
          "  summary    summarize a database's ledgers (counts only)\n"
          "  optimize   rewrite a database file compactly (after a bulk import)\n"
          "  report     write a report (JSON, CSV, xlsx) or a ledger for spreadsheets\n"
          "  dashboard  write the big screen: a self-contained HTML page\n"
          "  assess     score a period against the scoring table (考核细则表)\n"
          "  match      match jobseeker profiles against postings (JSON Lines, batch)\n"
          "  push       push matched postings to the database's jobseekers (daily push)\n"
          "  demo       the main job: a synthetic county generated, imported, pushed, scored,\n"
          "             reported; the workbook, the big screen and the scorecard\n"
          "  version    print the version of libjiuye\n"
          "\n"
          "Options:\n"
          "  -h, --help     show this help (COMMAND --help: the command's help)\n"
          "  -V, --version  same as the version command\n"
          "\n"
          "Exit status: 0 success; 1 the command failed (a database or file that cannot\n"
          "be opened, bad records: rejected by import in all mode, found by validate;\n"
          "no xlsx support...); 2 usage error (unknown command or option, missing or\n"
          "bad argument). Messages go to standard error. Manual: man jiuye.\n",
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

/* A missing argument: "jiuye CMD: WHAT is required", then the command's
 * usage on standard error. */
static int missing(const char *cmd, const char *what, void (*help)(FILE *))
{
    fprintf(stderr, "jiuye %s: %s is required\n\n", cmd, what);
    help(stderr);
    return EXIT_USAGE;
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
    else if (!strcmp(text, "xlsx"))
        *out = JY_FORMAT_XLSX;
    else {
        fprintf(stderr, "jiuye %s: --format is csv, jsonl or xlsx, not '%s'\n", cmd, text);
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
    fputs("Usage: jiuye init --db FILE [--county FILE] [--json]\n"
          "\n"
          "Creates a database for a county's ledgers.\n"
          "\n"
          "Options:\n"
          "  --db FILE       the database file to create (it must not exist)\n"
          "  --county FILE   county profile (JSON, see docs/formats.md);\n"
          "                  default: the built-in profile of Xingan County (新干县)\n"
          "  --json          one JSON object {\"database\": ..., \"county\": {...},\n"
          "                  \"schema_version\": N} instead of a sentence\n"
          "  -h, --help      show this help\n"
          "\n"
          "Exit status: 0 created; 1 failed (the file exists, a bad county profile...);\n"
          "2 usage error.\n",
          to);
}

static int cmd_init(int argc, char **argv)
{
    const char *db_path = NULL, *county = NULL;
    int json = 0;
    const option opts[] = { { "--db", &db_path, NULL }, { "--county", &county, NULL },
                            { "--json", NULL, &json }, { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, init_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path)
        return missing("init", "--db FILE", init_help);
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
    if (json) {
        fputs("{\"database\": ", stdout);
        json_string(stdout, db_path);
        fputs(", \"county\": {\"name\": ", stdout);
        json_string(stdout, jy_county_name(c));
        fputs(", \"code\": ", stdout);
        json_string(stdout, jy_county_code(c));
        printf(", \"townships\": %zu}, \"schema_version\": %d}\n", jy_county_township_count(c),
               version);
    } else {
        printf("created %s for %s (%s), %zu townships, schema version %d\n", db_path,
               jy_county_name(c), jy_county_code(c), jy_county_township_count(c), version);
    }
    jy_db_close(db);
    return EXIT_OK;
}

/* ---- import --------------------------------------------------------------- */

static void import_help(FILE *to)
{
    fputs("Usage: jiuye import --db FILE [--kind KIND] [--format csv|jsonl]\n"
          "                    [--mode all|keep-good] [--encoding auto|utf8|gb18030]\n"
          "                    [--rejects FILE] [--json] INPUT\n"
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
          "  --json            accepted for symmetry: the result is that JSON object\n"
          "  -h, --help        show this help\n"
          "\n"
          "Exit status: 0 imported (in keep-good mode, whatever was rejected);\n"
          "1 an error, or anything rejected in all mode; 2 usage error.\n",
          to);
}

typedef struct reject_sink {
    FILE *out;          /* the rejects file, or NULL for standard error */
    const char *input;
    int array;          /* elements of a JSON array: comma-separated, no line ends */
    size_t count;       /* rejects written */
} reject_sink;

static int on_reject(const jy_located_error *err, void *payload)
{
    reject_sink *sink = payload;
    if (sink->out) {
        if (sink->array && sink->count)
            fputs(", ", sink->out);
        sink->count++;
        fprintf(sink->out, "{\"line\": %zu, \"field\": ", err->line);
        if (err->field[0])
            json_string(sink->out, err->field);
        else
            fputs("null", sink->out);
        fputs(", \"reason\": ", sink->out);
        json_string(sink->out, err->text);
        fputs(sink->array ? "}" : "}\n", sink->out);
    } else {
        fprintf(stderr, "%s:%zu: %s%s%s\n", sink->input, err->line, err->field,
                err->field[0] ? ": " : "", err->text);
    }
    return 0;
}

static int parse_encoding(jy_encoding *out, const char *cmd, const char *text);

/* A progress bar on standard error, for callers that checked that it is a
 * terminal: "\r导入 [#####-----]  52%  123456 条" (without a total: the
 * count only). Cleared by clear_bar(). */
static void draw_bar(const char *label, size_t done, size_t total, size_t count, const char *unit)
{
    if (total > 0) {
        int pct = (int)((double)done * 100.0 / (double)total);
        if (pct > 100)
            pct = 100;
        char bar[31];
        for (int i = 0; i < 30; i++)
            bar[i] = i < pct * 30 / 100 ? '#' : '-';
        bar[30] = '\0';
        fprintf(stderr, "\r%s [%s] %3d%%  %zu %s", label, bar, pct, count, unit);
    } else {
        fprintf(stderr, "\r%s %zu %s", label, count, unit);
    }
    fflush(stderr);
}

static void clear_bar(void)
{
    fputs("\r\033[K", stderr);
}

/* The import's progress (see cmd_import). */
static int progress_bar(size_t records, size_t bytes_done, size_t bytes_total, void *payload)
{
    (void)payload;
    draw_bar("导入", bytes_done, bytes_total, records, "条");
    return 0;
}

/* The input options of import and validate: the kind, format and encoding,
 * INPUT (- is standard input, JSON Lines unless --format csv), and a kind
 * for CSV. Sets `*input` to the file to read. */
static int input_options(jy_import_options *o, const char **input, const char *cmd,
                         const char *kind, const char *format, const char *encoding,
                         const char *arg)
{
    int rc;
    if ((kind && (rc = parse_kind(&o->kind, cmd, kind)) != EXIT_OK) ||
        (rc = parse_format(&o->format, cmd, format)) != EXIT_OK ||
        (rc = parse_encoding(&o->encoding, cmd, encoding)) != EXIT_OK)
        return rc;
    *input = arg;
    if (!strcmp(arg, "-")) {
        *input = "/dev/stdin";
        if (o->format == JY_FORMAT_AUTO)
            o->format = JY_FORMAT_JSONL;
    }
    if ((o->format == JY_FORMAT_CSV || (o->format == JY_FORMAT_AUTO && csv_by_name(*input))) &&
        !o->kind) {
        fprintf(stderr, "jiuye %s: --kind KIND is required for CSV\n", cmd);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int cmd_import(int argc, char **argv)
{
    const char *db_path = NULL, *kind = NULL, *format = NULL, *mode = NULL, *encoding = NULL,
               *rejects = NULL, *pos[1] = { NULL };
    int json = 0; /* the result is one JSON object anyway */
    const option opts[] = { { "--db", &db_path, NULL },     { "--kind", &kind, NULL },
                            { "--format", &format, NULL },  { "--mode", &mode, NULL },
                            { "--encoding", &encoding, NULL }, { "--rejects", &rejects, NULL },
                            { "--json", NULL, &json }, { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, import_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || npos != 1)
        return missing("import", !db_path ? "--db FILE" : "INPUT", import_help);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    const char *input = NULL;
    if ((rc = input_options(&o, &input, "import", kind, format, encoding, pos[0])) != EXIT_OK)
        return rc;
    if (!mode || !strcmp(mode, "all"))
        o.mode = JY_IMPORT_ALL;
    else if (!strcmp(mode, "keep-good"))
        o.mode = JY_IMPORT_KEEP_GOOD;
    else {
        fprintf(stderr, "jiuye import: --mode is all or keep-good, not '%s'\n", mode);
        return EXIT_USAGE;
    }

    jy_db *db = NULL;
    if ((rc = open_db(&db, "import", db_path)) != EXIT_OK)
        return rc;
    reject_sink sink = { NULL, pos[0], 0, 0 };
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
    /* Long imports show progress, on a terminal only (never in files or pipes). */
    int bar = isatty(STDERR_FILENO);
    if (bar)
        o.on_progress = progress_bar;
    jy_import_stats st;
    int irc = jy_import_file(&st, db, input, &o);
    if (bar)
        clear_bar();
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

/* ---- validate ------------------------------------------------------------- */

static void validate_help(FILE *to)
{
    fputs("Usage: jiuye validate [--kind KIND] [--format csv|jsonl] [--encoding auto|utf8|gb18030]\n"
          "                      [--county FILE] [--json] INPUT\n"
          "\n"
          "Checks a JSON Lines or CSV file against the catalogue (docs/formats.md) without\n"
          "a database: every record goes through the import's validation (a throwaway\n"
          "in-memory database, keep-good mode) and each bad one is printed on standard\n"
          "output as a JSON line {\"line\": N, \"field\": \"...\", \"reason\": \"...\"}.\n"
          "Nothing is written anywhere. A record referring to another record by id is\n"
          "checked against the records of the same file only.\n"
          "\n"
          "Options:\n"
          "  --kind KIND       kind of the records; required for CSV\n"
          "  --format FORMAT   csv or jsonl; default: from INPUT's extension (.csv)\n"
          "  --encoding ENC    auto (default: UTF-8, else GB18030), utf8 or gb18030\n"
          "  --county FILE     county profile for townships and villages (JSON);\n"
          "                    default: the built-in profile of Xingan County (新干县)\n"
          "  --json            instead, one JSON object on standard output: {\"input\": ...,\n"
          "                    \"valid\": N, \"rejected\": R, \"warnings\": W, \"rejects\": [the\n"
          "                    bad records as above]} (default: the lines, and a sentence\n"
          "                    on standard error)\n"
          "  -h, --help        show this help\n"
          "\n"
          "Exit status: 0 every record is valid; 1 bad records (or the file cannot be\n"
          "read); 2 usage error.\n",
          to);
}

static int parse_encoding(jy_encoding *out, const char *cmd, const char *text)
{
    if (!text || !strcmp(text, "auto"))
        *out = JY_ENCODING_AUTO;
    else if (!strcmp(text, "utf8") || !strcmp(text, "utf-8"))
        *out = JY_ENCODING_UTF8;
    else if (!strcmp(text, "gb18030") || !strcmp(text, "gbk"))
        *out = JY_ENCODING_GB18030;
    else {
        fprintf(stderr, "jiuye %s: --encoding is auto, utf8 or gb18030, not '%s'\n", cmd, text);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int cmd_validate(int argc, char **argv)
{
    const char *kind = NULL, *format = NULL, *encoding = NULL, *county = NULL,
               *pos[1] = { NULL };
    int json = 0;
    const option opts[] = { { "--kind", &kind, NULL },         { "--format", &format, NULL },
                            { "--encoding", &encoding, NULL }, { "--county", &county, NULL },
                            { "--json", NULL, &json },         { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, validate_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (npos != 1)
        return missing("validate", "INPUT", validate_help);
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    const char *input = NULL;
    if ((rc = input_options(&o, &input, "validate", kind, format, encoding, pos[0])) != EXIT_OK)
        return rc;
    jy_db_options dbo = JY_DB_OPTIONS_INIT;
    dbo.county_file = county;
    jy_db *db = NULL;
    if (jy_db_open(&db, ":memory:", &dbo) != JY_OK) {
        fprintf(stderr, "jiuye validate: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    /* --json: the rejects gathered in memory, then the one object. */
    char *rejects = NULL;
    size_t rejects_len = 0;
    reject_sink sink = { json ? open_memstream(&rejects, &rejects_len) : stdout, pos[0], json, 0 };
    if (!sink.out) {
        fputs("jiuye validate: out of memory\n", stderr);
        jy_db_close(db);
        return EXIT_FAILED;
    }
    o.mode = JY_IMPORT_KEEP_GOOD;
    o.on_reject = on_reject;
    o.payload = &sink;
    jy_import_stats st;
    memset(&st, 0, sizeof st);
    int irc = jy_import_file(&st, db, input, &o);
    jy_db_close(db);
    if (json && fclose(sink.out) != 0 && irc == JY_OK) {
        fputs("jiuye validate: out of memory\n", stderr);
        free(rejects);
        return EXIT_FAILED;
    }
    if (irc != JY_OK) {
        fprintf(stderr, "jiuye validate: %s\n", jy_error_last()->message);
        free(rejects);
        return EXIT_FAILED;
    }
    if (json) {
        fputs("{\"input\": ", stdout);
        json_string(stdout, pos[0]);
        printf(", \"valid\": %zu, \"rejected\": %zu, \"warnings\": %zu, \"rejects\": [%s]}\n",
               st.accepted + st.updated, st.rejected, st.warnings, rejects ? rejects : "");
        free(rejects);
    } else
        fprintf(stderr, "%s: %zu valid, %zu rejected, %zu warnings\n", pos[0],
                st.accepted + st.updated, st.rejected, st.warnings);
    return st.rejected ? EXIT_FAILED : EXIT_OK;
}

/* ---- export --------------------------------------------------------------- */

static void export_help(FILE *to)
{
    fputs("Usage: jiuye export --db FILE [--kind KIND] [--format csv|jsonl] [--unmask]\n"
          "                    [--names] [--no-bom] [--json] OUTPUT\n"
          "\n"
          "Exports ledgers to a JSON Lines or CSV file (docs/formats.md); OUTPUT - is\n"
          "standard output. Names, ID numbers and phone numbers are masked unless\n"
          "--unmask is given; an unmasked export is written to the database's audit log.\n"
          "Prints {\"exported\": N} (on standard error when OUTPUT is -).\n"
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
          "  --json            accepted for symmetry: the result is that JSON object\n"
          "  -h, --help        show this help\n"
          "\n"
          "Exit status: 0 exported; 1 failed (no such database, a file that cannot be\n"
          "written...); 2 usage error.\n",
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
    int unmask = 0, names = 0, no_bom = 0, json = 0; /* json: the result is JSON anyway */
    const option opts[] = { { "--db", &db_path, NULL },   { "--kind", &kind, NULL },
                            { "--format", &format, NULL }, { "--unmask", NULL, &unmask },
                            { "--names", NULL, &names },  { "--no-bom", NULL, &no_bom },
                            { "--json", NULL, &json },    { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, export_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || npos != 1)
        return missing("export", !db_path ? "--db FILE" : "OUTPUT", export_help);
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

/* ---- summary -------------------------------------------------------------- */

static void summary_help(FILE *to)
{
    fputs("Usage: jiuye summary --db FILE [--json]\n"
          "\n"
          "Prints, for county staff (in Chinese), a summary of a database's ledgers:\n"
          "the county; the record count of every ledger (台账); the labor survey\n"
          "(劳动力资源信息) by township and by employment status; the postings (岗位)\n"
          "of each month of the contract year (from the latest contract's signing\n"
          "date; without a contract, the months the postings span); the activities\n"
          "(活动) by kind. Counts only: no personal data is shown.\n"
          "\n"
          "Options:\n"
          "  --db FILE    the database (created by jiuye init)\n"
          "  --json       one JSON object with the same figures instead\n"
          "  -h, --help   show this help\n",
          to);
}

/* The postings of one month (a bucket clipped to the period). */
typedef struct month_count {
    jy_date from, to;
    int64_t count;
} month_count;

/* Without a contract the months the postings span are shown, at most
 * this many (the last ones). */
enum { SUMMARY_MAX_MONTHS = 24 };

typedef struct summary {
    const jy_county *county;
    int64_t ledgers[JY_KIND_END];       /* records per kind */
    /* The contract year (or the postings' span): */
    int have_period;
    const char *period_source;          /* "contract" or "postings" */
    jy_date period_from, period_to;
    month_count months[SUMMARY_MAX_MONTHS + 1];
    size_t month_count;
    int64_t postings_outside;           /* postings published outside the period */
    /* Breakdowns, in catalogue or county order: */
    int64_t *labor_by_township;         /* jy_county_township_count() entries */
    int64_t labor_no_township;          /* not in any township of the county */
    const jy_field_info *status_field;  /* labor.employment_status */
    int64_t labor_by_status[32];
    int64_t labor_no_status;
    const jy_field_info *posting_kind_field;
    int64_t postings_by_kind[8];
    const jy_field_info *event_kind_field;
    int64_t events_by_kind[64];
} summary;

/* Counts the records of a kind, optionally of one township, one sub-kind
 * and one period (NULL/zero: no condition). Prints the error and returns
 * EXIT_FAILED on failure. */
static int count_where(int64_t *out, jy_db *db, jy_kind kind, const char *township,
                       const char *subkind, const jy_date *from, const jy_date *to)
{
    jy_filter f = JY_FILTER_INIT;
    f.kind = kind;
    f.township = township;
    f.subkind = subkind;
    if (from)
        f.from = *from;
    if (to)
        f.to = *to;
    if (jy_ledger_count(out, db, &f) != JY_OK) {
        fprintf(stderr, "jiuye summary: counting %s: %s\n", jy_kind_name(kind),
                jy_error_last()->message);
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

static int add_days(jy_date *out, jy_date d, long n)
{
    long days = 0;
    if (jy_date_to_days(&days, d) != JY_OK || jy_date_from_days(out, days + n) != JY_OK)
        return EXIT_FAILED;
    return EXIT_OK;
}

/* The first day of the month after `d`'s. */
static jy_date next_month(jy_date d)
{
    jy_date n = { d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1 };
    return n;
}

/* The contract year: from the signing date of the latest contract to its
 * end date (default: a year after signing, less a day). Sets
 * s->have_period unless there is no contract. */
static int contract_year(summary *s, jy_db *db)
{
    jy_period p;
    jy_date any = { 0, 0, 0 };
    int rc = jy_assess_contract_year(&p, db, any);
    if (rc == JY_ENOTFOUND)
        return EXIT_OK;
    if (rc != JY_OK) {
        fprintf(stderr, "jiuye summary: reading the contracts: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    s->have_period = 1;
    s->period_source = "contract";
    s->period_from = p.from;
    s->period_to = p.to;
    return EXIT_OK;
}

/* Without a contract: the first and last publication dates of the postings,
 * found by bisection on counts up to a date (a few dozen indexed counts
 * instead of reading every posting). Needs at least one posting. */
static int posting_span(summary *s, jy_db *db)
{
    const jy_date lo_date = { 1900, 1, 1 }, hi_date = { 2199, 12, 31 };
    long lo = 0, hi = 0, first = 0, last = 0;
    jy_date_to_days(&lo, lo_date);
    jy_date_to_days(&hi, hi_date);
    int64_t total = s->ledgers[JY_KIND_POSTING];
    /* first: the smallest day d with count(published_on <= d) > 0;
     * last: the smallest day d with count(published_on <= d) == total. */
    for (int pass = 0; pass < 2; pass++) {
        long a = lo, b = hi;
        while (a < b) {
            long mid = a + (b - a) / 2;
            jy_date to;
            int64_t n = 0;
            if (jy_date_from_days(&to, mid) != JY_OK ||
                count_where(&n, db, JY_KIND_POSTING, NULL, NULL, NULL, &to) != EXIT_OK)
                return EXIT_FAILED;
            if (pass == 0 ? n > 0 : n == total)
                b = mid;
            else
                a = mid + 1;
        }
        *(pass == 0 ? &first : &last) = a;
    }
    if (jy_date_from_days(&s->period_from, first) != JY_OK ||
        jy_date_from_days(&s->period_to, last) != JY_OK)
        return EXIT_FAILED;
    /* A span too long to show month by month: its last months. */
    jy_date start = { s->period_to.year, s->period_to.month, 1 };
    for (int i = 1; i < SUMMARY_MAX_MONTHS; i++)
        start = start.month == 1 ? (jy_date){ start.year - 1, 12, 1 }
                                 : (jy_date){ start.year, start.month - 1, 1 };
    if (jy_date_compare(s->period_from, start) < 0)
        s->period_from = start;
    s->have_period = 1;
    s->period_source = "postings";
    return EXIT_OK;
}

/* The postings of each month of the period. */
static int postings_by_month(summary *s, jy_db *db)
{
    int64_t in_period = 0;
    jy_date from = s->period_from;
    s->month_count = 0;
    while (jy_date_compare(from, s->period_to) <= 0 && s->month_count < SUMMARY_MAX_MONTHS + 1) {
        month_count *m = &s->months[s->month_count++];
        jy_date end;
        if (add_days(&end, next_month(from), -1) != EXIT_OK)
            return EXIT_FAILED;
        if (jy_date_compare(end, s->period_to) > 0)
            end = s->period_to;
        m->from = from;
        m->to = end;
        if (count_where(&m->count, db, JY_KIND_POSTING, NULL, NULL, &m->from, &m->to) != EXIT_OK)
            return EXIT_FAILED;
        in_period += m->count;
        from = next_month(from);
    }
    if (s->month_count) /* a period longer than the months shown ends with them */
        s->period_to = s->months[s->month_count - 1].to;
    s->postings_outside = s->ledgers[JY_KIND_POSTING] - in_period;
    return EXIT_OK;
}

/* Counts `kind`'s records for each value of its enumeration field `field`
 * (the filter's sub-kind); `rest`, if not NULL, receives how many of the
 * kind's `total` records have none of them. */
static int count_by_value(const jy_field_info **out_field, int64_t *counts, size_t max,
                          int64_t *rest, jy_db *db, jy_kind kind, const char *field,
                          int64_t total)
{
    const jy_field_info *f = jy_kind_field(kind, field);
    *out_field = NULL;
    if (!f || !f->values)
        return EXIT_OK; /* not in this library's catalogue: not shown */
    int64_t sum = 0;
    for (size_t v = 0; f->values[v]; v++) {
        if (v == max) {
            fprintf(stderr, "jiuye summary: too many values of %s.%s\n", jy_kind_name(kind),
                    field);
            return EXIT_FAILED;
        }
        if (count_where(&counts[v], db, kind, NULL, f->values[v], NULL, NULL) != EXIT_OK)
            return EXIT_FAILED;
        sum += counts[v];
    }
    if (rest)
        *rest = total - sum;
    *out_field = f;
    return EXIT_OK;
}

static int gather_summary(summary *s, jy_db *db)
{
    int rc;
    s->county = jy_db_county(db);
    for (int k = 1; k < JY_KIND_END; k++)
        if (jy_kind_name(k) &&
            (rc = count_where(&s->ledgers[k], db, (jy_kind)k, NULL, NULL, NULL, NULL)) != EXIT_OK)
            return rc;

    /* The labor survey by township: one count per township. */
    size_t towns = jy_county_township_count(s->county);
    s->labor_by_township = calloc(towns ? towns : 1, sizeof *s->labor_by_township);
    if (!s->labor_by_township) {
        fputs("jiuye summary: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    int64_t in_towns = 0;
    for (size_t i = 0; i < towns; i++) {
        const jy_township *t = jy_county_township_at(s->county, i);
        if ((rc = count_where(&s->labor_by_township[i], db, JY_KIND_LABOR, t->code, NULL, NULL,
                              NULL)) != EXIT_OK)
            return rc;
        in_towns += s->labor_by_township[i];
    }
    s->labor_no_township = s->ledgers[JY_KIND_LABOR] - in_towns;

    if ((rc = count_by_value(&s->status_field, s->labor_by_status,
                             sizeof s->labor_by_status / sizeof s->labor_by_status[0],
                             &s->labor_no_status, db, JY_KIND_LABOR, "employment_status",
                             s->ledgers[JY_KIND_LABOR])) != EXIT_OK)
        return rc;
    if ((rc = count_by_value(&s->posting_kind_field, s->postings_by_kind,
                             sizeof s->postings_by_kind / sizeof s->postings_by_kind[0], NULL,
                             db, JY_KIND_POSTING, "kind", 0)) != EXIT_OK)
        return rc;
    if ((rc = count_by_value(&s->event_kind_field, s->events_by_kind,
                             sizeof s->events_by_kind / sizeof s->events_by_kind[0], NULL, db,
                             JY_KIND_EVENT, "kind", 0)) != EXIT_OK)
        return rc;

    /* Postings per month of the contract year. */
    if ((rc = contract_year(s, db)) != EXIT_OK)
        return rc;
    if (!s->have_period && s->ledgers[JY_KIND_POSTING] > 0 &&
        (rc = posting_span(s, db)) != EXIT_OK)
        return rc;
    if (s->have_period && (rc = postings_by_month(s, db)) != EXIT_OK)
        return rc;
    return EXIT_OK;
}

/* Columns a text takes in a terminal: CJK characters take two. */
static int text_width(const char *text)
{
    int w = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            w += *p >= 0xE0 ? 2 : 1;
    return w;
}

/* "  label ....... count" with the count right-aligned, and a share of
 * `total` when it is positive. */
static void print_count(const char *label, int64_t count, int64_t total)
{
    int pad = 24 - text_width(label);
    printf("  %s%*s%8" PRId64, label, pad > 0 ? pad : 0, "", count);
    if (total > 0)
        printf("  %5.1f%%", 100.0 * (double)count / (double)total);
    putchar('\n');
}

static void print_summary_text(const summary *s, const char *db_path)
{
    const jy_county *c = s->county;
    char from[JY_DATE_TEXT_SIZE] = "", to[JY_DATE_TEXT_SIZE] = "";
    printf("%s (%s) 就业之家台账汇总\n", jy_county_name(c), jy_county_code(c));
    printf("数据库: %s\n", db_path);
    if (s->have_period) {
        jy_date_format(from, s->period_from);
        jy_date_format(to, s->period_to);
        if (strcmp(s->period_source, "contract"))
            printf("统计期间: %s 至 %s (无服务合同, 按岗位发布日期)\n", from, to);
        else if (s->ledgers[JY_KIND_CONTRACT] > 1)
            printf("服务年度: %s 至 %s (共 %" PRId64 " 份服务合同, 取最近签订的一份)\n", from,
                   to, s->ledgers[JY_KIND_CONTRACT]);
        else
            printf("服务年度: %s 至 %s\n", from, to);
    } else {
        printf("服务年度: 无服务合同\n");
    }
    printf("(仅统计条数, 不含个人信息)\n");

    printf("\n【各台账记录数】\n");
    for (int k = 1; k < JY_KIND_END; k++)
        if (jy_kind_label(k))
            print_count(jy_kind_label(k), s->ledgers[k], 0);

    int64_t labor = s->ledgers[JY_KIND_LABOR];
    printf("\n【%s: 按乡镇(街道)】\n", jy_kind_label(JY_KIND_LABOR));
    for (size_t i = 0; i < jy_county_township_count(c); i++)
        print_count(jy_county_township_at(c, i)->name, s->labor_by_township[i], labor);
    if (s->labor_no_township)
        print_count("其他", s->labor_no_township, labor);
    print_count("合计", labor, 0);

    if (s->status_field) {
        printf("\n【%s: 按%s】\n", jy_kind_label(JY_KIND_LABOR), s->status_field->label);
        for (size_t v = 0; s->status_field->values[v]; v++)
            print_count(s->status_field->value_labels[v], s->labor_by_status[v], labor);
        if (s->labor_no_status)
            print_count("未填写", s->labor_no_status, labor);
    }

    int64_t postings = s->ledgers[JY_KIND_POSTING];
    if (s->have_period) {
        printf("\n【%s: 按发布月份 (%s 至 %s)】\n", jy_kind_label(JY_KIND_POSTING), from, to);
        for (size_t i = 0; i < s->month_count; i++) {
            char label[16];
            snprintf(label, sizeof label, "%04d-%02d", s->months[i].from.year,
                     s->months[i].from.month);
            print_count(label, s->months[i].count, 0);
        }
        if (s->postings_outside)
            print_count("服务年度外", s->postings_outside, 0);
    } else {
        printf("\n【%s: 按发布月份】\n  (无岗位记录)\n", jy_kind_label(JY_KIND_POSTING));
    }
    if (s->posting_kind_field) {
        printf("\n【%s: 按%s】\n", jy_kind_label(JY_KIND_POSTING), s->posting_kind_field->label);
        for (size_t v = 0; s->posting_kind_field->values[v]; v++)
            print_count(s->posting_kind_field->value_labels[v], s->postings_by_kind[v], postings);
    }

    if (s->event_kind_field) {
        const jy_field_info *f = s->event_kind_field;
        printf("\n【%s: 按%s】\n", jy_kind_label(JY_KIND_EVENT), f->label);
        int none = 0;
        for (size_t v = 0; f->values[v]; v++)
            if (s->events_by_kind[v])
                print_count(f->value_labels[v], s->events_by_kind[v], 0);
            else
                none++;
        print_count("合计", s->ledgers[JY_KIND_EVENT], 0);
        if (none) {
            printf("  未记录:");
            for (size_t v = 0, n = 0; f->values[v]; v++)
                if (!s->events_by_kind[v])
                    printf("%s%s", n++ ? "、" : " ", f->value_labels[v]);
            putchar('\n');
        }
    }
}

/* An enumeration's counts as a JSON object keyed by value. */
static void json_by_value(FILE *to, const jy_field_info *f, const int64_t *counts)
{
    fputc('{', to);
    for (size_t v = 0; f && f->values[v]; v++) {
        if (v)
            fputs(", ", to);
        json_string(to, f->values[v]);
        fprintf(to, ": %" PRId64, counts[v]);
    }
    fputc('}', to);
}

/* The summary as one JSON object (no line end). */
static void print_summary_json(FILE *to, const summary *s)
{
    const jy_county *c = s->county;
    char date[JY_DATE_TEXT_SIZE];
    fputs("{\"county\": {\"name\": ", to);
    json_string(to, jy_county_name(c));
    fputs(", \"code\": ", to);
    json_string(to, jy_county_code(c));
    fprintf(to, ", \"townships\": %zu}", jy_county_township_count(c));

    fputs(", \"period\": ", to);
    if (s->have_period) {
        jy_date_format(date, s->period_from);
        fprintf(to, "{\"from\": \"%s\"", date);
        jy_date_format(date, s->period_to);
        fprintf(to, ", \"to\": \"%s\", \"source\": \"%s\"}", date, s->period_source);
    } else {
        fputs("null", to);
    }

    fputs(", \"ledgers\": {", to);
    for (int k = 1, n = 0; k < JY_KIND_END; k++)
        if (jy_kind_name(k))
            fprintf(to, "%s\"%s\": %" PRId64, n++ ? ", " : "", jy_kind_name(k), s->ledgers[k]);
    fputc('}', to);

    fputs(", \"labor_by_township\": [", to);
    for (size_t i = 0; i < jy_county_township_count(c); i++) {
        const jy_township *t = jy_county_township_at(c, i);
        fprintf(to, "%s{\"code\": ", i ? ", " : "");
        json_string(to, t->code);
        fputs(", \"name\": ", to);
        json_string(to, t->name);
        fprintf(to, ", \"count\": %" PRId64 "}", s->labor_by_township[i]);
    }
    fprintf(to, "], \"labor_no_township\": %" PRId64, s->labor_no_township);

    fputs(", \"labor_by_employment_status\": ", to);
    json_by_value(to, s->status_field, s->labor_by_status);
    fprintf(to, ", \"labor_no_employment_status\": %" PRId64, s->labor_no_status);

    fputs(", \"postings_by_month\": [", to);
    for (size_t i = 0; i < s->month_count; i++)
        fprintf(to, "%s{\"month\": \"%04d-%02d\", \"count\": %" PRId64 "}", i ? ", " : "",
               s->months[i].from.year, s->months[i].from.month, s->months[i].count);
    fprintf(to, "], \"postings_outside_period\": %" PRId64, s->postings_outside);
    fputs(", \"postings_by_kind\": ", to);
    json_by_value(to, s->posting_kind_field, s->postings_by_kind);
    fputs(", \"events_by_kind\": ", to);
    json_by_value(to, s->event_kind_field, s->events_by_kind);
    fputc('}', to);
}

static int cmd_summary(int argc, char **argv)
{
    const char *db_path = NULL;
    int json = 0;
    const option opts[] = { { "--db", &db_path, NULL }, { "--json", NULL, &json },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, summary_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path)
        return missing("summary", "--db FILE", summary_help);
    jy_db *db = NULL;
    if ((rc = open_db(&db, "summary", db_path)) != EXIT_OK)
        return rc;
    summary s;
    memset(&s, 0, sizeof s);
    rc = gather_summary(&s, db);
    if (rc == EXIT_OK) {
        if (json) {
            print_summary_json(stdout, &s);
            putchar('\n');
        } else
            print_summary_text(&s, db_path);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            perror("jiuye summary: standard output");
            rc = EXIT_FAILED;
        }
    }
    free(s.labor_by_township);
    jy_db_close(db);
    return rc;
}

/* ---- optimize ------------------------------------------------------------- */

static void optimize_help(FILE *to)
{
    fputs("Usage: jiuye optimize --db FILE [--json]\n"
          "\n"
          "Rewrites the database file compactly (SQLite's VACUUM), after a bulk import\n"
          "or a year of daily writes: a new connection's first scorecard, report or big\n"
          "screen then reads fewer pages. Nothing stored changes. Holds the write lock\n"
          "during the rewrite (about a second for a county year) and needs free disk\n"
          "space for a copy of the file; readers go on meanwhile.\n"
          "Prints the size of the file (with its write-ahead log) before and after.\n"
          "\n"
          "Options:\n"
          "  --db FILE    the database (created by jiuye init)\n"
          "  --json       one JSON object: {\"bytes_before\": N, \"bytes_after\": M}\n"
          "  -h, --help   show this help\n",
          to);
}

/* The bytes of a database file and its write-ahead log. */
static long long db_bytes(const char *path)
{
    struct stat st;
    long long n = stat(path, &st) == 0 ? (long long)st.st_size : 0;
    char wal[4096];
    if (snprintf(wal, sizeof wal, "%s-wal", path) < (int)sizeof wal && stat(wal, &st) == 0)
        n += (long long)st.st_size;
    return n;
}

static int cmd_optimize(int argc, char **argv)
{
    const char *db_path = NULL;
    int json = 0;
    const option opts[] = { { "--db", &db_path, NULL }, { "--json", NULL, &json },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, optimize_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path)
        return missing("optimize", "--db FILE", optimize_help);
    jy_db *db = NULL;
    if ((rc = open_db(&db, "optimize", db_path)) != EXIT_OK)
        return rc;
    long long before = db_bytes(db_path);
    if (jy_db_optimize(db) != JY_OK) {
        fprintf(stderr, "jiuye optimize: %s: %s\n", db_path, jy_error_last()->message);
        jy_db_close(db);
        return EXIT_FAILED;
    }
    jy_db_close(db);
    long long after = db_bytes(db_path);
    if (json)
        printf("{\"bytes_before\": %lld, \"bytes_after\": %lld}\n", before, after);
    else
        printf("%s: %.1f MB -> %.1f MB\n", db_path, (double)before / 1048576.0,
               (double)after / 1048576.0);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("jiuye optimize: standard output");
        return EXIT_FAILED;
    }
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
    { "event", "source", "主播登记表" },
    { "push", "postings", "1" },
    { "push", "channel", "平台消息" },
    { "override", "indicator", "5.3" },
    { "override", "deduction", "0.5" },
    { "override", "reason", "停电导致直播中断，经核实酌情减半" },
    { "override", "assessor", "县就业局考核组" },
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
    { "*", "viewed_on", "2026-04-11" },         { "*", "pushed_on", "2026-04-12" },
    { "*", "period_from", "2026-04-01" },       { "*", "period_to", "2026-04-30" },
    { "*", "decided_on", "2026-05-10" },
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

/* Validates the samples against the built-in county profile, printing the
 * results in Chinese with personal data masked to `to` (nothing when
 * NULL); counts the valid and invalid ones. */
static int check_samples(FILE *to, int *out_valid, int *out_invalid)
{
    jy_county *county = NULL;
    if (jy_county_load_default(&county) != JY_OK) {
        fprintf(stderr, "jiuye: cannot load the county profile: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    size_t villages = 0;
    for (size_t i = 0; i < jy_county_township_count(county); i++)
        villages += jy_county_township_at(county, i)->village_count;
    if (to) {
        fprintf(to, "libjiuye %s\n", jy_version(NULL, NULL, NULL));
        fprintf(to, "县情: %s (%s), %zu 个乡镇(街道), %zu 个村(社区)\n\n", jy_county_name(county),
                jy_county_code(county), jy_county_township_count(county), villages);
    }

    jy_date today;
    if (jy_date_today(&today) != JY_OK) {
        jy_county_free(county);
        return EXIT_FAILED;
    }
    int valid = 0, invalid = 0;
    if (to)
        fprintf(to, "劳动力样本校验 (个人信息已脱敏):\n");
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
        if (to)
            fprintf(to, "  %zu. %-18s %-11s %-8s %-10s %s %s\n", i + 1, idtext, phonetext, place,
                    age, ok ? "有效" : "无效", problems);
    }
    if (to)
        fprintf(to, "\n合计: 有效 %d 条, 无效 %d 条\n", valid, invalid);
    *out_valid = valid;
    *out_invalid = invalid;
    jy_county_free(county);
    return EXIT_OK;
}

/* ---- match ------------------------------------------------------------------ */

static void match_help(FILE *to)
{
    fputs("Usage: jiuye match --postings FILE.jsonl --queries FILE.jsonl [--top K] [--threads N]\n"
          "                   [--date YYYY-MM-DD] [--no-fallback] [--json]\n"
          "\n"
          "Matches each jobseeker profile of the queries file against the postings and writes\n"
          "one JSON line per query to standard output, in input order:\n"
          "  {\"query\": ID, \"results\": [{\"posting\": ID, \"score\": S, \"why\": [...]}, ...]}\n"
          "Fields of both files: docs/formats.md (\"Matcher input\"); unknown fields are ignored.\n"
          "\n"
          "Options:\n"
          "  --postings FILE  postings, one JSON object a line\n"
          "  --queries FILE   jobseeker profiles, one JSON object a line\n"
          "  --top K          results per query (default 10, at most 1000)\n"
          "  --threads N      threads answering queries (default 1, at most 64)\n"
          "  --date DAY       the day of the matching, for closed postings and freshness\n"
          "                   (default: today)\n"
          "  --no-fallback    no postings for a wish whose matching postings the hard\n"
          "                   filters all exclude (by default the best postings that pass\n"
          "                   them are given, marked \"fallback\"; docs/matching.md)\n"
          "  --json           one JSON object instead of the lines: {\"postings\": P,\n"
          "                   \"queries\": Q, \"results\": [the lines' objects, in order]}\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit status: 0 matched; 1 failed (a file that cannot be read, a bad line, named\n"
          "with its number; nothing is printed then); 2 usage error.\n",
          to);
}

typedef struct match_job {
    const jy_match_index *index;
    const jy_match_options *opts;
    char **lines;
    size_t *lens;
    char **out;
    size_t count, next_line_no;
    size_t thread, threads;
    size_t *line_no;
    size_t failed_at; /* 1-based line of the first failure, 0 if none */
    char message[512];
} match_job;

static void *match_worker(void *arg)
{
    match_job *j = arg;
    jy_match_results *r = NULL;
    if (jy_match_results_new(&r) != JY_OK) {
        j->failed_at = 1;
        snprintf(j->message, sizeof j->message, "out of memory");
        return NULL;
    }
    for (size_t i = j->thread; i < j->count; i += j->threads) {
        jy_located_error err;
        if (jy_match_query_json(&j->out[i], r, j->index, j->lines[i], j->lens[i], j->opts, &err) != JY_OK) {
            j->failed_at = j->line_no[i];
            snprintf(j->message, sizeof j->message, "%s", err.text[0] ? err.text : jy_error_last()->message);
            break;
        }
    }
    jy_match_results_free(r);
    return NULL;
}

static int parse_count(size_t *out, const char *cmd, const char *name, const char *text, size_t max)
{
    char *end = NULL;
    unsigned long v = text ? strtoul(text, &end, 10) : 0;
    if (!text || !*text || *end || v == 0 || v > max) {
        fprintf(stderr, "jiuye %s: %s: expected a number from 1 to %zu\n", cmd, name, max);
        return EXIT_USAGE;
    }
    *out = (size_t)v;
    return EXIT_OK;
}

static int cmd_match(int argc, char **argv)
{
    const char *postings = NULL, *queries = NULL, *top = NULL, *threads = NULL, *date = NULL;
    int json = 0, no_fallback = 0;
    const option opts[] = { { "--postings", &postings, NULL }, { "--queries", &queries, NULL },
                            { "--top", &top, NULL }, { "--threads", &threads, NULL },
                            { "--date", &date, NULL }, { "--no-fallback", NULL, &no_fallback },
                            { "--json", NULL, &json },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, match_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!postings || !queries)
        return missing("match", !postings ? "--postings FILE" : "--queries FILE", match_help);
    jy_match_options mo = JY_MATCH_OPTIONS_INIT;
    mo.fallback = !no_fallback;
    size_t nthreads = 1;
    if (top && (rc = parse_count(&mo.top_k, "match", "--top", top, JY_MATCH_MAX_TOP)))
        return rc;
    if (threads && (rc = parse_count(&nthreads, "match", "--threads", threads, 64)))
        return rc;
    if (date && jy_date_parse(&mo.today, date) != JY_OK) {
        fprintf(stderr, "jiuye match: --date: expected YYYY-MM-DD, not '%s'\n", date);
        return EXIT_USAGE;
    }
    jy_match_index *index = NULL;
    jy_located_error err;
    size_t n = 0;
    if (jy_match_index_new(&index, JY_MATCH_POSTINGS, NULL) != JY_OK) {
        fprintf(stderr, "jiuye match: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    if (jy_match_index_load_jsonl(&n, index, postings, &err) != JY_OK) {
        if (err.line)
            fprintf(stderr, "jiuye match: %s:%zu: %s\n", err.source, err.line, err.text);
        else
            fprintf(stderr, "jiuye match: %s: %s\n", postings, jy_error_last()->message);
        jy_match_index_free(index);
        return EXIT_FAILED;
    }
    FILE *in = fopen(queries, "rb");
    if (!in) {
        fprintf(stderr, "jiuye match: %s: cannot open\n", queries);
        jy_match_index_free(index);
        return EXIT_FAILED;
    }
    char **lines = NULL, **out = NULL;
    size_t *lens = NULL, *line_no = NULL, count = 0, cap = 0, no = 0;
    char *buf = NULL;
    size_t bufcap = 0;
    ssize_t got;
    int status = EXIT_OK;
    while ((got = getline(&buf, &bufcap, in)) >= 0) {
        no++;
        size_t len = (size_t)got;
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            len--;
        size_t k = 0;
        while (k < len && (buf[k] == ' ' || buf[k] == '\t'))
            k++;
        if (k == len)
            continue;
        if (count == cap) {
            cap = cap ? 2 * cap : 1024;
            lines = realloc(lines, cap * sizeof *lines);
            lens = realloc(lens, cap * sizeof *lens);
            line_no = realloc(line_no, cap * sizeof *line_no);
            if (!lines || !lens || !line_no) {
                fprintf(stderr, "jiuye match: out of memory\n");
                return EXIT_FAILED;
            }
        }
        lines[count] = malloc(len + 1);
        if (!lines[count]) {
            fprintf(stderr, "jiuye match: out of memory\n");
            return EXIT_FAILED;
        }
        memcpy(lines[count], buf, len);
        lines[count][len] = '\0';
        lens[count] = len;
        line_no[count] = no;
        count++;
    }
    free(buf);
    fclose(in);
    out = calloc(count ? count : 1, sizeof *out);
    match_job jobs[64];
    pthread_t tids[64];
    if (nthreads > count && count)
        nthreads = count;
    for (size_t t = 0; t < nthreads; t++) {
        match_job j = { index, &mo, lines, lens, out, count, 0, t, nthreads, line_no, 0, { 0 } };
        jobs[t] = j;
    }
    size_t started = 0;
    for (size_t t = 1; t < nthreads; t++, started++)
        if (pthread_create(&tids[t], NULL, match_worker, &jobs[t]))
            break;
    match_worker(&jobs[0]);
    for (size_t t = 1; t <= started; t++)
        pthread_join(tids[t], NULL);
    for (size_t t = started + 1; t < nthreads; t++) /* threads that could not start */
        match_worker(&jobs[t]);
    size_t failed = 0;
    const char *msg = NULL;
    for (size_t t = 0; t < nthreads; t++)
        if (jobs[t].failed_at && (!failed || jobs[t].failed_at < failed)) {
            failed = jobs[t].failed_at;
            msg = jobs[t].message;
        }
    if (failed) {
        fprintf(stderr, "jiuye match: %s:%zu: %s\n", queries, failed, msg);
        status = EXIT_FAILED;
    } else if (json) {
        printf("{\"postings\": %zu, \"queries\": %zu, \"results\": [", n, count);
        for (size_t i = 0; i < count; i++)
            printf("%s%s", i ? ",\n" : "\n", out[i]);
        puts("]}");
    } else {
        for (size_t i = 0; i < count; i++) {
            fputs(out[i], stdout);
            fputc('\n', stdout);
        }
    }
    for (size_t i = 0; i < count; i++) {
        free(lines[i]);
        jy_free(out[i]);
    }
    free(lines);
    free(lens);
    free(line_no);
    free(out);
    jy_match_index_free(index);
    return status;
}

/* ---- push ------------------------------------------------------------------- */

static void push_help(FILE *to)
{
    fputs("Usage: jiuye push --db FILE [--date YYYY-MM-DD] [--top K] [--threads N] [--dry-run]\n"
          "                  [--json]\n"
          "\n"
          "Pushes matched postings to every jobseeker with a resume on the platform: the\n"
          "postings open on the day are matched against each jobseeker's wishes, and the\n"
          "best ones not pushed to that person before are recorded in the push ledger\n"
          "(岗位推送), one row per jobseeker. Running it again for the same day gives the\n"
          "same rows. Prints what was done and the coverage of county resumes (3.2).\n"
          "\n"
          "Options:\n"
          "  --db FILE      the database\n"
          "  --date DAY     the day of the push (default: today)\n"
          "  --top K        most postings per person (default 5, at most 100)\n"
          "  --threads N    matching threads (default: the processors, at most 8)\n"
          "  --dry-run      match and count, write nothing\n"
          "  --json         one JSON object with the same figures (docs/formats.md)\n"
          "  -h, --help     show this help\n"
          "\n"
          "Exit status: 0 done; 1 failed (no such database...); 2 usage error.\n",
          to);
}

/* A posting the push left out: one line on stderr (no personal data). */
static int push_reject(const jy_located_error *e, void *payload)
{
    (void)payload;
    fprintf(stderr, "jiuye push: warning: %s\n", e->text);
    return 0;
}

static int push_progress(size_t done, size_t total, void *payload)
{
    (void)payload;
    draw_bar("推送", done, total, done, "人");
    return 0;
}

/* What a push did, for county staff, each line after `indent`. */
static void print_push_text(FILE *to, const char *indent, const jy_push_stats *st,
                            const char *day, int dry)
{
    fprintf(to, "%s岗位推送 %s%s\n", indent, day, dry ? " (试运行, 未写入)" : "");
    fprintf(to, "%s  在招岗位: %zu\n", indent, st->postings_open);
    if (st->postings_rejected)
        fprintf(to, "%s  未纳入匹配的岗位 (数据有误): %zu\n", indent, st->postings_rejected);
    fprintf(to, "%s  平台简历求职者: %zu\n", indent, st->jobseekers);
    fprintf(to, "%s  本次推送: %zu 人, %zu 个岗位\n", indent, st->pushed, st->postings_pushed);
    fprintf(to, "%s  无新匹配: %zu 人 (匹配岗位均已推送过); 无匹配岗位: %zu 人\n", indent,
            st->nothing_new, st->no_match);
    fprintf(to, "%s  县内平台简历获得匹配岗位 (3.2): %zu / %zu (%.1f%%)\n", indent,
            st->county_covered, st->county_resumes,
            st->county_resumes ? 100.0 * (double)st->county_covered / (double)st->county_resumes
                               : 100.0);
    fprintf(to, "%s  用时: 建索引 %.2f s, 匹配 %.2f s, 写入 %.2f s\n", indent, st->seconds_index,
            st->seconds_match, st->seconds_write);
}

/* The same as one JSON object (no line end); docs/formats.md. */
static void print_push_json(FILE *to, const jy_push_stats *st, const char *day, int dry)
{
    fprintf(to,
            "{\"date\": \"%s\", \"dry_run\": %s, \"postings_open\": %zu, \"postings_rejected\": %zu, "
            "\"jobseekers\": %zu, "
            "\"pushed\": %zu, \"postings_pushed\": %zu, \"nothing_new\": %zu, \"no_match\": %zu, "
            "\"county_resumes\": %zu, \"county_covered\": %zu, \"coverage\": %.4f, "
            "\"seconds\": {\"index\": %.3f, \"match\": %.3f, \"write\": %.3f}}",
            day, dry ? "true" : "false", st->postings_open, st->postings_rejected, st->jobseekers,
            st->pushed, st->postings_pushed, st->nothing_new, st->no_match, st->county_resumes,
            st->county_covered,
            st->county_resumes ? (double)st->county_covered / (double)st->county_resumes : 1.0,
            st->seconds_index, st->seconds_match, st->seconds_write);
}

static int cmd_push(int argc, char **argv)
{
    const char *dbpath = NULL, *date = NULL, *top = NULL, *threads = NULL;
    int dry = 0, json = 0;
    const option opts[] = { { "--db", &dbpath, NULL }, { "--date", &date, NULL }, { "--top", &top, NULL },
                            { "--threads", &threads, NULL }, { "--dry-run", NULL, &dry },
                            { "--json", NULL, &json }, { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, push_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!dbpath)
        return missing("push", "--db FILE", push_help);
    jy_push_options po = JY_PUSH_OPTIONS_INIT;
    jy_date day;
    if (date ? jy_date_parse(&day, date) != JY_OK : jy_date_today(&day) != JY_OK) {
        fprintf(stderr, "jiuye push: --date: expected YYYY-MM-DD\n");
        return EXIT_USAGE;
    }
    if (top && (rc = parse_count(&po.top_k, "push", "--top", top, 100)))
        return rc;
    if (threads && (rc = parse_count(&po.threads, "push", "--threads", threads, 64)))
        return rc;
    po.dry_run = dry;
    po.on_reject = push_reject;
    jy_db *db = NULL;
    if ((rc = open_db(&db, "push", dbpath)))
        return rc;
    jy_push_stats st;
    int bar = isatty(STDERR_FILENO);
    if (bar)
        po.progress = push_progress;
    int prc = jy_push_run(&st, db, day, &po);
    if (bar)
        clear_bar();
    if (prc != JY_OK) {
        fprintf(stderr, "jiuye push: %s\n", jy_error_last()->message);
        jy_db_close(db);
        return EXIT_FAILED;
    }
    char dtext[JY_DATE_TEXT_SIZE];
    jy_date_format(dtext, day);
    if (json) {
        print_push_json(stdout, &st, dtext, dry);
        putchar('\n');
    } else {
        print_push_text(stdout, "", &st, dtext, dry);
    }
    jy_db_close(db);
    return EXIT_OK;
}

/* ---- report --------------------------------------------------------------- */

static void report_help(FILE *to)
{
    fputs("Usage: jiuye report --db FILE --kind KIND [--from YYYY-MM-DD --to YYYY-MM-DD]\n"
          "                    [--format json|csv|xlsx] [--unmask] [--json] [OUTPUT]\n"
          "\n"
          "Writes a report computed from the ledgers for a period, or a ledger as a file\n"
          "for spreadsheets. OUTPUT defaults to standard output (json or csv); the format\n"
          "defaults to OUTPUT's extension (.csv, .xlsx), else json. CSV files are UTF-8\n"
          "with a byte-order mark and Chinese headers, as Excel expects.\n"
          "\n"
          "Report kinds (--from and --to required):\n",
          to);
    for (size_t i = 0; i < jy_report_kind_count(); i++)
        fprintf(to, "  %-30s %s\n", jy_report_kind_at(i), jy_report_kind_title(jy_report_kind_at(i)));
    fputs("\n"
          "Ledger kinds (labor, enterprise, posting...: every record, or those dated in\n"
          "--from..--to; names, ID numbers and phones masked unless --unmask, which is\n"
          "written to the database's audit log).\n"
          "\n"
          "Options:\n"
          "  --db FILE           the database\n"
          "  --kind KIND         a report kind or a ledger kind; several report kinds,\n"
          "                      comma-separated, make one xlsx workbook (a sheet each)\n"
          "  --from DATE         first day of the period\n"
          "  --to DATE           last day of the period\n"
          "  --format FORMAT     json, csv or xlsx (xlsx needs OUTPUT)\n"
          "  --unmask            ledger kinds: personal data in clear (audited)\n"
          "  --json              with OUTPUT: one JSON object saying what was written\n"
          "                      ({\"output\", \"format\", \"from\", \"to\", \"reports\": [{\"kind\",\n"
          "                      \"title\"}]}, or for a ledger {\"output\", \"format\", \"kind\",\n"
          "                      \"exported\"}) instead of a line each; without OUTPUT: the\n"
          "                      report as JSON (same as --format json; not for a ledger)\n"
          "  -h, --help          show this help\n"
          "\n"
          "Exit status: 0 written, 1 failed (unknown database, no xlsx support...), 2 usage.\n",
          to);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if ((s[n - m + i] | 0x20) != suffix[i])
            return 0;
    return 1;
}

static int parse_date_opt(jy_date *out, const char *cmd, const char *name, const char *text)
{
    if (jy_date_parse(out, text) == JY_OK)
        return EXIT_OK;
    fprintf(stderr, "jiuye %s: %s: '%s' is not a date (YYYY-MM-DD)\n", cmd, name, text);
    return EXIT_USAGE;
}

/* --from and --to: both or neither, dates, in order. Without them the
 * dates are left alone. */
static int parse_period(jy_date *f, jy_date *t, const char *cmd, const char *from, const char *to)
{
    int rc;
    if (!from != !to) {
        fprintf(stderr, "jiuye %s: give both --from and --to, or neither\n", cmd);
        return EXIT_USAGE;
    }
    if (!from)
        return EXIT_OK;
    if ((rc = parse_date_opt(f, cmd, "--from", from)) != EXIT_OK ||
        (rc = parse_date_opt(t, cmd, "--to", to)) != EXIT_OK)
        return rc;
    if (jy_date_compare(*f, *t) > 0) {
        fprintf(stderr, "jiuye %s: --to is before --from\n", cmd);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int write_text_out(const char *cmd, const char *out, const char *text, size_t len)
{
    FILE *f = out ? fopen(out, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "jiuye %s: %s: cannot create the file\n", cmd, out);
        return EXIT_FAILED;
    }
    int bad = fwrite(text, 1, len, f) != len;
    if (out)
        bad |= fclose(f) != 0;
    else
        bad |= fflush(stdout) != 0;
    if (bad) {
        fprintf(stderr, "jiuye %s: cannot write %s\n", cmd, out ? out : "the output");
        return EXIT_FAILED;
    }
    return EXIT_OK;
}

static const char *format_name(jy_format f)
{
    return f == JY_FORMAT_CSV ? "csv" : f == JY_FORMAT_XLSX ? "xlsx" : "jsonl";
}

static int report_ledger(jy_db *db, jy_kind kind, const char *from, const char *to,
                         jy_format format, int unmask, const char *out, int json)
{
    jy_filter filter = JY_FILTER_INIT;
    filter.kind = kind;
    int rc = EXIT_OK;
    if (from && (rc = parse_date_opt(&filter.from, "report", "--from", from)) != EXIT_OK)
        return rc;
    if (to && (rc = parse_date_opt(&filter.to, "report", "--to", to)) != EXIT_OK)
        return rc;
    jy_export_options o = JY_EXPORT_OPTIONS_INIT;
    o.kind = kind;
    o.format = format;
    o.filter = &filter;
    if (unmask)
        o.flags |= JY_EXPORT_UNMASK;
    size_t count = 0;
    int st = out ? jy_export_file(&count, db, out, &o)
                 : jy_export_write(&count, db, &o, write_stdout, NULL);
    if (st == JY_OK && !out && fflush(stdout) != 0)
        st = JY_EIO;
    if (st != JY_OK) {
        fprintf(stderr, "jiuye report: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    if (json && out) {
        fputs("{\"output\": ", stdout);
        json_string(stdout, out);
        printf(", \"format\": \"%s\", \"kind\": \"%s\", \"exported\": %zu}\n",
               format_name(format == JY_FORMAT_AUTO ? (csv_by_name(out) ? JY_FORMAT_CSV
                                                                          : JY_FORMAT_JSONL)
                                                    : format),
               jy_kind_name(kind), count);
    } else {
        fprintf(out ? stdout : stderr, "{\"exported\": %zu}\n", count);
    }
    return EXIT_OK;
}

static int cmd_report(int argc, char **argv)
{
    const char *db_path = NULL, *kind = NULL, *from = NULL, *to = NULL, *format = NULL;
    const char *pos[1] = { NULL };
    int unmask = 0, json = 0;
    const option opts[] = { { "--db", &db_path, NULL },     { "--kind", &kind, NULL },
                            { "--from", &from, NULL },      { "--to", &to, NULL },
                            { "--format", &format, NULL },  { "--unmask", NULL, &unmask },
                            { "--json", NULL, &json },      { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, report_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || !kind)
        return missing("report", !db_path ? "--db FILE" : "--kind KIND", report_help);
    const char *out = npos && strcmp(pos[0], "-") ? pos[0] : NULL;
    jy_format fmt = JY_FORMAT_AUTO;
    if (format && !strcmp(format, "json"))
        fmt = JY_FORMAT_JSONL;
    else if ((rc = parse_format(&fmt, "report", format)) != EXIT_OK)
        return rc;
    if (fmt == JY_FORMAT_AUTO)
        fmt = out && ends_with(out, ".xlsx") ? JY_FORMAT_XLSX
              : out && ends_with(out, ".csv") ? JY_FORMAT_CSV
                                              : JY_FORMAT_JSONL;
    if (fmt == JY_FORMAT_XLSX && !out) {
        fputs("jiuye report: xlsx needs an OUTPUT file\n", stderr);
        return EXIT_USAGE;
    }
    if (json && !out && fmt != JY_FORMAT_JSONL) {
        fputs("jiuye report: --json without OUTPUT prints the report as JSON: not with "
              "--format csv\n", stderr);
        return EXIT_USAGE;
    }
    /* Several report kinds, comma-separated: one workbook, a sheet each. */
    const char *kinds[16];
    size_t nkinds = 0;
    char kind_list[512];
    snprintf(kind_list, sizeof kind_list, "%s", kind);
    for (char *save = NULL, *k = strtok_r(kind_list, ",", &save); k && nkinds < 16;
         k = strtok_r(NULL, ",", &save))
        kinds[nkinds++] = k;
    if (nkinds > 1) {
        for (size_t i = 0; i < nkinds; i++)
            if (!jy_report_kind_title(kinds[i])) {
                fprintf(stderr, "jiuye report: '%s' is not a report kind (several kinds: "
                                "reports only)\n", kinds[i]);
                return EXIT_USAGE;
            }
        if (fmt != JY_FORMAT_XLSX) {
            fputs("jiuye report: several kinds go to one xlsx workbook only\n", stderr);
            return EXIT_USAGE;
        }
    }
    int is_report = jy_report_kind_title(kinds[0]) != NULL;
    jy_kind lk = (jy_kind)0;
    if (!is_report && jy_kind_from_name(&lk, kind) != JY_OK) {
        fprintf(stderr, "jiuye report: unknown kind '%s'; see jiuye report --help\n", kind);
        return EXIT_USAGE;
    }
    if (!is_report && json && !out) {
        fputs("jiuye report: --json with a ledger kind needs OUTPUT (a ledger on standard "
              "output is JSON Lines, a record a line)\n", stderr);
        return EXIT_USAGE;
    }
    jy_date f = { 0, 0, 0 }, t = { 0, 0, 0 };
    if (is_report) {
        if (!from || !to) {
            fputs("jiuye report: a report needs --from and --to\n", stderr);
            return EXIT_USAGE;
        }
        if (unmask) {
            fputs("jiuye report: reports hold counts, no personal data; --unmask applies to "
                  "ledger kinds\n", stderr);
            return EXIT_USAGE;
        }
        if ((rc = parse_period(&f, &t, "report", from, to)) != EXIT_OK)
            return rc;
    }
    jy_db *db = NULL;
    if ((rc = open_db(&db, "report", db_path)) != EXIT_OK)
        return rc;
    if (!is_report) {
        rc = report_ledger(db, lk, from, to, fmt, unmask, out, json);
        jy_db_close(db);
        return rc;
    }
    jy_report *all[16] = { NULL };
    for (size_t i = 0; i < nkinds; i++)
        if (jy_report_build(&all[i], db, kinds[i], f, t, NULL) != JY_OK) {
            fprintf(stderr, "jiuye report: %s\n", jy_error_last()->message);
            for (size_t j = 0; j < i; j++)
                jy_report_free(all[j]);
            jy_db_close(db);
            return EXIT_FAILED;
        }
    jy_db_close(db);
    jy_report *r = all[0];
    char *text = NULL;
    size_t len = 0;
    int st = JY_OK;
    if (fmt == JY_FORMAT_XLSX) {
        const jy_report *books[16];
        for (size_t i = 0; i < nkinds; i++)
            books[i] = all[i];
        st = jy_report_write_xlsx(books, nkinds, out);
    } else if (fmt == JY_FORMAT_CSV) {
        st = jy_report_to_csv(&text, &len, r);
    } else if ((st = jy_report_to_json(&text, r)) == JY_OK) {
        len = strlen(text);
    }
    rc = EXIT_OK;
    if (st != JY_OK) {
        fprintf(stderr, "jiuye report: %s\n", jy_error_last()->message);
        rc = EXIT_FAILED;
    } else if (text) {
        rc = write_text_out("report", out, text, len);
        if (rc == EXIT_OK && !out && fmt != JY_FORMAT_CSV)
            putchar('\n');
    }
    if (rc == EXIT_OK && out && json) {
        char a[JY_DATE_TEXT_SIZE], z[JY_DATE_TEXT_SIZE];
        jy_date_format(a, f);
        jy_date_format(z, t);
        fputs("{\"output\": ", stdout);
        json_string(stdout, out);
        printf(", \"format\": \"%s\", \"from\": \"%s\", \"to\": \"%s\", \"reports\": [",
               fmt == JY_FORMAT_JSONL ? "json" : format_name(fmt), a, z);
        for (size_t i = 0; i < nkinds; i++) {
            printf("%s{\"kind\": ", i ? ", " : "");
            json_string(stdout, jy_report_kind(all[i]));
            fputs(", \"title\": ", stdout);
            json_string(stdout, jy_report_title(all[i]));
            fputc('}', stdout);
        }
        puts("]}");
    }
    for (size_t i = 0; i < nkinds; i++) {
        if (rc == EXIT_OK && out && !json)
            printf("%s: %s\n", jy_report_title(all[i]), out);
        jy_report_free(all[i]);
    }
    jy_free(text);
    return rc;
}

/* ---- dashboard ------------------------------------------------------------ */

static void dashboard_help(FILE *to)
{
    fputs("Usage: jiuye dashboard --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] OUTPUT.html\n"
          "\n"
          "Writes the big screen (就业之家大屏): one self-contained HTML page for a\n"
          "1920x1080 wall screen (no network, no scripts): key figures, postings and live\n"
          "job shows per month, labor records by township, key-group service coverage,\n"
          "and the indicators of the scoring table against their targets (red, amber,\n"
          "green; warnings for annual targets at risk), from the scorecard of the period.\n"
          "The period defaults to the latest contract year on the ledger (else the\n"
          "calendar year so far).\n"
          "\n"
          "Options:\n"
          "  --db FILE        the database\n"
          "  --from DATE      first day of the period\n"
          "  --to DATE        last day of the period\n"
          "  --no-indicators  leave out the indicator panel (no assessment)\n"
          "  --json           print {\"from\": ..., \"to\": ..., \"output\": ...} instead of a sentence\n"
          "  -h, --help       show this help\n"
          "\n"
          "Exit status: 0 written, 1 failed, 2 usage error.\n",
          to);
}

/* The latest contract year on the ledger, or the calendar year to date. */
static int default_period(jy_date *from, jy_date *to, jy_db *db)
{
    jy_period p;
    jy_date any = { 0, 0, 0 };
    int rc = jy_assess_contract_year(&p, db, any);
    if (rc == JY_OK) {
        *from = p.from;
        *to = p.to;
        return EXIT_OK;
    }
    if (rc != JY_ENOTFOUND) {
        fprintf(stderr, "jiuye dashboard: reading the contracts: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    if (jy_date_today(to) != JY_OK)
        return EXIT_FAILED;
    jy_date jan1 = { to->year, 1, 1 };
    *from = jan1;
    return EXIT_OK;
}

/* The indicator panel: the scorecard of the period. A period the
 * assessment cannot score (no calendar for its year) leaves the panel out
 * with a note on standard error; anything else is an error. */
static int dashboard_indicators(jy_dashboard *d, jy_db *db, jy_date f, jy_date t)
{
    jy_scorecard *card = NULL;
    int st = jy_assess(&card, db, f, t, NULL);
    if (st == JY_ENOTFOUND || st == JY_ERANGE) {
        fprintf(stderr, "jiuye dashboard: no indicator panel: %s\n", jy_error_last()->message);
        return JY_OK;
    }
    if (st == JY_OK)
        st = jy_dashboard_add_scorecard(d, card);
    jy_scorecard_free(card);
    return st;
}

static int cmd_dashboard(int argc, char **argv)
{
    const char *db_path = NULL, *from = NULL, *to = NULL, *pos[1] = { NULL };
    int no_indicators = 0, json = 0;
    const option opts[] = { { "--db", &db_path, NULL }, { "--from", &from, NULL },
                            { "--to", &to, NULL },
                            { "--no-indicators", NULL, &no_indicators },
                            { "--json", NULL, &json },
                            { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, dashboard_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path || npos != 1)
        return missing("dashboard", !db_path ? "--db FILE" : "OUTPUT.html", dashboard_help);
    jy_date f = { 0, 0, 0 }, t = { 0, 0, 0 };
    if ((rc = parse_period(&f, &t, "dashboard", from, to)) != EXIT_OK)
        return rc;
    jy_db *db = NULL;
    if ((rc = open_db(&db, "dashboard", db_path)) != EXIT_OK)
        return rc;
    if (!from && (rc = default_period(&f, &t, db)) != EXIT_OK) {
        jy_db_close(db);
        return rc;
    }
    jy_dashboard *d = NULL;
    int st = jy_dashboard_new(&d, db, f, t);
    if (st == JY_OK && !no_indicators)
        st = dashboard_indicators(d, db, f, t);
    jy_db_close(db);
    if (st == JY_OK)
        st = jy_dashboard_render(d, pos[0]);
    jy_dashboard_free(d);
    if (st != JY_OK) {
        fprintf(stderr, "jiuye dashboard: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    char a[16], z[16];
    jy_date_format(a, f);
    jy_date_format(z, t);
    if (json) {
        printf("{\"from\": \"%s\", \"to\": \"%s\", \"output\": ", a, z);
        json_string(stdout, pos[0]);
        puts("}");
    } else {
        printf("大屏页面 (%s 至 %s): %s\n", a, z, pos[0]);
    }
    return EXIT_OK;
}


/* ---- assess ------------------------------------------------------------------ */

static void assess_help(FILE *to)
{
    fputs("Usage: jiuye assess --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--rules FILE]\n"
          "                    [--calendar FILE]... [--json | --csv | --html] [OUTPUT]\n"
          "\n"
          "Scores a period against the scoring table (考核细则表): every sub-indicator's\n"
          "measured value, target, status and deduction, each item's score, bonuses,\n"
          "incidents and the total. A period shorter than the contract year shows the\n"
          "progress of annual targets without deducting for them.\n"
          "\n"
          "Options:\n"
          "  --db FILE        the database\n"
          "  --from DATE      first day (default: the contract year of the database)\n"
          "  --to DATE        last day (default: the contract year's last day)\n"
          "  --rules FILE     a rule set (JSON, docs/rules.md); default: the seed's table\n"
          "  --calendar FILE  a further year's holiday file (the built-in calendar covers 2026)\n"
          "  --json           the scorecard as JSON (docs/rules.md)\n"
          "  --csv            the seed's table layout as CSV (UTF-8 with BOM, CRLF)\n"
          "  --html           the seed's table layout as an HTML page\n"
          "  OUTPUT           write to this file instead of standard output\n",
          to);
}

static void print_card_text(FILE *to, const jy_scorecard *card)
{
    jy_period p = jy_scorecard_period(card);
    char f[JY_DATE_TEXT_SIZE], t[JY_DATE_TEXT_SIZE];
    jy_date_format(f, p.from);
    jy_date_format(t, p.to);
    fprintf(to, "考核期间 %s 至 %s（%s）\n", f, t,
            jy_scorecard_is_annual(card) ? "年度考核" : "日常考核：全年指标只显示进度");
    for (size_t i = 0; i < jy_scorecard_item_count(card); i++) {
        const jy_score_item *it = jy_scorecard_item_at(card, i);
        if (it->rule->is_bonus)
            fprintf(to, "\n%2d %s  加%g分\n", it->rule->id, it->rule->name, it->score);
        else
            fprintf(to, "\n%2d %s  %g/%g分（扣%g分）\n", it->rule->id, it->rule->name, it->score,
                    it->rule->points, it->deduction);
        for (size_t j = 0; j < it->indicator_count; j++) {
            const jy_score_indicator *si = &it->indicators[j];
            fprintf(to, "   %-5s %-6s", si->rule->id, jy_score_status_label(si->status));
            for (size_t c = 0; c < si->check_count; c++) {
                const jy_score_check *sc = &si->checks[c];
                const jy_metric_info *m = jy_metric_find(sc->rule->metric);
                const char *unit = m ? m->unit : "";
                if (!sc->has_value)
                    fprintf(to, "%s%s：—", c ? "；" : "", sc->rule->label);
                else
                    fprintf(to, "%s%s：%g%s", c ? "；" : "", sc->rule->label, sc->value, unit);
                if (sc->evidence.failed_count && *sc->evidence.failed_buckets)
                    fprintf(to, "［未达标：%.80s%s］", sc->evidence.failed_buckets,
                            strlen(sc->evidence.failed_buckets) > 80 ? "…" : "");
                if (sc->status == JY_SCORE_WARNING || sc->status == JY_SCORE_ON_TRACK)
                    fprintf(to, "［预计全年%.0f%s］", sc->projected, unit);
            }
            if (si->deduction > 0 || si->overridden)
                fprintf(to, "  扣%g分", si->deduction);
            if (si->overridden)
                fprintf(to, "（考核人调整：%s）", si->override_reason);
            if (si->bonus > 0)
                fprintf(to, "  加%g分", si->bonus);
            fputc('\n', to);
        }
    }
    fprintf(to, "\n事件（终止合同情形）：%zu\n", jy_scorecard_incident_count(card));
    for (size_t i = 0; i < jy_scorecard_incident_count(card); i++) {
        const jy_score_incident *inc = jy_scorecard_incident_at(card, i);
        jy_date_format(f, inc->date);
        fprintf(to, "  %s %s：%s\n", f, inc->label, inc->description);
    }
    fprintf(to, "\n合计：%g分（基础分%g，扣分%g，加分%g）\n", jy_scorecard_total(card),
            jy_scorecard_total(card) + jy_scorecard_deduction(card) - jy_scorecard_bonus(card),
            jy_scorecard_deduction(card), jy_scorecard_bonus(card));
}

static int cmd_assess(int argc, char **argv)
{
    const char *db_path = NULL, *from_s = NULL, *to_s = NULL, *rules_path = NULL,
               *cal_path = NULL;
    int json = 0, csv = 0, html = 0;
    const option opts[] = { { "--db", &db_path, NULL },      { "--from", &from_s, NULL },
                            { "--to", &to_s, NULL },         { "--rules", &rules_path, NULL },
                            { "--calendar", &cal_path, NULL }, { "--json", NULL, &json },
                            { "--csv", NULL, &csv },         { "--html", NULL, &html },
                            { NULL, NULL, NULL } };
    const char *pos[1];
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, pos, 1, &npos, assess_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    if (!db_path)
        return missing("assess", "--db FILE", assess_help);
    if (json + csv + html > 1) {
        fputs("jiuye assess: give one of --json, --csv, --html\n", stderr);
        return EXIT_USAGE;
    }
    jy_period period;
    if ((rc = parse_period(&period.from, &period.to, "assess", from_s, to_s)) != EXIT_OK)
        return rc;
    jy_db *db = NULL;
    if ((rc = open_db(&db, "assess", db_path)) != EXIT_OK)
        return rc;
    jy_rules *rules = NULL;
    jy_calendar *cal = NULL;
    jy_scorecard *card = NULL;
    char *text = NULL;
    jy_located_error err;
    rc = EXIT_FAILED;
    if (!from_s) {
        jy_date any = { 0, 0, 0 };
        if (jy_assess_contract_year(&period, db, any) != JY_OK) {
            fprintf(stderr, "jiuye assess: %s: %s; give --from and --to\n", db_path,
                    jy_error_last()->message);
            goto done;
        }
    }
    if (rules_path && jy_rules_load_file(&rules, rules_path, &err) != JY_OK) {
        fprintf(stderr, "jiuye assess: %s\n", jy_error_last()->message);
        goto done;
    }
    if (jy_calendar_load_default(&cal) != JY_OK ||
        (cal_path && jy_calendar_add_file(cal, cal_path, &err) != JY_OK)) {
        fprintf(stderr, "jiuye assess: %s\n", jy_error_last()->message);
        goto done;
    }
    jy_assess_options o = JY_ASSESS_OPTIONS_INIT;
    o.rules = rules;
    o.calendar = cal;
    if (jy_assess(&card, db, period.from, period.to, &o) != JY_OK) {
        fprintf(stderr, "jiuye assess: %s\n", jy_error_last()->message);
        goto done;
    }
    FILE *to = stdout;
    if (npos && !(to = fopen(pos[0], "wb"))) {
        perror(pos[0]);
        goto done;
    }
    int ok = 1;
    if (json || csv || html) {
        int r = json ? jy_scorecard_to_json(&text, card)
                : csv ? jy_scorecard_to_csv(&text, card) : jy_scorecard_to_html(&text, card);
        if (r != JY_OK) {
            fprintf(stderr, "jiuye assess: %s\n", jy_error_last()->message);
            ok = 0;
        } else {
            fputs(text, to);
            if (json)
                fputc('\n', to);
        }
    } else {
        print_card_text(to, card);
    }
    if (fflush(to) != 0 || ferror(to)) {
        perror(npos ? pos[0] : "jiuye assess: standard output");
        ok = 0;
    }
    if (npos && fclose(to) != 0)
        ok = 0;
    rc = ok ? EXIT_OK : EXIT_FAILED;
done:
    jy_free(text);
    jy_scorecard_free(card);
    jy_calendar_free(cal);
    jy_rules_free(rules);
    jy_db_close(db);
    return rc;
}

/* ---- demo: the main job ---------------------------------------------------- */

static void demo_help(FILE *to)
{
    fputs("Usage: jiuye demo [--out DIR] [--scale F] [--seed N] [--threads N] [--json]\n"
          "\n"
          "The main job, end to end. Generates a synthetic year of Xingan County's\n"
          "employment service (新干县就业之家; scale 1: 150 000 labor records, 1 000\n"
          "enterprises, 20 000 postings...) as DIR/county.jsonl, creates the database\n"
          "DIR/xingan.db and imports it (keep good records; rejected ones in\n"
          "DIR/rejects.jsonl) and compacts the file (as jiuye optimize), validates\n"
          "sample records in the shapes real ledgers\n"
          "hold, prints the summary of the ledgers, runs the daily push of matched\n"
          "postings for the contract year's last day, scores the contract year\n"
          "(DIR/scorecard.json, .csv, .html), writes the workbook of the contract year\n"
          "(DIR/reports.xlsx: the scorecard in the seed's table layout 考核细则表, the\n"
          "annual work report and the ledger reports, a sheet each; a CSV file each,\n"
          "DIR/<kind>.csv, when libjiuye has no xlsx support), the monthly work report\n"
          "of the year's last month (DIR/monthly.csv) and the big screen\n"
          "(DIR/dashboard.html), says where every file is and ends with the scorecard.\n"
          "Progress goes to standard error (with a bar on a terminal). Personal data\n"
          "is masked in everything shown.\n"
          "\n"
          "Options:\n"
          "  --out DIR     the directory of the files (default: jiuye-demo), created if\n"
          "                missing; the files of an earlier demo there are replaced\n"
          "  --scale F     size of the county, more than 0 and at most 20 (default 1)\n"
          "  --seed N      seed of the generator (default 2026): same seed and scale,\n"
          "                same county\n"
          "  --threads N   matching threads of the push (default: the processors, at most 8)\n"
          "  --json        one JSON object on standard output instead of the text: the\n"
          "                files, the records generated and imported, the samples, the\n"
          "                summary, the push, the score and the time of each step\n"
          "  -h, --help    show this help\n"
          "\n"
          "Exit status: 0 done; 1 a step failed (the message names it); 2 usage error.\n",
          to);
}

enum { DEMO_STEPS = 7, DEMO_PATH = 4096 };

/* The report kinds of the demo's workbook, a sheet each (or a CSV file each). */
static const char *const demo_kinds[] = {
    "scorecard", "annual", "quarterly_labor", "returnee_monthly", "staff_survey",
    "quarterly_enterprise_service", "quarterly_labor_service",
};
enum { DEMO_KINDS = sizeof demo_kinds / sizeof demo_kinds[0] };

typedef struct demo_run {
    int json, bar;                 /* --json; progress bars (standard error is a terminal) */
    const char *dir;
    jygen_options gen;
    size_t threads;                /* 0: the push's default */
    /* The files: */
    char jsonl[DEMO_PATH], db[DEMO_PATH], rejects[DEMO_PATH], workbook[DEMO_PATH],
        monthly[DEMO_PATH], dashboard[DEMO_PATH], card_json[DEMO_PATH], card_csv[DEMO_PATH],
        card_html[DEMO_PATH];
    char csv[DEMO_KINDS][DEMO_PATH]; /* the workbook's reports without xlsx support */
    int have_rejects, have_workbook;
    /* What was done: */
    long generated[JY_KIND_END];
    long records;
    jy_import_stats imported;
    int samples_valid, samples_invalid;
    summary sum;
    jy_period year;
    jy_push_stats push;
    double total, deduction, bonus;
    int annual;
    /* Seconds of wall time per step, and the start. */
    double t_generate, t_import, t_summary, t_push, t_assess, t_reports, t_total, cpu_total;
    double start;
} demo_run;

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A step's progress line on standard error, after what standard output
 * holds so far (the two may go to the same terminal or file). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 2, 3)))
#endif
static void demo_step(int n, const char *fmt, ...);

static void demo_step(int n, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fprintf(stderr, "==> [%d/%d] ", n, DEMO_STEPS);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

static int demo_path(char *out, const demo_run *d, const char *name)
{
    int n = snprintf(out, DEMO_PATH, "%s/%s", d->dir, name);
    if (n < 0 || n >= DEMO_PATH) {
        fprintf(stderr, "jiuye demo: --out: the directory name is too long\n");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* mkdir -p. */
static int make_dirs(const char *dir)
{
    char path[DEMO_PATH];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST)
                return -1;
            *p = '/';
        }
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -1;
}

static void demo_gen_progress(size_t step, size_t steps, const char *what, void *payload)
{
    (void)what;
    (void)payload;
    draw_bar("生成", step, steps, step, "步");
}

/* 1: the synthetic county year as JSON Lines. */
static int demo_generate(demo_run *d)
{
    demo_step(1, "Generating the synthetic county year of Xingan (scale %g, seed %llu)...",
              d->gen.scale, d->gen.seed);
    double t = wall_seconds();
    FILE *f = fopen(d->jsonl, "wb");
    if (!f) {
        fprintf(stderr, "jiuye demo: %s: %s\n", d->jsonl, strerror(errno));
        return EXIT_FAILED;
    }
    FILE *out[JY_KIND_END];
    for (int k = 0; k < JY_KIND_END; k++)
        out[k] = f;
    char err[512];
    if (d->bar)
        d->gen.progress = demo_gen_progress;
    int rc = jygen_run(d->generated, out, &d->gen, err, sizeof err);
    if (d->bar)
        clear_bar();
    int closed = fclose(f) == 0;
    if (rc != 0 || !closed) {
        fprintf(stderr, "jiuye demo: generating %s: %s\n", d->jsonl,
                rc != 0 ? err : strerror(errno));
        return EXIT_FAILED;
    }
    d->records = 0;
    for (int k = 1; k < JY_KIND_END; k++)
        d->records += d->generated[k];
    struct stat st;
    double mb = stat(d->jsonl, &st) == 0 ? (double)st.st_size / 1048576.0 : 0.0;
    d->t_generate = wall_seconds() - t;
    fprintf(stderr, "    %ld records, %.1f MB of JSON Lines (%.1f s): %s\n", d->records, mb,
            d->t_generate, d->jsonl);
    return EXIT_OK;
}

/* 2: a fresh database, every ledger imported (keep good records). */
static int demo_import(demo_run *d, jy_db **db)
{
    demo_step(2, "Creating the database and importing every ledger (keep good records)...");
    double t = wall_seconds();
    const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char p[DEMO_PATH + 16];
        snprintf(p, sizeof p, "%s%s", d->db, suffixes[i]);
        if (unlink(p) != 0 && errno != ENOENT) {
            fprintf(stderr, "jiuye demo: cannot replace %s: %s\n", p, strerror(errno));
            return EXIT_FAILED;
        }
    }
    jy_db_options dbo = JY_DB_OPTIONS_INIT;
    if (jy_db_open(db, d->db, &dbo) != JY_OK) {
        fprintf(stderr, "jiuye demo: creating %s: %s\n", d->db, jy_error_last()->message);
        return EXIT_FAILED;
    }
    reject_sink sink = { fopen(d->rejects, "w"), d->jsonl, 0, 0 };
    if (!sink.out) {
        fprintf(stderr, "jiuye demo: %s: %s\n", d->rejects, strerror(errno));
        return EXIT_FAILED;
    }
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_JSONL;
    o.mode = JY_IMPORT_KEEP_GOOD;
    o.on_reject = on_reject;
    o.payload = &sink;
    if (d->bar)
        o.on_progress = progress_bar;
    int irc = jy_import_file(&d->imported, *db, d->jsonl, &o);
    if (d->bar)
        clear_bar();
    int closed = fclose(sink.out) == 0;
    if (irc != JY_OK || !closed) {
        fprintf(stderr, "jiuye demo: importing %s: %s\n", d->jsonl,
                irc != JY_OK ? jy_error_last()->message : strerror(errno));
        return EXIT_FAILED;
    }
    d->have_rejects = d->imported.rejected > 0;
    if (!d->have_rejects)
        unlink(d->rejects);
    d->t_import = wall_seconds() - t;
    const jy_county *c = jy_db_county(*db);
    int version = 0;
    jy_db_schema_version(&version, *db);
    fprintf(stderr, "    %s for %s (%s), schema version %d: %zu accepted, %zu rejected, "
                    "%zu with warnings (%.1f s)\n",
            d->db, jy_county_name(c), jy_county_code(c), version, d->imported.accepted,
            d->imported.rejected, d->imported.warnings, d->t_import);
    if (d->have_rejects)
        fprintf(stderr, "    %zu rejected records, one JSON line each: %s\n", d->imported.rejected,
                d->rejects);
    /* A bulk import leaves the indexes' pages half full and scattered:
     * compacted, the first scorecard and reports read fewer pages. */
    t = wall_seconds();
    if (jy_db_optimize(*db) != JY_OK) {
        fprintf(stderr, "jiuye demo: compacting %s: %s\n", d->db, jy_error_last()->message);
        return EXIT_FAILED;
    }
    fprintf(stderr, "    compacted (jiuye optimize) in %.1f s\n", wall_seconds() - t);
    return EXIT_OK;
}

/* 3 and 4: the samples and the summary of the ledgers. */
static int demo_samples_and_summary(demo_run *d, jy_db *db)
{
    demo_step(3, "Validating sample records against the county profile...");
    if (!d->json)
        putchar('\n');
    int rc = check_samples(d->json ? NULL : stdout, &d->samples_valid, &d->samples_invalid);
    if (rc != EXIT_OK)
        return rc;
    if (!d->json)
        putchar('\n');
    demo_step(4, "Summary of the ledgers (jiuye summary --db %s)...", d->db);
    double t = wall_seconds();
    if ((rc = gather_summary(&d->sum, db)) != EXIT_OK)
        return rc;
    d->t_summary = wall_seconds() - t;
    fprintf(stderr, "    counted in %.1f s\n", d->t_summary);
    if (!d->json) {
        putchar('\n');
        print_summary_text(&d->sum, d->db);
        putchar('\n');
    }
    return EXIT_OK;
}

/* 5: the daily push for the contract year's last day. */
static int demo_push(demo_run *d, jy_db *db)
{
    jy_date any = { 0, 0, 0 };
    if (jy_assess_contract_year(&d->year, db, any) != JY_OK) {
        fprintf(stderr, "jiuye demo: the contract year: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    char day[JY_DATE_TEXT_SIZE];
    jy_date_format(day, d->year.to);
    demo_step(5, "The daily push of matched postings to the jobseekers, for %s...", day);
    double t = wall_seconds();
    jy_push_options po = JY_PUSH_OPTIONS_INIT;
    po.threads = d->threads;
    po.on_reject = push_reject;
    if (d->bar)
        po.progress = push_progress;
    int st = jy_push_run(&d->push, db, d->year.to, &po);
    if (d->bar)
        clear_bar();
    if (st != JY_OK) {
        fprintf(stderr, "jiuye demo: the push: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    d->t_push = wall_seconds() - t;
    fprintf(stderr, "    %zu jobseekers, %zu postings pushed (%.1f s)\n", d->push.pushed,
            d->push.postings_pushed, d->t_push);
    if (!d->json)
        print_push_text(stdout, "", &d->push, day, 0);
    return EXIT_OK;
}

/* Writes `text` and `end` to a file; prints why not. */
static int demo_write(const char *path, const char *text, const char *end)
{
    size_t len = strlen(text);
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(text, 1, len, f) == len && fputs(end, f) >= 0;
    if (f && fclose(f) != 0)
        ok = 0;
    if (!ok)
        fprintf(stderr, "jiuye demo: cannot write %s\n", path);
    return ok ? EXIT_OK : EXIT_FAILED;
}

/* 6: the scorecard of the contract year, as JSON, CSV and HTML. */
static int demo_assess(demo_run *d, jy_db *db, jy_scorecard **card)
{
    demo_step(6, "Scorecard of the contract year (jiuye assess --db %s)...", d->db);
    double t = wall_seconds();
    if (jy_assess(card, db, d->year.from, d->year.to, NULL) != JY_OK) {
        fprintf(stderr, "jiuye demo: the scorecard: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    int (*const render[3])(char **, const jy_scorecard *) = { jy_scorecard_to_json,
                                                              jy_scorecard_to_csv,
                                                              jy_scorecard_to_html };
    const char *paths[3] = { d->card_json, d->card_csv, d->card_html };
    for (int i = 0; i < 3; i++) {
        char *text = NULL;
        if (render[i](&text, *card) != JY_OK) {
            fprintf(stderr, "jiuye demo: the scorecard: %s\n", jy_error_last()->message);
            return EXIT_FAILED;
        }
        int rc = demo_write(paths[i], text, i == 0 ? "\n" : "");
        jy_free(text);
        if (rc != EXIT_OK)
            return rc;
    }
    d->total = jy_scorecard_total(*card);
    d->deduction = jy_scorecard_deduction(*card);
    d->bonus = jy_scorecard_bonus(*card);
    d->annual = jy_scorecard_is_annual(*card);
    d->t_assess = wall_seconds() - t;
    fprintf(stderr, "    %g points; JSON, CSV and HTML written in %.1f s: %s (.csv, .html)\n",
            d->total, d->t_assess, d->card_json);
    return EXIT_OK;
}

/* 7: the workbook, the monthly report and the big screen. */
static int demo_reports(demo_run *d, jy_db *db, const jy_scorecard *card)
{
    demo_step(7, "The workbook, the monthly report and the big screen of the contract year...");
    double t = wall_seconds();
    char from[JY_DATE_TEXT_SIZE], to[JY_DATE_TEXT_SIZE];
    jy_date_format(from, d->year.from);
    jy_date_format(to, d->year.to);
    jy_report *reports[DEMO_KINDS] = { NULL };
    int rc = EXIT_OK;
    size_t built = 0;
    for (; built < DEMO_KINDS; built++)
        if (jy_report_build(&reports[built], db, demo_kinds[built], d->year.from, d->year.to,
                            NULL) != JY_OK) {
            fprintf(stderr, "jiuye demo: the report %s: %s\n", demo_kinds[built],
                    jy_error_last()->message);
            rc = EXIT_FAILED;
            break;
        }
    d->have_workbook = rc == EXIT_OK && jy_xlsx_available();
    if (rc == EXIT_OK && d->have_workbook) {
        const jy_report *books[DEMO_KINDS];
        for (size_t i = 0; i < DEMO_KINDS; i++)
            books[i] = reports[i];
        if (jy_report_write_xlsx(books, DEMO_KINDS, d->workbook) != JY_OK) {
            fprintf(stderr, "jiuye demo: %s: %s\n", d->workbook, jy_error_last()->message);
            rc = EXIT_FAILED;
        }
    } else if (rc == EXIT_OK) {
        fprintf(stderr, "    (this libjiuye has no xlsx support (libxlsxwriter): a CSV file "
                        "each instead)\n");
        unlink(d->workbook); /* not one of an earlier demo */
        for (size_t i = 0; i < DEMO_KINDS && rc == EXIT_OK; i++)
            if (jy_report_write_csv(reports[i], d->csv[i]) != JY_OK) {
                fprintf(stderr, "jiuye demo: %s: %s\n", d->csv[i], jy_error_last()->message);
                rc = EXIT_FAILED;
            }
    }
    for (size_t i = 0; i < built; i++)
        jy_report_free(reports[i]);
    if (rc != EXIT_OK)
        return rc;
    if (!d->json) {
        if (d->have_workbook)
            printf("Workbook %s..%s (scorecard, annual report and reports, a sheet each): %s\n",
                   from, to, d->workbook);
        else
            for (size_t i = 0; i < DEMO_KINDS; i++)
                printf("%s: %s\n", jy_report_kind_title(demo_kinds[i]), d->csv[i]);
    }

    /* The monthly work report of the year's last month. */
    jy_date m_from = { d->year.to.year, d->year.to.month, 1 };
    jy_report *monthly = NULL;
    if (jy_report_build(&monthly, db, "monthly", m_from, d->year.to, NULL) != JY_OK ||
        jy_report_write_csv(monthly, d->monthly) != JY_OK) {
        fprintf(stderr, "jiuye demo: %s: %s\n", d->monthly, jy_error_last()->message);
        jy_report_free(monthly);
        return EXIT_FAILED;
    }
    if (!d->json)
        printf("%s: %s\n", jy_report_title(monthly), d->monthly);
    jy_report_free(monthly);

    /* The big screen, with the scorecard's indicator panel. */
    jy_dashboard *screen = NULL;
    int st = jy_dashboard_new(&screen, db, d->year.from, d->year.to);
    if (st == JY_OK)
        st = jy_dashboard_add_scorecard(screen, card);
    if (st == JY_OK)
        st = jy_dashboard_render(screen, d->dashboard);
    jy_dashboard_free(screen);
    if (st != JY_OK) {
        fprintf(stderr, "jiuye demo: %s: %s\n", d->dashboard, jy_error_last()->message);
        return EXIT_FAILED;
    }
    if (!d->json)
        printf("大屏页面 (%s 至 %s): %s\n", from, to, d->dashboard);
    d->t_reports = wall_seconds() - t;
    fprintf(stderr, "    written in %.1f s\n", d->t_reports);
    return EXIT_OK;
}

/* The end of the text: where every file is, then the scorecard. */
static void demo_print_text(const demo_run *d, const jy_scorecard *card, const char *self)
{
    printf("\nFiles of the demo (%s):\n", d->dir);
    printf("    Database:   %s\n", d->db);
    printf("    JSON Lines: %s\n", d->jsonl);
    if (d->have_rejects)
        printf("    Rejected:   %s\n", d->rejects);
    printf("    Scorecard:  %s (%s, %s)\n", d->card_html, d->card_json, d->card_csv);
    printf("    Big screen: %s (open it in a browser, 1920x1080)\n", d->dashboard);
    if (d->have_workbook) {
        printf("    Workbook:   %s (考核细则表, 年度数据分析报告 and the reports)\n", d->workbook);
    } else {
        printf("    Reports:    ");
        for (size_t i = 0; i < DEMO_KINDS; i++)
            printf("%s%s", i ? ", " : "", d->csv[i]);
        printf(" (CSV: no xlsx support)\n");
    }
    printf("    Monthly:    %s (每月数据分析报告 of the year's last month)\n", d->monthly);
    printf("    Look again: %s summary --db %s [--json]; %s assess --db %s [--json|--csv|--html]\n",
           self, d->db, self, d->db);
    printf("\n==> The synthetic county's scorecard for the contract year (%s就业之家考核):\n\n",
           jy_county_name(d->sum.county));
    print_card_text(stdout, card);
}

static void json_path(const char *name, const char *path, int comma)
{
    printf("%s\"%s\": ", comma ? ", " : "", name);
    if (path)
        json_string(stdout, path);
    else
        fputs("null", stdout);
}

/* --json: everything in one object. */
static void demo_print_json(const demo_run *d)
{
    char from[JY_DATE_TEXT_SIZE], to[JY_DATE_TEXT_SIZE];
    jy_date_format(from, d->year.from);
    jy_date_format(to, d->year.to);
    fputs("{\"out\": ", stdout);
    json_string(stdout, d->dir);
    printf(", \"seed\": %llu, \"scale\": %g, \"period\": {\"from\": \"%s\", \"to\": \"%s\"}",
           d->gen.seed, d->gen.scale, from, to);
    fputs(", \"files\": {", stdout);
    json_path("database", d->db, 0);
    json_path("jsonl", d->jsonl, 1);
    json_path("rejects", d->have_rejects ? d->rejects : NULL, 1);
    json_path("workbook", d->have_workbook ? d->workbook : NULL, 1);
    fputs(", \"report_csv\": ", stdout);
    if (d->have_workbook) {
        fputs("null", stdout);
    } else {
        fputc('{', stdout);
        for (size_t i = 0; i < DEMO_KINDS; i++)
            json_path(demo_kinds[i], d->csv[i], i > 0);
        fputc('}', stdout);
    }
    json_path("monthly", d->monthly, 1);
    json_path("dashboard", d->dashboard, 1);
    json_path("scorecard_json", d->card_json, 1);
    json_path("scorecard_csv", d->card_csv, 1);
    json_path("scorecard_html", d->card_html, 1);
    fputs("}, \"generated\": {", stdout);
    for (int k = 1, n = 0; k < JY_KIND_END; k++)
        if (jy_kind_name(k))
            printf("%s\"%s\": %ld", n++ ? ", " : "", jy_kind_name(k), d->generated[k]);
    printf("}, \"import\": {\"accepted\": %zu, \"updated\": %zu, \"rejected\": %zu, "
           "\"warnings\": %zu}",
           d->imported.accepted, d->imported.updated, d->imported.rejected, d->imported.warnings);
    printf(", \"samples\": {\"valid\": %d, \"invalid\": %d}", d->samples_valid,
           d->samples_invalid);
    fputs(", \"summary\": ", stdout);
    print_summary_json(stdout, &d->sum);
    fputs(", \"push\": ", stdout);
    print_push_json(stdout, &d->push, to, 0);
    printf(", \"scorecard\": {\"annual\": %s, \"total\": %g, \"deduction\": %g, \"bonus\": %g}",
           d->annual ? "true" : "false", d->total, d->deduction, d->bonus);
    printf(", \"seconds\": {\"generate\": %.3f, \"import\": %.3f, \"summary\": %.3f, "
           "\"push\": %.3f, \"assess\": %.3f, \"reports\": %.3f, \"total\": %.3f, "
           "\"cpu\": %.3f}}\n",
           d->t_generate, d->t_import, d->t_summary, d->t_push, d->t_assess, d->t_reports,
           d->t_total, d->cpu_total);
}

static int parse_scale(double *out, const char *cmd, const char *text)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || !*text || *end || !(v > 0.0) || v > 20.0) {
        fprintf(stderr, "jiuye %s: --scale: expected a number more than 0 and at most 20, not "
                        "'%s'\n", cmd, text);
        return EXIT_USAGE;
    }
    *out = v;
    return EXIT_OK;
}

static int parse_seed(unsigned long long *out, const char *cmd, const char *text)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || !*text || *end || *text == '-' || *text == '+') {
        fprintf(stderr, "jiuye %s: --seed: expected a whole number, not '%s'\n", cmd, text);
        return EXIT_USAGE;
    }
    *out = v;
    return EXIT_OK;
}

static int cmd_demo(int argc, char **argv)
{
    const char *dir = "jiuye-demo", *scale = NULL, *seed = NULL, *threads = NULL;
    int json = 0;
    const option opts[] = { { "--out", &dir, NULL },         { "--scale", &scale, NULL },
                            { "--seed", &seed, NULL },       { "--threads", &threads, NULL },
                            { "--json", NULL, &json },       { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, demo_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    jy_db *db = NULL;
    jy_scorecard *card = NULL;
    demo_run *d = calloc(1, sizeof *d);
    if (!d) {
        fputs("jiuye demo: out of memory\n", stderr);
        return EXIT_FAILED;
    }
    d->start = wall_seconds();
    double cpu0 = cpu_seconds();
    d->json = json;
    d->bar = isatty(STDERR_FILENO);
    d->dir = *dir ? dir : ".";
    d->gen = (jygen_options)JYGEN_OPTIONS_INIT;
    char err[256];
    if ((scale && (rc = parse_scale(&d->gen.scale, "demo", scale)) != EXIT_OK) ||
        (seed && (rc = parse_seed(&d->gen.seed, "demo", seed)) != EXIT_OK) ||
        (threads && (rc = parse_count(&d->threads, "demo", "--threads", threads, 64)) != EXIT_OK))
        goto done;
    if (jygen_check(&d->gen, err, sizeof err) != 0) {
        fprintf(stderr, "jiuye demo: %s\n", err);
        rc = EXIT_USAGE;
        goto done;
    }
    static const char *const csv_names[DEMO_KINDS] = {
        "scorecard-table.csv", "annual.csv", "quarterly_labor.csv", "returnee_monthly.csv",
        "staff_survey.csv", "quarterly_enterprise_service.csv", "quarterly_labor_service.csv",
    };
    if ((rc = demo_path(d->jsonl, d, "county.jsonl")) != EXIT_OK ||
        (rc = demo_path(d->db, d, "xingan.db")) != EXIT_OK ||
        (rc = demo_path(d->rejects, d, "rejects.jsonl")) != EXIT_OK ||
        (rc = demo_path(d->workbook, d, "reports.xlsx")) != EXIT_OK ||
        (rc = demo_path(d->monthly, d, "monthly.csv")) != EXIT_OK ||
        (rc = demo_path(d->dashboard, d, "dashboard.html")) != EXIT_OK ||
        (rc = demo_path(d->card_json, d, "scorecard.json")) != EXIT_OK ||
        (rc = demo_path(d->card_csv, d, "scorecard.csv")) != EXIT_OK ||
        (rc = demo_path(d->card_html, d, "scorecard.html")) != EXIT_OK)
        goto done;
    for (size_t i = 0; i < DEMO_KINDS; i++)
        if ((rc = demo_path(d->csv[i], d, csv_names[i])) != EXIT_OK)
            goto done;
    if (make_dirs(d->dir) != 0) {
        fprintf(stderr, "jiuye demo: cannot create the directory %s: %s\n", d->dir,
                strerror(errno));
        rc = EXIT_FAILED;
        goto done;
    }

    if ((rc = demo_generate(d)) == EXIT_OK && (rc = demo_import(d, &db)) == EXIT_OK &&
        (rc = demo_samples_and_summary(d, db)) == EXIT_OK && (rc = demo_push(d, db)) == EXIT_OK &&
        (rc = demo_assess(d, db, &card)) == EXIT_OK)
        rc = demo_reports(d, db, card);
    if (rc == EXIT_OK) { /* (the summary's county belongs to the database: still open) */
        d->t_total = wall_seconds() - d->start;
        d->cpu_total = cpu_seconds() - cpu0;
        fflush(stdout);
        fprintf(stderr, "==> Done in %.1f s (CPU %.1f s).\n", d->t_total, d->cpu_total);
        if (d->json)
            demo_print_json(d);
        else
            demo_print_text(d, card, argv[0]);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            perror("jiuye demo: standard output");
            rc = EXIT_FAILED;
        }
    } else {
        fprintf(stderr, "jiuye demo: stopped; the files written so far are in %s\n", d->dir);
    }
done:
    jy_db_close(db);
    jy_scorecard_free(card);
    free(d->sum.labor_by_township);
    free(d);
    return rc;
}

/* ---- version ----------------------------------------------------------------- */

static void version_help(FILE *to)
{
    fputs("Usage: jiuye version [--json]\n"
          "\n"
          "Prints the version of libjiuye (also jiuye -V, jiuye --version).\n"
          "\n"
          "Options:\n"
          "  --json       {\"version\": \"X.Y.Z\", \"major\": X, \"minor\": Y, \"patch\": Z}\n"
          "  -h, --help   show this help\n",
          to);
}

static int cmd_version(int argc, char **argv)
{
    int json = 0;
    const option opts[] = { { "--json", NULL, &json }, { NULL, NULL, NULL } };
    size_t npos = 0;
    int rc = parse_args(argc, argv, opts, NULL, 0, &npos, version_help);
    if (rc)
        return rc < 0 ? EXIT_OK : rc;
    int major = 0, minor = 0, patch = 0;
    const char *v = jy_version(&major, &minor, &patch);
    if (json)
        printf("{\"version\": \"%s\", \"major\": %d, \"minor\": %d, \"patch\": %d}\n", v, major,
               minor, patch);
    else
        printf("jiuye %s\n", v);
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
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version"))
        return cmd_version(argc, argv);
    if (!strcmp(cmd, "demo"))
        return cmd_demo(argc, argv);
    if (!strcmp(cmd, "init"))
        return cmd_init(argc, argv);
    if (!strcmp(cmd, "import"))
        return cmd_import(argc, argv);
    if (!strcmp(cmd, "export"))
        return cmd_export(argc, argv);
    if (!strcmp(cmd, "validate"))
        return cmd_validate(argc, argv);
    if (!strcmp(cmd, "summary"))
        return cmd_summary(argc, argv);
    if (!strcmp(cmd, "optimize"))
        return cmd_optimize(argc, argv);
    if (!strcmp(cmd, "assess"))
        return cmd_assess(argc, argv);
    if (!strcmp(cmd, "push"))
        return cmd_push(argc, argv);
    if (!strcmp(cmd, "match"))
        return cmd_match(argc, argv);
    if (!strcmp(cmd, "formats"))
        return cmd_formats(argc, argv);
    if (!strcmp(cmd, "report"))
        return cmd_report(argc, argv);
    if (!strcmp(cmd, "dashboard"))
        return cmd_dashboard(argc, argv);
    fprintf(stderr, "jiuye: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
