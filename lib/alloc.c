/* The library's one allocator (see docs/conventions.md, "Ownership"). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void *jy__malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        jy__error_nomem();
    return p;
}

void *jy__calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        jy__error_nomem();
    return p;
}

void *jy__realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        jy__error_nomem();
    return p;
}

char *jy__strndup(const char *text, size_t len)
{
    char *p = jy__malloc(len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, text, len);
    p[len] = '\0';
    return p;
}

char *jy__strdup(const char *text)
{
    return jy__strndup(text, strlen(text));
}

void jy_free(void *ptr)
{
    free(ptr);
}
