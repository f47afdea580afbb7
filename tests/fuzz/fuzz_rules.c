/* Rule-set loading (jy_rules_load_buffer), then every item and sub-indicator
 * of a rule set that loaded read back and found again by its id. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jy_rules *r = NULL;
    jy_located_error err;
    int rc = jy_rules_load_buffer(&r, (const char *)data, size, &err);
    jy_fuzz_check_status(rc);
    if (rc != JY_OK) {
        if (r || err.text[0] == 0)
            abort();
        return 0;
    }
    if (!jy_rules_name(r))
        abort();
    (void)jy_rules_base(r);
    size_t n = jy_rules_item_count(r);
    for (size_t i = 0; i < n; i++) {
        const jy_rule_item *item = jy_rules_item_at(r, i);
        if (!item || (item->rule_count && !item->rules))
            abort();
        for (size_t j = 0; j < item->rule_count; j++) {
            const jy_rule *rule = &item->rules[j];
            if (!rule->id || jy_rules_find(r, rule->id) != rule)
                abort();
        }
    }
    if (jy_rules_item_at(r, n) || jy_rules_find(r, "no such rule"))
        abort();
    jy_rules_free(r);
    return 0;
}
