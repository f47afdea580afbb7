/* JSON parsing with located errors, shared by every loader (county
 * profiles now; rule sets, calendars and JSON Lines later). */
#include "internal.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* cJSON writes a global error record on every parse (even a successful one
 * resets it), so parses are serialized. Never cJSON_GetErrorPtr(): the
 * position comes from return_parse_end. */
static pthread_mutex_t json_lock = PTHREAD_MUTEX_INITIALIZER;

static int is_json_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

void jy__text_locate(const char *text, size_t len, size_t offset, size_t *out_line,
                     size_t *out_column)
{
    size_t i = 0, line = 1, col = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (offset > len)
        offset = len;
    for (; i < offset; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            line++;
            col = 1;
        } else if ((b & 0xC0) != 0x80) {
            col++;
        }
    }
    *out_line = line;
    *out_column = col;
}

static int bad_utf8(const char *s)
{
    return s && jy_utf8_check(NULL, s, strlen(s)) != JY_OK;
}

/* Appends ".key" or "[index]" to path (at byte `used`); returns the new
 * length, or `size` when it did not fit. */
static size_t path_push(char *path, size_t size, size_t used, const cJSON *item, size_t index,
                        int in_array)
{
    int n;
    if (in_array)
        n = snprintf(path + used, size - used, "[%zu]", index);
    else
        n = snprintf(path + used, size - used, "%s%s", used ? "." : "",
                     bad_utf8(item->string) ? "?" : item->string);
    if (n < 0 || (size_t)n >= size - used)
        return size;
    return used + (size_t)n;
}

/* Depth-first search for the first key or string value holding invalid
 * UTF-8; leaves its JSON path in `path`. Returns 1 when found. */
static int find_bad_string(const cJSON *node, char *path, size_t size, size_t used)
{
    int in_array = cJSON_IsArray(node);
    size_t index = 0;
    for (const cJSON *item = node->child; item; item = item->next, index++) {
        size_t len = path_push(path, size, used, item, index, in_array);
        if (len >= size) {
            path[used] = '\0';
            continue;
        }
        if ((!in_array && bad_utf8(item->string)) ||
            (cJSON_IsString(item) && bad_utf8(item->valuestring)))
            return 1;
        if (item->child && find_bad_string(item, path, size, len))
            return 1;
        path[used] = '\0';
    }
    return 0;
}

int jy__json_parse(cJSON **out, const char *text, size_t len, jy_located_error *err)
{
    size_t line, col;
    *out = NULL;
    if (len == 0)
        return jy__located(err, JY_EPARSE, 0, 1, 1, NULL, "empty input, expected a JSON value");
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        jy__text_locate(text, len, (size_t)(nul - text), &line, &col);
        return jy__located(err, JY_EPARSE, 0, line, col, NULL, "NUL byte in the JSON text");
    }
    /* Nor the escape \u0000: cJSON would decode it into a NUL that cuts the
     * string short, so that a value would be stored truncated, silently.
     * A backslash can only stand inside a string; escapes are skipped in
     * pairs so that "\\u0000" (a backslash, then "u0000") is not taken. */
    for (const char *p = memchr(text, '\\', len); p; p = memchr(p, '\\', len - (size_t)(p - text))) {
        size_t at = (size_t)(p - text);
        if (at + 5 < len && p[1] == 'u' && memcmp(p + 2, "0000", 4) == 0) {
            jy__text_locate(text, len, at, &line, &col);
            return jy__located(err, JY_EPARSE, 0, line, col, NULL,
                               "NUL character (\\u0000) in a JSON string");
        }
        if (at + 2 >= len)
            break;
        p += 2;
    }

    const char *end = NULL;
    int locked = pthread_mutex_lock(&json_lock) == 0;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    if (locked)
        pthread_mutex_unlock(&json_lock);
    size_t off = end && end >= text ? (size_t)(end - text) : 0;
    if (off > len)
        off = len;

    if (!root) {
        /* cJSON stops at, or just past, the offending character; when it
         * stops on whitespace, point at the last character before it. */
        if (off >= len)
            off = len - 1;
        int at_end = 1;
        for (size_t i = off + 1; i < len; i++)
            if (!is_json_space(text[i]))
                at_end = 0;
        while (off > 0 && is_json_space(text[off]))
            off--;
        jy__text_locate(text, len, off, &line, &col);
        unsigned char b = (unsigned char)text[off];
        if (at_end)
            return jy__located(err, JY_EPARSE, 0, line, col, NULL,
                               "malformed or truncated JSON at the end of the input");
        if (b > 0x20 && b < 0x7F)
            return jy__located(err, JY_EPARSE, 0, line, col, NULL, "malformed JSON near '%c'",
                               (char)b);
        return jy__located(err, JY_EPARSE, 0, line, col, NULL, "malformed JSON");
    }
    while (off < len && is_json_space(text[off]))
        off++;
    if (off < len) {
        cJSON_Delete(root);
        jy__text_locate(text, len, off, &line, &col);
        return jy__located(err, JY_EPARSE, 0, line, col, NULL,
                           "unexpected text after the JSON value");
    }
    /* cJSON does not check UTF-8; bytes outside strings would not have
     * parsed, so a bad sequence lies in a key or a string value: name it. */
    size_t bad = 0;
    if (jy_utf8_check(&bad, text, len) != JY_OK) {
        char path[JY_LOCATION_FIELD_MAX] = "";
        find_bad_string(root, path, sizeof path, 0);
        cJSON_Delete(root);
        jy__text_locate(text, len, bad, &line, &col);
        return jy__located(err, JY_EUTF8, 0, line, col, path, "invalid UTF-8");
    }
    *out = root;
    return JY_OK;
}
