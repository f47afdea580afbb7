/*
 * Helpers shared by the libFuzzer targets (tests/fuzz/fuzz_<name>.c).
 *
 * A target is one file defining LLVMFuzzerTestOneInput(); tests/fuzz/
 * CMakeLists.txt builds every fuzz_*.c it finds and registers a short ctest
 * run of it (label `fuzz`), seeded from tests/fuzz/corpus/<name>/ when that
 * directory exists. The library must never crash, leak or hit undefined
 * behaviour, whatever the input; a status it returns is checked for being
 * one of the documented ones.
 */
#ifndef JY_FUZZ_COMMON_H
#define JY_FUZZ_COMMON_H

#include <jiuye.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A NUL-terminated copy of the input (for the functions taking C strings);
 * free() it. */
static inline char *jy_fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    if (size)
        memcpy(s, data, size);
    s[size] = 0;
    return s;
}

/* Aborts (a finding) when a status is not a jy_status, or when an error
 * was reported without a message. */
static inline void jy_fuzz_check_status(int rc)
{
    if (rc > 0 || rc < JY_ITEROVER) {
        fprintf(stderr, "undocumented status %d\n", rc);
        abort();
    }
    if (rc != JY_OK && rc != JY_ITEROVER) {
        const jy_error *e = jy_error_last();
        if (!e || !e->message) {
            fprintf(stderr, "status %d without a message\n", rc);
            abort();
        }
    }
}

/* An in-memory database for the import targets, kept from one input to the
 * next while inputs leave it as it was (an import that stored nothing rolled
 * its writes back), so that a run costs an import, not a database creation. */
static jy_db *jy_fuzz_db_handle;

static inline jy_db *jy_fuzz_db(void)
{
    if (!jy_fuzz_db_handle && jy_db_open(&jy_fuzz_db_handle, ":memory:", NULL) != JY_OK)
        abort();
    return jy_fuzz_db_handle;
}

/* After an input: `changed` when the input stored something; the next input
 * then gets a new database. */
static inline void jy_fuzz_db_done(int changed)
{
    if (changed) {
        jy_db_close(jy_fuzz_db_handle);
        jy_fuzz_db_handle = NULL;
    }
}

#endif /* JY_FUZZ_COMMON_H */
