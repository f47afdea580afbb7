/* One record from JSON (jy_record_from_json), and back to JSON. The first
 * byte chooses the kind (0: from the `type` member). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    jy_record *r = NULL;
    jy_located_error err;
    jy_kind kind = (jy_kind)(data[0] % JY_KIND_END);
    int rc = jy_record_from_json(&r, (const char *)data + 1, size - 1, kind, &err);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        char *json = NULL;
        jy_fuzz_check_status(jy_record_to_json(&json, r, 0));
        jy_free(json);
        jy_record_free(r);
    }
    return 0;
}
