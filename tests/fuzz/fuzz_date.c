/* Date parsing (jy_date_parse), and formatting back what was parsed. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = jy_fuzz_cstr(data, size);
    jy_date d;
    int rc = jy_date_parse(&d, s);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        char text[JY_DATE_TEXT_SIZE];
        if (!jy_date_is_valid(d) || jy_date_format(text, d) != JY_OK)
            abort(); /* a parsed date is a valid one */
        jy_date again;
        if (jy_date_parse(&again, text) != JY_OK || jy_date_compare(d, again) != 0)
            abort(); /* and its canonical form reads back the same */
        long days = 0;
        if (jy_date_to_days(&days, d) != JY_OK || jy_date_from_days(&again, days) != JY_OK ||
            jy_date_compare(d, again) != 0)
            abort();
    }
    free(s);
    return 0;
}
