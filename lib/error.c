/* Status codes, the per-thread last error, located errors. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define JY__MESSAGE_MAX 512

static _Thread_local char tls_message[JY__MESSAGE_MAX] = "no error";
static _Thread_local jy_error tls_error = { JY_OK, NULL };

static void set_message(int code, const char *fmt, va_list ap) JY__PRINTF(2, 0);

static void set_message(int code, const char *fmt, va_list ap)
{
    char buf[JY__MESSAGE_MAX];
    vsnprintf(buf, sizeof buf, fmt, ap);
    jy__strlcpy_utf8(tls_message, sizeof tls_message, buf);
    tls_error.code = code;
    tls_error.message = tls_message;
}

int jy__error(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_message(code, fmt, ap);
    va_end(ap);
    return code;
}

int jy__error_nomem(void)
{
    /* No formatting, no allocation: safe when memory is exhausted. */
    jy__strlcpy_utf8(tls_message, sizeof tls_message, "out of memory");
    tls_error.code = JY_ENOMEM;
    tls_error.message = tls_message;
    return JY_ENOMEM;
}

void jy__error_save(jy__saved_error *saved)
{
    const jy_error *e = jy_error_last();
    saved->code = e->code;
    jy__strlcpy_utf8(saved->message, sizeof saved->message, e->message);
}

int jy__error_restore(const jy__saved_error *saved)
{
    return jy__error(saved->code, "%s", saved->message);
}

const jy_error *jy_error_last(void)
{
    if (!tls_error.message)
        tls_error.message = tls_message;
    return &tls_error;
}

void jy_error_clear(void)
{
    jy__strlcpy_utf8(tls_message, sizeof tls_message, "no error");
    tls_error.code = JY_OK;
    tls_error.message = tls_message;
}

const char *jy_errstr(int code)
{
    switch (code) {
    case JY_OK: return "success";
    case JY_ERROR: return "error";
    case JY_ENOTFOUND: return "not found";
    case JY_EEXISTS: return "already exists";
    case JY_EINVAL: return "invalid argument or value";
    case JY_ENOMEM: return "out of memory";
    case JY_EUTF8: return "invalid UTF-8";
    case JY_EPARSE: return "parse error";
    case JY_ESTORAGE: return "storage error";
    case JY_ECONSTRAINT: return "constraint violated";
    case JY_EAMBIGUOUS: return "ambiguous";
    case JY_EIO: return "input/output error";
    case JY_EVERSION: return "incompatible version";
    case JY_EBUSY: return "busy";
    case JY_ERANGE: return "out of range";
    case JY_ENOTSUP: return "not supported by this build";
    case JY_ITEROVER: return "iteration over";
    default: return "unknown error";
    }
}

void jy__located_reset(jy_located_error *err, const char *source)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->code = JY_OK;
    jy__strlcpy_utf8(err->source, sizeof err->source, source ? source : "<memory>");
}

int jy__located(jy_located_error *err, int code, size_t record, size_t line,
                size_t column, const char *field, const char *fmt, ...)
{
    char text[JY_LOCATION_TEXT_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);

    if (err) {
        err->code = code;
        err->record = record;
        err->line = line;
        err->column = column;
        jy__strlcpy_utf8(err->field, sizeof err->field, field ? field : "");
        jy__strlcpy_utf8(err->text, sizeof err->text, text);
    }

    /* The thread's message says the same, with the location in front. */
    char where[JY_LOCATION_SOURCE_MAX + JY_LOCATION_FIELD_MAX + 64];
    int n = snprintf(where, sizeof where, "%s", err ? err->source : "input");
    if (n < 0)
        n = 0;
    size_t used = (size_t)n < sizeof where ? (size_t)n : sizeof where - 1;
    if (record && used < sizeof where)
        used += (size_t)snprintf(where + used, sizeof where - used, ", record %zu", record);
    if (line && used < sizeof where)
        used += (size_t)snprintf(where + used, sizeof where - used, ", line %zu", line);
    if (column && used < sizeof where)
        used += (size_t)snprintf(where + used, sizeof where - used, ", column %zu", column);
    if (field && *field && used < sizeof where)
        snprintf(where + used, sizeof where - used, ", field '%s'", field);
    return jy__error(code, "%s: %s", where, text);
}

void jy__strlcpy_utf8(char *dst, size_t size, const char *src)
{
    if (!dst || size == 0)
        return;
    size_t len = strlen(src);
    if (len >= size) {
        len = size - 1;
        /* Back up to the start of a UTF-8 sequence. */
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}
