/* UTF-8 validation and normalization. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <string.h>

struct bad_case {
    const char *bytes;
    size_t len;
    size_t offset;
    const char *what;
};

Test(text, utf8_check_rejects_malformed_sequences_at_their_offset)
{
    const struct bad_case cases[] = {
        { "\x80", 1, 0, "lone continuation byte" },
        { "ab\xc0\xaf", 4, 2, "overlong slash (C0)" },
        { "\xc1\xbf", 2, 0, "overlong (C1)" },
        { "a\xe0\x80\xaf", 4, 1, "overlong 3-byte" },
        { "ok\xf0\x80\x80\xaf", 6, 2, "overlong 4-byte" },
        { "\xed\xa0\x80", 3, 0, "surrogate U+D800" },
        { "x\xed\xbf\xbf", 4, 1, "surrogate U+DFFF" },
        { "\xf4\x90\x80\x80", 4, 0, "above U+10FFFF" },
        { "\xf5\x80\x80\x80", 4, 0, "F5 lead" },
        { "\xff", 1, 0, "FF" },
        { "中\xe6\x96", 5, 3, "truncated at end" },
        { "中\xe6\x96x", 6, 3, "truncated before ASCII" },
        { "abc\xe4\xb8", 5, 3, "truncated CJK" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t off = 12345;
        cr_assert_eq(jy_utf8_check(&off, cases[i].bytes, cases[i].len), JY_EUTF8, "%s",
                     cases[i].what);
        cr_assert_eq(off, cases[i].offset, "%s: offset %zu, expected %zu", cases[i].what, off,
                     cases[i].offset);
    }
}

Test(text, utf8_check_accepts_well_formed_text)
{
    const char *good[] = { "", "ascii", "新干县金川镇", "麦㙦镇", "𠀀 (U+20000)", "\xf4\x8f\xbf\xbf",
                           "\xef\xbb\xbf" "BOM", "ＣＮＣ" };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        size_t off = 0;
        cr_assert_eq(jy_utf8_check(&off, good[i], strlen(good[i])), JY_OK, "%s", good[i]);
        cr_assert_eq(off, strlen(good[i]));
    }
    /* NUL is well-formed UTF-8 when the length covers it. */
    cr_assert_eq(jy_utf8_check(NULL, "a\0b", 3), JY_OK);
    cr_assert_eq(jy_utf8_check(NULL, NULL, 0), JY_OK);
    cr_assert_eq(jy_utf8_check(NULL, NULL, 3), JY_EINVAL);
}

Test(text, utf8_length_counts_code_points)
{
    size_t n = 0;
    cr_assert_eq(jy_utf8_length(&n, "新干县", strlen("新干县")), JY_OK);
    cr_assert_eq(n, 3);
    cr_assert_eq(jy_utf8_length(&n, "a𠀀b", strlen("a𠀀b")), JY_OK);
    cr_assert_eq(n, 3);
    cr_assert_eq(jy_utf8_length(&n, "\xe6\x96", 2), JY_EUTF8);
    cr_assert_eq(jy_utf8_length(NULL, "a", 1), JY_EINVAL);
}

struct norm_case {
    const char *in;
    const char *out;
};

Test(text, normalize_is_nfkc_casefold)
{
    const struct norm_case cases[] = {
        { "ＣＮＣ操作工", "cnc操作工" },        /* full-width Latin to half-width, folded */
        { "１３８", "138" },                    /* full-width digits */
        { "C1驾照", "c1驾照" },
        { "5S管理", "5s管理" },
        { "①号车间", "1号车间" },               /* compatibility digit */
        { "　月薪５千", " 月薪5千" },            /* ideographic space becomes a space */
        { "Straße", "strasse" },               /* full case folding */
        { "e\xcc\x81", "\xc3\xa9" },            /* e + combining acute composes to é */
        { "ﬁ", "fi" },                          /* ligature */
        { "新干县", "新干县" },                  /* Chinese unchanged */
        { "麦㙦镇", "麦㙦镇" },                  /* Extension A unchanged */
        { "", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        size_t len = 0;
        cr_assert_eq(jy_text_normalize(&out, &len, cases[i].in, strlen(cases[i].in)), JY_OK,
                     "%s: %s", cases[i].in, jy_error_last()->message);
        cr_assert_str_eq(out, cases[i].out, "normalize(%s)", cases[i].in);
        cr_assert_eq(len, strlen(cases[i].out));
        jy_free(out);
    }
}

Test(text, normalize_rejects_bad_input_cleanly)
{
    char *out = (char *)1;
    cr_assert_eq(jy_text_normalize(&out, NULL, "ok\xff", 3), JY_EUTF8);
    cr_assert_null(out);
    cr_assert(strstr(jy_error_last()->message, "offset 2") != NULL);
    cr_assert_eq(jy_text_normalize(NULL, NULL, "x", 1), JY_EINVAL);
    cr_assert_eq(jy_text_normalize(&out, NULL, NULL, 1), JY_EINVAL);
}

Test(text, normalize_keeps_embedded_nul_with_length)
{
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(jy_text_normalize(&out, &len, "A\0B", 3), JY_OK);
    cr_assert_eq(len, 3);
    cr_assert_eq(memcmp(out, "a\0b", 3), 0);
    jy_free(out);
}
