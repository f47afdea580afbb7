/* Error model: status strings, per-thread last error, version. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <pthread.h>
#include <string.h>

Test(error, errstr_covers_every_code)
{
    const int codes[] = { JY_OK, JY_ERROR, JY_ENOTFOUND, JY_EEXISTS, JY_EINVAL, JY_ENOMEM,
                          JY_EUTF8, JY_EPARSE, JY_ESTORAGE, JY_ECONSTRAINT, JY_EAMBIGUOUS,
                          JY_EIO, JY_EVERSION, JY_EBUSY, JY_ERANGE, JY_ENOTSUP, JY_ITEROVER };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *s = jy_errstr(codes[i]);
        cr_assert_not_null(s);
        cr_assert_str_neq(s, "unknown error", "code %d has no description", codes[i]);
        for (size_t j = 0; j < i; j++)
            cr_assert_str_neq(s, jy_errstr(codes[j]), "codes %d and %d share a text", codes[i],
                              codes[j]);
    }
    cr_assert_str_eq(jy_errstr(12345), "unknown error");
    cr_assert_str_eq(jy_errstr(-999), "unknown error");
}

Test(error, codes_are_stable)
{
    /* Part of the ABI: a change here breaks every compiled caller. */
    cr_assert_eq(JY_OK, 0);
    cr_assert_eq(JY_ERROR, -1);
    cr_assert_eq(JY_ENOTFOUND, -2);
    cr_assert_eq(JY_EINVAL, -4);
    cr_assert_eq(JY_EUTF8, -6);
    cr_assert_eq(JY_EAMBIGUOUS, -10);
    cr_assert_eq(JY_ERANGE, -14);
    cr_assert_eq(JY_ENOTSUP, -15);
    cr_assert_eq(JY_ITEROVER, -31);
}

Test(error, last_error_is_recorded_and_cleared)
{
    jy_error_clear();
    cr_assert_eq(jy_error_last()->code, JY_OK);
    cr_assert_str_eq(jy_error_last()->message, "no error");

    size_t off = 0;
    cr_assert_eq(jy_utf8_check(&off, "ab\xff", 3), JY_EUTF8);
    const jy_error *e = jy_error_last();
    cr_assert_eq(e->code, JY_EUTF8);
    cr_assert(strstr(e->message, "offset 2") != NULL, "message: %s", e->message);

    /* Success leaves the last error alone; clearing resets it. */
    cr_assert_eq(jy_utf8_check(NULL, "ok", 2), JY_OK);
    cr_assert_eq(jy_error_last()->code, JY_EUTF8);
    jy_error_clear();
    cr_assert_eq(jy_error_last()->code, JY_OK);
}

static void *fail_in_thread(void *arg)
{
    (void)arg;
    jy_date d;
    int rc = jy_date_parse(&d, "not a date");
    const jy_error *e = jy_error_last();
    return (void *)(long)(rc == JY_EPARSE && e->code == JY_EPARSE);
}

Test(error, last_error_is_per_thread)
{
    jy_error_clear();
    pthread_t t;
    void *ok = NULL;
    cr_assert_eq(pthread_create(&t, NULL, fail_in_thread, NULL), 0);
    cr_assert_eq(pthread_join(t, &ok), 0);
    cr_assert(ok, "the thread saw its own error");
    cr_assert_eq(jy_error_last()->code, JY_OK, "the main thread's error is untouched");
}

Test(error, version_matches_headers)
{
    int major = -1, minor = -1, patch = -1;
    const char *v = jy_version(&major, &minor, &patch);
    cr_assert_str_eq(v, JY_VERSION);
    cr_assert_eq(major, JY_VERSION_MAJOR);
    cr_assert_eq(minor, JY_VERSION_MINOR);
    cr_assert_eq(patch, JY_VERSION_PATCH);
    cr_assert_eq(JY_VERSION_NUMBER, major * 10000 + minor * 100 + patch);
    cr_assert(JY_VERSION_CHECK(0, 0, 1));
    cr_assert(!JY_VERSION_CHECK(JY_VERSION_MAJOR + 1, 0, 0));
    cr_assert_str_eq(jy_version(NULL, NULL, NULL), JY_VERSION);
}

Test(error, free_accepts_null)
{
    jy_free(NULL);
}
