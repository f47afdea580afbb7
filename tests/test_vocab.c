/* The occupation vocabulary: loading, synonyms, scanning text, errors. */
#include <criterion/criterion.h>
#include <jiuye.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jy_vocab *load_default(void)
{
    jy_vocab *v = NULL;
    cr_assert_eq(jy_vocab_load_default(&v), JY_OK, "%s", jy_error_last()->message);
    cr_assert_not_null(v);
    return v;
}

static const char *occupation_of(const jy_vocab *v, const char *word)
{
    size_t id = 0;
    int rc = jy_vocab_lookup(&id, v, word, strlen(word));
    if (rc != JY_OK)
        return NULL;
    return jy_vocab_occupation_name(v, id);
}

Test(vocab, default_covers_the_county_industries)
{
    jy_vocab *v = load_default();
    cr_assert_geq(jy_vocab_surface_count(v), 300);
    cr_assert_geq(jy_vocab_occupation_count(v), 80);
    cr_assert_geq(jy_vocab_family_count(v), 12);
    const char *families[] = { "箱包", "盐化工", "智能制造", "生产制造", "物流运输", "餐饮住宿",
                               "商贸零售", "安保物业", "家政护理", "办公文员", "建筑施工",
                               "农林牧渔", "电商直播" };
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        int found = 0;
        for (size_t f = 0; f < jy_vocab_family_count(v); f++)
            found |= strcmp(jy_vocab_family_name(v, f), families[i]) == 0;
        cr_assert(found, "family %s", families[i]);
    }
    /* no invented classification codes */
    for (size_t o = 0; o < jy_vocab_occupation_count(v); o++) {
        cr_assert_str_eq(jy_vocab_occupation_code(v, o), "");
        cr_assert_lt(jy_vocab_occupation_family(v, o), jy_vocab_family_count(v));
    }
    cr_assert_null(jy_vocab_occupation_name(v, jy_vocab_occupation_count(v)));
    cr_assert_null(jy_vocab_family_name(v, jy_vocab_family_count(v)));
    cr_assert_eq(jy_vocab_occupation_family(v, 100000), (size_t)-1);
    cr_assert_null(jy_vocab_occupation_code(NULL, 0));
    cr_assert_eq(jy_vocab_surface_count(NULL), 0);
    jy_vocab_free(v);
}

Test(vocab, different_words_for_one_job_meet)
{
    jy_vocab *v = load_default();
    const char *groups[][6] = {
        { "司机", "驾驶员", "开车", "C1", "小车司机", NULL },
        { "普工", "操作工", "作业员", "流水线", "进厂", NULL },
        { "焊工", "电焊", "电焊工", "氩弧焊", "二保焊", NULL },
        { "会计", "财务", "做账", "財務", NULL },
        { "保安", "看大门", "门卫", "门岗", NULL },
        { "育婴师", "带小孩", "看孩子", NULL },
        { "货车司机", "A2", "Ｂ２", "大车司机", NULL },
        { "箱包车工", "车工", "针车", "平车", "缝纫工", NULL },
        { "裁床工", "裁床", "开料", NULL },
        { "盐化操作工", "盐化工", "制盐", NULL },
        { "cnc操作工", "CNC", "ＣＮＣ", "数控", NULL },
        { "主播", "带货", "直播带货", NULL },
        { "叉车工", "叉车", "开叉车", NULL },
        { "护工", "护理", "照顾老人", NULL },
        { "文员", "行政", "文員", NULL },
        { "机修工", "机修", "修机器", "修理机器", "修设备", NULL },
        { "泥工", "泥瓦工", "贴瓷砖", "铺瓷砖", "铺地砖", NULL },
    };
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        const char *first = occupation_of(v, groups[g][0]);
        cr_assert_not_null(first, "%s", groups[g][0]);
        for (size_t i = 1; groups[g][i]; i++) {
            const char *o = occupation_of(v, groups[g][i]);
            cr_assert_not_null(o, "%s", groups[g][i]);
            cr_assert_str_eq(o, first, "%s -> %s, expected %s", groups[g][i], o, first);
        }
    }
    size_t id = 0;
    cr_assert_eq(jy_vocab_lookup(&id, v, "驾驶员", strlen("驾驶员")), JY_OK);
    size_t by_name = 99;
    cr_assert_eq(jy_vocab_find_occupation(&by_name, v, "司机"), JY_OK);
    cr_assert_eq(by_name, id);
    cr_assert_str_eq(jy_vocab_family_name(v, jy_vocab_occupation_family(v, id)), "物流运输");
    cr_assert_eq(jy_vocab_find_occupation(&by_name, v, "宇航员"), JY_ENOTFOUND);
    cr_assert_eq(jy_vocab_lookup(&id, v, "宇航员", strlen("宇航员")), JY_ENOTFOUND);
    cr_assert_eq(jy_vocab_lookup(&id, v, "", 0), JY_ENOTFOUND);
    cr_assert_eq(jy_vocab_lookup(&id, v, "司机\xff", 7), JY_EUTF8);
    cr_assert_eq(jy_vocab_lookup(NULL, v, "x", 1), JY_EINVAL);
    jy_vocab_free(v);
}

/* Renders matches as "surface=occupation[start,end)" joined by spaces. */
static char *render(const jy_vocab *v, const char *text, size_t len, unsigned int flags)
{
    jy_vocab_match *m = NULL;
    size_t n = 0;
    cr_assert_eq(jy_vocab_scan(&m, &n, v, text, len, flags), JY_OK, "%s",
                 jy_error_last()->message);
    static char buf[4096];
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        cr_assert_str_eq(m[i].occupation_name, jy_vocab_occupation_name(v, m[i].occupation));
        cr_assert_str_eq(m[i].family_name, jy_vocab_family_name(v, m[i].family));
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s=%s[%zu,%zu)", i ? " " : "",
                                 m[i].surface, m[i].occupation_name, m[i].start, m[i].end);
    }
    jy_free(m);
    return buf;
}

Test(vocab, scan_finds_forms_in_text_with_offsets)
{
    jy_vocab *v = load_default();
    const char *t = "招聘货车司机，A2驾照";
    cr_assert_str_eq(render(v, t, strlen(t), 0),
                     "货车司机=货车司机[6,18) 货车=货车司机[6,12) 司机=司机[12,18) "
                     "a2驾照=货车司机[21,29) a2=货车司机[21,23)");
    cr_assert_str_eq(render(v, t, strlen(t), JY_VOCAB_LONGEST),
                     "货车司机=货车司机[6,18) a2驾照=货车司机[21,29)");
    /* traditional and full-width input, offsets in the input */
    const char *trad = "誠聘電銲工";
    cr_assert_str_eq(render(v, trad, strlen(trad), JY_VOCAB_LONGEST), "电焊工=焊工[6,15)");
    const char *wide = "ＣＮＣ操机";
    cr_assert_str_eq(render(v, wide, strlen(wide), JY_VOCAB_LONGEST), "cnc操机=cnc操作工[0,15)");
    /* letters and digits match whole words only */
    const char *word = "abc1驾照 c1 C1驾照 plcx";
    cr_assert_str_eq(render(v, word, strlen(word), JY_VOCAB_LONGEST),
                     "c1=司机[11,13) c1驾照=司机[14,22)");
    /* a separator inside a form breaks it */
    const char *sep = "货车、司机";
    cr_assert_str_eq(render(v, sep, strlen(sep), JY_VOCAB_LONGEST),
                     "货车=货车司机[0,6) 司机=司机[9,15)");
    /* NUL is a separator */
    cr_assert_str_eq(render(v, "保安\0保洁", 13, 0), "保安=保安[0,6) 保洁=保洁员[7,13)");
    cr_assert_str_eq(render(v, "", 0, 0), "");
    cr_assert_str_eq(render(v, "今天天气很好", strlen("今天天气很好"), 0), "");
    jy_vocab_free(v);
}

static int stop_at_second(const jy_vocab_match *m, void *payload)
{
    (void)m;
    int *n = payload;
    return ++*n == 2 ? 7 : 0;
}

Test(vocab, scan_bad_input)
{
    jy_vocab *v = load_default();
    jy_vocab_match *m = (jy_vocab_match *)1;
    size_t n = 5;
    cr_assert_eq(jy_vocab_scan(&m, &n, v, "普工\xc3", 7, 0), JY_EUTF8);
    cr_assert_null(m);
    cr_assert_eq(n, 0);
    cr_assert_eq(jy_vocab_scan(&m, &n, NULL, "x", 1, 0), JY_EINVAL);
    cr_assert_eq(jy_vocab_scan(&m, &n, v, NULL, 1, 0), JY_EINVAL);
    cr_assert_eq(jy_vocab_scan(NULL, &n, v, "x", 1, 0), JY_EINVAL);
    int calls = 0;
    cr_assert_eq(jy_vocab_scan_each(v, "保安 保洁 厨师", strlen("保安 保洁 厨师"), 0,
                                    stop_at_second, &calls),
                 7);
    cr_assert_eq(calls, 2);
    cr_assert_eq(jy_vocab_scan_each(v, "x", 1, 0, NULL, NULL), JY_EINVAL);
    jy_vocab_free(v);
}

Test(vocab, scan_one_megabyte)
{
    jy_vocab *v = load_default();
    const char *unit = "急招电焊工2名，叉车司机1名，包吃住。"; /* longest: 电焊工, 叉车司机 */
    size_t ulen = strlen(unit), reps = (1u << 20) / ulen;
    char *text = malloc(ulen * reps);
    cr_assert_not_null(text);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * ulen, unit, ulen);
    jy_vocab_match *m = NULL;
    size_t n = 0;
    cr_assert_eq(jy_vocab_scan(&m, &n, v, text, ulen * reps, JY_VOCAB_LONGEST), JY_OK);
    cr_assert_eq(n, 2 * reps);
    cr_assert_str_eq(m[n - 1].surface, "叉车司机");
    cr_assert_leq(m[n - 1].end, ulen * reps);
    jy_free(m);
    free(text);
    jy_vocab_free(v);
}

Test(vocab, load_file_equals_default)
{
    jy_vocab *f = NULL;
    jy_located_error err;
    cr_assert_eq(jy_vocab_load_file(&f, JY_SOURCE_DATA_DIR "/occupations.tsv", &err), JY_OK,
                 "%s", err.text);
    jy_vocab *d = load_default();
    cr_assert_eq(jy_vocab_surface_count(f), jy_vocab_surface_count(d));
    cr_assert_eq(jy_vocab_occupation_count(f), jy_vocab_occupation_count(d));
    jy_vocab_free(f);
    jy_vocab_free(d);
    f = (jy_vocab *)1;
    cr_assert_eq(jy_vocab_load_file(&f, "/nonexistent/occupations.tsv", &err), JY_EIO);
    cr_assert_null(f);
    cr_assert_eq(err.code, JY_EIO);
    cr_assert_str_eq(err.source, "/nonexistent/occupations.tsv");
}

struct bad_file {
    const char *text;
    int code;
    size_t line;
    const char *field;
};

Test(vocab, load_buffer_reports_line_field_and_reason)
{
    const struct bad_file cases[] = {
        { "surface\toccupation\tfamily\tcode\n焊工\t焊工\n", JY_EPARSE, 2, "" },
        { "焊工\t焊工\t制造\t\t多余\n", JY_EPARSE, 1, "" },
        { "# c\n\n焊工\t焊工\t制造\n\t焊工\t制造\n", JY_EINVAL, 4, "surface" },
        { "焊工\t\t制造\n", JY_EINVAL, 1, "occupation" },
        { "焊工\t焊工\t\n", JY_EINVAL, 1, "family" },
        { "焊工\t焊工\t制造\n电焊\t焊工\t建筑\n", JY_EINVAL, 2, "family" },
        { "焊工\t焊工\t制造\n焊工\t司机\t物流\n", JY_EEXISTS, 2, "surface" },
        { "焊工\t焊工\t制造\t1\n电焊\t焊工\t制造\t2\n", JY_EINVAL, 2, "code" },
        { "焊工\t焊工\t制造\n，，\t焊工\t制造\n", JY_EINVAL, 2, "surface" },
        { "焊工\t焊工\t制造\n\xe7\x84\t焊工\t制造\n", JY_EUTF8, 2, "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        jy_vocab *v = (jy_vocab *)1;
        jy_located_error err;
        int rc = jy_vocab_load_buffer(&v, cases[i].text, strlen(cases[i].text), &err);
        cr_assert_eq(rc, cases[i].code, "case %zu: %d (%s)", i, rc, err.text);
        cr_assert_null(v);
        cr_assert_eq(err.code, cases[i].code);
        cr_assert_eq(err.line, cases[i].line, "case %zu: line %zu", i, err.line);
        cr_assert_str_eq(err.field, cases[i].field, "case %zu: field %s", i, err.field);
        cr_assert_str_eq(err.source, "<memory>");
        cr_assert_neq(err.text[0], '\0');
        cr_assert(strstr(jy_error_last()->message, err.text) != NULL);
    }
    jy_vocab *v = NULL;
    cr_assert_eq(jy_vocab_load_buffer(&v, "焊工\t焊工\t制造\0\n", 22, NULL), JY_EPARSE);
    cr_assert_eq(jy_vocab_load_buffer(NULL, "", 0, NULL), JY_EINVAL);
    /* an empty file is an empty vocabulary; CRLF, BOM, spaces around fields */
    cr_assert_eq(jy_vocab_load_buffer(&v, "", 0, NULL), JY_OK);
    cr_assert_eq(jy_vocab_surface_count(v), 0);
    jy_vocab_free(v);
    const char *crlf = "\xef\xbb\xbf" "surface\toccupation\tfamily\tcode\r\n 电焊 \t 焊工 \t制造\t\r\n";
    cr_assert_eq(jy_vocab_load_buffer(&v, crlf, strlen(crlf), NULL), JY_OK);
    cr_assert_eq(jy_vocab_surface_count(v), 2); /* 电焊 and the name 焊工 */
    cr_assert_str_eq(occupation_of(v, "電銲"), "焊工");
    jy_vocab_free(v);
}

Test(vocab, add_and_extend_at_run_time)
{
    jy_vocab *v = load_default();
    size_t surfaces = jy_vocab_surface_count(v), occs = jy_vocab_occupation_count(v);
    /* a new form of a known occupation */
    cr_assert_eq(jy_vocab_add(v, "焊把式", "焊工", NULL, NULL), JY_OK);
    cr_assert_str_eq(occupation_of(v, "焊把式"), "焊工");
    cr_assert_eq(jy_vocab_surface_count(v), surfaces + 1);
    /* a new occupation in a new family */
    cr_assert_eq(jy_vocab_add(v, "无人机驾驶员", "无人机操控员", "低空经济", NULL), JY_OK);
    cr_assert_eq(jy_vocab_occupation_count(v), occs + 1);
    cr_assert_str_eq(occupation_of(v, "无人机操控员"), "无人机操控员");
    /* again, same meaning: nothing changes */
    cr_assert_eq(jy_vocab_add(v, "焊把式", "焊工", NULL, NULL), JY_OK);
    cr_assert_eq(jy_vocab_surface_count(v), surfaces + 3);
    /* conflicts */
    cr_assert_eq(jy_vocab_add(v, "电焊", "司机", NULL, NULL), JY_EEXISTS);
    cr_assert_eq(jy_vocab_add(v, "新词", "焊工", "物流运输", NULL), JY_EINVAL);
    cr_assert_eq(jy_vocab_add(v, "新词", "新职业", NULL, NULL), JY_EINVAL); /* no family */
    cr_assert_eq(jy_vocab_add(v, "", "焊工", NULL, NULL), JY_EINVAL);
    cr_assert_eq(jy_vocab_add(v, "\xff", "焊工", NULL, NULL), JY_EUTF8);
    cr_assert_eq(jy_vocab_add(NULL, "a", "b", "c", NULL), JY_EINVAL);
    char longer[200];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    cr_assert_eq(jy_vocab_add(v, longer, "焊工", NULL, NULL), JY_EINVAL);
    cr_assert_eq(jy_vocab_surface_count(v), surfaces + 3);

    /* extending is all or nothing */
    const char *more = "烧电焊\t焊工\t智能制造\n开铲车\t工程机械司机\t建筑施工\n电焊\t司机\t物流运输\n";
    jy_located_error err;
    cr_assert_eq(jy_vocab_extend_buffer(v, more, strlen(more), &err), JY_EEXISTS);
    cr_assert_eq(err.line, 3);
    cr_assert_eq(jy_vocab_surface_count(v), surfaces + 3);
    cr_assert_null(occupation_of(v, "烧电焊"));
    cr_assert_str_eq(occupation_of(v, "焊把式"), "焊工"); /* earlier additions kept */
    cr_assert_str_eq(occupation_of(v, "无人机驾驶员"), "无人机操控员");
    const char *good = "烧电焊\t焊工\t智能制造\n开铲车\t工程机械司机\t建筑施工\n";
    cr_assert_eq(jy_vocab_extend_buffer(v, good, strlen(good), &err), JY_OK);
    cr_assert_str_eq(occupation_of(v, "开铲车"), "工程机械司机");
    const char *t = "会烧电焊";
    cr_assert_str_eq(render(v, t, strlen(t), JY_VOCAB_LONGEST), "烧电焊=焊工[3,12)");
    jy_vocab_free(v);
    jy_vocab_free(NULL);

    jy_vocab *e = NULL;
    cr_assert_eq(jy_vocab_new(&e), JY_OK);
    cr_assert_eq(jy_vocab_add(e, "CNC", "数控", "制造", "6-18-01-01"), JY_OK);
    size_t id = 0;
    cr_assert_eq(jy_vocab_lookup(&id, e, "cnc", 3), JY_OK);
    cr_assert_str_eq(jy_vocab_occupation_code(e, id), "6-18-01-01");
    jy_vocab_free(e);
}

struct scan_job {
    const jy_vocab *v;
    size_t matches;
    int rc;
};

static void *scan_many(void *arg)
{
    struct scan_job *job = arg;
    const char *t = "招聘普工、电焊工、叉车司机、保安、会计，月薪5000";
    for (int i = 0; i < 2000 && job->rc == JY_OK; i++) {
        jy_vocab_match *m = NULL;
        size_t n = 0;
        job->rc = jy_vocab_scan(&m, &n, job->v, t, strlen(t), JY_VOCAB_LONGEST);
        job->matches += n;
        jy_free(m);
    }
    return NULL;
}

Test(vocab, concurrent_scans_share_one_vocabulary)
{
    jy_vocab *v = load_default();
    pthread_t threads[4];
    struct scan_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i].v = v;
        jobs[i].matches = 0;
        jobs[i].rc = JY_OK;
        cr_assert_eq(pthread_create(&threads[i], NULL, scan_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(threads[i], NULL);
        cr_assert_eq(jobs[i].rc, JY_OK);
        cr_assert_eq(jobs[i].matches, 2000 * 5);
    }
    jy_vocab_free(v);
}
