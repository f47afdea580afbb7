/* County profile loading (jy_county_load_buffer), and lookups in a profile
 * that loaded. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jy_county *c = NULL;
    jy_located_error err;
    int rc = jy_county_load_buffer(&c, (const char *)data, size, &err);
    jy_fuzz_check_status(rc);
    if (rc != JY_OK) {
        if (c || err.text[0] == 0)
            abort();
        return 0;
    }
    size_t n = jy_county_township_count(c);
    for (size_t i = 0; i < n; i++) {
        const jy_township *t = jy_county_township_at(c, i);
        const jy_township *found = NULL;
        if (!t)
            abort();
        jy_fuzz_check_status(jy_county_find_township(&found, c, t->name));
        jy_fuzz_check_status(jy_county_find_township(&found, c, t->code));
    }
    const jy_village *v = NULL;
    jy_fuzz_check_status(jy_county_find_village(&v, c, NULL, "城南"));
    jy_county_free(c);
    return 0;
}
