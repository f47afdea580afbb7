/* The validators: resident ID numbers, unified social credit codes, mobile
 * phone numbers, region names. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = jy_fuzz_cstr(data, size);
    jy_id_info id;
    int rc = jy_id_parse(&id, s);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        int age = 0;
        jy_date on = { 2026, 6, 30 };
        jy_fuzz_check_status(jy_id_age(&age, &id, on));
    }
    jy_uscc_info uscc;
    jy_fuzz_check_status(jy_uscc_parse(&uscc, s));
    jy_phone_info phone;
    jy_fuzz_check_status(jy_phone_parse(&phone, s));
    const char *name = NULL;
    jy_fuzz_check_status(jy_region_name(&name, s, 2000));
    free(s);
    return 0;
}
