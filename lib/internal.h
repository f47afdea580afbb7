/*
 * Private declarations shared by the library's source files. Nothing here is
 * installed. Internal symbols with external linkage are prefixed `jy__` so
 * that the static library exports nothing outside the jy_ namespace.
 */
#ifndef JIUYE_INTERNAL_H
#define JIUYE_INTERNAL_H

#include "jiuye.h"

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#  define JY__PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#  define JY__PRINTF(fmt, args)
#endif

/* The one allocator: everything handed to callers comes from here and is
 * released with jy_free(). Allocation failure records JY_ENOMEM. */
void *jy__malloc(size_t size);
void *jy__calloc(size_t count, size_t size);
void *jy__realloc(void *ptr, size_t size);
char *jy__strndup(const char *text, size_t len);
char *jy__strdup(const char *text);

/* Records `code` and a formatted message as the calling thread's last error
 * and returns `code`, so that `return jy__error(JY_EINVAL, "...")` reads well. */
int jy__error(int code, const char *fmt, ...) JY__PRINTF(2, 3);
/* Records an out-of-memory error and returns JY_ENOMEM. */
int jy__error_nomem(void);

/* A copy of the thread's last error, kept across clean-up calls (a
 * rollback, a close) that could overwrite it. */
typedef struct jy__saved_error {
    int code;
    char message[512];
} jy__saved_error;
void jy__error_save(jy__saved_error *saved);
/* Records the saved error again and returns its code. */
int jy__error_restore(const jy__saved_error *saved);

/* Located errors: reset to "no error" for `source`, and fill on failure.
 * Both accept a NULL `err`. jy__located() also records the thread's last
 * error with the same text and returns `code`. */
void jy__located_reset(jy_located_error *err, const char *source);
int jy__located(jy_located_error *err, int code, size_t record, size_t line,
                size_t column, const char *field, const char *fmt, ...) JY__PRINTF(7, 8);

/* Bounded copy that always NUL-terminates and never splits a UTF-8 sequence. */
void jy__strlcpy_utf8(char *dst, size_t size, const char *src);

/* Decodes one code point of well-formed-or-not UTF-8 at s[0..len).
 * Returns the sequence length (1..4) and stores the code point, or returns 0
 * when the bytes at s do not start a well-formed sequence. */
size_t jy__utf8_decode(const char *s, size_t len, unsigned int *out_cp);

/* Data compiled into the library (see cmake/embed.cmake). */
extern const unsigned char jy__embedded_county_codes_historical[];
extern const size_t jy__embedded_county_codes_historical_size;
extern const unsigned char jy__embedded_county_codes_current[];
extern const size_t jy__embedded_county_codes_current_size;
extern const unsigned char jy__embedded_xingan_divisions[];
extern const size_t jy__embedded_xingan_divisions_size;
extern const unsigned char jy__embedded_cn_holidays_2026[];
extern const size_t jy__embedded_cn_holidays_2026_size;
extern const unsigned char jy__embedded_t2s[];
extern const size_t jy__embedded_t2s_size;
extern const unsigned char jy__embedded_occupations[];
extern const size_t jy__embedded_occupations_size;

/* Region codes (lib/region.c): what jy__region_check() says about a code. */
enum {
    JY__REGION_IN_FORCE = 0,      /* the code existed and was in force that year */
    JY__REGION_NOT_IN_FORCE = 1,  /* the code existed, but not in that year */
    JY__REGION_NEVER = 2          /* no such county-level code, ever (or malformed) */
};
/* Looks up a 6-digit region code (NUL-terminated) in the embedded table of
 * county codes for `year`. Returns one of the JY__REGION_* values, or a
 * negative status (JY_ENOMEM) if the table could not be loaded, with the
 * error recorded. Thread-safe: the table is loaded once, on first use. */
int jy__region_check(const char *code6, int year);

/* Files (lib/file.c): reads a whole file of at most `max` bytes into a
 * NUL-terminated buffer (*out, release with jy_free). Errors (JY_EIO for a
 * missing, unreadable or too large file, JY_ENOMEM) are located in `err`. */
int jy__read_file(char **out, size_t *out_len, const char *path, size_t max,
                  jy_located_error *err);

/* JSON (lib/json.c): parses `len` bytes of NUL-terminated text
 * (text[len] == '\0') into a cJSON tree (*out, release with cJSON_Delete).
 * Checks UTF-8 and NUL bytes first, then parses; failures are JY_EUTF8 or
 * JY_EPARSE located in `err` with line and column (in characters). cJSON
 * keeps a global error record that every parse writes, so parses are
 * serialized here: use this, never cJSON_Parse*() directly and never
 * cJSON_GetErrorPtr(). */
struct cJSON;
int jy__json_parse(struct cJSON **out, const char *text, size_t len, jy_located_error *err);

/* Line and column (1-based; the column in characters) of byte `offset` of
 * `text`, skipping a leading UTF-8 BOM. */
void jy__text_locate(const char *text, size_t len, size_t offset, size_t *out_line,
                     size_t *out_column);

#endif /* JIUYE_INTERNAL_H */
