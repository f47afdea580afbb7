/* JSON Lines import (jy_import_buffer) into a new in-memory database.
 * The first byte chooses the mode (all or nothing, keep good) and whether
 * the kind is given; the rest is the file. */
#include "fuzz_common.h"

static int on_reject(const jy_located_error *err, void *payload)
{
    (void)payload;
    if (err->text[0] == 0 || err->line == 0)
        abort(); /* every rejection says where and why */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    jy_db *db = jy_fuzz_db();
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_JSONL;
    o.mode = (data[0] & 1) ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL;
    if (data[0] & 2)
        o.kind = (jy_kind)(1 + (data[0] >> 2) % (JY_KIND_END - 1));
    o.on_reject = on_reject;
    jy_import_stats st = { 0, 0, 0, 0 };
    int rc = jy_import_buffer(&st, db, (const char *)data + 1, size - 1, &o);
    jy_fuzz_check_status(rc);
    if (o.mode == JY_IMPORT_ALL && rc != JY_OK && st.accepted != 0)
        abort(); /* all or nothing */
    jy_fuzz_db_done(st.accepted > 0);
    return 0;
}
