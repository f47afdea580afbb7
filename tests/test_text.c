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

/* Found by the long fuzz run: compatibility characters can make the folded
 * text several times longer than its source (the buffer grows; the header
 * states the bound). */
Test(text, fold_expands_compatibility_characters_beyond_three_times)
{
    const struct { const char *in; size_t len; } cases[] = {
        { "\xe3\x88\x9d", 15 },     /* U+321D: 5 Hangul jamo, 15 bytes from 3 */
        { "\xef\xb7\xba", 33 },     /* U+FDFA: 15 Arabic letters (2 bytes each) and 3 spaces */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *out = NULL;
        size_t n = 0, in_len = strlen(cases[i].in);
        cr_assert_eq(jy_text_fold(&out, &n, cases[i].in, in_len), JY_OK);
        cr_assert_eq(n, cases[i].len, "case %zu: %zu bytes", i, n);
        cr_assert_gt(n, 3 * in_len);
        cr_assert_eq(strlen(out), n);
        char *again = NULL;
        size_t m = 0;
        cr_assert_eq(jy_text_fold(&again, &m, out, n), JY_OK);
        cr_assert_eq(m, n);
        cr_assert_str_eq(again, out);
        jy_free(again);
        jy_free(out);
    }
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

/* ------------------------------------------------------------------------- */
/* Facts                                                                     */
/* ------------------------------------------------------------------------- */

static jy_text_facts facts_of(const char *text)
{
    jy_text_facts f;
    cr_assert_eq(jy_text_extract_facts(&f, NULL, text, strlen(text)), JY_OK, "%s: %s", text,
                 jy_error_last()->message);
    return f;
}

Test(text, facts_read_salaries_as_written_and_monthly)
{
    const struct {
        const char *text;
        int min, max;
        jy_pay_period period;
        double pay_min, pay_max;
        const char *figure; /* the text at [salary_start, salary_end) */
    } cases[] = {
        { "招聘普工，4000-6000元/月，包吃住", 4000, 6000, JY_PAY_MONTH, 4000, 6000, "4000-6000元/月" },
        { "薪资5k-8k", 5000, 8000, JY_PAY_MONTH, 5000, 8000, "5k-8k" },
        { "薪资5-8K", 5000, 8000, JY_PAY_MONTH, 5000, 8000, "5-8K" },
        { "月薪5千，五险一金", 5000, 5000, JY_PAY_MONTH, 5000, 5000, "5千" },
        { "月薪三千五", 3500, 3500, JY_PAY_MONTH, 3500, 3500, "三千五" },
        { "3500以上", 3500, 0, JY_PAY_MONTH, 3500, 0, "3500以上" },
        { "保底4000起", 4000, 0, JY_PAY_MONTH, 4000, 0, "4000起" },
        { "工资5000+", 5000, 0, JY_PAY_MONTH, 5000, 0, "5000+" },
        { "年薪6万", 5000, 5000, JY_PAY_YEAR, 60000, 60000, "6万" },
        { "日结200元", 5200, 5200, JY_PAY_DAY, 200, 200, "200元" },
        { "装卸工 150元/天", 3900, 3900, JY_PAY_DAY, 150, 150, "150元/天" },
        { "时薪20元", 4160, 4160, JY_PAY_HOUR, 20, 20, "20元" },
        { "20元/小时，做六休一", 4160, 4160, JY_PAY_HOUR, 20, 20, "20元/小时" },
        { "月薪：４０００～６０００", 4000, 6000, JY_PAY_MONTH, 4000, 6000, "４０００～６０００" },
        { "薪資待遇4500至6500元", 4500, 6500, JY_PAY_MONTH, 4500, 6500, "4500至6500元" },
        { "综合工资1.2w", 12000, 12000, JY_PAY_MONTH, 12000, 12000, "1.2w" },
        { "包吃住，4000~5500", 4000, 5500, JY_PAY_MONTH, 4000, 5500, "4000~5500" },
        { "￥3000-4000", 3000, 4000, JY_PAY_MONTH, 3000, 4000, "￥3000-4000" },
        { "月入6000左右", 6000, 6000, JY_PAY_MONTH, 6000, 6000, "6000左右" },
        { "一天两百块", 5200, 5200, JY_PAY_DAY, 200, 200, "两百块" },
        { "时薪十五元", 3120, 3120, JY_PAY_HOUR, 15, 15, "十五元" },
        { "工价18元/小时", 3744, 3744, JY_PAY_HOUR, 18, 18, "18元/小时" },
        { "月薪：3000—5000元", 3000, 5000, JY_PAY_MONTH, 3000, 5000, "3000—5000元" },
        { "计件，熟手8000+", 8000, 0, JY_PAY_MONTH, 8000, 0, "8000+" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_text_facts f = facts_of(cases[i].text);
        cr_assert_eq(f.has_salary, 1, "%s", cases[i].text);
        cr_assert_eq(f.salary_min, cases[i].min, "%s: min %d", cases[i].text, f.salary_min);
        cr_assert_eq(f.salary_max, cases[i].max, "%s: max %d", cases[i].text, f.salary_max);
        cr_assert_eq(f.pay_period, cases[i].period, "%s: period %d", cases[i].text, f.pay_period);
        cr_assert_float_eq(f.pay_min, cases[i].pay_min, 1e-9, "%s", cases[i].text);
        cr_assert_float_eq(f.pay_max, cases[i].pay_max, 1e-9, "%s", cases[i].text);
        size_t n = f.salary_end - f.salary_start;
        cr_assert(n == strlen(cases[i].figure) &&
                      memcmp(cases[i].text + f.salary_start, cases[i].figure, n) == 0,
                  "%s: figure '%.*s'", cases[i].text, (int)n, cases[i].text + f.salary_start);
        cr_assert_eq(f.salary_negotiable, 0);
    }
}

Test(text, facts_tell_salaries_from_other_numbers)
{
    const char *none[] = {
        "招聘5人，做五休二", "工作8小时，上5天休2天", "联系电话13800000000",
        "2024年5月入职", "厂房3000平方", "需要C1驾照，2年以上经验", "5S管理", "年龄18-45岁",
        "地址：金川镇工业大道88号", "电话：0796-2612345", "一天两百", "35岁左右", "",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
        jy_text_facts f = facts_of(none[i]);
        cr_assert_eq(f.has_salary, 0, "%s: found %d-%d", none[i], f.salary_min, f.salary_max);
    }
    jy_text_facts f = facts_of("薪资面议，包吃住");
    cr_assert_eq(f.salary_negotiable, 1);
    cr_assert_eq(f.has_salary, 0);
    cr_assert_eq(f.pay_period, JY_PAY_NONE);
    f = facts_of("工资面議，底薪3000");
    cr_assert_eq(f.salary_negotiable, 1);
    cr_assert_eq(f.salary_min, 3000);
}

Test(text, facts_read_age_limits)
{
    const struct { const char *text; int min, max; const char *span; } cases[] = {
        { "18-45岁，男女不限", 18, 45, "18-45岁" },
        { "年龄18至50周岁", 18, 50, "18至50周岁" },
        { "年龄：18-45", 18, 45, "18-45" },
        { "18岁-45岁", 18, 45, "18岁-45岁" },
        { "45岁以下", 0, 45, "45岁以下" },
        { "50岁以内，身体健康", 0, 50, "50岁以内" },
        { "年龄不超过55岁", 0, 55, "55岁" },
        { "18周岁以上", 18, 0, "18周岁以上" },
        { "月薪4000，年龄20~40岁", 20, 40, "20~40岁" },
        { "年齡１８－４５歲", 18, 45, "１８－４５歲" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_text_facts f = facts_of(cases[i].text);
        cr_assert_eq(f.has_age, 1, "%s", cases[i].text);
        cr_assert_eq(f.age_min, cases[i].min, "%s: min %d", cases[i].text, f.age_min);
        cr_assert_eq(f.age_max, cases[i].max, "%s: max %d", cases[i].text, f.age_max);
        size_t n = f.age_end - f.age_start;
        cr_assert(n == strlen(cases[i].span) &&
                      memcmp(cases[i].text + f.age_start, cases[i].span, n) == 0,
                  "%s: span '%.*s'", cases[i].text, (int)n, cases[i].text + f.age_start);
    }
    const char *none[] = { "我今年30岁", "18-45人", "年龄200岁以下", "招聘5名" };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        cr_assert_eq(facts_of(none[i]).has_age, 0, "%s", none[i]);
    jy_text_facts f = facts_of("月薪4000，年龄20~40岁");
    cr_assert_eq(f.salary_min, 4000);
}

Test(text, facts_read_education_and_work_kind)
{
    const struct { const char *text; int level; const char *code; } cases[] = {
        { "初中以上学历", JY_EDUCATION_JUNIOR, "junior" },
        { "高中及以上", JY_EDUCATION_SENIOR, "senior" },
        { "大专", JY_EDUCATION_COLLEGE, "college" },
        { "本科学历优先", JY_EDUCATION_BACHELOR, "bachelor" },
        { "学历不限", JY_EDUCATION_NONE, "none" },
        { "學歷：不限", JY_EDUCATION_NONE, "none" },
        { "中专或技校", JY_EDUCATION_VOCATIONAL, "vocational" },
        { "硕士", JY_EDUCATION_MASTER, "master" },
        { "小学文化也可", JY_EDUCATION_PRIMARY, "primary" },
        { "招普工", JY_EDUCATION_UNKNOWN, NULL },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_text_facts f = facts_of(cases[i].text);
        cr_assert_eq(f.education, cases[i].level, "%s: %d", cases[i].text, f.education);
        if (cases[i].code)
            cr_assert_str_eq(f.education_code, cases[i].code);
        else
            cr_assert_null(f.education_code);
    }
    jy_text_facts f = facts_of("招零工，日结");
    cr_assert_eq(f.work_hints, JY_WORK_GIG);
    cr_assert_str_eq(f.kind, "gig");
    f = facts_of("临时工若干");
    cr_assert_str_eq(f.kind, "gig");
    f = facts_of("长期招聘，缴纳五险一金");
    cr_assert_eq(f.work_hints, JY_WORK_FULL_TIME);
    cr_assert_str_eq(f.kind, "full_time");
    f = facts_of("长期招聘兼职");
    cr_assert_eq(f.work_hints, JY_WORK_GIG | JY_WORK_FULL_TIME);
    cr_assert_null(f.kind);
    cr_assert_eq(facts_of("普工").work_hints, 0);

    cr_assert_eq(jy_education_parse("junior"), JY_EDUCATION_JUNIOR);
    cr_assert_eq(jy_education_parse("初中"), JY_EDUCATION_JUNIOR);
    cr_assert_eq(jy_education_parse("不限"), JY_EDUCATION_NONE);
    cr_assert_eq(jy_education_parse("大專以上"), JY_EDUCATION_COLLEGE);
    cr_assert_eq(jy_education_parse("研究生"), JY_EDUCATION_MASTER);
    cr_assert_eq(jy_education_parse("whatever"), JY_EDUCATION_UNKNOWN);
    cr_assert_eq(jy_education_parse("\xff"), JY_EDUCATION_UNKNOWN);
    cr_assert_eq(jy_education_parse(NULL), JY_EDUCATION_UNKNOWN);
    cr_assert_str_eq(jy_education_code(JY_EDUCATION_VOCATIONAL), "vocational");
    cr_assert_null(jy_education_code(JY_EDUCATION_UNKNOWN));
    cr_assert_null(jy_education_code(8));
}

Test(text, facts_find_townships_of_the_county)
{
    jy_county *county = NULL;
    cr_assert_eq(jy_county_load_default(&county), JY_OK);
    const char *text = "工作地点：新干县金川镇，住三湖，也可去麦斜镇或工业园区上班";
    jy_text_facts f;
    cr_assert_eq(jy_text_extract_facts(&f, county, text, strlen(text)), JY_OK);
    cr_assert_eq(f.township_count, 4);
    const char *names[] = { "金川镇", "三湖镇", "麦㙦镇", "新干工业园区" };
    const char *spans[] = { "金川镇", "三湖", "麦斜镇", "工业园区" };
    for (size_t i = 0; i < 4; i++) {
        cr_assert_str_eq(f.townships[i].township->name, names[i]);
        size_t n = f.townships[i].end - f.townships[i].start;
        cr_assert(n == strlen(spans[i]) && memcmp(text + f.townships[i].start, spans[i], n) == 0,
                  "%zu: '%.*s'", i, (int)n, text + f.townships[i].start);
    }
    /* a short form inside common words is not a mention */
    const char *busy = "在县城上班，城上班车";
    cr_assert_eq(jy_text_extract_facts(&f, county, busy, strlen(busy)), JY_OK);
    cr_assert_eq(f.township_count, 0);
    const char *ok = "新干县城上乡，或者新干县城上";
    cr_assert_eq(jy_text_extract_facts(&f, county, ok, strlen(ok)), JY_OK);
    cr_assert_eq(f.township_count, 1);
    cr_assert_str_eq(f.townships[0].township->name, "城上乡");
    /* all 17 units named: only the first JY_TEXT_FACTS_MAX_TOWNSHIPS are kept, in text order */
    char all[2048] = "";
    for (size_t i = 0; i < jy_county_township_count(county); i++) {
        strcat(all, jy_county_township_at(county, i)->name);
        strcat(all, "、");
    }
    cr_assert_eq(jy_text_extract_facts(&f, county, all, strlen(all)), JY_OK);
    cr_assert_eq(f.township_count, JY_TEXT_FACTS_MAX_TOWNSHIPS);
    for (size_t i = 0; i < JY_TEXT_FACTS_MAX_TOWNSHIPS; i++)
        cr_assert_eq(f.townships[i].township, jy_county_township_at(county, i));
    jy_county_free(county);
}

Test(text, facts_bad_input)
{
    jy_text_facts f;
    f.has_salary = 7;
    cr_assert_eq(jy_text_extract_facts(&f, NULL, "月薪5000\xe4", 11), JY_EUTF8);
    cr_assert_eq(f.has_salary, 0); /* reset even on failure */
    cr_assert_eq(f.education, JY_EDUCATION_UNKNOWN);
    cr_assert_eq(jy_text_extract_facts(NULL, NULL, "x", 1), JY_EINVAL);
    cr_assert_eq(jy_text_extract_facts(&f, NULL, NULL, 1), JY_EINVAL);
    cr_assert_eq(jy_text_extract_facts(&f, NULL, NULL, 0), JY_OK);
    /* NUL inside: a separator, the rest is still read */
    cr_assert_eq(jy_text_extract_facts(&f, NULL, "普工\0月薪5000", 17), JY_OK);
    cr_assert_eq(f.salary_min, 5000);
    /* 1 MiB: the first figures are found, no crash */
    size_t len = 1u << 20;
    char *big = malloc(len);
    cr_assert_not_null(big);
    const char *head = "年龄18-45岁，月薪4000-6000元";
    memcpy(big, head, strlen(head));
    for (size_t i = strlen(head); i < len; i++)
        big[i] = (char)('0' + i % 10);
    cr_assert_eq(jy_text_extract_facts(&f, NULL, big, len), JY_OK);
    cr_assert_eq(f.salary_min, 4000);
    cr_assert_eq(f.age_max, 45);
    free(big);
}
