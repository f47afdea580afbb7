/*
 * Benchmark of the text-analysis layer the matcher runs on every posting and
 * every query: folding, tokenizing, facts, vocabulary scans.
 *
 *   bench_analyze [--count N]
 *
 * Generates N synthetic posting texts (deterministic: fixed seed; titles and
 * requirements written the ways county postings write them, a tenth in
 * traditional characters, a tenth with full-width letters and digits) and
 * prints one line per operation: calls, total seconds, microseconds per text
 * and megabytes per second. Baseline in the same run: jy_text_normalize()
 * (NFKC + case fold through utf8proc) on the same texts. See
 * docs/BENCHMARKS.md.
 */
#include <jiuye.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long long rng_state = 0x2026112723200000ULL;

static unsigned int rnd(unsigned int n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned int)((rng_state >> 33) % n);
}

#define PICK(a) (a[rnd((unsigned int)(sizeof(a) / sizeof(a[0])))])

static const char *const JOBS[] = {
    "普工", "操作工", "箱包车工", "针车工", "裁床", "拉链工", "质检员", "包装工", "盐化操作工",
    "化工操作工", "CNC操机", "数控车床", "注塑工", "装配工", "电子厂普工", "SMT操作员", "电焊工",
    "氩弧焊工", "货车司机", "C1司机", "叉车工", "快递员", "分拣员", "装卸工", "仓管员", "服务员",
    "厨师", "保安", "门卫", "保洁", "收银员", "导购", "销售", "护工", "保姆", "育婴师", "月嫂",
    "会计", "出纳", "文员", "人事专员", "泥工", "木工", "钢筋工", "水电工", "小工", "种植工",
    "养殖工", "果园工", "带货主播", "电商客服", "运营", "美工",
};
static const char *const TRAD_JOBS[] = {
    "電銲工", "貨車司機", "駕駛員", "會計", "倉管員", "護工", "廚師", "網絡主播", "營業員", "裝配工",
};
static const char *const WIDE_JOBS[] = { "ＣＮＣ操作工", "ＳＭＴ技术员", "Ａ２司机", "ＰＬＣ编程" };
static const char *const SALARIES[] = {
    "月薪4000-6000元", "薪资5k-8k", "月薪5千", "3500以上", "年薪6万", "日结200元", "150元/天",
    "工资面议", "综合工资6000左右", "底薪3000+提成", "4500~6500元/月", "时薪20元",
};
static const char *const AGES[] = { "18-45岁", "45岁以下", "年龄18至50周岁", "50岁以内", "", "" };
static const char *const EDUS[] = { "初中以上", "高中及以上", "大专", "学历不限", "", "" };
static const char *const TOWNS[] = { "金川镇", "三湖", "大洋洲镇", "工业园区", "七琴", "麦斜镇",
                                     "溧江镇", "界埠" };
static const char *const EXTRAS[] = {
    "包吃住，五险一金，长期稳定", "做六休一，车间环境好", "有相关经验优先，可接受学徒",
    "临时工，按天结算", "上班时间8:00-17:30，加班另计", "男女不限，身体健康，吃苦耐劳",
};

static char *make_text(size_t *out_len)
{
    char buf[1024];
    const char *job = rnd(10) == 0 ? PICK(TRAD_JOBS) : rnd(9) == 0 ? PICK(WIDE_JOBS) : PICK(JOBS);
    int n = snprintf(buf, sizeof buf, "%s急招%s%u名，%s，%s，%s。工作地点：%s。%s；另招%s。",
                     PICK(TOWNS), job, 1 + rnd(20), PICK(SALARIES), PICK(AGES), PICK(EDUS),
                     PICK(TOWNS), PICK(EXTRAS), PICK(JOBS));
    *out_len = (size_t)n;
    char *s = malloc((size_t)n + 1);
    if (s)
        memcpy(s, buf, (size_t)n + 1);
    return s;
}

static size_t total_bytes;

static void report(const char *what, size_t count, double seconds, size_t items)
{
    printf("%-34s %8zu texts %8.3f s %8.2f us/text %7.1f MB/s  (%zu items)\n", what, count,
           seconds, seconds * 1e6 / (double)count, (double)total_bytes / seconds / 1e6, items);
}

static int count_token(const jy_token *t, void *payload)
{
    (void)t;
    ++*(size_t *)payload;
    return 0;
}

static int count_match(const jy_vocab_match *m, void *payload)
{
    (void)m;
    ++*(size_t *)payload;
    return 0;
}

int main(int argc, char **argv)
{
    size_t count = 50000;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--count") == 0 && i + 1 < argc)
            count = (size_t)strtoul(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: bench_analyze [--count N]\n");
            return 2;
        }
    }
    if (count == 0)
        count = 1;
    char **texts = calloc(count, sizeof *texts);
    size_t *lens = calloc(count, sizeof *lens);
    if (!texts || !lens)
        return 1;
    for (size_t i = 0; i < count; i++) {
        texts[i] = make_text(&lens[i]);
        if (!texts[i])
            return 1;
        total_bytes += lens[i];
    }
    printf("%zu posting texts, %.1f bytes each on average\n", count,
           (double)total_bytes / (double)count);

    jy_county *county = NULL;
    jy_vocab *vocab = NULL;
    jy_token_list *list = NULL;
    double t0 = now();
    if (jy_vocab_load_default(&vocab) != JY_OK || jy_county_load_default(&county) != JY_OK ||
        jy_token_list_new(&list) != JY_OK) {
        fprintf(stderr, "setup failed: %s\n", jy_error_last()->message);
        return 1;
    }
    printf("%-34s %8.3f ms (%zu surface forms)\n", "jy_vocab_load_default", (now() - t0) * 1e3,
           jy_vocab_surface_count(vocab));

    size_t items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++) {
        char *out = NULL;
        size_t n = 0;
        if (jy_text_normalize(&out, &n, texts[i], lens[i]) != JY_OK)
            return 1;
        items += n;
        jy_free(out);
    }
    report("jy_text_normalize (baseline)", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++) {
        char *out = NULL;
        size_t n = 0;
        if (jy_text_fold(&out, &n, texts[i], lens[i]) != JY_OK)
            return 1;
        items += n;
        jy_free(out);
    }
    report("jy_text_fold", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        if (jy_text_tokenize_each(texts[i], lens[i], 0, count_token, &items) != JY_OK)
            return 1;
    report("jy_text_tokenize_each (all)", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++) {
        if (jy_text_tokenize(list, texts[i], lens[i], 0) != JY_OK)
            return 1;
        items += jy_token_list_count(list);
    }
    report("jy_text_tokenize (reused list)", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++) {
        jy_text_facts f;
        if (jy_text_extract_facts(&f, county, texts[i], lens[i]) != JY_OK)
            return 1;
        items += (size_t)f.has_salary + (size_t)f.has_age + (f.education >= 0) + f.township_count;
    }
    report("jy_text_extract_facts (county)", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        if (jy_vocab_scan_each(vocab, texts[i], lens[i], 0, count_match, &items) != JY_OK)
            return 1;
    report("jy_vocab_scan_each (all)", count, now() - t0, items);

    items = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        if (jy_vocab_scan_each(vocab, texts[i], lens[i], JY_VOCAB_LONGEST, count_match, &items) !=
            JY_OK)
            return 1;
    report("jy_vocab_scan_each (longest)", count, now() - t0, items);

    jy_token_list_free(list);
    jy_vocab_free(vocab);
    jy_county_free(county);
    for (size_t i = 0; i < count; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    return 0;
}
