/* Text: UTF-8 checking and counting, NFKC + case-fold normalization (which
 * must be idempotent). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    size_t off = 0, n = 0;
    int valid = jy_utf8_check(&off, text, size);
    jy_fuzz_check_status(valid);
    if (valid == JY_OK)
        jy_fuzz_check_status(jy_utf8_length(&n, text, size));
    char *out = NULL;
    size_t len = 0;
    int rc = jy_text_normalize(&out, &len, text, size);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        if (valid != JY_OK)
            abort(); /* normalized text that was not UTF-8 */
        char *again = NULL;
        size_t len2 = 0;
        if (jy_text_normalize(&again, &len2, out, len) != JY_OK || len2 != len ||
            memcmp(again, out, len) != 0)
            abort(); /* normalizing twice changes nothing */
        jy_free(again);
    }
    jy_free(out);
    return 0;
}
