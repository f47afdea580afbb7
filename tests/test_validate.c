/* Validators: resident ID numbers, unified social credit codes, mobile
 * phone numbers, region codes. */
#include <criterion/criterion.h>
#include <cJSON.h>
#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------------
 * Helpers.
 */

static jy_date D(int y, int m, int d)
{
    jy_date r = { y, m, d };
    return r;
}

/* The ISO 7064 MOD 11-2 check character of 17 digits, computed here
 * independently of the library. */
static char check_char(const char *d17)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (d17[i] - '0') * w[i];
    int c = (12 - sum % 11) % 11;
    return c == 10 ? 'X' : (char)('0' + c);
}

/* Builds a valid-checksum 18-character number from region, date and sequence. */
static void make_id(char out[19], const char *region, jy_date birth, int seq)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.6s%04u%02u%02u%03u", region, (unsigned)birth.year % 10000u,
             (unsigned)birth.month % 100u, (unsigned)birth.day % 100u, (unsigned)seq % 1000u);
    memcpy(out, buf, 17);
    out[17] = check_char(out);
    out[18] = '\0';
}

/* The last error names the rule but never repeats the value: it is set,
 * says EINVAL, and contains neither the input nor any run of 6+ digits. */
static void expect_clean_message(const char *input, const char *label)
{
    const jy_error *e = jy_error_last();
    cr_expect_eq(e->code, JY_EINVAL, "%s: last error code %d", label, e->code);
    cr_expect(e->message != NULL && e->message[0] != '\0', "%s: empty message", label);
    if (!e->message)
        return;
    if (input && strlen(input) >= 4)
        cr_expect(strstr(e->message, input) == NULL, "%s: message repeats the input", label);
    size_t run = 0, longest = 0;
    for (const char *p = e->message; *p; p++) {
        run = (*p >= '0' && *p <= '9') ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    cr_expect(longest < 6, "%s: message contains a number: \"%s\"", label, e->message);
}

static cJSON *load_vectors(void)
{
    const char *path = JY_TEST_DATA_DIR "/id-vectors.json";
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    cr_assert_eq(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    cr_assert_gt(size, 0);
    cr_assert_eq(fseek(f, 0, SEEK_SET), 0);
    char *buf = malloc((size_t)size + 1);
    cr_assert_not_null(buf);
    size_t got = fread(buf, 1, (size_t)size, f);
    fclose(f);
    cr_assert_eq(got, (size_t)size);
    buf[got] = '\0';
    cJSON *json = cJSON_Parse(buf);
    free(buf);
    cr_assert_not_null(json, "%s is not valid JSON", path);
    return json;
}

static const cJSON *array(const cJSON *json, const char *name, int min)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(json, name);
    cr_assert(cJSON_IsArray(a), "%s is not an array", name);
    cr_assert_geq(cJSON_GetArraySize(a), min, "%s has too few entries", name);
    return a;
}

static void upper(char *dst, size_t size, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < size; i++)
        dst[i] = (src[i] >= 'a' && src[i] <= 'z') ? (char)(src[i] - 'a' + 'A') : src[i];
    dst[i] = '\0';
}

/* ------------------------------------------------------------------------
 * The shared vectors (tests/data/id-vectors.json): every one of them.
 */

Test(validate, vectors_ric_valid)
{
    cJSON *json = load_vectors();
    const cJSON *a = array(json, "ric_valid", 7);
    const cJSON *item;
    cJSON_ArrayForEach(item, a) {
        cr_assert(cJSON_IsString(item));
        const char *n = item->valuestring;
        char canon[19];
        upper(canon, sizeof canon, n);
        jy_id_info info;
        cr_expect_eq(jy_id_parse(&info, n), JY_OK, "%s rejected", n);
        cr_expect_eq(info.reason, JY_REASON_NONE, "%s: reason %d", n, info.reason);
        cr_expect_str_eq(info.number, canon, "%s", n);
        cr_expect_eq(info.warnings, 0u, "%s: warnings %u", n, info.warnings);
        cr_expect_eq(strncmp(info.region, n, 6), 0, "%s", n);
        cr_expect(jy_date_is_valid(info.birth), "%s", n);

        /* Lower-case x is accepted and upper-cased. */
        char lower[19];
        strcpy(lower, canon);
        if (lower[17] == 'X') {
            lower[17] = 'x';
            cr_expect_eq(jy_id_parse(&info, lower), JY_OK, "%s (lower x)", n);
            cr_expect_str_eq(info.number, canon);
        }
    }
    cJSON_Delete(json);
}

Test(validate, vectors_ric_invalid)
{
    /* The vectors in order: the first four fail a rule; the last two have a
     * region not in force in the birth year, which is only a warning. */
    static const struct {
        int rc;
        jy_reason reason;
        size_t position;
        unsigned warnings;
    } expected[] = {
        { JY_EINVAL, JY_REASON_CHARACTER, 1, 0 },
        { JY_EINVAL, JY_REASON_BIRTH_DATE, 7, 0 },
        { JY_EINVAL, JY_REASON_CHECKSUM, 18, 0 },
        { JY_EINVAL, JY_REASON_REGION, 1, 0 },
        { JY_OK, JY_REASON_NONE, 0, JY_WARN_REGION_NOT_IN_FORCE },
        { JY_OK, JY_REASON_NONE, 0, JY_WARN_REGION_NOT_IN_FORCE },
    };
    cJSON *json = load_vectors();
    const cJSON *a = array(json, "ric_invalid", (int)COUNT(expected));
    cr_assert_eq(cJSON_GetArraySize(a), (int)COUNT(expected),
                 "new ric_invalid vectors: extend this test");
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, a) {
        const cJSON *num = cJSON_GetObjectItemCaseSensitive(item, "number");
        cr_assert(cJSON_IsString(num));
        const char *n = num->valuestring;
        jy_id_info info;
        int rc = jy_id_parse(&info, n);
        cr_expect_eq(rc, expected[i].rc, "%s: rc %d", n, rc);
        cr_expect_eq(info.reason, expected[i].reason, "%s: reason %d", n, info.reason);
        cr_expect_eq(info.position, expected[i].position, "%s: position %zu", n, info.position);
        cr_expect_eq(info.warnings, expected[i].warnings, "%s: warnings %u", n, info.warnings);
        if (rc == JY_OK) {
            cr_expect_str_eq(info.number, n);
        } else {
            cr_expect_str_eq(info.number, "", "%s: number not emptied", n);
            expect_clean_message(n, n);
        }
        i++;
    }
    cJSON_Delete(json);
}

Test(validate, vectors_uscc_valid)
{
    cJSON *json = load_vectors();
    const cJSON *a = array(json, "uscc_valid", 100);
    const cJSON *item;
    int count = 0;
    cJSON_ArrayForEach(item, a) {
        cr_assert(cJSON_IsString(item));
        const char *c = item->valuestring;
        jy_uscc_info info;
        cr_expect_eq(jy_uscc_parse(&info, c), JY_OK, "%s rejected (reason %d at %zu)", c,
                     info.reason, info.position);
        cr_expect_eq(info.reason, JY_REASON_NONE, "%s", c);
        cr_expect_str_eq(info.code, c);
        cr_expect_eq(info.authority, c[0], "%s", c);
        cr_expect_eq(info.category, c[1], "%s", c);
        cr_expect_eq(strncmp(info.region, c + 2, 6), 0, "%s", c);
        cr_expect_eq(strlen(info.region), 6u);
        count++;
    }
    cr_expect_eq(count, cJSON_GetArraySize(a));
    cJSON_Delete(json);
}

Test(validate, vectors_uscc_invalid)
{
    static const struct {
        jy_reason reason;
        size_t position;
    } expected[] = {
        { JY_REASON_LENGTH, 0 },     /* 12345 */
        { JY_REASON_CHECKSUM, 18 },  /* A111...: 'A' is a real authority; check should be K */
        { JY_REASON_CHARACTER, 14 }, /* ...IOZSV: 'I' at 14 */
        { JY_REASON_CHECKSUM, 18 },  /* ...341N: should be L */
    };
    cJSON *json = load_vectors();
    const cJSON *a = array(json, "uscc_invalid", (int)COUNT(expected));
    cr_assert_eq(cJSON_GetArraySize(a), (int)COUNT(expected),
                 "new uscc_invalid vectors: extend this test");
    size_t i = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, a) {
        const cJSON *num = cJSON_GetObjectItemCaseSensitive(item, "number");
        cr_assert(cJSON_IsString(num));
        const char *c = num->valuestring;
        jy_uscc_info info;
        cr_expect_eq(jy_uscc_parse(&info, c), JY_EINVAL, "%s accepted", c);
        cr_expect_eq(info.reason, expected[i].reason, "%s: reason %d", c, info.reason);
        cr_expect_eq(info.position, expected[i].position, "%s: position %zu", c, info.position);
        cr_expect_str_eq(info.code, "");
        expect_clean_message(c, c);
        i++;
    }
    cJSON_Delete(json);
}

/* ------------------------------------------------------------------------
 * ID numbers: edge cases.
 */

struct id_case {
    const char *label;
    const char *text;
    int rc;
    jy_reason reason;
    size_t position;
    const char *number; /* canonical form when valid */
    unsigned warnings;
};

static void run_id_cases(const struct id_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct id_case *c = &cases[i];
        jy_id_info info;
        memset(&info, 0xA5, sizeof info); /* "always filled" */
        int rc = jy_id_parse(&info, c->text);
        cr_expect_eq(rc, c->rc, "%s: rc %d, expected %d", c->label, rc, c->rc);
        cr_expect_eq(info.reason, c->reason, "%s: reason %d (%s), expected %d", c->label,
                     info.reason, jy_reason_str(info.reason), c->reason);
        cr_expect_eq(info.position, c->position, "%s: position %zu, expected %zu", c->label,
                     info.position, c->position);
        if (c->rc == JY_OK) {
            cr_expect_str_eq(info.number, c->number, "%s", c->label);
            cr_expect_eq(info.warnings, c->warnings, "%s: warnings %u, expected %u", c->label,
                         info.warnings, c->warnings);
        } else {
            cr_expect_str_eq(info.number, "", "%s: number not emptied", c->label);
            cr_expect_eq(info.warnings, 0u, "%s", c->label);
            expect_clean_message(c->text, c->label);
        }
    }
}

Test(validate, id_leap_days)
{
    const struct id_case cases[] = {
        { "2000-02-29", "110105200002290013", JY_OK, JY_REASON_NONE, 0, "110105200002290013", 0 },
        { "1900-02-29", "110105190002290017", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "2004-02-29", "110105200402290020", JY_OK, JY_REASON_NONE, 0, "110105200402290020", 0 },
        { "2003-02-29", "110105200302290023", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "2020-02-29", "110105202002290012", JY_OK, JY_REASON_NONE, 0, "110105202002290012", 0 },
        { "month 00", "110105199000150000", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "day 00", "110105199001000000", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "04-31", "110105199004310000", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "year 0000", "110105000001010000", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        /* The birth date is checked before the check character. */
        { "bad date and checksum", "110105200302290024", JY_EINVAL, JY_REASON_BIRTH_DATE, 7,
          NULL, 0 },
    };
    run_id_cases(cases, COUNT(cases));

    jy_id_info info;
    cr_assert_eq(jy_id_parse(&info, "110105200002290013"), JY_OK);
    cr_expect_eq(info.birth.year, 2000);
    cr_expect_eq(info.birth.month, 2);
    cr_expect_eq(info.birth.day, 29);
}

Test(validate, id_birth_range)
{
    const struct id_case cases[] = {
        { "1899-12-31", "110105189912310015", JY_EINVAL, JY_REASON_BIRTH_RANGE, 7, NULL, 0 },
        { "1900-01-01", "11010519000101001X", JY_OK, JY_REASON_NONE, 0, "11010519000101001X", 0 },
        { "2999-01-01", "110105299901010014", JY_EINVAL, JY_REASON_BIRTH_RANGE, 7, NULL, 0 },
    };
    run_id_cases(cases, COUNT(cases));

    /* Tomorrow is in the future; today is fine (age 0). */
    jy_date today, tomorrow;
    long days;
    cr_assert_eq(jy_date_today(&today), JY_OK);
    cr_assert_eq(jy_date_to_days(&days, today), JY_OK);
    cr_assert_eq(jy_date_from_days(&tomorrow, days + 1), JY_OK);
    char id[19];
    jy_id_info info;
    make_id(id, "110105", tomorrow, 1);
    cr_expect_eq(jy_id_parse(&info, id), JY_EINVAL, "born tomorrow accepted");
    cr_expect_eq(info.reason, JY_REASON_BIRTH_RANGE);
    cr_expect_eq(info.position, 7u);
    make_id(id, "110105", today, 1);
    cr_expect_eq(jy_id_parse(&info, id), JY_OK, "born today rejected");
    int age = -1;
    cr_expect_eq(jy_id_age(&age, &info, today), JY_OK);
    cr_expect_eq(age, 0);
}

Test(validate, id_normalization)
{
    const struct id_case cases[] = {
        { "lower-case x", "11010519491231002x", JY_OK, JY_REASON_NONE, 0, "11010519491231002X", 0 },
        { "full-width digits", "１１０１０５１９４９１２３１００２Ｘ", JY_OK, JY_REASON_NONE, 0,
          "11010519491231002X", 0 },
        { "full-width lower x", "１１０１０５１９４９１２３１００２ｘ", JY_OK, JY_REASON_NONE, 0,
          "11010519491231002X", 0 },
        { "surrounding spaces", "  11010519491231002X  ", JY_OK, JY_REASON_NONE, 0,
          "11010519491231002X", 0 },
        { "tabs and CR LF", "\t11010519491231002X\r\n", JY_OK, JY_REASON_NONE, 0,
          "11010519491231002X", 0 },
        { "ideographic spaces", "\u3000110105199001010010\u3000\u3000", JY_OK, JY_REASON_NONE, 0,
          "110105199001010010", 0 },
        { "mixed full- and half-width", "110105１９９００１０１００１０", JY_OK, JY_REASON_NONE, 0,
          "110105199001010010", 0 },
        { "inner space", "110105 199001010010", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "inner space, 18 chars", "110105 9900101001X", JY_EINVAL, JY_REASON_CHARACTER, 7, NULL,
          0 },
    };
    run_id_cases(cases, COUNT(cases));
}

Test(validate, id_lengths_and_empty)
{
    const struct id_case cases[] = {
        { "17 digits", "11010519491231002", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "19 chars", "11010519491231002X1", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "16 digits", "1101054912310026", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "14 digits", "11010549123100", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "one digit", "1", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "very long", "110105194912310021101051949123100211010519491231002110105194912310021"
                       "10105194912310021101051949123100211010519491231002110105194912310021"
                       "101051949123100211010519491231002", JY_EINVAL, JY_REASON_LENGTH, 0,
          NULL, 0 },
        /* Length is checked before characters. */
        { "17 with a letter", "1101051949123100A", JY_EINVAL, JY_REASON_LENGTH, 0, NULL, 0 },
        { "empty", "", JY_EINVAL, JY_REASON_EMPTY, 0, NULL, 0 },
        { "spaces only", "   \t\u3000 ", JY_EINVAL, JY_REASON_EMPTY, 0, NULL, 0 },
        { "bad UTF-8 first", "\xff" "10105194912310026", JY_EINVAL, JY_REASON_UTF8, 1, NULL, 0 },
        { "bad UTF-8 after spaces", "  1101\xc0\xaf", JY_EINVAL, JY_REASON_UTF8, 5, NULL, 0 },
        { "truncated sequence", "11010519491231002\xe4\xb8", JY_EINVAL, JY_REASON_UTF8, 18, NULL,
          0 },
        { "surrogate", "110105\xed\xa0\x80", JY_EINVAL, JY_REASON_UTF8, 7, NULL, 0 },
    };
    run_id_cases(cases, COUNT(cases));
}

Test(validate, id_character_positions)
{
    const char *valid = "11010519491231002X";
    char text[64];
    jy_id_info info;
    /* A letter at each position 1..17, and a letter other than X at 18. */
    for (size_t pos = 1; pos <= 18; pos++) {
        strcpy(text, valid);
        text[pos - 1] = pos == 18 ? 'Y' : 'A';
        cr_expect_eq(jy_id_parse(&info, text), JY_EINVAL, "letter at %zu accepted", pos);
        cr_expect_eq(info.reason, JY_REASON_CHARACTER, "letter at %zu: reason %d", pos,
                     info.reason);
        cr_expect_eq(info.position, pos, "letter at %zu: position %zu", pos, info.position);
        expect_clean_message(text, "letter");
    }
    /* X is allowed only as the check character. */
    cr_expect_eq(jy_id_parse(&info, "1101051949123100X2"), JY_EINVAL);
    cr_expect_eq(info.reason, JY_REASON_CHARACTER);
    cr_expect_eq(info.position, 17u);

    const struct id_case cases[] = {
        /* Positions count characters after the leading blanks, not bytes. */
        { "after spaces", "   1101A519491231002X", JY_EINVAL, JY_REASON_CHARACTER, 5, NULL, 0 },
        { "after ideographic space", "\u30001101A519491231002X", JY_EINVAL, JY_REASON_CHARACTER,
          5, NULL, 0 },
        { "CJK character", "1101一519491231002X", JY_EINVAL, JY_REASON_CHARACTER, 5, NULL, 0 },
        { "after full-width digits", "１１０１０５１９４９１２３１００２Y", JY_EINVAL,
          JY_REASON_CHARACTER, 18, NULL, 0 },
        { "emoji", "11010519491231\xf0\x9f\x98\x80" "02X", JY_EINVAL, JY_REASON_CHARACTER, 15, NULL,
          0 },
        { "hyphen", "110105-19491231002", JY_EINVAL, JY_REASON_CHARACTER, 7, NULL, 0 },
        { "first position", "T60426199101010078", JY_EINVAL, JY_REASON_CHARACTER, 1, NULL, 0 },
        { "15-digit with X", "11010549123100X", JY_EINVAL, JY_REASON_CHARACTER, 15, NULL, 0 },
        { "15-digit letter", "1101054912B1002", JY_EINVAL, JY_REASON_CHARACTER, 11, NULL, 0 },
    };
    run_id_cases(cases, COUNT(cases));
}

Test(validate, id_checksum_and_region)
{
    const struct id_case cases[] = {
        { "wrong check", "110105194912310021", JY_EINVAL, JY_REASON_CHECKSUM, 18, NULL, 0 },
        { "X where a digit belongs", "11010519900101001X", JY_EINVAL, JY_REASON_CHECKSUM, 18, NULL,
          0 },
        { "never existed", "990426199112010074", JY_EINVAL, JY_REASON_REGION, 1, NULL, 0 },
        { "development zone", "130171199001010018", JY_EINVAL, JY_REASON_REGION, 1, NULL, 0 },
        { "region 000000", "00000019900101000X", JY_EINVAL, JY_REASON_REGION, 1, NULL, 0 },
        /* In the current list, absent from the historical table: in force. */
        { "current-only code", "330113199001010011", JY_OK, JY_REASON_NONE, 0,
          "330113199001010011", 0 },
        { "not yet in force", "110111198012010078", JY_OK, JY_REASON_NONE, 0, "110111198012010078",
          JY_WARN_REGION_NOT_IN_FORCE },
        { "no longer in force", "110201199312010077", JY_OK, JY_REASON_NONE, 0,
          "110201199312010077", JY_WARN_REGION_NOT_IN_FORCE },
    };
    /* 00000019900101000? needs its real check character to reach the region. */
    char zero[19];
    make_id(zero, "000000", D(1990, 1, 1), 0);
    cr_assert_str_eq(zero, cases[4].text, "fix the test: 000000 ID is %s", zero);
    run_id_cases(cases, COUNT(cases));
}

Test(validate, id_legacy_15)
{
    const struct id_case cases[] = {
        /* 110105 491231 002 is the 15-digit form of 11010519491231002X. */
        { "legacy", "110105491231002", JY_OK, JY_REASON_NONE, 0, "11010519491231002X",
          JY_WARN_LEGACY_15 },
        { "legacy, spaces and full-width", " １１０１０５４９１２３１００２ ", JY_OK, JY_REASON_NONE, 0,
          "11010519491231002X", JY_WARN_LEGACY_15 },
        { "legacy 360426", "360426910101007", JY_OK, JY_REASON_NONE, 0, "360426199101010071",
          JY_WARN_LEGACY_15 },
        { "legacy, 1900-02-29", "110105000229001", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "legacy, month 13", "110105491331002", JY_EINVAL, JY_REASON_BIRTH_DATE, 7, NULL, 0 },
        { "legacy, 1996-02-29", "110105960229001", JY_OK, JY_REASON_NONE, 0, "110105199602290011",
          JY_WARN_LEGACY_15 },
        { "legacy, unknown region", "990426911201007", JY_EINVAL, JY_REASON_REGION, 1, NULL, 0 },
        /* Xingan: a 15-digit number of 1985 with the old code, in force then. */
        { "legacy Xingan", "362424850101001", JY_OK, JY_REASON_NONE, 0, "362424198501010016",
          JY_WARN_LEGACY_15 },
        /* ... and one with 110111 for 1980: both warnings. */
        { "legacy, not in force", "110111801201007", JY_OK, JY_REASON_NONE, 0,
          "110111198012010078", JY_WARN_LEGACY_15 | JY_WARN_REGION_NOT_IN_FORCE },
    };
    char expect[19];
    make_id(expect, "110105", D(1996, 2, 29), 1);
    cr_assert_str_eq(expect, cases[5].number);
    make_id(expect, "362424", D(1985, 1, 1), 1);
    cr_assert_str_eq(expect, cases[7].number);
    run_id_cases(cases, COUNT(cases));

    jy_id_info info;
    cr_assert_eq(jy_id_parse(&info, "110105491231002"), JY_OK);
    cr_expect_eq(info.birth.year, 1949);
    cr_expect_eq(info.birth.month, 12);
    cr_expect_eq(info.birth.day, 31);
    cr_expect_eq(info.gender, JY_GENDER_FEMALE);
    cr_expect_str_eq(info.region, "110105");
}

Test(validate, id_xingan_code_change)
{
    /* 362424 until 2000, 360824 since 2000 (both in force in 2000). */
    const struct id_case cases[] = {
        { "362424 born 1990", "362424199001010022", JY_OK, JY_REASON_NONE, 0, "362424199001010022",
          0 },
        { "362424 born 2000", "362424200006010035", JY_OK, JY_REASON_NONE, 0, "362424200006010035",
          0 },
        { "362424 born 2005", "362424200501010016", JY_OK, JY_REASON_NONE, 0, "362424200501010016",
          JY_WARN_REGION_NOT_IN_FORCE },
        { "360824 born 1990", "360824199001010049", JY_OK, JY_REASON_NONE, 0, "360824199001010049",
          JY_WARN_REGION_NOT_IN_FORCE },
        { "360824 born 2000", "36082420000601006X", JY_OK, JY_REASON_NONE, 0, "36082420000601006X",
          0 },
        { "360824 born 2005", "360824200501010059", JY_OK, JY_REASON_NONE, 0, "360824200501010059",
          0 },
    };
    run_id_cases(cases, COUNT(cases));

    jy_id_info info;
    cr_assert_eq(jy_id_parse(&info, "360824200501010059"), JY_OK);
    cr_expect_str_eq(info.region, "360824");
    const char *name = NULL;
    cr_assert_eq(jy_region_name(&name, info.region, info.birth.year), JY_OK);
    cr_expect_str_eq(name, "新干县");
}

Test(validate, id_gender)
{
    static const struct {
        int seq;
        jy_gender gender;
    } cases[] = {
        { 1, JY_GENDER_MALE },   { 2, JY_GENDER_FEMALE }, { 3, JY_GENDER_MALE },
        { 4, JY_GENDER_FEMALE }, { 9, JY_GENDER_MALE },   { 10, JY_GENDER_FEMALE },
        { 0, JY_GENDER_FEMALE }, { 999, JY_GENDER_MALE }, { 998, JY_GENDER_FEMALE },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        char id[19];
        make_id(id, "110105", D(1990, 3, 15), cases[i].seq);
        jy_id_info info;
        cr_assert_eq(jy_id_parse(&info, id), JY_OK, "%s", id);
        cr_expect_eq(info.gender, cases[i].gender, "sequence %d: gender %d", cases[i].seq,
                     info.gender);
    }
    jy_id_info info;
    cr_assert_eq(jy_id_parse(&info, "110105199003150033"), JY_OK);
    cr_expect_eq(info.gender, JY_GENDER_MALE);
    cr_assert_eq(jy_id_parse(&info, "110105199003150041"), JY_OK);
    cr_expect_eq(info.gender, JY_GENDER_FEMALE);
    cr_assert_eq(jy_id_parse(&info, "11010519491231002X"), JY_OK);
    cr_expect_eq(info.gender, JY_GENDER_FEMALE);
}

Test(validate, id_age)
{
    static const struct {
        const char *id;
        jy_date on;
        int rc;
        int age;
    } cases[] = {
        /* Born 1990-03-15. */
        { "110105199003150033", { 2026, 3, 14 }, JY_OK, 35 },
        { "110105199003150033", { 2026, 3, 15 }, JY_OK, 36 },
        { "110105199003150033", { 2026, 3, 16 }, JY_OK, 36 },
        { "110105199003150033", { 1990, 3, 15 }, JY_OK, 0 },
        { "110105199003150033", { 1991, 3, 14 }, JY_OK, 0 },
        { "110105199003150033", { 1990, 3, 14 }, JY_ERANGE, 0 },
        { "110105199003150033", { 2026, 2, 30 }, JY_EINVAL, 0 },
        { "110105199003150033", { 0, 0, 0 }, JY_EINVAL, 0 },
        /* Born 2000-02-29: a year older on 1 March in common years. */
        { "110105200002290013", { 2001, 2, 28 }, JY_OK, 0 },
        { "110105200002290013", { 2001, 3, 1 }, JY_OK, 1 },
        { "110105200002290013", { 2004, 2, 28 }, JY_OK, 3 },
        { "110105200002290013", { 2004, 2, 29 }, JY_OK, 4 },
        { "110105200002290013", { 2026, 2, 28 }, JY_OK, 25 },
        { "110105200002290013", { 2026, 3, 1 }, JY_OK, 26 },
        /* From the legacy form. */
        { "110105491231002", { 2026, 12, 30 }, JY_OK, 76 },
        { "110105491231002", { 2026, 12, 31 }, JY_OK, 77 },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        jy_id_info info;
        cr_assert_eq(jy_id_parse(&info, cases[i].id), JY_OK, "%s", cases[i].id);
        int age = -1;
        int rc = jy_id_age(&age, &info, cases[i].on);
        cr_expect_eq(rc, cases[i].rc, "case %zu: rc %d", i, rc);
        if (cases[i].rc == JY_OK)
            cr_expect_eq(age, cases[i].age, "case %zu: age %d, expected %d", i, age, cases[i].age);
    }

    /* Info that is not from a successful parse. */
    jy_id_info info;
    int age;
    cr_expect_eq(jy_id_parse(&info, "110105194912310021"), JY_EINVAL);
    cr_expect_eq(jy_id_age(&age, &info, D(2026, 1, 1)), JY_EINVAL);
    memset(&info, 0, sizeof info);
    cr_expect_eq(jy_id_age(&age, &info, D(2026, 1, 1)), JY_EINVAL);
    memset(&info, 'Z', sizeof info); /* no NUL in number */
    info.reason = JY_REASON_NONE;
    cr_expect_eq(jy_id_age(&age, &info, D(2026, 1, 1)), JY_EINVAL);
    cr_assert_eq(jy_id_parse(&info, "110105199003150033"), JY_OK);
    info.birth = D(1991, 3, 15); /* does not match the number */
    cr_expect_eq(jy_id_age(&age, &info, D(2026, 1, 1)), JY_EINVAL);
    cr_assert_eq(jy_id_parse(&info, "110105199003150033"), JY_OK);
    cr_expect_eq(jy_id_age(NULL, &info, D(2026, 1, 1)), JY_EINVAL);
    cr_expect_eq(jy_id_age(&age, NULL, D(2026, 1, 1)), JY_EINVAL);
}

Test(validate, null_arguments)
{
    jy_id_info id;
    jy_uscc_info uscc;
    jy_phone_info phone;
    cr_expect_eq(jy_id_parse(NULL, "11010519491231002X"), JY_EINVAL);
    cr_expect_eq(jy_id_parse(&id, NULL), JY_EINVAL);
    cr_expect_eq(id.reason, JY_REASON_EMPTY);
    cr_expect_str_eq(id.number, "");
    cr_expect_eq(jy_uscc_parse(NULL, "91310115MA1K3BTP2B"), JY_EINVAL);
    cr_expect_eq(jy_uscc_parse(&uscc, NULL), JY_EINVAL);
    cr_expect_eq(uscc.reason, JY_REASON_EMPTY);
    cr_expect_eq(jy_phone_parse(NULL, "13812345678"), JY_EINVAL);
    cr_expect_eq(jy_phone_parse(&phone, NULL), JY_EINVAL);
    cr_expect_eq(phone.reason, JY_REASON_EMPTY);
    const char *name = "untouched";
    cr_expect_eq(jy_region_name(NULL, "360824", 0), JY_EINVAL);
    cr_expect_eq(jy_region_name(&name, NULL, 0), JY_EINVAL);
}

/* ------------------------------------------------------------------------
 * Region names.
 */

Test(validate, region_name)
{
    static const struct {
        const char *code;
        int year;
        int rc;
        const char *name;
    } cases[] = {
        { "362424", 1990, JY_OK, "新干县" },
        { "362424", 2000, JY_OK, "新干县" },
        { "362424", 0, JY_OK, "新干县" },      /* abolished code: its last name */
        { "362424", 2005, JY_ENOTFOUND, NULL }, /* not in force that year */
        { "360824", 0, JY_OK, "新干县" },
        { "360824", 2000, JY_OK, "新干县" },
        { "360824", 2026, JY_OK, "新干县" },
        { "360824", 1990, JY_ENOTFOUND, NULL },
        { "120110", 1990, JY_OK, "东郊区" },    /* renamed 1992 */
        { "120110", 1992, JY_OK, "东丽区" },
        { "120110", 0, JY_OK, "东丽区" },
        { "110105", 1949, JY_OK, "朝阳区" },    /* open-ended both ways */
        { "330113", 0, JY_OK, "临平区" },       /* current list only */
        { "330113", 1950, JY_OK, "临平区" },
        { "990426", 0, JY_ENOTFOUND, NULL },
        { "990426", 1990, JY_ENOTFOUND, NULL },
        { "130171", 0, JY_ENOTFOUND, NULL },    /* development zone: skipped */
        { "000000", 0, JY_ENOTFOUND, NULL },
        { "36082", 0, JY_EINVAL, NULL },
        { "3608240", 0, JY_EINVAL, NULL },
        { "36082X", 0, JY_EINVAL, NULL },
        { "", 0, JY_EINVAL, NULL },
        { "360824", -1, JY_EINVAL, NULL },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        const char *name = NULL;
        int rc = jy_region_name(&name, cases[i].code, cases[i].year);
        cr_expect_eq(rc, cases[i].rc, "%s/%d: rc %d, expected %d", cases[i].code, cases[i].year,
                     rc, cases[i].rc);
        if (cases[i].rc == JY_OK && rc == JY_OK)
            cr_expect_str_eq(name, cases[i].name, "%s/%d", cases[i].code, cases[i].year);
        else
            cr_expect(rc != JY_OK && jy_error_last()->code == rc, "%s/%d", cases[i].code,
                      cases[i].year);
    }
}

/* The table is loaded once, lazily, from whichever thread comes first. */
static void *parse_many(void *arg)
{
    (void)arg;
    for (int i = 0; i < 200; i++) {
        jy_id_info info;
        const char *name;
        if (jy_id_parse(&info, "360824199001010049") != JY_OK ||
            info.warnings != JY_WARN_REGION_NOT_IN_FORCE)
            return (void *)1;
        if (jy_region_name(&name, "362424", 1990) != JY_OK || strcmp(name, "新干县") != 0)
            return (void *)1;
    }
    return NULL;
}

Test(validate, threads)
{
    pthread_t t[8];
    for (size_t i = 0; i < COUNT(t); i++)
        cr_assert_eq(pthread_create(&t[i], NULL, parse_many, NULL), 0);
    for (size_t i = 0; i < COUNT(t); i++) {
        void *res = (void *)1;
        cr_assert_eq(pthread_join(t[i], &res), 0);
        cr_expect_null(res, "thread %zu failed", i);
    }
}

/* ------------------------------------------------------------------------
 * Credit codes: edge cases.
 */

struct uscc_case {
    const char *label;
    const char *text;
    int rc;
    jy_reason reason;
    size_t position;
    const char *code;
};

Test(validate, uscc_edge_cases)
{
    const struct uscc_case cases[] = {
        { "lower case", "91310115ma1k3btp2b", JY_OK, JY_REASON_NONE, 0, "91310115MA1K3BTP2B" },
        { "mixed case", "91310115Ma1K3bTp2B", JY_OK, JY_REASON_NONE, 0, "91310115MA1K3BTP2B" },
        { "full-width", "９１３１０１１５ＭＡ１Ｋ３ＢＴＰ２Ｂ", JY_OK, JY_REASON_NONE, 0,
          "91310115MA1K3BTP2B" },
        { "full-width lower", "９１３１０１１５ｍａ１ｋ３ｂｔｐ２ｂ", JY_OK, JY_REASON_NONE, 0,
          "91310115MA1K3BTP2B" },
        { "spaces", " \t91310115MA1K3BTP2B\u3000 ", JY_OK, JY_REASON_NONE, 0,
          "91310115MA1K3BTP2B" },
        { "authority N", "N2360824MA12345ABD", JY_OK, JY_REASON_NONE, 0, "N2360824MA12345ABD" },
        { "authority Y", "Y1360824MA12345AB8", JY_OK, JY_REASON_NONE, 0, "Y1360824MA12345AB8" },
        { "authority A", "A1110000600037341K", JY_OK, JY_REASON_NONE, 0, "A1110000600037341K" },
        { "Xingan", "91360824MA12345ABX", JY_OK, JY_REASON_NONE, 0, "91360824MA12345ABX" },
        { "bad authority B", "B1360824MA12345ABU", JY_EINVAL, JY_REASON_AUTHORITY, 1, NULL },
        { "bad authority 0", "01360824MA12345ABU", JY_EINVAL, JY_REASON_AUTHORITY, 1, NULL },
        { "category 0", "90360824MA12345AB1", JY_EINVAL, JY_REASON_AUTHORITY, 2, NULL },
        { "category letter", "9A360824MA12345AB1", JY_EINVAL, JY_REASON_AUTHORITY, 2, NULL },
        { "letter in region", "913A0824MA12345ABX", JY_EINVAL, JY_REASON_CHARACTER, 4, NULL },
        { "17 chars", "91310115MA1K3BTP2", JY_EINVAL, JY_REASON_LENGTH, 0, NULL },
        { "19 chars", "91310115MA1K3BTP2B0", JY_EINVAL, JY_REASON_LENGTH, 0, NULL },
        { "empty", "", JY_EINVAL, JY_REASON_EMPTY, 0, NULL },
        { "blank", " \u3000 ", JY_EINVAL, JY_REASON_EMPTY, 0, NULL },
        { "bad UTF-8", "91310115\xc3MA1K3BTP2B", JY_EINVAL, JY_REASON_UTF8, 9, NULL },
        { "wrong check", "91310115MA1K3BTP2C", JY_EINVAL, JY_REASON_CHECKSUM, 18, NULL },
        { "CJK", "91310115MA1K3BTP2码", JY_EINVAL, JY_REASON_CHARACTER, 18, NULL },
        { "hyphen", "91310115-MA1K3BTP2", JY_EINVAL, JY_REASON_CHARACTER, 9, NULL },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        const struct uscc_case *c = &cases[i];
        jy_uscc_info info;
        memset(&info, 0xA5, sizeof info);
        int rc = jy_uscc_parse(&info, c->text);
        cr_expect_eq(rc, c->rc, "%s: rc %d", c->label, rc);
        cr_expect_eq(info.reason, c->reason, "%s: reason %d (%s)", c->label, info.reason,
                     jy_reason_str(info.reason));
        cr_expect_eq(info.position, c->position, "%s: position %zu", c->label, info.position);
        if (c->rc == JY_OK) {
            cr_expect_str_eq(info.code, c->code, "%s", c->label);
        } else {
            cr_expect_str_eq(info.code, "", "%s", c->label);
            expect_clean_message(c->text, c->label);
        }
    }

    /* I, O, Z, S, V (either case) are not in the alphabet, wherever they are. */
    const char *letters = "IOZSVioszv";
    const size_t positions[] = { 9, 10, 12, 17, 18 };
    for (size_t l = 0; letters[l]; l++) {
        for (size_t p = 0; p < COUNT(positions); p++) {
            char text[19];
            strcpy(text, "91310115MA1K3BTP2B");
            text[positions[p] - 1] = letters[l];
            jy_uscc_info info;
            cr_expect_eq(jy_uscc_parse(&info, text), JY_EINVAL, "%c at %zu", letters[l],
                         positions[p]);
            cr_expect_eq(info.reason, JY_REASON_CHARACTER, "%c at %zu", letters[l], positions[p]);
            cr_expect_eq(info.position, positions[p], "%c at %zu: position %zu", letters[l],
                         positions[p], info.position);
        }
    }

    jy_uscc_info info;
    cr_assert_eq(jy_uscc_parse(&info, "91360824MA12345ABX"), JY_OK);
    cr_expect_eq(info.authority, '9');
    cr_expect_eq(info.category, '1');
    cr_expect_str_eq(info.region, "360824");
}

/* ------------------------------------------------------------------------
 * Mobile phone numbers.
 */

struct phone_case {
    const char *label;
    const char *text;
    int rc;
    jy_reason reason;
    size_t position;
};

Test(validate, phone)
{
    const struct phone_case cases[] = {
        { "plain", "13812345678", JY_OK, JY_REASON_NONE, 0 },
        { "spaces", "138 1234 5678", JY_OK, JY_REASON_NONE, 0 },
        { "dashes", "138-1234-5678", JY_OK, JY_REASON_NONE, 0 },
        { "dots", "138.1234.5678", JY_OK, JY_REASON_NONE, 0 },
        { "parentheses", "(138) 1234-5678", JY_OK, JY_REASON_NONE, 0 },
        { "+86", "+86 138 1234 5678", JY_OK, JY_REASON_NONE, 0 },
        { "+86 no space", "+8613812345678", JY_OK, JY_REASON_NONE, 0 },
        { "(+86)", "(+86) 138-1234-5678", JY_OK, JY_REASON_NONE, 0 },
        { "0086", "0086-13812345678", JY_OK, JY_REASON_NONE, 0 },
        { "0086 spaced", "0086 138 1234 5678", JY_OK, JY_REASON_NONE, 0 },
        { "86", "8613812345678", JY_OK, JY_REASON_NONE, 0 },
        { "full-width", "１３８１２３４５６７８", JY_OK, JY_REASON_NONE, 0 },
        { "full-width +86", "＋８６　１３８－１２３４－５６７８", JY_OK, JY_REASON_NONE, 0 },
        { "surrounding blanks", " \t13812345678\u3000\r\n", JY_OK, JY_REASON_NONE, 0 },
        { "19x", "19912345678", JY_OK, JY_REASON_NONE, 0 },
        { "86 as a network", "18612345678", JY_OK, JY_REASON_NONE, 0 },
        { "12 digits", "138123456789", JY_EINVAL, JY_REASON_LENGTH, 0 },
        { "10 digits", "1381234567", JY_EINVAL, JY_REASON_LENGTH, 0 },
        { "+86 and 10 digits", "+86 1381234567", JY_EINVAL, JY_REASON_LENGTH, 0 },
        { "86 and 12 digits", "86138123456789", JY_EINVAL, JY_REASON_LENGTH, 0 },
        { "second digit 2", "12345678901", JY_EINVAL, JY_REASON_NETWORK, 2 },
        { "second digit 0", "10012345678", JY_EINVAL, JY_REASON_NETWORK, 2 },
        { "first digit 2", "23812345678", JY_EINVAL, JY_REASON_NETWORK, 1 },
        { "landline", "01012345678", JY_EINVAL, JY_REASON_NETWORK, 1 },
        { "+86 then 12", "+86 12345678901", JY_EINVAL, JY_REASON_NETWORK, 6 },
        { "+1", "+1 415 555 0100", JY_EINVAL, JY_REASON_PREFIX, 1 },
        { "+44 after spaces", "  +44 7700 900123", JY_EINVAL, JY_REASON_PREFIX, 1 },
        { "0044", "0044 7700 900123", JY_EINVAL, JY_REASON_PREFIX, 1 },
        { "plus alone", "+", JY_EINVAL, JY_REASON_PREFIX, 1 },
        { "letter", "138a1234567", JY_EINVAL, JY_REASON_CHARACTER, 4 },
        { "letter after spaces", "  138 1234 567O", JY_EINVAL, JY_REASON_CHARACTER, 13 },
        { "second plus", "+86+13812345678", JY_EINVAL, JY_REASON_CHARACTER, 4 },
        { "plus in the middle", "138+12345678", JY_EINVAL, JY_REASON_CHARACTER, 4 },
        { "CJK", "138一2345678", JY_EINVAL, JY_REASON_CHARACTER, 4 },
        { "extension", "13812345678 ext 1", JY_EINVAL, JY_REASON_CHARACTER, 13 },
        { "empty", "", JY_EINVAL, JY_REASON_EMPTY, 0 },
        { "spaces", "    ", JY_EINVAL, JY_REASON_EMPTY, 0 },
        { "ideographic spaces", "\u3000\u3000", JY_EINVAL, JY_REASON_EMPTY, 0 },
        { "separators only", "- -", JY_EINVAL, JY_REASON_LENGTH, 0 },
        { "bad UTF-8", "138\xff" "12345678", JY_EINVAL, JY_REASON_UTF8, 4 },
        { "bad UTF-8 first", "\x80" "13812345678", JY_EINVAL, JY_REASON_UTF8, 1 },
        { "overlong", "1381234567\xc0\xb8", JY_EINVAL, JY_REASON_UTF8, 11 },
        { "many digits", "1381234567813812345678138123456781381234567813812345678",
          JY_EINVAL, JY_REASON_LENGTH, 0 },
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        const struct phone_case *c = &cases[i];
        jy_phone_info info;
        memset(&info, 0xA5, sizeof info);
        int rc = jy_phone_parse(&info, c->text);
        cr_expect_eq(rc, c->rc, "%s: rc %d", c->label, rc);
        cr_expect_eq(info.reason, c->reason, "%s: reason %d (%s)", c->label, info.reason,
                     jy_reason_str(info.reason));
        cr_expect_eq(info.position, c->position, "%s: position %zu", c->label, info.position);
        if (c->rc == JY_OK) {
            if (strcmp(c->label, "19x") == 0)
                cr_expect_str_eq(info.number, "19912345678");
            else if (strcmp(c->label, "86 as a network") == 0)
                cr_expect_str_eq(info.number, "18612345678");
            else
                cr_expect_str_eq(info.number, "13812345678", "%s: %s", c->label, info.number);
        } else {
            cr_expect_str_eq(info.number, "", "%s", c->label);
            expect_clean_message(c->text, c->label);
        }
    }

    /* A very long text does not overflow anything. */
    char big[4096];
    memset(big, '1', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    jy_phone_info info;
    cr_expect_eq(jy_phone_parse(&info, big), JY_EINVAL);
    cr_expect_eq(info.reason, JY_REASON_LENGTH);
    memset(big, ' ', sizeof big - 1);
    memcpy(big + 2000, "13812345678", 11);
    cr_expect_eq(jy_phone_parse(&info, big), JY_OK);
    cr_expect_str_eq(info.number, "13812345678");
}

/* ------------------------------------------------------------------------
 * Messages and reasons.
 */

Test(validate, messages_carry_no_personal_data)
{
    jy_id_info id;
    jy_uscc_info uscc;
    jy_phone_info phone;

    jy_error_clear();
    cr_assert_eq(jy_id_parse(&id, "110105194912310021"), JY_EINVAL);
    expect_clean_message("110105194912310021", "ID checksum");
    cr_expect(strstr(jy_error_last()->message, "check") != NULL, "message: %s",
              jy_error_last()->message);

    jy_error_clear();
    cr_assert_eq(jy_id_parse(&id, "990426199112010074"), JY_EINVAL);
    expect_clean_message("990426", "ID region");

    jy_error_clear();
    cr_assert_eq(jy_uscc_parse(&uscc, "91110000600037341N"), JY_EINVAL);
    expect_clean_message("91110000600037341N", "USCC checksum");

    jy_error_clear();
    cr_assert_eq(jy_phone_parse(&phone, "12345678901"), JY_EINVAL);
    expect_clean_message("12345678901", "phone network");

    jy_error_clear();
    cr_assert_eq(jy_phone_parse(&phone, "138a1234567"), JY_EINVAL);
    expect_clean_message("138a1234567", "phone character");
    cr_expect(strstr(jy_error_last()->message, "4") != NULL, "position in message: %s",
              jy_error_last()->message);

    /* A success leaves the previous error in place. */
    cr_assert_eq(jy_phone_parse(&phone, "13812345678"), JY_OK);
    cr_expect_eq(jy_error_last()->code, JY_EINVAL);
}

Test(validate, reason_strings)
{
    for (int r = JY_REASON_NONE; r <= JY_REASON_NETWORK; r++) {
        const char *s = jy_reason_str(r);
        cr_assert_not_null(s);
        cr_expect_neq(strcmp(s, "unknown reason"), 0, "reason %d has no description", r);
    }
    cr_expect_str_eq(jy_reason_str(JY_REASON_CHECKSUM), "check character does not match");
    cr_expect_str_eq(jy_reason_str(-1), "unknown reason");
    cr_expect_str_eq(jy_reason_str(12), "unknown reason");
    cr_expect_str_eq(jy_reason_str(1000), "unknown reason");
}
