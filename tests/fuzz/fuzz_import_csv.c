/* CSV import (jy_import_buffer) into a new in-memory database. The first
 * byte chooses the kind, the encoding (auto, UTF-8, GB18030) and the mode;
 * the rest is the file. */
#include "fuzz_common.h"

static int on_reject(const jy_located_error *err, void *payload)
{
    (void)payload;
    if (err->text[0] == 0 || err->line == 0)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const jy_kind kinds[] = { JY_KIND_LABOR, JY_KIND_ENTERPRISE, JY_KIND_POSTING,
                                     JY_KIND_JOBSEEKER, JY_KIND_EVENT, JY_KIND_CONTRACT,
                                     JY_KIND_HIRE, JY_KIND_STAFF_SURVEY };
    static const jy_encoding encodings[] = { JY_ENCODING_AUTO, JY_ENCODING_UTF8,
                                             JY_ENCODING_GB18030, JY_ENCODING_AUTO };
    if (size < 1)
        return 0;
    jy_db *db = jy_fuzz_db();
    jy_import_options o = JY_IMPORT_OPTIONS_INIT;
    o.format = JY_FORMAT_CSV;
    o.kind = kinds[data[0] & 7];
    o.encoding = encodings[(data[0] >> 3) & 3];
    o.mode = (data[0] & 0x20) ? JY_IMPORT_KEEP_GOOD : JY_IMPORT_ALL;
    o.on_reject = on_reject;
    jy_import_stats st = { 0, 0, 0, 0 };
    int rc = jy_import_buffer(&st, db, (const char *)data + 1, size - 1, &o);
    jy_fuzz_check_status(rc);
    if (o.mode == JY_IMPORT_ALL && rc != JY_OK && st.accepted != 0)
        abort();
    jy_fuzz_db_done(st.accepted > 0);
    return 0;
}
