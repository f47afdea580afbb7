/*
 * The synthetic county year generator (tools-internal, not installed):
 * shared by `jiuye-gen` (tools/jiuye_gen.c, its command line) and
 * `jiuye demo` (tools/jiuye.c). Built on libjiuye's public API only.
 *
 * A deterministic, realistic year of Xingan County's employment service
 * (新干县就业之家) as JSON Lines that `jiuye import` reads: the same seed,
 * scale and start give byte-identical output. See tools/gen.c for what the
 * year holds (and the targets it misses on purpose).
 *
 * Not thread-safe and not reentrant: the generator keeps its state in
 * file-scope variables, so one generation at a time per process.
 */
#ifndef JIUYE_TOOLS_GEN_H
#define JIUYE_TOOLS_GEN_H

#include <jiuye.h>

#include <stddef.h>
#include <stdio.h>

/* Called after each of the generation's steps: `step` of `steps` done,
 * `what` names the step just done. */
typedef void (*jygen_progress_fn)(size_t step, size_t steps, const char *what, void *payload);

typedef struct jygen_options {
    unsigned long long seed; /* random seed (default 2026) */
    double scale;            /* size of the county, (0, 20] (default 1: 150 000 labor records...) */
    jy_date start;           /* first day of the contract year (default 2026-01-01) */
    jygen_progress_fn progress; /* optional */
    void *payload;           /* passed to `progress` */
} jygen_options;

#define JYGEN_OPTIONS_INIT { 2026, 1.0, { 2026, 1, 1 }, NULL, NULL }

/* Checks the options: 0 if they are good, else -1 with a message (naming
 * the option: "--scale: ...") in `err`. */
int jygen_check(const jygen_options *opts, char *err, size_t err_size);

/*
 * Generates the year. `out[k]` is the stream the records of kind k go to
 * (they may all be the same stream: records come parents first); it is
 * not used for JY_KIND_LABOR_CHANGE (kept by the library) and may be NULL
 * there. The streams are neither flushed nor closed. `counts`, if not
 * NULL, receives the number of records written per kind.
 * Returns 0, or -1 with a message in `err` (bad options, a write error,
 * out of memory); what was written then is incomplete.
 */
int jygen_run(long counts[JY_KIND_END], FILE *const out[JY_KIND_END], const jygen_options *opts,
              char *err, size_t err_size);

#endif /* JIUYE_TOOLS_GEN_H */
