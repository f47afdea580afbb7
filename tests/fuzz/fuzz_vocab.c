/* Vocabulary loading (jy_vocab_load_buffer), then every occupation found
 * again by its name and the loaded vocabulary scanned over its own text. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int on_match(const jy_vocab_match *m, void *payload)
{
    size_t size = *(const size_t *)payload;
    if (m->start >= m->end || m->end > size || !m->occupation_name || !m->surface)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jy_vocab *v = NULL;
    jy_located_error err;
    int rc = jy_vocab_load_buffer(&v, (const char *)data, size, &err);
    jy_fuzz_check_status(rc);
    if (rc != JY_OK) {
        if (v || err.text[0] == 0)
            abort();
        return 0;
    }
    size_t n = jy_vocab_occupation_count(v);
    size_t families = jy_vocab_family_count(v);
    for (size_t i = 0; i < n; i++) {
        const char *name = jy_vocab_occupation_name(v, i);
        size_t found = (size_t)-1;
        if (!name || jy_vocab_occupation_family(v, i) >= families)
            abort();
        if (jy_vocab_find_occupation(&found, v, name) != JY_OK || found != i)
            abort();
    }
    /* The file's text is valid UTF-8 (it loaded): scanning it must succeed. */
    rc = jy_vocab_scan_each(v, (const char *)data, size, 0, on_match, &size);
    jy_fuzz_check_status(rc);
    rc = jy_vocab_scan_each(v, (const char *)data, size, JY_VOCAB_LONGEST, on_match, &size);
    jy_fuzz_check_status(rc);
    jy_vocab_free(v);
    return 0;
}
