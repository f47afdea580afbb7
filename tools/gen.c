/*
 * The synthetic county year generator (tools/gen.h), shared by `jiuye-gen`
 * and `jiuye demo`: a deterministic, realistic year of Xingan County
 * (新干县) written as JSON Lines that `jiuye import` reads.
 *
 * Built on the public API only (<jiuye.h>): the real townships and villages
 * come from jy_county_load_default(), dates from jy_date_*, and every
 * generated ID number, credit code and phone is checked with the library's
 * validators. Everything random comes from one splitmix64 stream seeded by
 * the seed, so the same seed and scale give byte-identical output.
 *
 * Ids are not written: the importer numbers the records of each kind 1..N in
 * file order, so parents are written before children and references are
 * computed from that order.
 *
 * The year is realistic, not perfect: a few targets of the scoring table are
 * missed on purpose (comments marked MISS) so that scorecards built from it
 * have something to show: 1.4 some jobseekers never followed up; 2.2 about
 * 96 % of delivered resumes viewed; 3.1 a few bad reviews not turned good;
 * 4.4 one week without an activity post; 5.3 one live show of 80 minutes;
 * 9.1 three enterprises on the shortage list twice; 9.2 fewer than 1 500
 * hires retained three months; 14.2 one ad-hoc task done late. Recruitment
 * pushes cover Monday-Friday, not the make-up working Saturdays (4.1).
 * Calendar activities (live shows, reports, meetings...) do not scale with
 * the scale; the ledgers (labor, postings, jobseekers...) do.
 *
 * The state is kept in file-scope variables (one generation at a time);
 * jygen_run() resets it before and frees it after. A fatal error (a write
 * error, out of memory, an internal check) jumps back to jygen_run() with
 * its message (die()).
 */
#include <jiuye.h>

#include "gen.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define GEN_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define GEN_NORETURN __attribute__((noreturn))
#else
#define GEN_PRINTF(f, a)
#define GEN_NORETURN
#endif

/* ---- Errors --------------------------------------------------------------- */

static jmp_buf g_fail;       /* set by jygen_run() */
static char g_message[512];  /* what die() said */

GEN_NORETURN GEN_PRINTF(1, 2) static void die(const char *fmt, ...);

/* Ends the generation: back to jygen_run(), which returns -1 with the message. */
static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_message, sizeof g_message, fmt, ap);
    va_end(ap);
    longjmp(g_fail, 1);
}

static void *xmalloc(size_t n)
{
    void *p = calloc(n ? n : 1, 1);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- Random numbers: splitmix64 ------------------------------------------- */

static uint64_t g_rng;

static uint64_t rnd_u64(void)
{
    uint64_t z = (g_rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0. */
static size_t rnd_below(size_t n)
{
    return (size_t)(rnd_u64() % (uint64_t)n);
}

/* Uniform in [lo, hi]. */
static long rnd_range(long lo, long hi)
{
    if (hi <= lo)
        return lo;
    return lo + (long)(rnd_u64() % (uint64_t)(hi - lo + 1));
}

static int rnd_int(int lo, int hi)
{
    return (int)rnd_range(lo, hi);
}

/* Uniform in [0, 1). */
static double rnd_unit(void)
{
    return (double)(rnd_u64() >> 11) * (1.0 / 9007199254740992.0);
}

static int chance(double p)
{
    return rnd_unit() < p;
}

#define PICK(arr) ((arr)[rnd_below(ARRAY_LEN(arr))])

/* Index drawn from integer weights. */
static size_t rnd_weighted(const int *w, size_t n)
{
    long total = 0;
    for (size_t i = 0; i < n; i++)
        total += w[i];
    long r = rnd_range(0, total - 1);
    for (size_t i = 0; i < n; i++) {
        if (r < w[i])
            return i;
        r -= w[i];
    }
    return n - 1;
}

static void shuffle_sizes(size_t *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = rnd_below(i);
        size_t t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}

/* ---- Dates (day numbers since 1970-01-01) ---------------------------------- */

static jy_date day_date(long days)
{
    jy_date d;
    if (jy_date_from_days(&d, days) != JY_OK)
        die("date out of range (%ld)", days);
    return d;
}

static long date_day(int y, int m, int d)
{
    jy_date dt = { y, m, d };
    long days;
    if (jy_date_to_days(&days, dt) != JY_OK)
        die("bad date %04d-%02d-%02d", y, m, d);
    return days;
}

/* Same day of the month, `years` later (29 February becomes 28 February). */
static long add_years(long days, int years)
{
    jy_date d = day_date(days);
    d.year += years;
    if (d.month == 2 && d.day == 29 && !jy_date_is_valid(d))
        d.day = 28;
    return date_day(d.year, d.month, d.day);
}

/* 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
static int weekday(long days)
{
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static long min_l(long a, long b) { return a < b ? a : b; }
static long max_l(long a, long b) { return a > b ? a : b; }

/* ---- JSON Lines writer --------------------------------------------------- */

typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sb_reserve(sbuf *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 1024;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p)
        die("out of memory");
    b->p = p;
    b->cap = cap;
}

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

GEN_PRINTF(2, 3) static void sb_printf(sbuf *b, const char *fmt, ...);

static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    char tmp[256];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        die("internal: formatted text too long");
    sb_putn(b, tmp, (size_t)n);
}

/* A JSON string literal: escapes ", \ and control characters; UTF-8 as is. */
static void sb_json_string(sbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    sb_putn(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            char e[2] = { '\\', (char)c };
            sb_putn(b, e, 2);
        } else if (c == '\n') {
            sb_putn(b, "\\n", 2);
        } else if (c == '\t') {
            sb_putn(b, "\\t", 2);
        } else if (c == '\r') {
            sb_putn(b, "\\r", 2);
        } else if (c < 0x20 || c == 0x7f) {
            char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            sb_putn(b, e, 6);
        } else {
            sb_putn(b, (const char *)p, 1);
        }
    }
    sb_putn(b, "\"", 1);
}

/* One record being written. */
static sbuf g_line;

static void rec_begin(jy_kind kind)
{
    g_line.n = 0;
    sb_puts(&g_line, "{\"type\": ");
    sb_json_string(&g_line, jy_kind_name((int)kind));
}

static void rec_key(const char *name)
{
    sb_puts(&g_line, ", ");
    sb_json_string(&g_line, name);
    sb_puts(&g_line, ": ");
}

static void rec_str(const char *name, const char *value)
{
    rec_key(name);
    sb_json_string(&g_line, value);
}

static void rec_int(const char *name, long long value)
{
    rec_key(name);
    sb_printf(&g_line, "%lld", value);
}

static void rec_bool(const char *name, int value)
{
    rec_key(name);
    sb_puts(&g_line, value ? "true" : "false");
}

static void rec_date(const char *name, long days)
{
    jy_date d = day_date(days);
    rec_key(name);
    sb_printf(&g_line, "\"%04d-%02d-%02d\"", d.year, d.month, d.day);
}

static void rec_list(const char *name, const char *const *items, size_t n)
{
    rec_key(name);
    sb_puts(&g_line, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_puts(&g_line, ", ");
        sb_json_string(&g_line, items[i]);
    }
    sb_puts(&g_line, "]");
}

/* Output: one stream per kind (--out) or everything to stdout. */
static FILE *g_out[JY_KIND_END];
static long g_count[JY_KIND_END];

/* Ends the record and writes it; returns its id (1-based, per kind). */
static long rec_end(jy_kind kind)
{
    sb_puts(&g_line, "}\n");
    if (fwrite(g_line.p, 1, g_line.n, g_out[kind]) != g_line.n)
        die("write error: %s", strerror(errno));
    return ++g_count[kind];
}

/* Takes the finished record text (for kinds written after sorting). */
static char *rec_take(void)
{
    sb_puts(&g_line, "}\n");
    char *s = xmalloc(g_line.n + 1);
    memcpy(s, g_line.p, g_line.n + 1);
    return s;
}

static long emit_text(jy_kind kind, const char *text)
{
    size_t n = strlen(text);
    if (fwrite(text, 1, n, g_out[kind]) != n)
        die("write error: %s", strerror(errno));
    return ++g_count[kind];
}

/* ---- A set of 64-bit keys (uniqueness of ID numbers and names) ----------- */

typedef struct keyset {
    uint64_t *slot;
    size_t cap, n;
} keyset;

static int keyset_add(keyset *s, uint64_t key)
{
    if (key == 0)
        key = 1;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *slot = xmalloc(cap * sizeof *slot);
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i]) {
                size_t j = (size_t)(s->slot[i] * 0x9E3779B97F4A7C15ull) & (cap - 1);
                while (slot[j])
                    j = (j + 1) & (cap - 1);
                slot[j] = s->slot[i];
            }
        free(s->slot);
        s->slot = slot;
        s->cap = cap;
    }
    size_t j = (size_t)(key * 0x9E3779B97F4A7C15ull) & (s->cap - 1);
    while (s->slot[j]) {
        if (s->slot[j] == key)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->slot[j] = key;
    s->n++;
    return 1;
}

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* ---- People: names, ID numbers, phones ------------------------------------ */

/* Common surnames, with the Jiangxi ones (邹 熊 胡 涂 聂 饶...) well represented. */
static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱",
    "高", "林", "何", "郭", "罗", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩",
    "曹", "曾", "彭", "肖", "蔡", "潘", "田", "董", "袁", "于", "余", "叶", "蒋", "杜",
    "苏", "魏", "程", "吕", "丁", "沈", "任", "姚", "卢", "钟", "姜", "崔", "谭", "廖",
    "范", "汪", "陆", "金", "石", "戴", "贾", "韦", "夏", "邱", "方", "侯", "邹", "熊",
    "孟", "秦", "白", "江", "闫", "薛", "尹", "段", "雷", "黎", "史", "龙", "陶", "贺",
    "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "赖", "涂", "聂", "饶", "付", "晏",
    "简", "温", "习", "喻", "辜", "游", "傅", "鄢", "欧阳",
};
/* Surnames drawn more often (Xingan's big lineages and the national top ten). */
static const char *const frequent_surnames[] = {
    "王", "李", "张", "刘", "陈", "黄", "胡", "邹", "熊", "杨", "周", "吴", "曾", "罗",
};
static const char *const male_chars[] = {
    "伟", "强", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华",
    "飞", "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林",
    "洋", "磊", "东", "文", "亮", "成", "建", "国", "志", "荣", "海", "清", "春", "金",
    "新", "德", "根", "发", "水", "生", "永", "长", "祥", "福", "保", "连", "子", "晨",
    "博", "昊", "轩", "睿", "泽", "航", "铭", "峰", "毅", "家", "振", "武", "兵", "忠",
};
static const char *const female_chars[] = {
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂", "英", "秀", "兰",
    "萍", "红", "梅", "琴", "云", "莲", "凤", "洁", "琳", "婷", "雪", "慧", "颖", "倩",
    "晶", "佳", "欣", "怡", "雯", "媛", "丹", "蓉", "薇", "菲", "露", "月", "春", "金",
    "小", "美", "淑", "珍", "香", "翠", "花", "宁", "悦", "思", "梦", "雨", "诗", "涵",
};

/* A synthetic Chinese name (at most 4 characters: 12 bytes). */
static void make_name(char out[32], int male)
{
    const char *sur = chance(0.45) ? PICK(frequent_surnames) : PICK(surnames);
    const char *a = male ? PICK(male_chars) : PICK(female_chars);
    if (chance(0.22)) {
        snprintf(out, 32, "%s%s", sur, a);
    } else {
        const char *b;
        do
            b = male ? PICK(male_chars) : PICK(female_chars);
        while (!strcmp(a, b));
        snprintf(out, 32, "%s%s%s", sur, a, b);
    }
}

/* A valid mainland mobile number: 1, then 3-9, then 9 digits. */
static void make_phone(char out[12])
{
    static const char *const prefixes[] = { "130", "131", "132", "133", "135", "136", "137",
        "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "170",
        "173", "175", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189",
        "191", "193", "195", "198", "199" };
    snprintf(out, 12, "%s%08ld", PICK(prefixes), rnd_range(0, 99999999));
    jy_phone_info info;
    if (jy_phone_parse(&info, out) != JY_OK)
        die("internal: generated an invalid phone %s", out);
}

/* An 18-character resident ID number (GB 11643) with a valid check character. */
static void make_id_number(char out[19], const char *region, jy_date birth, int seq)
{
    static const int w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    snprintf(out, 19, "%.6s%04d%02d%02d%03d", region, birth.year, birth.month, birth.day, seq);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * w[i];
    int check = (12 - sum % 11) % 11;
    out[17] = check == 10 ? 'X' : (char)('0' + check);
    out[18] = '\0';
}

/* Checks a generated ID number with the library and gives its parse. */
static void check_id_number(const char *id, jy_id_info *info)
{
    if (jy_id_parse(info, id) != JY_OK)
        die("internal: generated an invalid ID number %s (%s)", id, jy_reason_str((int)info->reason));
}

static keyset g_ids;

/*
 * A new person born on `birth`: a unique ID number (region 362424, the
 * county's code before 2000, for about 70 % of those born before 2000,
 * unless `region` is given), a gender from the sequence number and a name to
 * match.
 */
typedef struct person {
    char name[32];
    char id[19];
    char phone[12];
    long birth;     /* day number */
    int male;
} person;

static void make_person(person *p, long birth_day, const char *region)
{
    jy_date birth = day_date(birth_day);
    p->birth = birth_day;
    p->male = chance(0.51);
    if (!region)
        region = birth.year < 2000 && chance(0.70) ? "362424" : "360824";
    for (;;) {
        int seq = rnd_int(1, 499) * 2 - (p->male ? 1 : 0); /* odd = male */
        make_id_number(p->id, region, birth, seq);
        uint64_t key = 0;
        for (int i = 0; i < 17; i++)
            key = key * 10 + (uint64_t)(p->id[i] - '0');
        if (keyset_add(&g_ids, key))
            break;
    }
    jy_id_info info;
    check_id_number(p->id, &info);
    if ((info.gender == JY_GENDER_MALE) != (p->male != 0))
        die("internal: gender mismatch for %s", p->id);
    make_name(p->name, p->male);
    make_phone(p->phone);
}

/* ---- Enterprises: credit codes --------------------------------------------- */

static void make_credit_code(char out[19])
{
    static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static const int w[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    memcpy(out, "91360824", 8);
    for (int i = 8; i < 17; i++)
        out[i] = alphabet[rnd_below(31)];
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (int)(strchr(alphabet, out[i]) - alphabet) * w[i];
    out[17] = alphabet[(31 - sum % 31) % 31];
    out[18] = '\0';
    jy_uscc_info info;
    if (jy_uscc_parse(&info, out) != JY_OK)
        die("internal: generated an invalid credit code %s (%s)", out, jy_reason_str((int)info.reason));
}

/* ---- The county and the year ---------------------------------------------- */

static double g_scale = 1.0;
static long g_start, g_end, g_aug31; /* contract year and the survey deadline */

static jy_county *g_county;
static size_t g_ntown;
static const jy_township **g_towns;
static size_t g_nvill;
static const jy_village **g_vills; /* all villages: drawing one weights townships by size */
static size_t *g_vill_town;        /* township index of each village */
static size_t g_park = (size_t)-1; /* the industrial park (新干工业园区), if listed */
static size_t g_seat;              /* the county seat (金川镇) */
static char (*g_brokers)[32];      /* one labor broker per village */

/* n scaled, at least `min`. */
static size_t scaled(double n, size_t min)
{
    double v = n * g_scale + 0.5;
    size_t k = v < 1.0 ? 0 : (size_t)v;
    return k < min ? min : k;
}

static long rnd_day(long from, long to)
{
    return rnd_range(from, to);
}

static void load_county(void)
{
    if (jy_county_load_default(&g_county) != JY_OK)
        die("cannot load the county profile: %s", jy_error_last()->message);
    g_ntown = jy_county_township_count(g_county);
    if (g_ntown == 0)
        die("the county profile has no township");
    g_towns = xmalloc(g_ntown * sizeof *g_towns);
    g_nvill = 0;
    for (size_t i = 0; i < g_ntown; i++) {
        g_towns[i] = jy_county_township_at(g_county, i);
        g_nvill += g_towns[i]->village_count;
        if (strstr(g_towns[i]->name, "工业园"))
            g_park = i;
        if (strstr(g_towns[i]->name, "金川"))
            g_seat = i;
    }
    if (g_nvill == 0)
        die("the county profile has no village");
    g_vills = xmalloc(g_nvill * sizeof *g_vills);
    g_vill_town = xmalloc(g_nvill * sizeof *g_vill_town);
    g_brokers = xmalloc(g_nvill * sizeof *g_brokers);
    size_t k = 0;
    for (size_t i = 0; i < g_ntown; i++)
        for (size_t j = 0; j < g_towns[i]->village_count; j++, k++) {
            g_vills[k] = &g_towns[i]->villages[j];
            g_vill_town[k] = i;
        }
}

/* A township weighted by its number of villages. */
static size_t rnd_town(void)
{
    return g_vill_town[rnd_below(g_nvill)];
}

/* ---- Enterprises ---------------------------------------------------------- */

enum { IND_SALT, IND_LUGGAGE, IND_SMART, IND_MANUF, IND_LOGISTICS, IND_SERVICES,
       IND_CONSTRUCTION, IND_AGRICULTURE, IND_ECOMMERCE, IND_OTHER, IND_COUNT };

static const char *const industry_name[IND_COUNT] = { "salt_chemical", "luggage",
    "smart_manufacturing", "manufacturing", "logistics", "services", "construction",
    "agriculture", "ecommerce", "other" };
/* Enterprises per 1 000: 650 industrial (the first four). */
static const int industry_share[IND_COUNT] = { 80, 220, 120, 230, 60, 150, 40, 50, 40, 10 };

static const char *const industry_words_salt[] = { "盐化", "盐业", "化工", "精细化工", "新材料" };
static const char *const industry_words_luggage[] = { "箱包", "皮具", "旅行用品", "拉杆箱", "箱包制品" };
static const char *const industry_words_smart[] = { "智能科技", "智能装备", "电子科技", "自动化设备", "光电科技" };
static const char *const industry_words_manuf[] = { "机械", "五金制品", "塑业", "新型建材", "纺织", "服饰", "食品", "家具" };
static const char *const industry_words_logistics[] = { "物流", "供应链管理", "运输", "仓储服务" };
static const char *const industry_words_services[] = { "物业管理", "餐饮管理", "酒店管理", "家政服务", "人力资源服务", "养老服务", "商贸" };
static const char *const industry_words_construction[] = { "建设工程", "建筑劳务", "装饰工程", "市政工程" };
static const char *const industry_words_agriculture[] = { "农业发展", "生态农业", "果业", "养殖", "农产品" };
static const char *const industry_words_ecommerce[] = { "电子商务", "网络科技", "直播电商" };
static const char *const industry_words_other[] = { "实业", "文化传媒", "贸易" };

static const char *industry_word(int ind)
{
    switch (ind) {
    case IND_SALT: return PICK(industry_words_salt);
    case IND_LUGGAGE: return PICK(industry_words_luggage);
    case IND_SMART: return PICK(industry_words_smart);
    case IND_MANUF: return PICK(industry_words_manuf);
    case IND_LOGISTICS: return PICK(industry_words_logistics);
    case IND_SERVICES: return PICK(industry_words_services);
    case IND_CONSTRUCTION: return PICK(industry_words_construction);
    case IND_AGRICULTURE: return PICK(industry_words_agriculture);
    case IND_ECOMMERCE: return PICK(industry_words_ecommerce);
    default: return PICK(industry_words_other);
    }
}

/* Characters for shop names (字号): two of them make a 新干县xx. */
static const char *const brand_chars[] = {
    "赣", "金", "鑫", "华", "盛", "源", "宏", "泰", "丰", "隆", "兴", "达", "利", "通",
    "恒", "瑞", "祥", "嘉", "佳", "正", "亿", "新", "诚", "信", "德", "益", "永", "昌",
    "安", "康", "福", "顺", "腾", "飞", "宇", "天", "辰", "明", "晟", "博", "创", "远",
    "鸿", "运", "和", "美", "凯", "锦", "禾", "润", "川", "江", "洲", "湖", "峰", "岭",
    "淦", "阳", "荣", "汇", "成", "万", "中", "东", "南", "世", "达", "骏", "卓", "越",
};

static const char *const road_names[] = { "工业大道", "城南大道", "赣江大道", "沂江路",
    "金川路", "洋峰大道", "滨江路", "盐化大道", "箱包产业园路", "商贸路", "新华路", "湄湘路" };

typedef struct ent {
    char name[96];
    char code[19];
    int industry;
    int industrial;
    size_t town;
    long registered, authorized, wechat, demand; /* -1: never */
    int staff;                                   /* latest survey; 0: none */
    long surveyed;
    long weight; /* how much it recruits */
} ent;

static ent *g_ents;
static size_t g_nent;
static long *g_ent_cum; /* cumulative weights */

typedef struct survey {
    size_t ent;
    long day;
    int staff, general, skilled, vacancies;
} survey;

static survey *g_surveys;
static size_t g_nsurvey;

static int cmp_survey(const void *a, const void *b)
{
    const survey *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->ent < y->ent ? -1 : x->ent > y->ent;
}

static void plan_enterprises(void)
{
    g_nent = scaled(1000, 10);
    g_ents = xmalloc(g_nent * sizeof *g_ents);
    g_ent_cum = xmalloc(g_nent * sizeof *g_ent_cum);
    /* Industries in exact shares, shuffled. */
    size_t *order = xmalloc(g_nent * sizeof *order);
    for (size_t i = 0; i < g_nent; i++)
        order[i] = i;
    shuffle_sizes(order, g_nent);
    size_t k = 0;
    for (int ind = 0; ind < IND_COUNT; ind++) {
        size_t n = (size_t)((double)industry_share[ind] * (double)g_nent / 1000.0 + 0.5);
        for (size_t j = 0; j < n && k < g_nent; j++, k++)
            g_ents[order[k]].industry = ind;
    }
    for (; k < g_nent; k++)
        g_ents[order[k]].industry = IND_MANUF;
    free(order);

    keyset names = { 0 };
    keyset codes = { 0 };
    size_t nsurvey_cap = g_nent * 2 + 4;
    g_surveys = xmalloc(nsurvey_cap * sizeof *g_surveys);
    long total = 0;
    for (size_t i = 0; i < g_nent; i++) {
        ent *e = &g_ents[i];
        e->industrial = e->industry <= IND_MANUF;
        do
            snprintf(e->name, sizeof e->name, "新干县%s%s%s有限公司", PICK(brand_chars),
                     PICK(brand_chars), industry_word(e->industry));
        while (!keyset_add(&names, hash_str(e->name)));
        do
            make_credit_code(e->code);
        while (!keyset_add(&codes, hash_str(e->code)));
        if (e->industrial && g_park != (size_t)-1 && chance(0.55))
            e->town = g_park;
        else if (chance(0.35))
            e->town = g_seat;
        else
            e->town = rnd_town();

        /* Platform registration: most before the year, some new in it (3.5: >= 100). */
        e->registered = e->authorized = e->wechat = e->demand = -1;
        if (chance(0.78)) {
            if (chance(0.19))
                e->registered = rnd_day(g_start, g_end - 20);
            else
                e->registered = g_start - rnd_range(10, 1500);
            /* Settled in / authorized the home (7.3: >= 100 in the year). */
            if (chance(0.62)) {
                long from = max_l(e->registered, g_start - 400);
                e->authorized = chance(0.30) || e->registered >= g_start
                    ? rnd_day(max_l(from, g_start), g_end - 10)
                    : rnd_day(from, g_start - 1);
                if (e->authorized < e->registered)
                    e->authorized = e->registered;
            }
        }
        /* The county enterprise WeChat group (7.2: >= 600). */
        if (chance(e->industrial ? 0.86 : 0.42))
            e->wechat = chance(0.7) ? g_start - rnd_range(1, 900) : rnd_day(g_start, g_end - 30);
        /* Demand ledger, general and skilled workers (8.1: >= 200 in the year). */
        if (chance(e->industrial ? 0.36 : 0.12))
            e->demand = rnd_day(g_start, g_end - 15);

        /* Staff headcount. */
        int lo = 8, hi = 150;
        switch (e->industry) {
        case IND_SALT: lo = 40; hi = 650; break;
        case IND_LUGGAGE: lo = 25; hi = 900; break;
        case IND_SMART: lo = 20; hi = 500; break;
        case IND_MANUF: lo = 10; hi = 320; break;
        case IND_SERVICES: lo = 5; hi = 200; break;
        case IND_LOGISTICS: lo = 8; hi = 180; break;
        default: break;
        }
        double u = rnd_unit();
        int staff = lo + (int)((double)(hi - lo) * u * u * u);
        e->weight = e->industrial ? 3 + staff / 25 : 2 + staff / 40;
        if (e->industry == IND_SERVICES || e->industry == IND_LOGISTICS)
            e->weight += 2;
        total += e->weight;
        g_ent_cum[i] = total;

        /*
         * Staff survey of industrial enterprises (7.1: >= 600 by 31 August):
         * about 95 % surveyed by then, a few later; some updated afterwards.
         */
        if (e->industrial && chance(0.985)) {
            survey *s = &g_surveys[g_nsurvey++];
            s->ent = i;
            s->day = chance(0.966) ? rnd_day(g_start, g_aug31) : rnd_day(g_aug31 + 1, min_l(g_aug31 + 75, g_end));
            s->staff = staff;
            s->skilled = staff * rnd_int(10, 35) / 100;
            s->general = staff - s->skilled - staff * rnd_int(3, 12) / 100;
            if (s->general < 0)
                s->general = 0;
            s->vacancies = chance(0.6) ? rnd_int(0, 3 + staff / 10) : 0;
            e->staff = staff;
            e->surveyed = s->day;
            if (chance(0.16) && s->day + 40 < g_end) {
                survey *t = &g_surveys[g_nsurvey++];
                *t = *s;
                t->day = rnd_day(s->day + 30, g_end);
                t->staff = staff + rnd_int(-staff / 10, staff / 8);
                if (t->staff < 1)
                    t->staff = 1;
                t->skilled = t->staff * rnd_int(10, 35) / 100;
                t->general = t->staff - t->skilled - t->staff * rnd_int(3, 12) / 100;
                if (t->general < 0)
                    t->general = 0;
                t->vacancies = rnd_int(0, 3 + t->staff / 12);
                e->staff = t->staff;
                e->surveyed = t->day;
            }
        }
    }
    free(names.slot);
    free(codes.slot);
    qsort(g_surveys, g_nsurvey, sizeof *g_surveys, cmp_survey);
}

/* An enterprise drawn by how much it recruits. */
static size_t rnd_ent(void)
{
    long r = rnd_range(0, g_ent_cum[g_nent - 1] - 1);
    size_t lo = 0, hi = g_nent - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g_ent_cum[mid] > r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static void emit_contract(void)
{
    jy_date s = day_date(g_start);
    char name[128];
    snprintf(name, sizeof name, "新干县县乡村三级就业之家运营服务合同（%d年度）", s.year);
    rec_begin(JY_KIND_CONTRACT);
    rec_str("name", name);
    rec_str("operator", "新干县示例人力资源服务有限公司");
    rec_date("signed_on", g_start);
    rec_date("ends_on", g_end);
    rec_str("rules", "新干县就业之家运营考核细则（默认）");
    rec_str("notes", "合成数据：由 jiuye-gen 生成，仅供测试与演示。");
    rec_end(JY_KIND_CONTRACT);
}

static void emit_enterprises(void)
{
    for (size_t i = 0; i < g_nent; i++) {
        const ent *e = &g_ents[i];
        char addr[160], name[32], phone[12];
        make_name(name, chance(0.6));
        make_phone(phone);
        const jy_township *t = g_towns[e->town];
        if (e->town == g_seat || e->town == g_park || t->kind == JY_TOWNSHIP_STREET ||
            t->village_count == 0)
            snprintf(addr, sizeof addr, "江西省吉安市新干县%s%s%d号", t->name, PICK(road_names),
                     rnd_int(1, 399));
        else {
            const jy_village *v = &t->villages[rnd_below(t->village_count)];
            if (strstr(v->name, "村委会"))
                snprintf(addr, sizeof addr, "江西省吉安市新干县%s%s村%d组", t->name, v->short_name,
                         rnd_int(1, 12));
            else
                snprintf(addr, sizeof addr, "江西省吉安市新干县%s%s%d号", t->name, v->short_name,
                         rnd_int(1, 199));
        }
        rec_begin(JY_KIND_ENTERPRISE);
        rec_str("name", e->name);
        rec_str("credit_code", e->code);
        rec_str("industry", industry_name[e->industry]);
        rec_bool("industrial", e->industrial);
        rec_str("township", g_towns[e->town]->code);
        rec_str("address", addr);
        rec_str("contact_name", name);
        rec_str("contact_phone", phone);
        if (e->registered >= 0)
            rec_date("platform_registered_on", e->registered);
        if (e->authorized >= 0)
            rec_date("authorized_on", e->authorized);
        if (e->wechat >= 0)
            rec_date("wechat_joined_on", e->wechat);
        if (e->demand >= 0)
            rec_date("demand_ledger_on", e->demand);
        if (e->staff > 0) {
            rec_int("staff_count", e->staff);
            rec_date("staff_surveyed_on", e->surveyed);
        }
        rec_end(JY_KIND_ENTERPRISE);
    }
}

static void emit_staff_surveys(void)
{
    static const char *const notes[] = { "企业人事专员填报", "上门摸排核实", "电话核实",
        "企业微信群收集", "园区管委会协助" };
    for (size_t i = 0; i < g_nsurvey; i++) {
        const survey *s = &g_surveys[i];
        rec_begin(JY_KIND_STAFF_SURVEY);
        rec_int("enterprise_id", (long long)s->ent + 1);
        rec_date("surveyed_on", s->day);
        rec_int("staff_count", s->staff);
        rec_int("general_workers", s->general);
        rec_int("skilled_workers", s->skilled);
        rec_int("vacancies", s->vacancies);
        if (chance(0.3))
            rec_str("notes", PICK(notes));
        rec_end(JY_KIND_STAFF_SURVEY);
    }
}

/* ---- Jobs: titles, skills and pay by industry ------------------------------ */

#define B(i) (1u << (i))
#define INDUSTRIAL (B(IND_SALT) | B(IND_LUGGAGE) | B(IND_SMART) | B(IND_MANUF))

typedef struct job {
    const char *title;
    unsigned inds;      /* industries that offer it; 0: any */
    int skilled;
    int pay_lo, pay_hi; /* salary_min drawn in [pay_lo, pay_hi] */
    int age_max;
    const char *education;
    const char *skills[3];
    const char *desc;
    int weight;
} job;

static const job jobs[] = {
    { "箱包车工", B(IND_LUGGAGE), 1, 4500, 6000, 50, "none", { "平车", "高车", "箱包缝纫" },
      "熟练使用平车、高车，有箱包车位经验优先；计件工资，多劳多得，包吃住。", 30 },
    { "裁床工", B(IND_LUGGAGE) | B(IND_MANUF), 1, 4200, 5800, 50, "none", { "裁床", "排料", NULL },
      "负责面料、皮料裁剪，会看纸样，能适应计件；有裁床经验优先。", 12 },
    { "箱包包装工", B(IND_LUGGAGE), 0, 3500, 4500, 55, "none", { "包装", NULL, NULL },
      "成品箱包检验、包装、装箱，长白班，适合宝妈，可就近安排。", 10 },
    { "盐化操作工", B(IND_SALT), 0, 4800, 6000, 45, "senior", { "化工操作", "DCS操作", NULL },
      "负责装置巡检与DCS操作，四班三倒，高中及以上学历，化工专业或有化工厂经验优先，五险一金。", 14 },
    { "化工巡检员", B(IND_SALT), 0, 4500, 5800, 45, "senior", { "化工操作", "设备巡检", NULL },
      "按规程巡检设备、记录运行参数，发现异常及时上报，持证者优先。", 6 },
    { "CNC操作工", B(IND_SMART) | B(IND_MANUF), 1, 5000, 6000, 40, "junior", { "CNC", "数控编程", "看图纸" },
      "会看图纸，能独立上下料、调机，有数控车床或加工中心经验优先，两班倒。", 12 },
    { "电焊工", B(IND_SMART) | B(IND_MANUF) | B(IND_CONSTRUCTION) | B(IND_SALT), 1, 5500, 6000, 50, "none", { "电焊", "气保焊", "焊工证" },
      "持焊工证，熟练氩弧焊、二保焊，能看懂简单图纸，工资面谈可计件。", 10 },
    { "叉车司机", INDUSTRIAL | B(IND_LOGISTICS), 1, 4500, 5500, 50, "junior", { "叉车", "叉车证", NULL },
      "持有效叉车证，负责厂区物料装卸转运，安全意识强，长白班。", 9 },
    { "仓管员", INDUSTRIAL | B(IND_LOGISTICS) | B(IND_ECOMMERCE), 0, 3800, 4800, 45, "senior", { "电脑操作", "Excel", "仓库管理" },
      "负责出入库登记、盘点、单据录入，会使用Excel，细心负责。", 9 },
    { "普工", INDUSTRIAL, 0, 3800, 5000, 55, "none", { "流水线", NULL, NULL },
      "流水线操作，无经验可培训上岗，包吃住，购买社保，男女不限。", 40 },
    { "质检员", INDUSTRIAL, 0, 4000, 5000, 45, "senior", { "质量检验", "看图纸", NULL },
      "按标准检验来料与成品，做好记录，有品质部门经验优先。", 10 },
    { "装配工", B(IND_SMART) | B(IND_MANUF), 0, 4000, 5200, 45, "junior", { "装配", "电动工具", NULL },
      "电子元器件、整机装配，坐班，视力好，动手能力强。", 10 },
    { "电工", INDUSTRIAL | B(IND_CONSTRUCTION) | B(IND_SERVICES), 1, 5000, 6000, 55, "vocational", { "电工", "电工证", NULL },
      "持低压电工证，负责厂区设备与线路日常维护、检修。", 6 },
    { "机修工", INDUSTRIAL, 1, 5200, 6000, 50, "junior", { "设备维修", "钳工", NULL },
      "负责生产设备保养与维修，有缝纫机或机械设备维修经验优先。", 5 },
    { "电商主播", B(IND_ECOMMERCE) | B(IND_LUGGAGE) | B(IND_AGRICULTURE), 1, 4000, 6000, 35, "senior", { "直播", "普通话", "短视频" },
      "负责抖音、视频号带货直播，形象好、普通话标准，有直播经验优先，底薪加提成。", 8 },
    { "电商运营", B(IND_ECOMMERCE) | B(IND_LUGGAGE), 1, 4000, 5500, 40, "college", { "店铺运营", "电脑操作", NULL },
      "负责网店日常运营、上架、活动报名与数据分析。", 5 },
    { "客服专员", B(IND_ECOMMERCE) | B(IND_SERVICES) | B(IND_LOGISTICS), 0, 3200, 4200, 40, "senior", { "电脑操作", "打字", NULL },
      "线上接待客户咨询与售后处理，打字快，有耐心，可居家培训。", 6 },
    { "保洁", B(IND_SERVICES), 0, 3000, 3400, 60, "none", { "保洁", "家政", NULL },
      "负责小区、写字楼公共区域清洁，身体健康，做六休一。", 10 },
    { "保安", B(IND_SERVICES) | INDUSTRIAL, 0, 3000, 3800, 60, "none", { "安保", NULL, NULL },
      "门岗值守、巡逻，退役军人优先，身体健康，两班倒。", 10 },
    { "厨师", B(IND_SERVICES) | INDUSTRIAL, 1, 4500, 6000, 55, "none", { "厨艺", "健康证", NULL },
      "负责食堂或酒店后厨，会做赣菜，持健康证，包吃住。", 7 },
    { "服务员", B(IND_SERVICES), 0, 3000, 3600, 45, "none", { "餐饮服务", NULL, NULL },
      "餐厅传菜、点单、收台，形象端正，待人热情。", 8 },
    { "会计", 0, 1, 3800, 5500, 45, "college", { "会计", "财务软件", "初级会计证" },
      "负责日常账务处理、纳税申报，持初级会计证，熟练使用财务软件。", 6 },
    { "护工", B(IND_SERVICES), 0, 3800, 5000, 58, "none", { "护理", "养老护理", NULL },
      "照护失能、半失能老人日常起居，有护理员证优先，可提供培训。", 5 },
    { "货车司机", B(IND_LOGISTICS) | B(IND_SALT) | B(IND_CONSTRUCTION), 1, 5500, 6000, 55, "junior", { "驾驶", "B2驾照", NULL },
      "持A2/B2驾照，负责县内及周边货物配送，熟悉路况，无不良驾驶记录。", 6 },
    { "快递分拣员", B(IND_LOGISTICS) | B(IND_ECOMMERCE), 0, 3500, 4500, 50, "none", { "分拣", NULL, NULL },
      "快件分拣、扫描、装车，夜班有补贴，可日结试工。", 7 },
    { "钢筋工", B(IND_CONSTRUCTION), 1, 5500, 6000, 55, "none", { "钢筋", NULL, NULL },
      "会看施工图，熟练钢筋绑扎、加工，按天或按方量计。", 4 },
    { "泥瓦工", B(IND_CONSTRUCTION), 1, 5500, 6000, 58, "none", { "泥瓦", "贴砖", NULL },
      "室内外抹灰、砌墙、贴砖，工艺好，按平方计价。", 4 },
    { "农业技术员", B(IND_AGRICULTURE), 1, 3800, 5000, 50, "vocational", { "种植", "农技", NULL },
      "负责基地蔬菜、果树种植管理与病虫害防治，农学相关专业优先。", 4 },
    { "养殖工", B(IND_AGRICULTURE), 0, 3500, 4500, 58, "none", { "养殖", NULL, NULL },
      "负责猪场（鸡场）日常喂养、清洁、防疫，包吃住。", 4 },
    { "行政文员", 0, 0, 3200, 4200, 35, "college", { "办公软件", "电脑操作", NULL },
      "负责文件收发、档案整理、考勤统计，熟练使用办公软件。", 6 },
    { "销售代表", B(IND_OTHER) | B(IND_SERVICES) | B(IND_AGRICULTURE) | B(IND_MANUF), 0, 3500, 5000, 40, "senior", { "销售", "沟通", NULL },
      "负责区域客户开发与维护，底薪加提成，能适应短期出差。", 5 },
};

/* Gig work (零工): by the day or the task, pay as written. */
typedef struct gig_job {
    const char *title;
    unsigned inds;
    const char *pay;
    const char *skill;
    const char *desc;
} gig_job;

static const gig_job gig_jobs[] = {
    { "日结搬运工", 0, "180-220元/天", "搬运", "货物装卸搬运，日结工资，身体健康即可。" },
    { "临时装卸工", B(IND_LOGISTICS) | INDUSTRIAL, "200元/天", "搬运", "到货高峰期装卸货，按天结算，干满一周另有补贴。" },
    { "钟点保洁", B(IND_SERVICES), "25元/小时", "保洁", "家庭或门店保洁，按小时计费，时间灵活。" },
    { "采摘工", B(IND_AGRICULTURE), "150元/天", "种植", "基地蔬菜水果采摘、分拣，包午餐，按天结算。" },
    { "农忙帮工", B(IND_AGRICULTURE), "160-200元/天", "种植", "双抢季节插秧、收割帮工，日结。" },
    { "临时促销员", B(IND_SERVICES) | B(IND_OTHER) | B(IND_ECOMMERCE), "150元/天", "销售", "节假日商超促销，按天结算，提成另计。" },
    { "活动礼仪", B(IND_SERVICES), "200元/场", NULL, "庆典、展会礼仪服务，身高160以上，按场计费。" },
    { "装修小工", B(IND_CONSTRUCTION), "200-250元/天", "泥瓦", "配合师傅搬运材料、清理现场，日结。" },
    { "临时包装工", B(IND_LUGGAGE) | B(IND_MANUF) | B(IND_ECOMMERCE), "15元/小时", "包装", "旺季赶货包装，计时或计件，干满可日结。" },
    { "家电安装工", B(IND_SERVICES) | B(IND_OTHER), "80元/台", "电工", "空调、热水器上门安装，按台计费，持电工证或登高证优先。" },
    { "红白喜事厨师", B(IND_SERVICES), "300元/场", "厨艺", "乡村宴席掌勺，按场结算。" },
    { "临时保安", B(IND_SERVICES), "180元/天", "安保", "大型活动安保执勤，按天结算。" },
};

static const char *const posting_sources[] = { "平台发布", "企业走访", "电话收集", "企业微信群",
    "直播带岗", "现场招聘会", "乡镇就业之家" };

typedef struct post {
    long day, closed; /* closed: -1 while open */
    size_t ent;
    int job;          /* index into jobs[] or gig_jobs[] */
    int gig;
    size_t seq;       /* order of planning: ties in sorting */
} post;

static post *g_posts;
static size_t g_npost;

static int cmp_post(const void *a, const void *b)
{
    const post *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int job_for(int industry)
{
    for (int tries = 0; tries < 200; tries++) {
        size_t i = rnd_below(ARRAY_LEN(jobs));
        if ((jobs[i].inds == 0 || (jobs[i].inds & B(industry))) && rnd_int(1, 40) <= jobs[i].weight)
            return (int)i;
    }
    return 9; /* 普工 */
}

static int gig_for(int industry)
{
    for (int tries = 0; tries < 100; tries++) {
        size_t i = rnd_below(ARRAY_LEN(gig_jobs));
        if (gig_jobs[i].inds == 0 || (gig_jobs[i].inds & B(industry)))
            return (int)i;
    }
    return 0;
}

/* First day of the month after the one of `day`. */
static long next_month(long day)
{
    jy_date d = day_date(day);
    return d.month == 12 ? date_day(d.year + 1, 1, 1) : date_day(d.year, d.month + 1, 1);
}

/*
 * Postings: published every month, at least 50 distinct enterprises a month
 * (1.1) and well over 300 postings (3.3); about 6 % gig work (1.2: >= 1000).
 */
static void plan_postings(void)
{
    g_npost = scaled(20000, 24);
    g_posts = xmalloc(g_npost * sizeof *g_posts);
    size_t ngig = scaled(1200, 3);
    size_t *perm = xmalloc(g_nent * sizeof *perm);
    long year_len = g_end - g_start + 1;
    size_t k = 0;
    for (long m = g_start; m <= g_end; m = next_month(m)) {
        long m_end = min_l(next_month(m) - 1, g_end);
        size_t upto = (size_t)((double)g_npost * (double)(m_end - g_start + 1) / (double)year_len + 0.5);
        if (m_end == g_end)
            upto = g_npost;
        for (size_t i = 0; i < g_nent; i++)
            perm[i] = i;
        shuffle_sizes(perm, g_nent);
        size_t distinct = g_nent < 64 ? g_nent : 64;
        for (size_t j = 0; k < upto; k++, j++) {
            post *p = &g_posts[k];
            p->day = rnd_day(m, m_end);
            p->ent = j < distinct ? perm[j] : rnd_ent();
            p->seq = k;
            p->gig = rnd_below(g_npost - k) < ngig; /* exactly ngig in all */
            if (p->gig)
                ngig--;
            int ind = g_ents[p->ent].industry;
            p->job = p->gig ? gig_for(ind) : job_for(ind);
            long life = p->gig ? rnd_range(3, 20) : rnd_range(20, 120);
            p->closed = p->day + life <= g_end && chance(0.9) ? p->day + life : -1;
        }
    }
    free(perm);
    qsort(g_posts, g_npost, sizeof *g_posts, cmp_post);
}

static void emit_postings(void)
{
    jy_date s = day_date(g_start);
    for (size_t i = 0; i < g_npost; i++) {
        const post *p = &g_posts[i];
        const ent *e = &g_ents[p->ent];
        rec_begin(JY_KIND_POSTING);
        rec_int("enterprise_id", (long long)p->ent + 1);
        if (p->gig) {
            const gig_job *g = &gig_jobs[p->job];
            rec_str("title", g->title);
            rec_str("description", g->desc);
            if (g->skill)
                rec_list("skills", &g->skill, 1);
            rec_int("headcount", rnd_int(1, 10));
            rec_str("salary_text", g->pay);
            rec_int("age_min", 18);
            rec_int("age_max", rnd_int(50, 65));
            rec_str("education", "none");
            rec_str("township", g_towns[e->town]->code);
            rec_str("kind", "gig");
            rec_str("worker_type", "general");
        } else {
            const job *j = &jobs[p->job];
            rec_str("title", j->title);
            rec_str("description", j->desc);
            size_t ns = 0;
            while (ns < 3 && j->skills[ns])
                ns++;
            if (ns)
                rec_list("skills", j->skills, ns);
            rec_int("headcount", j->skilled ? rnd_int(1, 8) : rnd_int(2, 30));
            if (chance(0.05)) {
                rec_str("salary_text", "面议");
            } else {
                int lo = rnd_int(j->pay_lo / 100, j->pay_hi / 100) * 100;
                int hi = lo + rnd_int(5, 30) * 100;
                rec_int("salary_min", lo);
                rec_int("salary_max", hi);
                char text[64];
                if (chance(0.3) && (hi - lo) % 1000 == 0 && lo % 1000 == 0)
                    snprintf(text, sizeof text, "%dk-%dk", lo / 1000, hi / 1000);
                else
                    snprintf(text, sizeof text, "%d-%d元/月%s", lo, hi,
                             j->skilled && chance(0.3) ? "（计件）" : "");
                rec_str("salary_text", text);
            }
            int age_min = chance(0.8) ? 18 : 20;
            int age_max = j->age_max - 5 * rnd_int(0, 1);
            rec_int("age_min", age_min);
            rec_int("age_max", age_max);
            rec_str("education", j->education);
            rec_str("township", g_towns[e->town]->code);
            rec_str("kind", "full_time");
            rec_str("worker_type", j->skilled ? "skilled" : "general");
        }
        rec_date("published_on", p->day);
        if (p->closed >= 0)
            rec_date("closed_on", p->closed);
        const char *src = PICK(posting_sources);
        rec_str("source", src);
        if (!strcmp(src, "平台发布")) {
            char ext[32];
            snprintf(ext, sizeof ext, "XGJY%d%06zu", s.year, i + 1);
            rec_str("external_id", ext);
        }
        rec_end(JY_KIND_POSTING);
    }
}

/* ---- The labor survey ------------------------------------------------------ */

static const char *const education_name[] = { "none", "primary", "junior", "senior",
    "vocational", "college", "bachelor", "master" };
enum { EDU_NONE, EDU_PRIMARY, EDU_JUNIOR, EDU_SENIOR, EDU_VOCATIONAL, EDU_COLLEGE, EDU_BACHELOR, EDU_MASTER };

enum { ST_COUNTY, ST_PROVINCE, ST_OUTSIDE, ST_FLEXIBLE, ST_SELF, ST_UNEMPLOYED, ST_FARMING,
       ST_STUDENT, ST_OTHER, ST_COUNT };
static const char *const status_name[ST_COUNT] = { "employed_county", "employed_province",
    "employed_outside", "flexible", "self_employed", "unemployed", "farming", "student", "other" };

typedef struct labor {
    person p;
    long surveyed;
    size_t vill;
    int edu, status, age;
    int key, returnee, wish_local, needs_job, linked;
} labor;

static labor *g_labor;
static size_t g_nlabor;

static const char *const places_outside[] = { "广东省东莞市", "广东省深圳市", "广东省广州市",
    "广东省佛山市", "广东省中山市", "浙江省义乌市", "浙江省宁波市", "浙江省温州市", "福建省晋江市",
    "福建省厦门市", "上海市", "江苏省苏州市", "江苏省昆山市", "湖南省长沙市" };
static const char *const places_province[] = { "南昌市", "吉安市", "樟树市", "峡江县", "丰城市",
    "赣州市", "九江市", "上饶市", "吉安市井冈山经济技术开发区" };
static const char *const jobs_outside[] = { "电子厂普工", "服装厂车工", "建筑工", "装修工",
    "快递员", "外卖骑手", "厨师", "货车司机", "模具工", "箱包车工", "保安", "销售", "电焊工",
    "流水线操作工", "仓库管理" };
static const char *const jobs_flexible[] = { "网约车司机", "外卖骑手", "零工", "家政服务", "快递员",
    "直播带货", "装修散工" };
static const char *const jobs_self[] = { "开小超市", "经营餐饮店", "开网店", "种养殖大户",
    "开理发店", "个体运输", "农资经营" };
static const char *const jobs_farming[] = { "水稻种植", "柑橘种植", "蔬菜种植", "生猪养殖",
    "家禽养殖", "三湖红橘种植", "油茶种植" };
static const char *const skill_pool[] = { "电焊", "缝纫", "驾驶", "厨艺", "电工", "叉车", "电脑操作",
    "种植", "养殖", "泥瓦", "木工", "直播", "家政", "育婴", "美发", "平车", "数控", "维修" };

static int pick_education(int birth_year)
{
    static const int old_w[] = { 0, 35, 45, 15, 3, 2, 0, 0 };
    static const int mid_w[] = { 0, 10, 50, 20, 10, 7, 3, 0 };
    static const int young_w[] = { 0, 1, 25, 20, 20, 20, 12, 2 };
    const int *w = birth_year < 1975 ? old_w : birth_year < 1990 ? mid_w : young_w;
    return (int)rnd_weighted(w, 8);
}

static int pick_status(int age, int returnee)
{
    static const int young_w[ST_COUNT] = { 10, 8, 20, 5, 1, 7, 0, 45, 4 };
    static const int mid_w[ST_COUNT] = { 22, 12, 38, 9, 7, 4, 4, 0, 4 };
    static const int old_w[ST_COUNT] = { 18, 8, 22, 10, 6, 5, 28, 0, 3 };
    static const int back_w[ST_COUNT] = { 35, 0, 0, 20, 10, 25, 10, 0, 0 };
    if (returnee)
        return (int)rnd_weighted(back_w, ST_COUNT);
    return (int)rnd_weighted(age <= 22 ? young_w : age <= 45 ? mid_w : old_w, ST_COUNT);
}

/* Residents aged 16-60 (weights by five-year band: more of working age). */
static int pick_age(void)
{
    static const int band_w[] = { 6, 8, 10, 11, 11, 11, 12, 12, 10 };
    size_t b = rnd_weighted(band_w, ARRAY_LEN(band_w));
    return b == 0 ? rnd_int(16, 20) : 21 + 5 * (int)(b - 1) + rnd_int(0, 4);
}

/* A birth day making someone exactly `age` on `on`. */
static long birth_for_age(int age, long on)
{
    for (;;) {
        long b = add_years(on, -age) - rnd_range(0, 364);
        int got;
        if (jy_date_age(&got, day_date(b), day_date(on)) == JY_OK && got == age)
            return b;
    }
}

static void plan_and_emit_labor(void)
{
    for (size_t i = 0; i < g_nvill; i++)
        make_name(g_brokers[i], chance(0.55));
    g_nlabor = scaled(150000, 120);
    g_labor = xmalloc(g_nlabor * sizeof *g_labor);
    for (size_t i = 0; i < g_nlabor; i++) {
        labor *l = &g_labor[i];
        /* The survey campaign: from the start of the year to 31 August (10.1). */
        l->surveyed = rnd_day(g_start, g_aug31);
        l->age = pick_age();
        make_person(&l->p, birth_for_age(l->age, l->surveyed), NULL);
        l->vill = rnd_below(g_nvill);
        l->edu = pick_education(day_date(l->p.birth).year);
        l->returnee = chance(0.08) && l->age >= 20;
        l->status = pick_status(l->age, l->returnee);
        if (l->status == ST_STUDENT && l->edu > EDU_SENIOR && l->age < 19)
            l->edu = EDU_SENIOR;

        const char *work = NULL, *employer = NULL;
        switch (l->status) {
        case ST_OUTSIDE: work = PICK(jobs_outside); employer = PICK(places_outside); break;
        case ST_PROVINCE: work = PICK(jobs_outside); employer = PICK(places_province); break;
        case ST_COUNTY:
            if (chance(0.75)) {
                size_t e = rnd_ent();
                employer = g_ents[e].name;
                work = jobs[job_for(g_ents[e].industry)].title;
            } else {
                employer = "县城个体商户";
                work = PICK(jobs_flexible);
            }
            break;
        case ST_FLEXIBLE: work = PICK(jobs_flexible); break;
        case ST_SELF: work = PICK(jobs_self); employer = "个体经营"; break;
        case ST_FARMING: work = PICK(jobs_farming); break;
        default: break;
        }

        const char *skills[2];
        size_t nskills = 0;
        if (chance(0.45)) {
            skills[nskills++] = PICK(skill_pool);
            if (chance(0.3)) {
                const char *s2 = PICK(skill_pool);
                if (strcmp(s2, skills[0]))
                    skills[nskills++] = s2;
            }
        }

        /* Key groups: about 10 % carry a tag (12.1). */
        const char *tags[8];
        size_t ntags = 0;
        if (l->returnee && chance(0.3))
            tags[ntags++] = "returnee";
        if (chance(0.022))
            tags[ntags++] = "poverty_alleviated";
        if ((l->status == ST_OUTSIDE || l->status == ST_PROVINCE) && chance(0.03))
            tags[ntags++] = "rural_migrant";
        if (l->age <= 24 && l->edu >= EDU_COLLEGE && chance(0.5))
            tags[ntags++] = "graduate";
        if (l->p.male && l->age >= 22 && l->age <= 50 && chance(0.015))
            tags[ntags++] = "veteran";
        if (chance(0.006))
            tags[ntags++] = "disabled";
        if (chance(0.008))
            tags[ntags++] = "low_income";
        if (l->status == ST_UNEMPLOYED && chance(0.2))
            tags[ntags++] = "hard_to_employ";
        l->key = ntags > 0;

        int needs_job = l->needs_job = l->status == ST_UNEMPLOYED ? chance(0.85)
                      : l->status == ST_FLEXIBLE || l->returnee ? chance(0.3) : chance(0.05);
        if (l->returnee)
            l->wish_local = chance(0.7);
        else if (l->status == ST_OUTSIDE)
            l->wish_local = chance(0.15);

        rec_begin(JY_KIND_LABOR);
        rec_str("id_number", l->p.id);
        rec_str("name", l->p.name);
        if (chance(0.93))
            rec_str("phone", l->p.phone);
        rec_str("township", g_towns[g_vill_town[l->vill]]->code);
        rec_str("village", g_vills[l->vill]->code);
        rec_str("education", education_name[l->edu]);
        rec_str("employment_status", status_name[l->status]);
        if (work)
            rec_str("job", work);
        if (employer)
            rec_str("employer", employer);
        if (nskills)
            rec_list("skills", skills, nskills);
        rec_bool("needs_job", needs_job);
        rec_bool("needs_entrepreneurship", chance(l->status == ST_SELF || l->returnee ? 0.12 : 0.03));
        rec_bool("needs_training", chance(l->status == ST_UNEMPLOYED ? 0.35 : 0.10));
        if (ntags)
            rec_list("key_groups", tags, ntags);
        rec_bool("returnee", l->returnee);
        if (l->returnee || l->status == ST_OUTSIDE)
            rec_bool("wish_local", l->wish_local);
        rec_date("surveyed_on", l->surveyed);
        rec_str("surveyor", g_brokers[l->vill]);
        rec_end(JY_KIND_LABOR);
    }
}

/* ---- Jobseekers, follow-ups, verifications ------------------------------- */

typedef struct seeker {
    long reg;
    char name[32];
    long labor;   /* labor id (1-based), 0 if none */
    int resume, in_county, age;
} seeker;

static seeker *g_seekers;
static size_t g_nseeker;

/* Neighbouring counties: code since 2000, code before (吉安地区 3624xx, 宜春地区 3622xx). */
static const char *const neighbor_regions[][2] = { { "360823", "362423" }, { "360825", "362425" },
    { "360821", "362421" }, { "360822", "362422" }, { "360982", "362203" }, { "360981", "362202" },
    { "360124", "360124" } };

/* The region of someone from a neighbouring county born on `birth`. */
static const char *neighbor_region(long birth)
{
    size_t i = rnd_below(ARRAY_LEN(neighbor_regions));
    return day_date(birth).year < 2000 && chance(0.70) ? neighbor_regions[i][1] : neighbor_regions[i][0];
}
static const char *const wish_variants[] = { "操作工", "焊工", "驾驶员", "箱包车位", "普工/操作工",
    "电焊", "司机", "仓库管理员", "文员", "主播", "ＣＮＣ", "保安员", "保洁员" };

static void make_wish(char *out, size_t n, int salary, int age, int male)
{
    const char *w = chance(0.15) ? PICK(wish_variants) : jobs[job_for(rnd_int(0, IND_COUNT - 1))].title;
    int t = rnd_int(0, 9);
    if (t == 4 && (male || age > 42))
        t = 1;
    else if (t == 5 && age < 45)
        t = 2;
    else if (t == 7 && age > 25)
        t = 0;
    switch (t) {
    case 0: snprintf(out, n, "想找离家近的%s，月薪%d以上", w, salary); break;
    case 1: snprintf(out, n, "找%s工作，最好包吃住", w); break;
    case 2: snprintf(out, n, "%s，有经验，希望长白班", w); break;
    case 3: snprintf(out, n, "想在县城找份%s的活，工资%d左右", w, salary); break;
    case 4: snprintf(out, n, "宝妈，想找能接送孩子的%s，最好八点后上班", w); break;
    case 5: snprintf(out, n, "年纪大了，想找保洁、保安之类轻松点的活"); break;
    case 6: snprintf(out, n, "会开叉车，想找仓库或物流的工作，%d以上", salary); break;
    case 7: snprintf(out, n, "刚毕业，想找%s，可以从学徒做起", w); break;
    case 8: snprintf(out, n, "零工也行，按天结算，%s优先", w); break;
    default: snprintf(out, n, "想进园区工厂做%s，要交社保", w); break;
    }
}

/* Registration date: all year, busier after the Spring Festival and in March. */
static long rnd_registration(void)
{
    if (chance(0.2))
        return rnd_day(g_start, min_l(g_start + 45, g_end));
    if (chance(0.08))
        return rnd_day(max_l(g_end - 30, g_start), g_end);
    return rnd_day(g_start, g_end);
}

static void plan_and_emit_jobseekers(void)
{
    g_nseeker = scaled(20000, 40);
    g_seekers = xmalloc(g_nseeker * sizeof *g_seekers);
    for (size_t i = 0; i < g_nseeker; i++) {
        seeker *s = &g_seekers[i];
        s->reg = rnd_registration();
        const labor *l = NULL;
        if (chance(0.35)) {
            for (int tries = 0; tries < 30 && !l; tries++) {
                labor *c = &g_labor[rnd_below(g_nlabor)];
                int age;
                if (c->linked || jy_date_age(&age, day_date(c->p.birth), day_date(s->reg)) != JY_OK ||
                    age < 18 || age > 60)
                    continue;
                if (c->status == ST_UNEMPLOYED || c->returnee || c->status == ST_FLEXIBLE || chance(0.2)) {
                    c->linked = 1;
                    l = c;
                    s->age = age;
                }
            }
        }
        person fresh;
        const person *p;
        int edu;
        size_t town;
        if (l) {
            p = &l->p;
            s->labor = (long)(l - g_labor) + 1;
            s->in_county = 1;
            edu = l->edu;
            town = g_vill_town[l->vill];
        } else {
            s->age = rnd_int(18, 58);
            s->in_county = chance(0.88);
            long birth = birth_for_age(s->age, s->reg);
            make_person(&fresh, birth, s->in_county ? NULL : neighbor_region(birth));
            p = &fresh;
            s->labor = 0;
            edu = pick_education(day_date(fresh.birth).year);
            town = rnd_town();
        }
        memcpy(s->name, p->name, sizeof s->name);
        s->resume = chance(0.72);
        int salary = rnd_int(6, 16) * 500;
        char wish[256];
        make_wish(wish, sizeof wish, salary, s->age, p->male);

        rec_begin(JY_KIND_JOBSEEKER);
        rec_str("name", p->name);
        if (l || chance(0.95))
            rec_str("id_number", p->id);
        if (chance(0.97))
            rec_str("phone", p->phone);
        if (s->labor)
            rec_int("labor_id", s->labor);
        rec_date("registered_on", s->reg);
        rec_str("wishes", wish);
        if (chance(0.5)) {
            const char *sk = PICK(skill_pool);
            rec_list("skills", &sk, 1);
        }
        if (chance(0.7))
            rec_str("township", g_towns[town]->code);
        rec_int("salary_wish", salary);
        rec_int("age", s->age);
        rec_str("education", education_name[edu < EDU_PRIMARY ? EDU_PRIMARY : edu]);
        rec_bool("resume_on_platform", s->resume);
        rec_bool("in_county", s->in_county);
        rec_end(JY_KIND_JOBSEEKER);
    }
}

static void emit_followups(void)
{
    static const int kind_w[] = { 45, 10, 25, 12, 6, 2 };
    static const char *const kinds[] = { "phone", "visit", "wechat", "referral", "interview", "other" };
    char text[192];
    for (size_t i = 0; i < g_nseeker; i++) {
        /* MISS 1.4: about 5 % of jobseekers are never followed up. */
        if (chance(0.05))
            continue;
        int n = rnd_int(1, 3);
        long day = g_seekers[i].reg + rnd_range(0, 10);
        for (int k = 0; k < n && day <= g_end; k++, day += rnd_range(3, 30)) {
            size_t kind = rnd_weighted(kind_w, ARRAY_LEN(kind_w));
            switch (kind) {
            case 0: {
                static const char *const o[] = { "电话回访，已推荐匹配岗位", "电话未接通，已发短信",
                    "求职者已自行就业", "暂无合适岗位，继续关注", "了解求职意向，已更新登记信息" };
                snprintf(text, sizeof text, "%s", PICK(o));
                break;
            }
            case 1: snprintf(text, sizeof text, "入户走访，了解就业意愿和家庭情况"); break;
            case 2: snprintf(text, sizeof text, "微信推送匹配岗位%d个，已拉入求职者微信群", rnd_int(2, 8)); break;
            case 3: snprintf(text, sizeof text, "推荐至%s面试", g_ents[rnd_ent()].name); break;
            case 4: {
                static const char *const o[] = { "已参加面试，等待结果", "面试通过，待入职",
                    "面试未通过，继续推荐" };
                snprintf(text, sizeof text, "%s", PICK(o));
                break;
            }
            default: snprintf(text, sizeof text, "邀请参加周三直播带岗"); break;
            }
            rec_begin(JY_KIND_FOLLOWUP);
            rec_int("jobseeker_id", (long long)i + 1);
            rec_date("date", day);
            rec_str("kind", kinds[kind]);
            rec_str("outcome", text);
            rec_end(JY_KIND_FOLLOWUP);
        }
    }
}

/* Spot checks of the labor survey: about 93 % accurate (10.2: >= 90 %). */
static void emit_verifications(void)
{
    static const char *const wrong[] = { "电话号码已停用", "就业状况已变化，已外出务工",
        "村组信息有误", "文化程度填报有误", "本人已返乡，就业状况未更新", "联系电话为家属号码" };
    static const char *const right[] = { "电话核实", "入户核实", "村委会核实" };
    char checkers[6][32];
    for (size_t i = 0; i < ARRAY_LEN(checkers); i++)
        make_name(checkers[i], chance(0.5));
    size_t n = scaled(3000, 12);
    if (n > g_nlabor)
        n = g_nlabor;
    unsigned char *used = xmalloc(g_nlabor);
    for (size_t k = 0; k < n; k++) {
        size_t i;
        do
            i = rnd_below(g_nlabor);
        while (used[i]);
        used[i] = 1;
        long day = min_l(g_labor[i].surveyed + rnd_range(3, 60), g_end);
        int ok = chance(0.93);
        rec_begin(JY_KIND_VERIFICATION);
        rec_int("labor_id", (long long)i + 1);
        rec_date("checked_on", day);
        rec_bool("accurate", ok);
        rec_str("checker", checkers[rnd_below(ARRAY_LEN(checkers))]);
        if (!ok)
            rec_str("notes", PICK(wrong));
        else if (chance(0.4))
            rec_str("notes", PICK(right));
        rec_end(JY_KIND_VERIFICATION);
    }
    free(used);
}

/* ---- Events ------------------------------------------------------------------ */

typedef struct event {
    long day;
    size_t seq;
    char *text;
    int tea; /* tea meeting number (1-based), 0 otherwise */
} event;

static event *g_events;
static size_t g_nevent, g_event_cap;
static size_t g_tea_ents[8][10]; /* enterprises at each tea meeting */
static size_t g_tea_n[8];
static long g_tea_id[8];         /* event ids of the tea meetings, after sorting */
static int g_ntea;

static void ev_begin(const char *kind, long day)
{
    rec_begin(JY_KIND_EVENT);
    rec_str("kind", kind);
    rec_date("date", day);
}

static void ev_end(long day, int tea)
{
    if (g_nevent == g_event_cap) {
        g_event_cap = g_event_cap ? g_event_cap * 2 : 1024;
        event *e = realloc(g_events, g_event_cap * sizeof *e);
        if (!e)
            die("out of memory");
        g_events = e;
    }
    event *e = &g_events[g_nevent];
    e->day = day;
    e->seq = g_nevent++;
    e->text = rec_take();
    e->tea = tea;
}

static int cmp_event(const void *a, const void *b)
{
    const event *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Day number of the first given weekday (0 = Monday) on or after `day`. */
static long on_or_after(long day, int wd)
{
    return day + (wd - weekday(day) + 7) % 7;
}

/* The first occurrence of month/day within the contract year, or -1. */
static long in_year(int month, int mday)
{
    int y0 = day_date(g_start).year;
    for (int y = y0; y <= y0 + 1; y++) {
        long d = date_day(y, month, mday);
        if (d >= g_start && d <= g_end)
            return d;
    }
    return -1;
}

/* "2026-04" */
static void month_label(char out[32], long day)
{
    jy_date d = day_date(day);
    snprintf(out, 32, "%04d-%02d", d.year, d.month);
}

/* Contract quarters: [start of quarter q, start of q+1). */
static long quarter_start(int q)
{
    long d = g_start;
    for (int i = 0; i < 3 * q; i++)
        d = next_month(d);
    return q == 0 ? g_start : d;
}

/* A quarter labelled by the calendar quarter of its middle month: "2026-Q2". */
static void quarter_label(char out[32], int q)
{
    jy_date d = day_date(next_month(quarter_start(q)));
    snprintf(out, 32, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
}

static long rnd_workday(long from, long to)
{
    for (int tries = 0; tries < 20; tries++) {
        long d = rnd_day(from, to);
        if (weekday(d) < 5)
            return d;
    }
    return from;
}

static void plan_events(void)
{
    char title[256], period[32];
    static const char *const live_channels[] = { "抖音", "视频号", "新干微就业" };

    /* 5.1, 5.3: a live job show every Wednesday at 19:00, 90-120 minutes, 30+ jobs. */
    int n = 0;
    for (long d = on_or_after(g_start, 2); d <= g_end; d += 7) {
        n++;
        ev_begin("live_show", d);
        snprintf(title, sizeof title, "“新干微就业”第%d期直播带岗", n);
        rec_str("title", title);
        rec_str("starts_at", "19:00");
        /* MISS 5.3: the 17th show was cut short by a network failure. */
        rec_int("minutes", n == 17 ? 80 : rnd_int(9, 12) * 10);
        rec_int("jobs_shown", rnd_int(30, 60));
        rec_int("views", rnd_int(2000, 15000));
        rec_str("channel", PICK(live_channels));
        if (n == 17)
            rec_str("notes", "网络故障提前结束");
        ev_end(d, 0);
    }
    /* 5.2: a live show on the first day off of each public holiday of the
     * official calendar in the contract year. */
    jy_calendar *cal = NULL;
    if (jy_calendar_load_default(&cal) == JY_OK) {
        for (size_t i = 0; i < jy_calendar_holiday_count(cal); i++) {
            const jy_holiday *h = jy_calendar_holiday_at(cal, i);
            long d = date_day(h->first.year, h->first.month, h->first.day);
            if (d < g_start || d > g_end)
                continue;
            ev_begin("live_show", d);
            snprintf(title, sizeof title, "%s假期专场直播带岗", h->name);
            rec_str("title", title);
            rec_str("starts_at", "10:00");
            rec_int("minutes", rnd_int(10, 12) * 10);
            rec_int("jobs_shown", rnd_int(40, 80));
            rec_str("holiday", h->name);
            rec_int("views", rnd_int(5000, 20000));
            rec_str("channel", "抖音");
            ev_end(d, 0);
        }
        jy_calendar_free(cal);
    }
    /* 5.4: streamer visits to enterprises. */
    for (int i = 0; i < 32; i++) {
        long d = rnd_workday(g_start, g_end);
        size_t e = rnd_ent();
        ev_begin("streamer_visit", d);
        snprintf(title, sizeof title, "主播探企：走进%s", g_ents[e].name);
        rec_str("title", title);
        rec_str("township", g_towns[g_ents[e].town]->code);
        rec_int("views", rnd_int(1500, 9000));
        rec_int("enterprise_id", (long long)e + 1);
        rec_str("channel", PICK(live_channels));
        ev_end(d, 0);
    }
    /* Monthly: online job fair (3.4), supervision (2.5), boards (1.3), followers (4.2), reports (2.6, 11.1). */
    static const char *const boards[] = { "posting_board", "gig_board", "notice_board" };
    int m = 0;
    for (long ms = g_start; ms <= g_end; ms = next_month(ms), m++) {
        long me = min_l(next_month(ms) - 1, g_end);
        jy_date md = day_date(ms);
        month_label(period, ms);
        long d = rnd_workday(ms, me);
        ev_begin("online_job_fair", d);
        snprintf(title, sizeof title, "%d月新干县网络招聘会", md.month);
        rec_str("title", title);
        rec_int("jobs_shown", rnd_int(200, 600));
        rec_int("count", rnd_int(40, 90));
        rec_str("channel", "吉安市级公共就业服务网站");
        ev_end(d, 0);

        d = rnd_workday(ms, me);
        size_t t = (size_t)m % g_ntown;
        ev_begin("supervision", d);
        snprintf(title, sizeof title, "%s就业之家%d月业务督导", g_towns[t]->name, md.month);
        rec_str("title", title);
        rec_str("township", g_towns[t]->code);
        ev_end(d, 0);

        for (size_t b = 0; b < ARRAY_LEN(boards); b++) {
            d = rnd_day(ms, min_l(ms + 9, me));
            ev_begin("board_update", d);
            rec_str("board", boards[b]);
            snprintf(title, sizeof title, "%d月阵地更新", md.month);
            rec_str("title", title);
            ev_end(d, 0);
        }

        ev_begin("followers", me);
        rec_int("count", rnd_int(380, 650));
        rec_str("period", period);
        rec_str("channel", "新干微就业");
        ev_end(me, 0);

        /* The monthly report on the previous month, and the returnee figures. */
        d = min_l(ms + rnd_range(2, 6), me);
        ev_begin("report", d);
        rec_str("report_kind", "monthly");
        rec_str("period", period);
        snprintf(title, sizeof title, "%d月就业数据分析报告（已上大屏）", md.month);
        rec_str("title", title);
        ev_end(d, 0);
        d = min_l(ms + rnd_range(5, 10), me);
        ev_begin("report", d);
        rec_str("report_kind", "returnee_monthly");
        rec_str("period", period);
        snprintf(title, sizeof title, "%d月返乡务工人员情况（分乡镇）", md.month);
        rec_str("title", title);
        ev_end(d, 0);
    }
    /* Quarterly: tea meetings with 10 enterprises (13.1) and written reports (9.3, 10.3, 12.3). */
    static const char *const qreports[] = { "quarterly_labor", "quarterly_enterprise_service",
        "quarterly_labor_service" };
    static const char *const qtitles[] = { "劳动力资源季度专报（分乡镇）", "企业用工服务季度报告",
        "劳动力资源服务季度报告" };
    for (int q = 0; q < 4; q++) {
        long qs = quarter_start(q), qe = q == 3 ? g_end : quarter_start(q + 1) - 1;
        quarter_label(period, q);
        long d = rnd_workday(qs + 20, qe - 20);
        ev_begin("tea_meeting", d);
        snprintf(title, sizeof title, "第%d季度企业家茶叙会", q + 1);
        rec_str("title", title);
        size_t k = g_nent < 10 ? g_nent : 10;
        rec_int("count", (long long)k);
        rec_str("period", period);
        ev_end(d, q + 1);
        g_tea_n[q] = k;
        for (size_t i = 0; i < k; i++) {
            size_t e;
            int dup;
            do {
                e = rnd_ent();
                dup = 0;
                for (size_t j = 0; j < i; j++)
                    dup |= g_tea_ents[q][j] == e;
            } while (dup);
            g_tea_ents[q][i] = e;
        }
        for (size_t r = 0; r < ARRAY_LEN(qreports); r++) {
            d = min_l(qe, qe - 10 + rnd_range(0, 8));
            ev_begin("report", d);
            rec_str("report_kind", qreports[r]);
            rec_str("period", period);
            rec_str("title", qtitles[r]);
            ev_end(d, 0);
        }
        /* Staff training each quarter (2.3: >= 3). */
        d = rnd_workday(qs, qe);
        ev_begin("training", d);
        snprintf(title, sizeof title, "乡村就业之家工作人员业务培训（第%d期）", q + 1);
        rec_str("title", title);
        rec_int("count", rnd_int(40, 90));
        ev_end(d, 0);
    }
    g_ntea = 4;
    /* Weekly: dispatch of every home (2.1) on Mondays; activity posts (4.4) on Fridays. */
    int w = 0;
    long total_weeks = (g_end - on_or_after(g_start, 0)) / 7 + 1;
    for (long d = on_or_after(g_start, 0); d <= g_end; d += 7, w++) {
        ev_begin("dispatch", d);
        snprintf(title, sizeof title, "第%d周就业之家网点调度", w + 1);
        rec_str("title", title);
        rec_int("count", (long long)(1 + g_ntown + g_nvill));
        ev_end(d, 0);
        /* MISS 4.4: no activity post one week (with the default start, a week
         * of December). */
        if (w == total_weeks - 4)
            continue;
        long f = min_l(d + 4, g_end);
        ev_begin("activity_post", f);
        static const char *const posts[] = { "本周就业之家活动回顾", "乡村就业之家走进村组宣传政策",
            "直播带岗精彩回放", "企业用工需求摸排进行时", "零工市场服务掠影", "技能培训报名开始啦" };
        rec_str("title", PICK(posts));
        rec_int("views", rnd_int(500, 5000));
        rec_str("channel", "新干微就业");
        ev_end(f, 0);
    }
    /*
     * 4.1: a recruitment push every working day (Monday-Friday; MISS 4.1: the make-up
     * working Saturdays of the official calendar are not covered), and on
     * Mondays a second one with the weekend's postings: >= 300 in the year.
     */
    n = 0;
    for (long d = g_start; d <= g_end; d++) {
        if (weekday(d) >= 5)
            continue;
        for (int k = 0; k < (weekday(d) == 0 ? 2 : 1); k++) {
            n++;
            ev_begin("recruitment_push", d);
            snprintf(title, sizeof title, "新干微就业招聘信息第%d期%s", n, k ? "（周末岗位汇总）" : "");
            rec_str("title", title);
            rec_int("count", rnd_int(10, 40));
            rec_int("views", rnd_int(300, 3000));
            rec_str("channel", "新干微就业");
            ev_end(d, 0);
        }
    }
    /* 4.3: recruitment videos and their views. */
    for (int i = 0; i < 35; i++) {
        long d = rnd_day(g_start, g_end);
        size_t e = rnd_ent();
        ev_begin("video", d);
        snprintf(title, sizeof title, "招工视频：%s招%s", g_ents[e].name, jobs[job_for(g_ents[e].industry)].title);
        rec_str("title", title);
        rec_int("views", rnd_int(2000, 12000));
        rec_int("enterprise_id", (long long)e + 1);
        rec_str("channel", chance(0.5) ? "抖音" : "视频号");
        ev_end(d, 0);
    }
    /* Job fairs on site, one a season. */
    static const char *const fairs[] = { "春风行动现场招聘会", "民营企业招聘月专场招聘会",
        "高校毕业生就业专场招聘会", "金秋招聘月现场招聘会" };
    for (int q = 0; q < 4; q++) {
        long qs = quarter_start(q), qe = q == 3 ? g_end : quarter_start(q + 1) - 1;
        long d = rnd_workday(qs, min_l(qs + 30, qe));
        ev_begin("job_fair", d);
        rec_str("title", fairs[q]);
        rec_int("jobs_shown", rnd_int(800, 2500));
        rec_int("count", rnd_int(50, 120));
        rec_str("township", g_towns[g_seat]->code);
        ev_end(d, 0);
    }
    /* Once a year: competition (2.4), staff evaluation (2.5), hotline (1.6), team (6.1), ranking (6.2, 15.1). */
    long sept = in_year(9, 1) >= 0 ? in_year(9, 1) : g_start + 180;
    long d = rnd_workday(sept, min_l(g_end, sept + 30));
    ev_begin("competition", d);
    rec_str("title", "就业之家“5+2”岗位练兵比武大赛");
    rec_int("count", rnd_int(30, 60));
    ev_end(d, 0);
    d = g_end - rnd_range(10, 20);
    ev_begin("staff_evaluation", d);
    rec_str("title", "运营人员年终评价");
    rec_int("count", 13);
    rec_bool("success", 1);
    ev_end(d, 0);
    ev_begin("hotline", g_start);
    rec_str("title", "24小时就业服务热线公布并安排专人值守");
    rec_str("channel", "新干微就业");
    rec_str("notes", "热线号码：0796-2600000（虚构）");
    ev_end(g_start, 0);
    ev_begin("team", g_start);
    rec_str("title", "运营团队组建");
    rec_int("count", 13);
    rec_bool("success", 1);
    rec_str("notes", "项目负责人持人力资源管理师（二级）证书");
    ev_end(g_start, 0);
    d = g_end - rnd_range(3, 8);
    ev_begin("ranking", d);
    rec_str("title", "全市就业之家运营年度排名（第一方阵）");
    rec_int("rank", 2);
    snprintf(period, sizeof period, "%d", day_date(g_start).year);
    rec_str("period", period);
    ev_end(d, 0);
    /* The annual report and the special report on the staff survey (7.1). */
    d = g_end - rnd_range(0, 5);
    ev_begin("report", d);
    rec_str("report_kind", "annual");
    rec_str("period", period);
    rec_str("title", "年度就业数据分析报告（已上大屏）");
    ev_end(d, 0);
    d = g_aug31 <= g_end ? g_aug31 - rnd_range(0, 3) : g_end;
    ev_begin("report", d);
    rec_str("report_kind", "staff_survey");
    rec_str("period", period);
    rec_str("title", "工业企业在岗员工信息摸排专报");
    ev_end(d, 0);
    /* 6.3: featured practices, one reported by provincial media. */
    static const char *const practices[] = { "“周三夜直播”常态化直播带岗", "乡村就业之家“家门口”就业服务" };
    for (int i = 0; i < 2; i++) {
        d = rnd_workday(g_start + 60, g_end - 30);
        ev_begin("featured_practice", d);
        rec_str("title", practices[i]);
        ev_end(d, 0);
        d = min_l(d + rnd_range(7, 30), g_end);
        ev_begin("media_report", d);
        snprintf(title, sizeof title, "新干县%s", practices[i]);
        rec_str("title", title);
        rec_str("level", i == 0 ? "provincial" : "city");
        rec_str("channel", i == 0 ? "江西日报" : "吉安日报");
        ev_end(d, 0);
    }
    /* 14.1: the student volunteer team in July-August. */
    d = in_year(7, 1) >= 0 ? in_year(7, 1) + rnd_range(0, 6) : g_start;
    ev_begin("volunteer", d);
    rec_str("title", "暑期大学生就业服务志愿者队伍");
    rec_int("count", rnd_int(48, 55));
    ev_end(d, 0);
    /* 14.2: ad-hoc tasks from the centre, done on time but one (MISS). */
    static const char *const tasks[] = { "报送重点企业用工情况", "配合开展就业政策宣传周",
        "统计高校毕业生返乡情况", "核实脱贫劳动力就业状态", "报送零工市场建设材料",
        "协助组织技能培训报名", "上报就业之家阵地照片", "更新乡镇就业之家台账" };
    for (int i = 0; i < 20; i++) {
        d = rnd_workday(g_start, g_end - 15);
        long due = d + rnd_range(3, 10);
        long done = i == 13 ? due + 2 : due - rnd_range(0, 3);
        if (done < d)
            done = d;
        ev_begin("task", d);
        rec_str("title", tasks[(size_t)i % ARRAY_LEN(tasks)]);
        rec_date("due_on", due);
        rec_date("done_on", done);
        if (i == 13)
            rec_str("notes", "材料补充后逾期两天完成");
        ev_end(d, 0);
    }
    /* 8.2: two jobseeker WeChat groups of 500+ per township, and the enterprise group. */
    for (size_t t = 0; t < g_ntown; t++)
        for (int k = 1; k <= 2; k++) {
            d = rnd_day(g_start, g_start + 60);
            ev_begin("wechat_group", d);
            snprintf(title, sizeof title, "%s求职者%d群", g_towns[t]->short_name, k);
            rec_str("title", title);
            rec_str("township", g_towns[t]->code);
            rec_str("group_kind", "jobseeker");
            rec_int("members", rnd_int(500, 680));
            ev_end(d, 0);
        }
    ev_begin("wechat_group", g_start);
    rec_str("title", "新干县企业服务群");
    rec_str("group_kind", "enterprise");
    rec_int("members", rnd_int(620, 700));
    ev_end(g_start, 0);

    /* 1.5: consultations (>= 2500 persons). */
    static const int service_w[] = { 30, 25, 10, 8, 27 };
    static const char *const services[] = { "job_introduction", "career_guidance",
        "entrepreneurship_training", "startup_loan", "job_recommendation" };
    size_t nc = scaled(2600, 8);
    for (size_t i = 0; i < nc; i++) {
        d = rnd_workday(g_start, g_end);
        ev_begin("consultation", d);
        rec_str("service_type", services[rnd_weighted(service_w, ARRAY_LEN(service_w))]);
        if (chance(0.4)) {
            size_t li = rnd_below(g_nlabor);
            rec_str("person_name", g_labor[li].p.name);
            rec_int("labor_id", (long long)li + 1);
            rec_str("township", g_towns[g_vill_town[g_labor[li].vill]]->code);
        } else {
            char name[32];
            make_name(name, chance(0.5));
            rec_str("person_name", name);
        }
        ev_end(d, 0);
    }
    /* 12.1: the whole "1311" package for every key-group person (one policy
     * briefing, one career guidance, three job referrals, one training or
     * traineeship offer); 12.2: return assistance, against the headcount the
     * higher authorities assigned (a fact recorded at the start of the year). */
    static const char *const services_1311[] = { "policy_briefing", "career_guidance",
        "job_referral", "job_referral", "job_referral", "training_offer" };
    size_t need = 0;
    for (size_t i = 0; i < g_nlabor; i++)
        need += g_labor[i].returnee && g_labor[i].wish_local && g_labor[i].needs_job;
    ev_begin("return_assistance", g_start);
    rec_str("title", "上级下达返乡就业帮扶项目任务人数");
    rec_int("count", (long long)(need * 8 / 10 > 0 ? need * 8 / 10 : 1));
    rec_str("source", "吉安市人力资源和社会保障局任务分解通知");
    ev_end(g_start, 0);
    for (size_t i = 0; i < g_nlabor; i++) {
        const labor *l = &g_labor[i];
        if (l->key) {
            d = min_l(l->surveyed + rnd_range(3, 45), g_end);
            for (size_t k = 0; k < ARRAY_LEN(services_1311); k++) {
                ev_begin("service_1311", d);
                rec_str("service_type", services_1311[k]);
                rec_str("person_name", l->p.name);
                rec_int("labor_id", (long long)i + 1);
                rec_str("township", g_towns[g_vill_town[l->vill]]->code);
                ev_end(d, 0);
                d = min_l(d + rnd_range(1, 20), g_end);
            }
        }
        if (l->returnee && l->wish_local && l->needs_job) {
            d = min_l(l->surveyed + rnd_range(5, 60), g_end);
            ev_begin("return_assistance", d);
            rec_str("person_name", l->p.name);
            rec_int("labor_id", (long long)i + 1);
            rec_str("township", g_towns[g_vill_town[l->vill]]->code);
            rec_str("service_type", "job_referral");
            rec_bool("success", chance(0.85));
            ev_end(d, 0);
        }
    }
}

static void emit_events(void)
{
    plan_events();
    qsort(g_events, g_nevent, sizeof *g_events, cmp_event);
    for (size_t i = 0; i < g_nevent; i++) {
        long id = emit_text(JY_KIND_EVENT, g_events[i].text);
        if (g_events[i].tea)
            g_tea_id[g_events[i].tea - 1] = id;
        free(g_events[i].text);
        g_events[i].text = NULL;
    }
    free(g_events);
    g_events = NULL;
    g_nevent = g_event_cap = 0;
    for (int q = 0; q < g_ntea; q++)
        for (size_t i = 0; i < g_tea_n[q]; i++) {
            rec_begin(JY_KIND_EVENT_ENTERPRISE);
            rec_int("event_id", g_tea_id[q]);
            rec_int("enterprise_id", (long long)g_tea_ents[q][i] + 1);
            rec_end(JY_KIND_EVENT_ENTERPRISE);
        }
}

/* ---- Hires, shortages, reviews, deliveries -------------------------------- */

/* First posting published on or after `day`. */
static size_t post_lower(long day)
{
    size_t lo = 0, hi = g_npost;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g_posts[mid].day < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A posting published in [from, to] (full time only if asked), or SIZE_MAX. */
static size_t rnd_post(long from, long to, int full_time)
{
    size_t a = post_lower(from), b = post_lower(to + 1);
    if (a >= b)
        return SIZE_MAX;
    for (int tries = 0; tries < 20; tries++) {
        size_t i = a + rnd_below(b - a);
        if (!full_time || !g_posts[i].gig)
            return i;
    }
    return SIZE_MAX;
}

typedef struct dated {
    long day;
    size_t seq;
    char *text;
} dated;

static int cmp_dated(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Writes records planned out of order, sorted by date. */
static void emit_sorted(jy_kind kind, dated *d, size_t n)
{
    qsort(d, n, sizeof *d, cmp_dated);
    for (size_t i = 0; i < n; i++) {
        emit_text(kind, d[i].text);
        free(d[i].text);
    }
    free(d);
}

/*
 * Hires: about 1 800, of which about 150 labor dispatch and about 200 who
 * left within three months. MISS 9.2: fewer than 1 500 non-dispatch hires
 * are still in post after three months.
 */
static void emit_hires(void)
{
    size_t n = scaled(1800, 6), ndispatch = scaled(150, 1), nleft = scaled(200, 1);
    dated *out = xmalloc(n * sizeof *out);
    unsigned char *hired = xmalloc(g_nseeker);
    size_t made = 0;
    for (size_t attempt = 0; made < n && attempt < n * 50; attempt++) {
        size_t s = rnd_below(g_nseeker);
        const seeker *sk = &g_seekers[s];
        int walk_in = chance(0.05);
        /* Most hires start early enough to be checked three months later. */
        if (hired[s] || (sk->reg > g_end - 110 && chance(0.9)))
            continue;
        size_t p = rnd_post(sk->reg - 30, sk->reg + 20, 1);
        if (p == SIZE_MAX)
            continue;
        long started = max_l(sk->reg, g_posts[p].day) + rnd_range(2, 20);
        if (started > g_end)
            continue;
        hired[s] = 1;
        int dispatch = rnd_below(n - made) < ndispatch;
        if (dispatch)
            ndispatch--;
        int left = rnd_below(n - made) < nleft;
        if (left)
            nleft--;
        rec_begin(JY_KIND_HIRE);
        char name[32];
        if (walk_in) {
            make_name(name, chance(0.5));
        } else {
            rec_int("jobseeker_id", (long long)s + 1);
            memcpy(name, sk->name, sizeof name);
        }
        rec_int("enterprise_id", (long long)g_posts[p].ent + 1);
        if (chance(0.92))
            rec_int("posting_id", (long long)p + 1);
        rec_str("name", name);
        rec_date("started_on", started);
        rec_bool("dispatch", dispatch);
        long left_on = started + rnd_range(7, 85);
        if (left && left_on <= g_end) {
            rec_date("left_on", left_on);
        } else {
            long check = started + rnd_range(90, 100);
            if (check > g_end)
                check = max_l(started, g_end - rnd_range(0, 10));
            rec_date("checked_on", check);
        }
        out[made].day = started;
        out[made].seq = made;
        out[made].text = rec_take();
        made++;
    }
    free(hired);
    emit_sorted(JY_KIND_HIRE, out, made);
}

/* Shortage complaints. MISS 9.1: a few enterprises are listed a second time. */
static void emit_shortages(void)
{
    static const int source_w[] = { 35, 30, 25, 10 };
    static const char *const sources[] = { "qinqing_meeting", "leader_visit", "new_project", "other" };
    static const char *const measures[] = { "组织企业专场招聘会", "直播带岗专场推介",
        "推送岗位至乡镇求职者群", "对接县职业技术学校输送实习生", "协调劳务经纪人组织务工人员",
        "发布零工需求并组织对接" };
    size_t n = scaled(40, 4), repeats = scaled(3, 1);
    if (repeats >= n)
        repeats = n / 2;
    dated *out = xmalloc(n * sizeof *out);
    size_t *ents = xmalloc(n * sizeof *ents);
    long *days = xmalloc(n * sizeof *days);
    for (size_t i = 0; i < n; i++) {
        size_t e;
        long day;
        if (i < n - repeats) {
            int dup;
            int tries = 0;
            do {
                e = rnd_ent();
                dup = 0;
                for (size_t j = 0; j < i; j++)
                    dup |= ents[j] == e;
            } while (dup && ++tries < 1000);
            day = rnd_day(g_start, g_end - 120);
        } else {
            size_t first = rnd_below(n - repeats);
            e = ents[first];
            day = min_l(days[first] + rnd_range(45, 110), g_end);
        }
        ents[i] = e;
        days[i] = day;
        rec_begin(JY_KIND_SHORTAGE);
        rec_int("enterprise_id", (long long)e + 1);
        rec_str("source", sources[rnd_weighted(source_w, ARRAY_LEN(source_w))]);
        rec_date("reported_on", day);
        rec_int("shortfall", rnd_int(5, 80));
        rec_str("measures", PICK(measures));
        long resolved = day + rnd_range(10, 60);
        if (chance(0.88) && resolved <= g_end)
            rec_date("resolved_on", resolved);
        out[i].day = day;
        out[i].seq = i;
        out[i].text = rec_take();
    }
    free(ents);
    free(days);
    emit_sorted(JY_KIND_SHORTAGE, out, n);
}

/* Reviews: >= 200 good (3.1); MISS 3.1: a few bad ones are never turned good. */
static void emit_reviews(void)
{
    static const char *const good[] = { "服务热情，推荐的岗位很合适", "直播带岗很方便，找到了离家近的工作",
        "工作人员回访很及时", "小程序操作简单，投简历方便", "在家门口就找到了工作，感谢就业之家",
        "政策讲得很清楚" };
    static const char *const bad[] = { "推荐的岗位已经招满了", "电话打不通", "岗位信息和实际不符",
        "等了很久没人回复" };
    size_t n = scaled(260, 6);
    dated *out = xmalloc(n * sizeof *out);
    for (size_t i = 0; i < n; i++) {
        size_t s = rnd_below(g_nseeker);
        long day = min_l(g_seekers[s].reg + rnd_range(1, 60), g_end);
        int ok = chance(0.88);
        rec_begin(JY_KIND_REVIEW);
        if (chance(0.9))
            rec_int("jobseeker_id", (long long)s + 1);
        rec_date("date", day);
        rec_bool("good", ok);
        rec_str("text", ok ? PICK(good) : PICK(bad));
        long fu = day + rnd_range(3, 20);
        if (!ok && fu <= g_end && chance(0.9)) {
            rec_date("followed_up_on", fu);
            rec_bool("follow_up_good", chance(0.85));
        }
        out[i].day = day;
        out[i].seq = i;
        out[i].text = rec_take();
    }
    emit_sorted(JY_KIND_REVIEW, out, n);
}

/* Resumes delivered to postings; MISS 2.2: about 96 % viewed by the enterprise. */
static void emit_deliveries(void)
{
    size_t n = scaled(5000, 12);
    dated *out = xmalloc(n * sizeof *out);
    size_t made = 0;
    for (size_t attempt = 0; made < n && attempt < n * 50; attempt++) {
        size_t s = rnd_below(g_nseeker);
        const seeker *sk = &g_seekers[s];
        if (!sk->resume)
            continue;
        size_t p = rnd_post(sk->reg - 40, sk->reg + 30, 0);
        if (p == SIZE_MAX)
            continue;
        long last = g_posts[p].closed >= 0 ? g_posts[p].closed : g_end;
        long first = max_l(sk->reg, g_posts[p].day);
        last = min_l(last, min_l(first + 20, g_end));
        if (first > last)
            continue;
        long day = rnd_day(first, last);
        rec_begin(JY_KIND_DELIVERY);
        rec_int("posting_id", (long long)p + 1);
        rec_int("jobseeker_id", (long long)s + 1);
        rec_date("delivered_on", day);
        if (chance(0.96))
            rec_date("viewed_on", min_l(day + rnd_range(0, 4), g_end));
        out[made].day = day;
        out[made].seq = made;
        out[made].text = rec_take();
        made++;
    }
    emit_sorted(JY_KIND_DELIVERY, out, made);
}

/* 3.2: matched postings pushed to every county resume on the platform, a
 * few days after registration. */
static void emit_pushes(void)
{
    static const char *const channels[] = { "平台消息", "短信", "微信" };
    for (size_t i = 0; i < g_nseeker; i++) {
        const seeker *sk = &g_seekers[i];
        if (!sk->resume || !sk->in_county)
            continue;
        long day = sk->reg + rnd_range(0, 3);
        if (day > g_end)
            continue;
        rec_begin(JY_KIND_PUSH);
        rec_int("jobseeker_id", (long long)i + 1);
        rec_date("pushed_on", day);
        rec_int("posting_count", rnd_int(3, 10));
        rec_str("channel", PICK(channels));
        rec_end(JY_KIND_PUSH);
    }
}

/* ---- Running a generation ------------------------------------------------- */

/* Frees the state and puts every variable back as it was at startup, so
 * that a further run starts afresh (and a failed one leaks nothing kept
 * in the globals). */
static void free_state(void)
{
    free(g_line.p);
    memset(&g_line, 0, sizeof g_line);
    memset(g_out, 0, sizeof g_out);
    memset(g_count, 0, sizeof g_count);
    free(g_ids.slot);
    memset(&g_ids, 0, sizeof g_ids);
    g_rng = 0;
    g_scale = 1.0;
    g_start = g_end = g_aug31 = 0;
    jy_county_free(g_county);
    g_county = NULL;
    free(g_towns);
    g_towns = NULL;
    g_ntown = 0;
    free(g_vills);
    g_vills = NULL;
    free(g_vill_town);
    g_vill_town = NULL;
    free(g_brokers);
    g_brokers = NULL;
    g_nvill = 0;
    g_park = (size_t)-1;
    g_seat = 0;
    free(g_ents);
    g_ents = NULL;
    free(g_ent_cum);
    g_ent_cum = NULL;
    g_nent = 0;
    free(g_surveys);
    g_surveys = NULL;
    g_nsurvey = 0;
    free(g_posts);
    g_posts = NULL;
    g_npost = 0;
    free(g_labor);
    g_labor = NULL;
    g_nlabor = 0;
    free(g_seekers);
    g_seekers = NULL;
    g_nseeker = 0;
    for (size_t i = 0; i < g_nevent; i++)
        free(g_events[i].text);
    free(g_events);
    g_events = NULL;
    g_nevent = g_event_cap = 0;
    memset(g_tea_ents, 0, sizeof g_tea_ents);
    memset(g_tea_n, 0, sizeof g_tea_n);
    memset(g_tea_id, 0, sizeof g_tea_id);
    g_ntea = 0;
}

static void set_error(char *err, size_t size, const char *text)
{
    if (err && size)
        snprintf(err, size, "%s", text);
}

int jygen_check(const jygen_options *o, char *err, size_t size)
{
    if (!o) {
        set_error(err, size, "no options");
        return -1;
    }
    if (!(o->scale > 0.0) || o->scale > 20.0) {
        set_error(err, size, "--scale: expected a number in (0, 20]");
        return -1;
    }
    long days = 0;
    if (jy_date_to_days(&days, o->start) != JY_OK) {
        set_error(err, size, "--start: not a date");
        return -1;
    }
    /* ID numbers may not carry a birth date after today: residents are 16+. */
    jy_date today;
    if (jy_date_today(&today) == JY_OK && (o->start.year < 2000 || o->start.year > today.year + 15)) {
        char text[128];
        snprintf(text, sizeof text, "--start: the year must be between 2000 and %d", today.year + 15);
        set_error(err, size, text);
        return -1;
    }
    return 0;
}

static void gen_all(const jygen_options *o);

int jygen_run(long counts[JY_KIND_END], FILE *const out[JY_KIND_END], const jygen_options *o,
              char *err, size_t size)
{
    if (counts)
        memset(counts, 0, JY_KIND_END * sizeof *counts);
    if (jygen_check(o, err, size) != 0)
        return -1;
    for (int k = 1; k < JY_KIND_END; k++)
        if (!out[k] && k != JY_KIND_LABOR_CHANGE) {
            set_error(err, size, "no output stream");
            return -1;
        }
    free_state();
    if (setjmp(g_fail)) {
        set_error(err, size, g_message);
        free_state();
        return -1;
    }
    g_rng = o->seed;
    g_scale = o->scale;
    if (jy_date_to_days(&g_start, o->start) != JY_OK)
        die("--start: bad date");
    g_end = add_years(g_start, 1) - 1;
    jy_date s = day_date(g_start);
    g_aug31 = date_day(s.year, 8, 31);
    if (g_aug31 < g_start)
        g_aug31 = date_day(s.year + 1, 8, 31);
    for (int k = 1; k < JY_KIND_END; k++)
        g_out[k] = out[k];
    load_county();
    gen_all(o);
    if (counts)
        memcpy(counts, g_count, sizeof g_count);
    free_state();
    return 0;
}

/* ---- The whole year, parents first ------------------------------------------ */

/* The steps of a generation, in order (parents first). */
static const struct gen_step {
    void (*run)(void);
    const char *what;
} steps[] = {
    { plan_enterprises, "enterprises planned" },
    { emit_contract, "contract" },
    { emit_enterprises, "enterprises" },
    { emit_staff_surveys, "staff surveys" },
    { plan_postings, "postings planned" },
    { emit_postings, "postings" },
    { plan_and_emit_labor, "labor survey" },
    { plan_and_emit_jobseekers, "jobseekers" },
    { emit_followups, "follow-ups" },
    { emit_verifications, "verifications" },
    { emit_events, "activities" },
    { emit_hires, "hires" },
    { emit_shortages, "shortages" },
    { emit_reviews, "reviews" },
    { emit_deliveries, "resume deliveries" },
    { emit_pushes, "pushes" },
};

static void gen_all(const jygen_options *o)
{
    size_t n = sizeof steps / sizeof steps[0];
    for (size_t i = 0; i < n; i++) {
        steps[i].run();
        if (o->progress)
            o->progress(i + 1, n, steps[i].what, o->payload);
    }
    /* No incident: a data leak or a public incident would end the contract (§3.4). */
}
