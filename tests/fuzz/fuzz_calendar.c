/* Calendar loading (jy_calendar_load_buffer), adding the same year again
 * (must be refused, the calendar unchanged), and lookups in a calendar that
 * loaded. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    jy_calendar *cal = NULL;
    jy_located_error err;
    int rc = jy_calendar_load_buffer(&cal, (const char *)data, size, &err);
    jy_fuzz_check_status(rc);
    if (rc != JY_OK) {
        if (cal || err.text[0] == 0)
            abort();
        return 0;
    }
    if (jy_calendar_year_count(cal) != 1)
        abort();
    int year = jy_calendar_year_at(cal, 0);
    size_t holidays = jy_calendar_holiday_count(cal);
    rc = jy_calendar_add_buffer(cal, (const char *)data, size, &err);
    if (rc != JY_EEXISTS && rc != JY_EINVAL)
        abort();
    if (jy_calendar_year_count(cal) != 1 || jy_calendar_holiday_count(cal) != holidays)
        abort();
    for (size_t i = 0; i < holidays; i++) {
        const jy_holiday *h = jy_calendar_holiday_at(cal, i);
        if (!h || !h->off_count || !h->off)
            abort();
        int workday = 1;
        const char *name = NULL;
        rc = jy_calendar_is_workday(&workday, cal, h->off[0]);
        jy_fuzz_check_status(rc);
        if (rc == JY_OK && workday)
            abort();
        jy_fuzz_check_status(jy_calendar_holiday(&name, cal, h->off[0]));
        for (size_t j = 0; j < h->makeup_count; j++) {
            rc = jy_calendar_is_workday(&workday, cal, h->makeup[j]);
            jy_fuzz_check_status(rc);
            if (rc == JY_OK && !workday)
                abort();
        }
    }
    jy_date from = {year, 1, 1}, to = {year, 12, 31};
    long days = -1;
    rc = jy_calendar_workdays(&days, cal, from, to);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK && (days < 0 || days > 366))
        abort();
    jy_calendar_free(cal);
    return 0;
}
