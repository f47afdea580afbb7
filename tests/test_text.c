/* UTF-8 validation and normalization. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
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

/* ------------------------------------------------------------------------- */
/* Folding and the tokenizer                                                 */
/* ------------------------------------------------------------------------- */

static char *fold(const char *in)
{
    char *out = NULL;
    size_t len = 0;
    cr_assert_eq(jy_text_fold(&out, &len, in, strlen(in)), JY_OK, "fold(%s): %s", in,
                 jy_error_last()->message);
    cr_assert_eq(len, strlen(out));
    return out;
}

Test(text, fold_maps_width_case_traditional_and_separators)
{
    const struct { const char *in, *out; } cases[] = {
        { "ＣＮＣ操作工", "cnc操作工" },
        { "招聘員工：電銲工、駕駛員", "招聘员工 电焊工 驾驶员" },
        { "會計/財務（出納）", "会计 财务 出纳" },
        { "  薪資面議!!", "薪资面议" },
        { "月薪４０００－６０００元／月", "月薪4000 6000元 月" },
        { "时薪3.5元, 约3. 5", "时薪3.5元 约3 5" },
        { "café", "cafe" },
        { "①号车间", "1号车间" },
        { "A\tb\r\nC", "a b c" },
        { "网络主播·带货", "网络主播 带货" },
        { "麦㙦镇", "麦㙦镇" },
        { "", "" },
        { "，。！", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = fold(cases[i].in);
        cr_assert_str_eq(out, cases[i].out, "fold(%s)", cases[i].in);
        char *again = fold(out);
        cr_assert_str_eq(again, out, "fold is idempotent on %s", out);
        jy_free(again);
        jy_free(out);
    }
    cr_assert_eq(jy_text_simplify_char(0x99DB /* 駛 */), 0x9A76 /* 驶 */);
    cr_assert_eq(jy_text_simplify_char(0x5DE5 /* 工 */), 0x5DE5);
    cr_assert_eq(jy_text_simplify_char('A'), 'A');
}

Test(text, fold_rejects_bad_input_and_treats_nul_as_separator)
{
    char *out = (char *)1;
    cr_assert_eq(jy_text_fold(&out, NULL, "焊工\xe6", 7), JY_EUTF8);
    cr_assert_null(out);
    cr_assert(strstr(jy_error_last()->message, "offset 6") != NULL);
    cr_assert_eq(jy_text_fold(NULL, NULL, "x", 1), JY_EINVAL);
    cr_assert_eq(jy_text_fold(&out, NULL, NULL, 2), JY_EINVAL);
    size_t len = 0;
    cr_assert_eq(jy_text_fold(&out, &len, "普工\0焊工", 13), JY_OK);
    cr_assert_str_eq(out, "普工 焊工");
    cr_assert_eq(len, strlen("普工 焊工"));
    jy_free(out);
}

/* Renders a text's tokens as "kind:text@position[start,end)" joined by
 * spaces; kinds u (unigram), b (bigram), w (word), n (number), m (mixed). */
static char *render(const char *text, size_t len, unsigned int flags)
{
    jy_token_list *list = NULL;
    cr_assert_eq(jy_token_list_new(&list), JY_OK);
    cr_assert_eq(jy_text_tokenize(list, text, len, flags), JY_OK, "%s",
                 jy_error_last()->message);
    static char buf[8192];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < jy_token_list_count(list); i++) {
        const jy_token *t = jy_token_list_at(list, i);
        cr_assert_eq(t, &jy_token_list_tokens(list)[i]);
        cr_assert_eq(strlen(t->text), t->len);
        static const char kinds[] = "?ubwnm";
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%c:%s@%zu[%zu,%zu)", i ? " " : "",
                              kinds[t->kind], t->text, t->position, t->start, t->end);
        cr_assert_lt(n, sizeof buf);
    }
    cr_assert_null(jy_token_list_at(list, jy_token_list_count(list)));
    jy_token_list_free(list);
    return buf;
}

Test(text, tokenize_cjk_gives_unigrams_and_bigrams_with_offsets)
{
    cr_assert_str_eq(render("电焊工", strlen("电焊工"), 0),
                     "u:电@0[0,3) b:电焊@0[0,6) u:焊@1[3,6) b:焊工@1[3,9) u:工@2[6,9)");
    /* a separator ends the run: no bigram across it */
    cr_assert_str_eq(render("普工，包吃", strlen("普工，包吃"), JY_TOKENIZE_BIGRAMS),
                     "b:普工@0[0,6) b:包吃@2[9,15)");
    cr_assert_str_eq(render("普工，包吃", strlen("普工，包吃"), JY_TOKENIZE_UNIGRAMS),
                     "u:普@0[0,3) u:工@1[3,6) u:包@2[9,12) u:吃@3[12,15)");
}

Test(text, tokenize_keeps_latin_digit_and_mixed_tokens_whole)
{
    cr_assert_str_eq(render("CNC、5S、PLC和A2", strlen("CNC、5S、PLC和A2"), JY_TOKENIZE_WORDS),
                     "w:cnc@0[0,3) m:5s@1[6,8) w:plc@2[11,14) m:a2@4[17,19)");
    cr_assert_str_eq(render("C1驾照", strlen("C1驾照"), 0),
                     "m:c1@0[0,2) u:驾@1[2,5) b:驾照@1[2,8) u:照@2[5,8)");
    /* full-width input: offsets are in the input, text is folded */
    cr_assert_str_eq(render("Ｃ１駕照", strlen("Ｃ１駕照"), 0),
                     "m:c1@0[0,6) u:驾@1[6,9) b:驾照@1[6,12) u:照@2[9,12)");
    cr_assert_str_eq(render("月薪4000-6000元，时薪12.5", strlen("月薪4000-6000元，时薪12.5"),
                            JY_TOKENIZE_WORDS),
                     "n:4000@2[6,10) n:6000@3[11,15) n:12.5@7[27,31)");
    cr_assert_str_eq(render("SMT贴片", strlen("SMT贴片"), JY_TOKENIZE_WORDS | JY_TOKENIZE_BIGRAMS),
                     "w:smt@0[0,3) b:贴片@1[3,9)");
}

Test(text, tokenize_traditional_matches_simplified)
{
    const char *trad = "招聘貨車駕駛員，薪資面議";
    const char *simp = "招聘货车驾驶员，薪资面议";
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s", render(trad, strlen(trad), 0));
    snprintf(b, sizeof b, "%s", render(simp, strlen(simp), 0));
    cr_assert_str_eq(a, b); /* same texts, same offsets (same byte lengths here) */
}

Test(text, tokenize_cuts_overlong_runs_and_handles_nul_and_empty)
{
    char run[200];
    memset(run, 'x', sizeof run);
    jy_token_list *list = NULL;
    cr_assert_eq(jy_token_list_new(&list), JY_OK);
    cr_assert_eq(jy_text_tokenize(list, run, sizeof run, 0), JY_OK);
    cr_assert_eq(jy_token_list_count(list), 1);
    cr_assert_eq(jy_token_list_at(list, 0)->len, JY_TOKEN_MAX_BYTES);
    cr_assert_eq(jy_token_list_at(list, 0)->end, sizeof run);
    cr_assert_eq(jy_text_tokenize(list, "", 0, 0), JY_OK);
    cr_assert_eq(jy_token_list_count(list), 0);
    cr_assert_null(jy_token_list_tokens(list));
    cr_assert_eq(jy_text_tokenize(list, NULL, 0, 0), JY_OK);
    cr_assert_eq(jy_token_list_count(list), 0);
    jy_token_list_free(list);
    jy_token_list_free(NULL);
    cr_assert_str_eq(render("普工\0焊工", 13, JY_TOKENIZE_BIGRAMS), "b:普工@0[0,6) b:焊工@2[7,13)");
}

Test(text, tokenize_rejects_invalid_utf8_without_tokens)
{
    jy_token_list *list = NULL;
    cr_assert_eq(jy_token_list_new(&list), JY_OK);
    cr_assert_eq(jy_text_tokenize(list, "普工", 6, 0), JY_OK);
    cr_assert_eq(jy_text_tokenize(list, "普工\xff", 7, 0), JY_EUTF8);
    cr_assert_eq(jy_token_list_count(list), 0);
    cr_assert_eq(jy_text_tokenize(NULL, "x", 1, 0), JY_EINVAL);
    cr_assert_eq(jy_text_tokenize(list, NULL, 1, 0), JY_EINVAL);
    cr_assert_eq(jy_token_list_new(NULL), JY_EINVAL);
    jy_token_list_free(list);
}

static int count_tokens(const jy_token *tok, void *payload)
{
    size_t *n = payload;
    (*n)++;
    return tok->kind == JY_TOKEN_WORD && strcmp(tok->text, "stop") == 0 ? 42 : 0;
}

Test(text, tokenize_each_calls_back_and_stops_on_request)
{
    size_t n = 0;
    cr_assert_eq(jy_text_tokenize_each("普工 cnc", strlen("普工 cnc"), 0, count_tokens, &n), JY_OK);
    cr_assert_eq(n, 4);
    n = 0;
    cr_assert_eq(jy_text_tokenize_each("a stop b", 8, 0, count_tokens, &n), 42);
    cr_assert_eq(n, 2);
    cr_assert_eq(jy_text_tokenize_each("x", 1, 0, NULL, NULL), JY_EINVAL);
    n = 0;
    cr_assert_eq(jy_text_tokenize_each("\xc0\xaf stop", 7, 0, count_tokens, &n), JY_EUTF8);
    cr_assert_eq(n, 0);
}

Test(text, tokenize_one_megabyte)
{
    /* 1 MiB of mixed posting text: every token has a sane range and the
     * counts follow from the pattern. */
    const char *unit = "招聘CNC操作工5名，月薪5000元。"; /* 10 CJK + cnc + 5 + 5000 */
    size_t ulen = strlen(unit), reps = (1u << 20) / ulen;
    char *text = malloc(ulen * reps);
    cr_assert_not_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ulen, unit, ulen);
    jy_token_list *list = NULL;
    cr_assert_eq(jy_token_list_new(&list), JY_OK);
    cr_assert_eq(jy_text_tokenize(list, text, ulen * reps, 0), JY_OK);
    /* per unit: runs 招聘 | 操作工 | 名 | 月薪 | 元: 9 unigrams, 5 bigrams... */
    size_t uni = 0, bi = 0, words = 0;
    for (size_t i = 0; i < jy_token_list_count(list); i++) {
        const jy_token *t = jy_token_list_at(list, i);
        cr_assert_leq(t->end, ulen * reps);
        cr_assert_lt(t->start, t->end);
        uni += t->kind == JY_TOKEN_CJK_UNI;
        bi += t->kind == JY_TOKEN_CJK_BI;
        words += t->kind >= JY_TOKEN_WORD;
    }
    cr_assert_eq(uni, 9 * reps);
    cr_assert_eq(bi, 4 * reps);
    cr_assert_eq(words, 3 * reps);
    jy_token_list_free(list);
    free(text);
}
