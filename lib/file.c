/* Reading whole files for the loaders, with located errors. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int io_error(jy_located_error *err, const char *what, int e)
{
    char why[128] = "unknown error";
    if (strerror_r(e, why, sizeof why) != 0)
        snprintf(why, sizeof why, "errno %d", e);
    return jy__located(err, JY_EIO, 0, 0, 0, NULL, "cannot %s the file: %s", what, why);
}

int jy__read_file(char **out, size_t *out_len, const char *path, size_t max,
                  jy_located_error *err)
{
    *out = NULL;
    *out_len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return io_error(err, "open", errno);
    size_t cap = 64 * 1024, len = 0;
    char *buf = jy__malloc(cap);
    if (!buf) {
        fclose(f);
        return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
    }
    for (;;) {
        if (cap - len < 2) {
            if (cap > max) {
                free(buf);
                fclose(f);
                return jy__located(err, JY_EIO, 0, 0, 0, NULL,
                                   "the file is larger than %zu bytes", max);
            }
            char *nb = jy__realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return jy__located(err, JY_ENOMEM, 0, 0, 0, NULL, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    int bad = ferror(f);
    int e = errno;
    fclose(f);
    if (bad) {
        free(buf);
        return io_error(err, "read", e);
    }
    if (len > max) {
        free(buf);
        return jy__located(err, JY_EIO, 0, 0, 0, NULL, "the file is larger than %zu bytes", max);
    }
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return JY_OK;
}
