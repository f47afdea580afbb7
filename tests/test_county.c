/* The county profile: the built-in Xingan profile, tolerant lookups, loading
 * other counties and their errors, and concurrent lookups. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TINY_JSON JY_TEST_DATA_DIR "/county/tiny.json"

static jy_county *xingan;

static void load_xingan(void)
{
    xingan = NULL;
    cr_assert_eq(jy_county_load_default(&xingan), JY_OK);
    cr_assert_not_null(xingan);
}

static void free_xingan(void)
{
    jy_county_free(xingan);
    xingan = NULL;
}

static const jy_township *township(const char *query)
{
    const jy_township *t = NULL;
    int rc = jy_county_find_township(&t, xingan, query);
    cr_assert_eq(rc, JY_OK, "township '%s': %d %s", query, rc, jy_error_last()->message);
    cr_assert_not_null(t);
    return t;
}

static const jy_village *village(const char *in, const char *query)
{
    const jy_village *v = NULL;
    int rc = jy_county_find_village(&v, xingan, in, query);
    cr_assert_eq(rc, JY_OK, "village '%s' in '%s': %d %s", query, in ? in : "(any)", rc,
                 jy_error_last()->message);
    cr_assert_not_null(v);
    return v;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    cr_assert_not_null(buf);
    *len = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

/* ------------------------------------------------------------------------- */
/* The built-in profile. */

Test(county, default_profile_is_xingan, .init = load_xingan, .fini = free_xingan)
{
    cr_assert_str_eq(jy_county_code(xingan), "360824");
    cr_assert_str_eq(jy_county_name(xingan), "新干县");
    cr_assert_eq(jy_county_township_count(xingan), 17);

    size_t villages = 0;
    size_t kinds[5] = { 0 };
    for (size_t i = 0; i < jy_county_township_count(xingan); i++) {
        const jy_township *t = jy_county_township_at(xingan, i);
        cr_assert_not_null(t);
        cr_assert_eq(strlen(t->code), 9);
        cr_assert_eq(strncmp(t->code, "360824", 6), 0);
        cr_assert_gt(strlen(t->short_name), 0);
        cr_assert((int)t->kind >= 1 && (int)t->kind <= 4);
        kinds[t->kind]++;
        cr_assert_gt(t->village_count, 0, "%s has no village", t->name);
        for (size_t j = 0; j < t->village_count; j++) {
            const jy_village *v = &t->villages[j];
            cr_assert_eq(v->township, t);
            cr_assert_eq(strlen(v->code), 12);
            cr_assert_eq(strncmp(v->code, t->code, 9), 0);
            cr_assert_gt(strlen(v->short_name), 0);
        }
        villages += t->village_count;
    }
    cr_assert_eq(villages, 165);
    cr_assert_eq(kinds[JY_TOWNSHIP_STREET], 1);
    cr_assert_eq(kinds[JY_TOWNSHIP_TOWN], 7);
    cr_assert_eq(kinds[JY_TOWNSHIP_TOWNSHIP], 6);
    cr_assert_eq(kinds[JY_TOWNSHIP_SPECIAL], 3);
    cr_assert_null(jy_county_township_at(xingan, 17));
    cr_assert_null(jy_county_township_at(xingan, (size_t)-1));
}

Test(county, short_names_of_the_real_units, .init = load_xingan, .fini = free_xingan)
{
    static const struct { const char *code, *name, *short_name; jy_township_kind kind; } want[] = {
        { "360824001", "洋峰街道", "洋峰", JY_TOWNSHIP_STREET },
        { "360824100", "金川镇", "金川", JY_TOWNSHIP_TOWN },
        { "360824104", "麦㙦镇", "麦㙦", JY_TOWNSHIP_TOWN },
        { "360824204", "神政桥乡", "神政桥", JY_TOWNSHIP_TOWNSHIP },
        { "360824404", "新干工业园区", "工业园区", JY_TOWNSHIP_SPECIAL },
        { "360824405", "地质大队", "地质大队", JY_TOWNSHIP_SPECIAL },
        { "360824502", "黎山林场", "黎山", JY_TOWNSHIP_SPECIAL },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const jy_township *t = township(want[i].code);
        cr_assert_str_eq(t->name, want[i].name);
        cr_assert_str_eq(t->short_name, want[i].short_name);
        cr_assert_eq(t->kind, want[i].kind);
    }
    static const struct { const char *code, *short_name; } vs[] = {
        { "360824100007", "湄湘" },         /* 湄湘居委会 */
        { "360824100205", "庙前" },         /* 庙前村委会 */
        { "360824103207", "炉村" },         /* 炉村村委会: one suffix only */
        { "360824404498", "新干工业园区" }, /* 新干工业园区虚拟社区 */
        { "360824502501", "桂川分场" },     /* 桂川分场生活区 */
    };
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
        cr_assert_str_eq(village(NULL, vs[i].code)->short_name, vs[i].short_name);
}

Test(county, every_township_by_name_short_form_and_code, .init = load_xingan, .fini = free_xingan)
{
    for (size_t i = 0; i < jy_county_township_count(xingan); i++) {
        const jy_township *t = jy_county_township_at(xingan, i);
        char code12[16];
        snprintf(code12, sizeof code12, "%s000", t->code);
        cr_assert_eq(township(t->name), t, "%s", t->name);
        cr_assert_eq(township(t->short_name), t, "%s", t->short_name);
        cr_assert_eq(township(t->code), t, "%s", t->code);
        cr_assert_eq(township(code12), t, "%s", code12);
    }
}

Test(county, township_lookup_tolerance, .init = load_xingan, .fini = free_xingan)
{
    cr_assert_str_eq(township("金川")->name, "金川镇");
    const char *maixie[] = { "麦斜镇", "麦斜", "麦㙦镇", "麦㙦", "新干县麦斜镇", " 麦 斜 " };
    for (size_t i = 0; i < sizeof maixie / sizeof maixie[0]; i++)
        cr_assert_str_eq(township(maixie[i])->code, "360824104", "%s", maixie[i]);

    cr_assert_str_eq(township("新干县金川镇")->code, "360824100");
    cr_assert_str_eq(township("新干金川")->code, "360824100");
    cr_assert_str_eq(township("新干县 金川")->code, "360824100");
    /* Full-width digits, ideographic and ASCII spaces, tabs. */
    cr_assert_str_eq(township("３６０８２４１００")->code, "360824100");
    cr_assert_str_eq(township("３６０８２４１００　０００")->code, "360824100");
    cr_assert_str_eq(township("  金 川\t镇　")->code, "360824100");
    cr_assert_str_eq(township("洋峰街道办事处")->code, "360824001");
    /* Special units. */
    cr_assert_str_eq(township("新干工业园区")->code, "360824404");
    cr_assert_str_eq(township("工业园区")->code, "360824404");
    cr_assert_str_eq(township("新干县工业园区")->code, "360824404");
    cr_assert_str_eq(township("黎山林场")->code, "360824502");
    cr_assert_str_eq(township("黎山")->code, "360824502");
    cr_assert_str_eq(township("地质大队")->code, "360824405");
    /* name_2023 is an accepted name (the same as the 2021 one here). */
    cr_assert_str_eq(township("神政桥乡")->code, "360824204");
}

/* ------------------------------------------------------------------------- */
/* Villages. */

Test(county, every_village_by_code_and_name, .init = load_xingan, .fini = free_xingan)
{
    size_t checked = 0;
    for (size_t i = 0; i < jy_county_township_count(xingan); i++) {
        const jy_township *t = jy_county_township_at(xingan, i);
        for (size_t j = 0; j < t->village_count; j++) {
            const jy_village *v = &t->villages[j];
            cr_assert_eq(village(NULL, v->code), v);
            cr_assert_eq(village(t->code, v->code), v);
            cr_assert_eq(village(t->name, v->name), v);
            cr_assert_eq(village(t->short_name, v->name), v);

            /* Without the township, a full name shared by several townships
             * is ambiguous; within the township, a short form shared by two
             * committees (七琴居委会 and 七琴村委会) is. */
            size_t same_name = 0, same_short = 0;
            for (size_t k = 0; k < jy_county_township_count(xingan); k++) {
                const jy_township *u = jy_county_township_at(xingan, k);
                for (size_t l = 0; l < u->village_count; l++)
                    same_name += strcmp(u->villages[l].name, v->name) == 0;
            }
            for (size_t l = 0; l < t->village_count; l++)
                same_short += strcmp(t->villages[l].short_name, v->short_name) == 0;

            const jy_village *found = NULL;
            int rc = jy_county_find_village(&found, xingan, NULL, v->name);
            if (same_name == 1)
                cr_assert_eq(found, v, "%s: %d", v->name, rc);
            else
                cr_assert_eq(rc, JY_EAMBIGUOUS, "%s", v->name);

            rc = jy_county_find_village(&found, xingan, t->name, v->short_name);
            if (same_short == 1)
                cr_assert_eq(found, v, "%s/%s: %d", t->name, v->short_name, rc);
            else
                cr_assert_eq(rc, JY_EAMBIGUOUS, "%s/%s", t->name, v->short_name);
            checked++;
        }
    }
    cr_assert_eq(checked, 165);
}

Test(county, village_short_forms_and_tolerance, .init = load_xingan, .fini = free_xingan)
{
    const char *meixiang[] = { "湄湘", "湄湘村", "湄湘居委会", "湄湘社区", "湄湘居民委员会",
                               "新干县湄湘居委会", " 湄 湘 " };
    for (size_t i = 0; i < sizeof meixiang / sizeof meixiang[0]; i++) {
        cr_assert_str_eq(village(NULL, meixiang[i])->code, "360824100007", "%s", meixiang[i]);
        cr_assert_str_eq(village("金川镇", meixiang[i])->code, "360824100007", "%s", meixiang[i]);
        cr_assert_str_eq(village("金川", meixiang[i])->code, "360824100007", "%s", meixiang[i]);
        cr_assert_str_eq(village("360824100", meixiang[i])->code, "360824100007");
    }
    /* A name that ends in 村 by itself. */
    cr_assert_str_eq(village(NULL, "炉村")->code, "360824103207");
    cr_assert_str_eq(village(NULL, "炉村村委会")->code, "360824103207");
    cr_assert_str_eq(village(NULL, "炉村村")->code, "360824103207");
    /* The forest farm's living quarters and the virtual communities. */
    cr_assert_str_eq(village("黎山林场", "桂川分场")->code, "360824502501");
    cr_assert_str_eq(village(NULL, "场部生活区")->code, "360824502500");
    cr_assert_str_eq(village("工业园区", "新干工业园区虚拟社区")->code, "360824404498");
    cr_assert_str_eq(village(NULL, "地质大队")->code, "360824405498");
    /* Full-width digits in a code. */
    cr_assert_str_eq(village(NULL, "３６０８２４１００００７")->code, "360824100007");
}

Test(county, rare_character_villages, .init = load_xingan, .fini = free_xingan)
{
    /* In 麦㙦镇, 麦㙦居委会 and 麦斜村委会 differ only by 㙦/斜: the exact
     * spelling decides first, the substitute is the fallback. */
    cr_assert_str_eq(village(NULL, "麦㙦")->code, "360824104001");
    cr_assert_str_eq(village(NULL, "麦㙦居委会")->code, "360824104001");
    cr_assert_str_eq(village(NULL, "麦斜居委会")->code, "360824104001");
    cr_assert_str_eq(village(NULL, "麦斜")->code, "360824104205");
    cr_assert_str_eq(village(NULL, "麦斜村")->code, "360824104205");
    cr_assert_str_eq(village("麦斜镇", "麦斜村委会")->code, "360824104205");
    cr_assert_str_eq(village("麦斜", "上麦斜")->code, "360824104203");
}

Test(county, ambiguous_village_names_resolve_with_the_township, .init = load_xingan,
     .fini = free_xingan)
{
    /* 庙前村委会 exists in 金川镇 and in 潭丘乡; 湖田村委会 in 界埠镇 and 神政桥乡. */
    const jy_village *v = (const jy_village *)1;
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "庙前"), JY_EAMBIGUOUS);
    cr_assert_null(v);
    const jy_error *e = jy_error_last();
    cr_assert_eq(e->code, JY_EAMBIGUOUS);
    cr_assert_not_null(strstr(e->message, "金川镇"), "%s", e->message);
    cr_assert_not_null(strstr(e->message, "潭丘乡"), "%s", e->message);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "庙前村委会"), JY_EAMBIGUOUS);
    cr_assert_str_eq(village("金川镇", "庙前")->code, "360824100205");
    cr_assert_str_eq(village("潭丘乡", "庙前")->code, "360824203208");
    cr_assert_str_eq(village("潭丘", "庙前村委会")->code, "360824203208");

    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "湖田"), JY_EAMBIGUOUS);
    cr_assert_str_eq(village("界埠", "湖田")->code, "360824105210");
    cr_assert_str_eq(village("神政桥乡", "湖田村")->code, "360824204203");

    /* Two committees of one town with the same short form: the suffix the
     * query carries picks one. */
    cr_assert_eq(jy_county_find_village(&v, xingan, "七琴镇", "七琴"), JY_EAMBIGUOUS);
    cr_assert_str_eq(village("七琴镇", "七琴村")->code, "360824103200");
    cr_assert_str_eq(village("七琴镇", "七琴村委会")->code, "360824103200");
    cr_assert_str_eq(village("七琴镇", "七琴社区")->code, "360824103001");
    cr_assert_str_eq(village("七琴镇", "七琴居委会")->code, "360824103001");
}

Test(county, not_found, .init = load_xingan, .fini = free_xingan)
{
    const jy_township *t = (const jy_township *)1;
    const char *missing[] = { "北京", "新干县", "新干", "金川县", "360824999", "360824100001",
                              "360825100", "12345", "金" };
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        cr_assert_eq(jy_county_find_township(&t, xingan, missing[i]), JY_ENOTFOUND, "%s",
                     missing[i]);
        cr_assert_null(t);
        cr_assert_eq(jy_error_last()->code, JY_ENOTFOUND);
    }
    const jy_village *v = (const jy_village *)1;
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "不存在村"), JY_ENOTFOUND);
    cr_assert_null(v);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "360824100999"), JY_ENOTFOUND);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "360824100"), JY_ENOTFOUND);
    /* A real village, in another township. */
    cr_assert_eq(jy_county_find_village(&v, xingan, "七琴镇", "湄湘"), JY_ENOTFOUND);
    cr_assert_eq(jy_county_find_village(&v, xingan, "七琴镇", "360824100007"), JY_ENOTFOUND);
    /* An unknown township. */
    cr_assert_eq(jy_county_find_village(&v, xingan, "北京", "湄湘"), JY_ENOTFOUND);
    cr_assert_null(v);
}

Test(county, invalid_arguments, .init = load_xingan, .fini = free_xingan)
{
    const jy_township *t = NULL;
    const jy_village *v = NULL;
    cr_assert_eq(jy_county_find_township(NULL, xingan, "金川"), JY_EINVAL);
    cr_assert_eq(jy_county_find_township(&t, NULL, "金川"), JY_EINVAL);
    cr_assert_eq(jy_county_find_township(&t, xingan, NULL), JY_EINVAL);
    cr_assert_eq(jy_county_find_township(&t, xingan, ""), JY_EINVAL);
    cr_assert_eq(jy_county_find_township(&t, xingan, " \t　"), JY_EINVAL);
    cr_assert_eq(jy_county_find_township(&t, xingan, "金\xff川"), JY_EUTF8);
    cr_assert_eq(jy_county_find_village(NULL, xingan, NULL, "湄湘"), JY_EINVAL);
    cr_assert_eq(jy_county_find_village(&v, NULL, NULL, "湄湘"), JY_EINVAL);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, NULL), JY_EINVAL);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, ""), JY_EINVAL);
    cr_assert_eq(jy_county_find_village(&v, xingan, "", "湄湘"), JY_EINVAL);
    cr_assert_eq(jy_county_find_village(&v, xingan, NULL, "\xe6\xb9"), JY_EUTF8);
    cr_assert_eq(jy_error_last()->code, JY_EUTF8);

    cr_assert_null(jy_county_code(NULL));
    cr_assert_null(jy_county_name(NULL));
    cr_assert_eq(jy_county_township_count(NULL), 0);
    cr_assert_null(jy_county_township_at(NULL, 0));
    cr_assert_eq(jy_county_load_default(NULL), JY_EINVAL);
    cr_assert_eq(jy_county_load_buffer(NULL, "{}", 2, NULL), JY_EINVAL);
    jy_county *c = (jy_county *)1;
    cr_assert_eq(jy_county_load_buffer(&c, NULL, 5, NULL), JY_EINVAL);
    cr_assert_null(c);
    c = (jy_county *)1;
    cr_assert_eq(jy_county_load_file(&c, NULL, NULL), JY_EINVAL);
    cr_assert_null(c);
    jy_county_free(NULL);
}

/* ------------------------------------------------------------------------- */
/* Other counties. */

static void check_tiny(const jy_county *c)
{
    cr_assert_str_eq(jy_county_code(c), "990101");
    cr_assert_str_eq(jy_county_name(c), "示例县");
    cr_assert_eq(jy_county_township_count(c), 5);
    const jy_township *t = NULL;
    cr_assert_eq(jy_county_find_township(&t, c, "东山"), JY_OK);
    cr_assert_str_eq(t->code, "990101100");
    cr_assert_eq(t->kind, JY_TOWNSHIP_TOWN);
    cr_assert_eq(jy_county_find_township(&t, c, "东山街道"), JY_OK); /* name_2023 */
    cr_assert_str_eq(t->code, "990101100");
    cr_assert_eq(jy_county_find_township(&t, c, "东岭镇"), JY_OK);  /* alias */
    cr_assert_str_eq(t->code, "990101100");
    cr_assert_eq(jy_county_find_township(&t, c, "示例东岭"), JY_OK);
    cr_assert_str_eq(t->code, "990101100");
    cr_assert_eq(jy_county_find_township(&t, c, "城关"), JY_OK);
    cr_assert_eq(t->kind, JY_TOWNSHIP_STREET);
    cr_assert_eq(jy_county_find_township(&t, c, "经济开发区"), JY_OK);
    cr_assert_str_eq(t->short_name, "经济开发区");
    cr_assert_eq(t->village_count, 0);
    cr_assert_eq(jy_county_find_township(&t, c, "青松"), JY_OK);
    cr_assert_eq(t->kind, JY_TOWNSHIP_SPECIAL);

    const jy_village *v = NULL;
    cr_assert_eq(jy_county_find_village(&v, c, NULL, "东门"), JY_OK);
    cr_assert_str_eq(v->short_name, "东门");
    cr_assert_eq(jy_county_find_village(&v, c, NULL, "西门"), JY_OK);
    cr_assert_eq(jy_county_find_village(&v, c, NULL, "老石桥村"), JY_OK); /* alias */
    cr_assert_str_eq(v->code, "990101100201");
    cr_assert_eq(jy_county_find_village(&v, c, NULL, "石桥"), JY_EAMBIGUOUS);
    cr_assert_eq(jy_county_find_village(&v, c, "西河", "石桥"), JY_OK);
    cr_assert_str_eq(v->code, "990101201200");
    cr_assert_eq(jy_county_find_village(&v, c, NULL, "场部"), JY_OK);
}

Test(county, load_a_small_county_from_memory_and_from_a_file)
{
    size_t len = 0;
    char *json = read_all(TINY_JSON, &len);
    jy_county *c = NULL;
    jy_located_error err;
    memset(&err, 'x', sizeof err);
    cr_assert_eq(jy_county_load_buffer(&c, json, len, &err), JY_OK, "%s", err.text);
    cr_assert_eq(err.code, JY_OK);
    cr_assert_str_eq(err.source, "<memory>");
    cr_assert_str_eq(err.field, "");
    cr_assert_str_eq(err.text, "");
    check_tiny(c);
    jy_county_free(c);

    /* Not NUL-terminated: the length is what counts. */
    char *copy = malloc(len + 8);
    cr_assert_not_null(copy);
    memcpy(copy, json, len);
    memcpy(copy + len, "garbage!", 8);
    c = NULL;
    cr_assert_eq(jy_county_load_buffer(&c, copy, len, NULL), JY_OK);
    check_tiny(c);
    jy_county_free(c);
    free(copy);

    c = NULL;
    cr_assert_eq(jy_county_load_file(&c, TINY_JSON, &err), JY_OK, "%s", err.text);
    cr_assert_eq(err.code, JY_OK);
    check_tiny(c);
    jy_county_free(c);

    /* The installed copy of the default profile loads as a file too. */
    c = NULL;
    cr_assert_eq(jy_county_load_file(&c, JY_SOURCE_DATA_DIR "/xingan-divisions.json", &err),
                 JY_OK, "%s", err.text);
    cr_assert_eq(jy_county_township_count(c), 17);
    jy_county_free(c);
    free(json);
}

Test(county, load_file_errors)
{
    jy_county *c = (jy_county *)1;
    jy_located_error err;
    const char *path = JY_TEST_DATA_DIR "/county/no-such-file.json";
    cr_assert_eq(jy_county_load_file(&c, path, &err), JY_EIO);
    cr_assert_null(c);
    cr_assert_eq(err.code, JY_EIO);
    cr_assert_eq(jy_error_last()->code, JY_EIO);
    cr_assert_gt(strlen(err.text), 0);
    /* A directory is not a profile. */
    c = (jy_county *)1;
    cr_assert_eq(jy_county_load_file(&c, JY_TEST_DATA_DIR "/county", &err), JY_EIO);
    cr_assert_null(c);
    /* A file with bad content reports its name and the field. */
    cr_assert_eq(jy_county_load_file(&c, JY_TEST_DATA_DIR "/county/bad-village-code.json", &err),
                 JY_EINVAL);
    cr_assert_null(c);
    cr_assert_not_null(strstr(err.source, "bad-village-code.json"), "%s", err.source);
    cr_assert_str_eq(err.field, "townships[1].villages[0].code");
}

static int load_string(const char *json, jy_located_error *err)
{
    jy_county *c = (jy_county *)1;
    int rc = jy_county_load_buffer(&c, json, strlen(json), err);
    if (rc == JY_OK)
        jy_county_free(c);
    else
        cr_assert_null(c, "out not reset on error %d", rc);
    return rc;
}

Test(county, malformed_json_reports_line_and_column_in_characters)
{
    jy_located_error err;
    /* Missing comma on line 2, after CJK text: column in characters. */
    const char *missing_comma =
        "{\n"
        "  \"county\": {\"code\": \"360824\", \"name\": \"新干县\" \"x\": 1},\n"
        "  \"townships\": []\n"
        "}\n";
    cr_assert_eq(load_string(missing_comma, &err), JY_EPARSE);
    cr_assert_eq(err.code, JY_EPARSE);
    cr_assert_str_eq(err.source, "<memory>");
    cr_assert_eq(err.line, 2);
    cr_assert_eq(err.column, 46, "column %zu", err.column);
    cr_assert_str_eq(err.field, "");
    cr_assert_eq(jy_error_last()->code, JY_EPARSE);
    cr_assert_not_null(strstr(jy_error_last()->message, "line 2"));

    /* Trailing comma: points at the closing brace. */
    const char *trailing = "{\n  \"county\": {\"code\": \"360824\",\n  \"name\": \"新干县\",}\n}";
    cr_assert_eq(load_string(trailing, &err), JY_EPARSE);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(err.column, 17, "column %zu", err.column);

    /* Truncated input, text after the value, empty input, a NUL byte, a BOM. */
    cr_assert_eq(load_string("{\"county\": [1, 2", &err), JY_EPARSE);
    cr_assert_eq(err.line, 1);
    cr_assert_eq(load_string("{\"county\": 1}\n\n  x", &err), JY_EPARSE);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(err.column, 3);
    cr_assert_eq(load_string("", &err), JY_EPARSE);
    cr_assert_eq(load_string("   \n ", &err), JY_EPARSE);
    jy_county *c = NULL;
    cr_assert_eq(jy_county_load_buffer(&c, "{\"a\":\0 1}", 9, &err), JY_EPARSE);
    cr_assert_null(c);
    cr_assert_eq(err.column, 6);
    cr_assert_eq(load_string("\xef\xbb\xbf{\"county\" 1}", &err), JY_EPARSE);
    cr_assert_eq(err.column, 11, "column %zu", err.column);
}

#define GOOD_COUNTY "\"county\": {\"code\": \"360824\", \"name\": \"新干县\"}"
#define TOWNSHIPS(body) "{" GOOD_COUNTY ", \"townships\": [" body "]}"
#define T100(villages) \
    "{\"code\": \"360824100\", \"name\": \"金川镇\", \"villages\": [" villages "]}"
#define V(code, name) "{\"code\": \"" code "\", \"name\": \"" name "\"}"

Test(county, format_errors_name_the_field)
{
    static const struct {
        const char *json;
        int code;
        const char *field;
        const char *what;
    } cases[] = {
        { "[]", JY_EINVAL, "", "top level is not an object" },
        { "{\"townships\": []}", JY_EINVAL, "county", "no county" },
        { "{\"county\": {\"name\": \"新干县\"}, \"townships\": []}", JY_EINVAL, "county.code",
          "missing county code" },
        { "{\"county\": {\"code\": \"36082\", \"name\": \"新干县\"}, \"townships\": []}",
          JY_EINVAL, "county.code", "short county code" },
        { "{\"county\": {\"code\": 360824, \"name\": \"新干县\"}, \"townships\": []}", JY_EINVAL,
          "county.code", "county code is a number" },
        { "{\"county\": {\"code\": \"3608２4\", \"name\": \"新干县\"}, \"townships\": []}",
          JY_EINVAL, "county.code", "full-width digit in a code" },
        { "{\"county\": {\"code\": \"360824\"}, \"townships\": []}", JY_EINVAL, "county.name",
          "missing county name" },
        { "{" GOOD_COUNTY "}", JY_EINVAL, "townships", "no townships" },
        { "{" GOOD_COUNTY ", \"townships\": {}}", JY_EINVAL, "townships",
          "townships is an object" },
        { TOWNSHIPS(""), JY_EINVAL, "townships", "empty townships" },
        { TOWNSHIPS("\"金川镇\""), JY_EINVAL, "townships[0]", "township is a string" },
        { TOWNSHIPS("{\"name\": \"金川镇\", \"villages\": []}"), JY_EINVAL, "townships[0].code",
          "missing township code" },
        { TOWNSHIPS("{\"code\": \"36082410\", \"name\": \"金川镇\", \"villages\": []}"), JY_EINVAL,
          "townships[0].code", "8-digit township code" },
        { TOWNSHIPS("{\"code\": \"360825100\", \"name\": \"金川镇\", \"villages\": []}"),
          JY_EINVAL, "townships[0].code", "township outside the county" },
        { TOWNSHIPS("{\"code\": \"360824000\", \"name\": \"金川镇\", \"villages\": []}"),
          JY_EINVAL, "townships[0].code", "township number 000" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"villages\": []}"), JY_EINVAL,
          "townships[0].name", "missing township name" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"\", \"villages\": []}"), JY_EINVAL,
          "townships[0].name", "empty township name" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \" 　\", \"villages\": []}"), JY_EINVAL,
          "townships[0].name", "blank township name" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川\\n镇\", \"villages\": []}"),
          JY_EINVAL, "townships[0].name", "control character" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": [\"金川镇\"], \"villages\": []}"),
          JY_EINVAL, "townships[0].name", "name is an array" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川镇\", \"name_2023\": 2023, "
                    "\"villages\": []}"),
          JY_EINVAL, "townships[0].name_2023", "name_2023 is a number" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川镇\", \"aliases\": \"金川\", "
                    "\"villages\": []}"),
          JY_EINVAL, "townships[0].aliases", "aliases is a string" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川镇\", \"aliases\": [\"金川\", 1], "
                    "\"villages\": []}"),
          JY_EINVAL, "townships[0].aliases[1]", "an alias is a number" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川镇\"}"), JY_EINVAL,
          "townships[0].villages", "missing villages" },
        { TOWNSHIPS("{\"code\": \"360824100\", \"name\": \"金川镇\", \"villages\": {}}"),
          JY_EINVAL, "townships[0].villages", "villages is an object" },
        { TOWNSHIPS(T100("1")), JY_EINVAL, "townships[0].villages[0]", "village is a number" },
        { TOWNSHIPS(T100("{\"name\": \"湄湘居委会\"}")), JY_EINVAL,
          "townships[0].villages[0].code", "missing village code" },
        { TOWNSHIPS(T100(V("36082410000", "湄湘居委会"))), JY_EINVAL,
          "townships[0].villages[0].code", "11-digit village code" },
        { TOWNSHIPS(T100(V("360824100007", "湄湘居委会") "," V("360824101201", "湖坪村委会"))),
          JY_EINVAL, "townships[0].villages[1].code", "village outside its township" },
        { TOWNSHIPS(T100(V("360824100000", "湄湘居委会"))), JY_EINVAL,
          "townships[0].villages[0].code", "village number 000" },
        { TOWNSHIPS(T100("{\"code\": \"360824100007\"}")), JY_EINVAL,
          "townships[0].villages[0].name", "missing village name" },
        { TOWNSHIPS(T100("{\"code\": \"360824100007\", \"name\": true}")), JY_EINVAL,
          "townships[0].villages[0].name", "village name is a boolean" },
        { TOWNSHIPS(T100(V("360824100007", "湄湘\xe5\xb1居委会"))), JY_EUTF8,
          "townships[0].villages[0].name", "truncated UTF-8 in a name" },
        { TOWNSHIPS(T100(V("360824100007", "\xff"))), JY_EUTF8, "townships[0].villages[0].name",
          "invalid byte in a name" },
        { TOWNSHIPS(T100(V("360824100007", "湄湘居委会") "," V("360824100008", "何家山居委会") ","
                                                                 V("360824100007", "湄湘社区"))),
          JY_EINVAL, "townships[0].villages[2].code", "duplicate village code" },
        { TOWNSHIPS(T100("") "," T100("")), JY_EINVAL, "townships[1].code",
          "duplicate township code" },
        { TOWNSHIPS(T100(V("360824100007", "湄湘居委会")) ","
                    "{\"code\": \"360824101\", \"name\": \"三湖镇\", \"villages\": ["
                    V("360824101001", "三湖居委会") "]},"
                    "{\"code\": \"360824100\", \"name\": \"金川\", \"villages\": []}"),
          JY_EINVAL, "townships[2].code", "duplicate township code, not adjacent" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_located_error err;
        int rc = load_string(cases[i].json, &err);
        cr_assert_eq(rc, cases[i].code, "%s: %d (%s: %s)", cases[i].what, rc, err.field,
                     err.text);
        cr_assert_eq(err.code, cases[i].code, "%s", cases[i].what);
        cr_assert_str_eq(err.field, cases[i].field, "%s: field '%s'", cases[i].what, err.field);
        cr_assert_gt(strlen(err.text), 0, "%s", cases[i].what);
        cr_assert_eq(jy_error_last()->code, cases[i].code, "%s", cases[i].what);
        cr_assert_not_null(strstr(jy_error_last()->message, cases[i].field), "%s: %s",
                           cases[i].what, jy_error_last()->message);
    }
}

Test(county, bad_utf8_outside_names_is_located)
{
    jy_located_error err;
    const char *json = "{\n" GOOD_COUNTY ",\n\"source\": \"ab\xc0\xaf\",\n"
                       "\"townships\": [" T100("") "]}";
    cr_assert_eq(load_string(json, &err), JY_EUTF8);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(err.column, 14, "column %zu", err.column);
    cr_assert_str_eq(err.field, "source", "the ignored member is named all the same");
}

Test(county, no_input_crashes_or_leaks)
{
    /* Every prefix of a valid profile, and every single-byte corruption of
     * it, is rejected cleanly or accepted; never a crash. */
    size_t len = 0;
    char *json = read_all(TINY_JSON, &len);
    const char subst[] = { '\0', '"', '{', ']', ',', 'x', '\xff', '9' };
    size_t ok = 0;
    for (size_t cut = 0; cut <= len; cut++) {
        jy_county *c = (jy_county *)1;
        jy_located_error err;
        int rc = jy_county_load_buffer(&c, json, cut, &err);
        cr_assert_eq(err.code, rc);
        if (rc == JY_OK) {
            ok++;
            jy_county_free(c);
        } else {
            cr_assert_null(c);
        }
    }
    cr_assert_geq(ok, 1);
    for (size_t i = 0; i < len; i += 3) {
        for (size_t s = 0; s < sizeof subst; s++) {
            char saved = json[i];
            json[i] = subst[s];
            jy_county *c = NULL;
            if (jy_county_load_buffer(&c, json, len, NULL) == JY_OK) {
                const jy_township *t = NULL;
                (void)jy_county_find_township(&t, c, "东山");
                jy_county_free(c);
            } else {
                cr_assert_null(c);
            }
            json[i] = saved;
        }
    }
    free(json);
}

/* ------------------------------------------------------------------------- */
/* Threads. */

struct worker {
    const jy_county *county;
    int failures;
};

static void *lookup_worker(void *arg)
{
    struct worker *w = arg;
    const jy_county *c = w->county;
    for (int round = 0; round < 20; round++) {
        for (size_t i = 0; i < jy_county_township_count(c); i++) {
            const jy_township *t = jy_county_township_at(c, i);
            const jy_township *found = NULL;
            if (jy_county_find_township(&found, c, t->short_name) != JY_OK || found != t)
                w->failures++;
            for (size_t j = 0; j < t->village_count; j++) {
                const jy_village *v = NULL;
                if (jy_county_find_village(&v, c, t->code, t->villages[j].name) != JY_OK ||
                    v != &t->villages[j])
                    w->failures++;
            }
        }
        const jy_township *t = NULL;
        if (jy_county_find_township(&t, c, "麦斜镇") != JY_OK || strcmp(t->code, "360824104"))
            w->failures++;
        const jy_village *v = NULL;
        if (jy_county_find_village(&v, c, NULL, "庙前") != JY_EAMBIGUOUS ||
            jy_error_last()->code != JY_EAMBIGUOUS)
            w->failures++;
        if (jy_county_find_township(&t, c, "北京") != JY_ENOTFOUND ||
            jy_error_last()->code != JY_ENOTFOUND)
            w->failures++;
    }
    return NULL;
}

Test(county, concurrent_lookups_on_a_shared_county, .init = load_xingan, .fini = free_xingan)
{
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i] = (struct worker){ xingan, 0 };
        cr_assert_eq(pthread_create(&threads[i], NULL, lookup_worker, &workers[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        cr_assert_eq(pthread_join(threads[i], NULL), 0);
        cr_assert_eq(workers[i].failures, 0, "thread %d: %d failures", i, workers[i].failures);
    }
}

static void *load_worker(void *arg)
{
    struct worker *w = arg;
    static const char bad[] = "{\"county\": {\"code\": \"360824\" \"name\": \"新干县\"}}";
    for (int round = 0; round < 10; round++) {
        jy_county *c = NULL;
        jy_located_error err;
        if (jy_county_load_buffer(&c, bad, sizeof bad - 1, &err) != JY_EPARSE || c ||
            err.line != 1 || err.column != 30)
            w->failures++;
        if (jy_county_load_default(&c) != JY_OK || jy_county_township_count(c) != 17)
            w->failures++;
        jy_county_free(c);
    }
    return NULL;
}

Test(county, concurrent_loads)
{
    /* Loading is not concurrent with the use of the county being loaded, but
     * different threads may load (and fail to load) profiles at once. */
    enum { THREADS = 4 };
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    for (int i = 0; i < THREADS; i++) {
        workers[i] = (struct worker){ NULL, 0 };
        cr_assert_eq(pthread_create(&threads[i], NULL, load_worker, &workers[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        cr_assert_eq(pthread_join(threads[i], NULL), 0);
        cr_assert_eq(workers[i].failures, 0, "thread %d: %d failures", i, workers[i].failures);
    }
}
