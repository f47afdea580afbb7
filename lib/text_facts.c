/* Facts from free text: salary, age limits, education, work kind, townships.
 *
 * The text is folded code point by code point (lib/text_token.c) into an
 * array that keeps punctuation (a salary range needs its dash) and the byte
 * range of each code point's source character. Readers then scan it:
 * numbers grouped with what surrounds them decide salary and age; keyword
 * tables give education and work kind; township names are searched as folded
 * code point strings. */
#include "internal.h"
#include "text_internal.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------------- */
/* The folded text                                                           */
/* ------------------------------------------------------------------------- */

typedef struct ftext {
    unsigned int *cp;
    size_t *start, *end;  /* source byte range of each code point */
    size_t n;
} ftext;

static void ftext_free(ftext *f)
{
    jy_free(f->cp);
    jy_free(f->start);
    jy_free(f->end);
}

static int ftext_build(ftext *f, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    size_t cap = len + 8;
    f->cp = jy__malloc(cap * sizeof *f->cp);
    f->start = jy__malloc(cap * sizeof *f->start);
    f->end = jy__malloc(cap * sizeof *f->end);
    if (!f->cp || !f->start || !f->end) {
        ftext_free(f);
        return JY_ENOMEM;
    }
    jy__fold_iter it;
    jy__fold_init(&it, text, len);
    unsigned int cp;
    size_t s, e;
    while (jy__fold_next(&it, &cp, &s, &e)) {
        if (f->n == cap) {
            size_t ncap = cap * 2;
            unsigned int *c2 = jy__realloc(f->cp, ncap * sizeof *c2);
            if (c2)
                f->cp = c2;
            size_t *s2 = c2 ? jy__realloc(f->start, ncap * sizeof *s2) : NULL;
            if (s2)
                f->start = s2;
            size_t *e2 = s2 ? jy__realloc(f->end, ncap * sizeof *e2) : NULL;
            if (!e2) {
                ftext_free(f);
                return JY_ENOMEM;
            }
            f->end = e2;
            cap = ncap;
        }
        if (cp == 0x3666)
            cp = 0x659C; /* 㙦 -> 斜, the substitute people type (麦斜镇) */
        f->cp[f->n] = cp;
        f->start[f->n] = s;
        f->end[f->n] = e;
        f->n++;
    }
    return JY_OK;
}

/* Keywords, decoded once into code points. */
#define KW_MAX 8
typedef struct kw {
    const char *utf8;
    int value;
    unsigned int cp[KW_MAX];
    size_t n;
} kw;

static void kw_decode(kw *k)
{
    const char *p = k->utf8;
    size_t len = strlen(p), i = 0;
    k->n = 0;
    while (i < len && k->n < KW_MAX) {
        unsigned int c;
        size_t m = jy__utf8_decode(p + i, len - i, &c);
        if (!m)
            break;
        k->cp[k->n++] = c;
        i += m;
    }
}

/* Length in code points of keyword k at f[i], or 0. */
static size_t kw_at(const ftext *f, size_t i, const kw *k)
{
    if (i + k->n > f->n)
        return 0;
    for (size_t j = 0; j < k->n; j++)
        if (f->cp[i + j] != k->cp[j])
            return 0;
    return k->n;
}

/* The longest keyword of a table at f[i]; returns its length, or 0. */
static size_t kw_table_at(const ftext *f, size_t i, const kw *table, size_t count,
                          const kw **found)
{
    size_t best = 0;
    for (size_t t = 0; t < count; t++) {
        if (table[t].cp[0] != f->cp[i])
            continue;
        size_t m = kw_at(f, i, &table[t]);
        if (m > best) {
            best = m;
            *found = &table[t];
        }
    }
    return best;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static kw EDUCATION_WORDS[] = {
    { "学历不限", JY_EDUCATION_NONE, {0}, 0 },   { "不限学历", JY_EDUCATION_NONE, {0}, 0 },
    { "学历要求不限", JY_EDUCATION_NONE, {0}, 0 }, { "文化不限", JY_EDUCATION_NONE, {0}, 0 },
    { "不限文化", JY_EDUCATION_NONE, {0}, 0 },   { "文化程度不限", JY_EDUCATION_NONE, {0}, 0 },
    { "学历:不限", JY_EDUCATION_NONE, {0}, 0 },  { "学历要求:不限", JY_EDUCATION_NONE, {0}, 0 },
    { "小学", JY_EDUCATION_PRIMARY, {0}, 0 },    { "初中", JY_EDUCATION_JUNIOR, {0}, 0 },
    { "高中", JY_EDUCATION_SENIOR, {0}, 0 },     { "中专", JY_EDUCATION_VOCATIONAL, {0}, 0 },
    { "中技", JY_EDUCATION_VOCATIONAL, {0}, 0 }, { "技校", JY_EDUCATION_VOCATIONAL, {0}, 0 },
    { "职高", JY_EDUCATION_VOCATIONAL, {0}, 0 }, { "中职", JY_EDUCATION_VOCATIONAL, {0}, 0 },
    { "职专", JY_EDUCATION_VOCATIONAL, {0}, 0 }, { "大专", JY_EDUCATION_COLLEGE, {0}, 0 },
    { "专科", JY_EDUCATION_COLLEGE, {0}, 0 },    { "高职", JY_EDUCATION_COLLEGE, {0}, 0 },
    { "本科", JY_EDUCATION_BACHELOR, {0}, 0 },   { "学士", JY_EDUCATION_BACHELOR, {0}, 0 },
    { "研究生", JY_EDUCATION_MASTER, {0}, 0 },   { "硕士", JY_EDUCATION_MASTER, {0}, 0 },
    { "博士", JY_EDUCATION_MASTER, {0}, 0 },
};

static kw WORK_WORDS[] = {
    { "零工", JY_WORK_GIG, {0}, 0 },         { "日结", JY_WORK_GIG, {0}, 0 },
    { "临时工", JY_WORK_GIG, {0}, 0 },       { "临时", JY_WORK_GIG, {0}, 0 },
    { "小时工", JY_WORK_GIG, {0}, 0 },       { "钟点工", JY_WORK_GIG, {0}, 0 },
    { "兼职", JY_WORK_GIG, {0}, 0 },         { "短期工", JY_WORK_GIG, {0}, 0 },
    { "短期", JY_WORK_GIG, {0}, 0 },         { "散工", JY_WORK_GIG, {0}, 0 },
    { "日薪", JY_WORK_GIG, {0}, 0 },         { "周结", JY_WORK_GIG, {0}, 0 },
    { "按天", JY_WORK_GIG, {0}, 0 },         { "灵活用工", JY_WORK_GIG, {0}, 0 },
    { "全职", JY_WORK_FULL_TIME, {0}, 0 },   { "长期", JY_WORK_FULL_TIME, {0}, 0 },
    { "正式工", JY_WORK_FULL_TIME, {0}, 0 }, { "正式员工", JY_WORK_FULL_TIME, {0}, 0 },
    { "五险一金", JY_WORK_FULL_TIME, {0}, 0 }, { "五险", JY_WORK_FULL_TIME, {0}, 0 },
    { "缴纳社保", JY_WORK_FULL_TIME, {0}, 0 }, { "交社保", JY_WORK_FULL_TIME, {0}, 0 },
    { "买社保", JY_WORK_FULL_TIME, {0}, 0 },   { "签订劳动合同", JY_WORK_FULL_TIME, {0}, 0 },
};

/* Words before a figure that make it a salary, and the period they imply
 * (JY_PAY_NONE: the period comes from after the figure, else month). */
static kw SALARY_WORDS[] = {
    { "月薪", JY_PAY_MONTH, {0}, 0 },   { "月工资", JY_PAY_MONTH, {0}, 0 },
    { "月收入", JY_PAY_MONTH, {0}, 0 }, { "月入", JY_PAY_MONTH, {0}, 0 },
    { "每月", JY_PAY_MONTH, {0}, 0 },   { "年薪", JY_PAY_YEAR, {0}, 0 },
    { "年收入", JY_PAY_YEAR, {0}, 0 },  { "日薪", JY_PAY_DAY, {0}, 0 },
    { "日结", JY_PAY_DAY, {0}, 0 },     { "日工资", JY_PAY_DAY, {0}, 0 },
    { "每天", JY_PAY_DAY, {0}, 0 },     { "一天", JY_PAY_DAY, {0}, 0 },
    { "时薪", JY_PAY_HOUR, {0}, 0 },    { "每小时", JY_PAY_HOUR, {0}, 0 },
    { "工资", JY_PAY_NONE, {0}, 0 },    { "薪资", JY_PAY_NONE, {0}, 0 },
    { "薪水", JY_PAY_NONE, {0}, 0 },    { "薪酬", JY_PAY_NONE, {0}, 0 },
    { "待遇", JY_PAY_NONE, {0}, 0 },    { "底薪", JY_PAY_NONE, {0}, 0 },
    { "综合", JY_PAY_NONE, {0}, 0 },    { "收入", JY_PAY_NONE, {0}, 0 },
    { "保底", JY_PAY_NONE, {0}, 0 },    { "工价", JY_PAY_NONE, {0}, 0 },
};

static kw NEGOTIABLE = { "面议", 0, {0}, 0 };
static kw AGE_WORD = { "年龄", 0, {0}, 0 };
static kw NOT_OVER = { "不超过", 0, {0}, 0 };
static kw NOT_UNDER = { "不低于", 0, {0}, 0 };
static kw NOT_UNDER2 = { "不小于", 0, {0}, 0 };
static kw NOT_OVER2 = { "不大于", 0, {0}, 0 };

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* First code points of the keywords read_keywords() looks for, as a
 * 1024-bit filter on the low bits: most characters are skipped at once. */
static uint64_t keyword_first[16];

static void filter_add(uint64_t *filter, unsigned int cp)
{
    filter[(cp >> 6) & 15u] |= (uint64_t)1 << (cp & 63u);
}

static int filter_has(const uint64_t *filter, unsigned int cp)
{
    return (int)((filter[(cp >> 6) & 15u] >> (cp & 63u)) & 1u);
}

static void tables_load(void)
{
    for (size_t i = 0; i < COUNT(EDUCATION_WORDS); i++)
        kw_decode(&EDUCATION_WORDS[i]);
    for (size_t i = 0; i < COUNT(WORK_WORDS); i++)
        kw_decode(&WORK_WORDS[i]);
    for (size_t i = 0; i < COUNT(SALARY_WORDS); i++)
        kw_decode(&SALARY_WORDS[i]);
    kw_decode(&NEGOTIABLE);
    for (size_t i = 0; i < COUNT(EDUCATION_WORDS); i++)
        filter_add(keyword_first, EDUCATION_WORDS[i].cp[0]);
    for (size_t i = 0; i < COUNT(WORK_WORDS); i++)
        filter_add(keyword_first, WORK_WORDS[i].cp[0]);
    filter_add(keyword_first, NEGOTIABLE.cp[0]);
    kw_decode(&AGE_WORD);
    kw_decode(&NOT_OVER);
    kw_decode(&NOT_UNDER);
    kw_decode(&NOT_UNDER2);
    kw_decode(&NOT_OVER2);
}

/* ------------------------------------------------------------------------- */
/* Numbers                                                                   */
/* ------------------------------------------------------------------------- */

static int is_digit(unsigned int c)
{
    return c >= '0' && c <= '9';
}

static int is_letter(unsigned int c)
{
    return c >= 'a' && c <= 'z';
}

static int cn_digit(unsigned int c)
{
    switch (c) {
    case 0x96F6: return 0; /* 零 */
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E24: return 2; /* 两 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    default: return -1;
    }
}

#define CP_SHI 0x5341u   /* 十 */
#define CP_BAI 0x767Eu   /* 百 */
#define CP_QIAN 0x5343u  /* 千 */
#define CP_WAN 0x4E07u   /* 万 */
#define CP_YUAN 0x5143u  /* 元 */
#define CP_KUAI 0x5757u  /* 块 */
#define CP_SUI 0x5C81u   /* 岁 */
#define CP_ZHOU 0x5468u  /* 周 */
#define CP_ZHI 0x81F3u   /* 至 */
#define CP_DAO 0x5230u   /* 到 */
#define CP_YI3 0x4EE5u   /* 以 */
#define CP_SHANG 0x4E0Au /* 上 */
#define CP_XIA 0x4E0Bu   /* 下 */
#define CP_NEI 0x5185u   /* 内 */
#define CP_QI3 0x8D77u   /* 起 */
#define CP_ZUO 0x5DE6u   /* 左 */
#define CP_JI2 0x53CAu   /* 及 */
#define CP_ZHI1 0x4E4Bu  /* 之 */
#define CP_DUO 0x591Au   /* 多 */
#define CP_MEI 0x6BCFu   /* 每 */
#define CP_GE 0x4E2Au    /* 个 */
#define CP_YUE 0x6708u   /* 月 */
#define CP_TIAN 0x5929u  /* 天 */
#define CP_RI 0x65E5u    /* 日 */
#define CP_SHI2 0x65F6u  /* 时 */
#define CP_XIAO 0x5C0Fu  /* 小 */
#define CP_NIAN 0x5E74u  /* 年 */
#define CP_YEN 0x00A5u   /* ¥ (￥ folds to it) */

/* A number at f[i]: ASCII digits with an optional decimal part, or Chinese
 * numerals containing 千 or 万 (五千, 三千五, 一万二). A k/w/千/万 right
 * after ASCII digits multiplies. */
typedef struct number {
    double value;
    int multiplied;  /* a k/w/千/万 multiplier was written */
    int chinese;
    size_t first, last;  /* code point range [first, last) */
} number;

static size_t parse_chinese(const ftext *f, size_t i, number *out)
{
    double total = 0, section = 0;
    int digit = -1, last_unit = 0, has_big = 0;
    size_t j = i;
    for (; j < f->n; j++) {
        unsigned int c = f->cp[j];
        int d = cn_digit(c);
        if (d >= 0) {
            if (digit >= 0)
                break; /* two digits in a row: not a number we read */
            digit = d;
            continue;
        }
        int unit = c == CP_SHI ? 10 : c == CP_BAI ? 100 : c == CP_QIAN ? 1000 : c == CP_WAN ? 10000 : 0;
        if (!unit)
            break;
        if (unit == 10000) {
            total = (total + section + (digit > 0 ? digit : 0)) * 10000;
            if (total == 0)
                total = 10000;
            section = 0;
            has_big = 1;
        } else {
            section += (digit >= 0 ? digit : 1) * unit;
            if (unit == 1000)
                has_big = 1;
        }
        digit = -1;
        last_unit = unit;
    }
    if (j == i)
        return 0;
    /* without 千 or 万, only an amount of money ("两百块", "十五元") */
    if (!has_big && !(j < f->n && (f->cp[j] == CP_YUAN || f->cp[j] == CP_KUAI)))
        return 0;
    if (digit >= 0)
        section += digit * (last_unit >= 10 ? last_unit / 10 : 1); /* 三千五 = 3500, 一万二 = 12000 */
    out->value = total + section;
    out->multiplied = 1;
    out->chinese = 1;
    out->first = i;
    out->last = j;
    return j - i;
}

static size_t parse_number(const ftext *f, size_t i, number *out)
{
    memset(out, 0, sizeof *out);
    if (i < f->n && (cn_digit(f->cp[i]) >= 0 || f->cp[i] == CP_SHI))
        return parse_chinese(f, i, out);
    if (i >= f->n || !is_digit(f->cp[i]))
        return 0;
    if (i > 0 && (is_letter(f->cp[i - 1]) || is_digit(f->cp[i - 1]) || f->cp[i - 1] == '.'))
        return 0; /* inside a word ("c1", "a2") or a number already read */
    size_t j = i;
    double v = 0;
    while (j < f->n && is_digit(f->cp[j]) && j - i < 9)
        v = v * 10 + (f->cp[j++] - '0');
    if (j < f->n && is_digit(f->cp[j]))
        return 0; /* absurdly long: a phone or ID number, never a salary */
    if (j + 1 < f->n && f->cp[j] == '.' && is_digit(f->cp[j + 1])) {
        double scale = 0.1;
        j++;
        while (j < f->n && is_digit(f->cp[j])) {
            v += (f->cp[j++] - '0') * scale;
            scale /= 10;
        }
    }
    if (j < f->n) {
        unsigned int c = f->cp[j];
        double mult = 0;
        if ((c == 'k' || c == 'w') && !(j + 1 < f->n && is_letter(f->cp[j + 1])))
            mult = c == 'k' ? 1000 : 10000;
        else if (c == CP_QIAN)
            mult = 1000;
        else if (c == CP_WAN)
            mult = 10000;
        if (mult > 0) {
            v *= mult;
            out->multiplied = 1;
            j++;
        } else if (is_letter(c)) {
            return 0; /* "5s", "3d": a word, not a figure */
        }
    }
    out->value = v;
    out->first = i;
    out->last = j;
    return j - i;
}

static size_t skip_spaces(const ftext *f, size_t j)
{
    while (j < f->n && (f->cp[j] == ' ' || f->cp[j] == '\t'))
        j++;
    return j;
}

static int is_range_sep(unsigned int c)
{
    return c == '-' || c == '~' || c == CP_ZHI || c == CP_DAO || c == 0x2014 || c == 0x2013 ||
           c == 0x301C || c == 0x2212 || c == 0x2015;
}

/* ------------------------------------------------------------------------- */
/* Salary and age                                                            */
/* ------------------------------------------------------------------------- */

/* A salary word ending at most a few code points before f[i], in the same
 * clause. Returns 1 and its period when found. */
static int salary_word_before(const ftext *f, size_t i, int *period)
{
    size_t lo = i > 8 ? i - 8 : 0;
    for (size_t k = i; k-- > lo;) {
        unsigned int c = f->cp[k];
        if (c == 0x3002 || c == ';' || c == ',' || c == 0xFF0C || c == 0x3001 || c == '\n')
            break; /* another clause */
        const kw *w = NULL;
        size_t m = kw_table_at(f, k, SALARY_WORDS, COUNT(SALARY_WORDS), &w);
        if (m && k + m <= i) {
            *period = w->value;
            return 1;
        }
    }
    return 0;
}

/* The period written after a figure: "元/月", "/天", "每小时", "一个月". */
static int period_after(const ftext *f, size_t j, size_t *out_end)
{
    size_t k = skip_spaces(f, j);
    int slash = 0;
    for (int steps = 0; k < f->n && steps < 3; steps++) {
        unsigned int c = f->cp[k];
        if (c == '/' || c == CP_MEI || c == CP_GE || c == 0x4E00 /* 一 */) {
            slash = 1;
            k++;
            continue;
        }
        break;
    }
    if (k >= f->n)
        return JY_PAY_NONE;
    unsigned int c = f->cp[k];
    int p = JY_PAY_NONE;
    size_t len = 1;
    if (c == CP_YUE)
        p = JY_PAY_MONTH;
    else if (c == CP_TIAN || c == CP_RI)
        p = JY_PAY_DAY;
    else if (c == CP_SHI2)
        p = JY_PAY_HOUR;
    else if (c == CP_XIAO && k + 1 < f->n && f->cp[k + 1] == CP_SHI2) {
        p = JY_PAY_HOUR;
        len = 2;
    } else if (c == CP_NIAN)
        p = JY_PAY_YEAR;
    if (p == JY_PAY_NONE)
        return p;
    /* A bare "5天" or "8小时" after a figure is a duration, not a period:
     * require the "/", 每 or 一个 in front, or a currency before. */
    (void)slash;
    *out_end = k + len;
    return p;
}

typedef struct group {
    number a, b;       /* b.value == 0 when there is no second figure */
    int has_b;
    int currency;      /* 元, 块 or ¥ */
    size_t first, last;  /* code points [first, last) of the whole group */
} group;

/* Reads "N [元|块] [sep N] [元|块]" at f[i]. */
static size_t parse_group(const ftext *f, size_t i, group *g)
{
    memset(g, 0, sizeof *g);
    size_t m = parse_number(f, i, &g->a);
    if (!m)
        return 0;
    g->first = i;
    if (i > 0 && f->cp[i - 1] == CP_YEN)
        g->currency = 1;
    size_t j = g->a.last;
    if (j < f->n && (f->cp[j] == CP_YUAN || f->cp[j] == CP_KUAI)) {
        g->currency = 1;
        j++;
    }
    size_t after_a = j;
    /* optional 岁/周岁 between an age range's figures: "18岁-45岁" */
    size_t k = j;
    if (k < f->n && f->cp[k] == CP_SUI)
        k++;
    else if (k + 1 < f->n && f->cp[k] == CP_ZHOU && f->cp[k + 1] == CP_SUI)
        k += 2;
    size_t s = skip_spaces(f, k);
    if (s < f->n && is_range_sep(f->cp[s])) {
        size_t t = skip_spaces(f, s + 1);
        if (t < f->n && f->cp[t] == CP_YEN)
            t++;
        number b;
        if (parse_number(f, t, &b)) {
            g->b = b;
            g->has_b = 1;
            j = b.last;
            if (j < f->n && (f->cp[j] == CP_YUAN || f->cp[j] == CP_KUAI)) {
                g->currency = 1;
                j++;
            }
            /* "5-8k": the multiplier of the second figure applies to the first */
            if (!g->a.multiplied && b.multiplied && !b.chinese) {
                double mult = f->cp[b.last - 1] == 'w' || f->cp[b.last - 1] == CP_WAN ? 10000 : 1000;
                if (g->a.value * mult <= b.value)
                    g->a.value *= mult;
            }
        }
    }
    if (!g->has_b)
        j = after_a;
    g->last = j;
    return j - i;
}

/* "以上", "及以上", "起", "左右", "+", "多" after a figure: 1 open-ended
 * upwards, 2 an upper bound (以下, 以内, 之内, 内), 0 neither. */
static int bound_after(const ftext *f, size_t j, size_t *out_end)
{
    size_t k = skip_spaces(f, j);
    if (k >= f->n)
        return 0;
    unsigned int c = f->cp[k];
    unsigned int d = k + 1 < f->n ? f->cp[k + 1] : 0;
    unsigned int e = k + 2 < f->n ? f->cp[k + 2] : 0;
    if (c == CP_JI2 && d == CP_YI3 && e == CP_SHANG) {
        *out_end = k + 3;
        return 1;
    }
    if (c == CP_YI3 && d == CP_SHANG) {
        *out_end = k + 2;
        return 1;
    }
    if (c == CP_QI3 || c == '+' || c == CP_DUO) {
        *out_end = k + 1;
        return 1;
    }
    if (c == CP_ZUO && d == 0x53F3 /* 右 */) {
        *out_end = k + 2;
        return 3;
    }
    if ((c == CP_YI3 || c == CP_ZHI1) && (d == CP_XIA || d == CP_NEI)) {
        *out_end = k + 2;
        return 2;
    }
    if (c == CP_NEI) {
        *out_end = k + 1;
        return 2;
    }
    return 0;
}

static int round_int(double v)
{
    if (v > 2000000000.0)
        return 2000000000;
    return v <= 0 ? 0 : (int)(v + 0.5);
}

static double to_monthly(double v, int period)
{
    switch (period) {
    case JY_PAY_DAY: return v * JY_PAY_DAYS_PER_MONTH;
    case JY_PAY_HOUR: return v * JY_PAY_HOURS_PER_MONTH;
    case JY_PAY_YEAR: return v / 12.0;
    default: return v;
    }
}

/* Tries a figure group as an age limit. Returns 1 when it is one. */
static int try_age(const ftext *f, const group *g, jy_text_facts *out)
{
    if (g->currency || g->a.multiplied || g->a.chinese)
        return 0;
    /* 岁 / 周岁 after the last figure */
    size_t j = g->last, k = j;
    int sui = 0;
    if (k < f->n && f->cp[k] == CP_SUI) {
        sui = 1;
        k++;
    } else if (k + 1 < f->n && f->cp[k] == CP_ZHOU && f->cp[k + 1] == CP_SUI) {
        sui = 1;
        k += 2;
    }
    /* or 年龄 shortly before */
    int age_word = 0, not_over = 0, not_under = 0;
    size_t lo = g->first > 8 ? g->first - 8 : 0;
    for (size_t p = lo; p < g->first; p++) {
        if (kw_at(f, p, &AGE_WORD))
            age_word = 1;
        if (kw_at(f, p, &NOT_OVER) || kw_at(f, p, &NOT_OVER2))
            not_over = 1;
        if (kw_at(f, p, &NOT_UNDER) || kw_at(f, p, &NOT_UNDER2))
            not_under = 1;
    }
    if (!sui && !age_word)
        return 0;
    double a = g->a.value, b = g->has_b ? g->b.value : 0;
    if (a != (double)(long)a || b != (double)(long)b || a < 14 || a > 80 || (g->has_b && (b < 14 || b > 80 || b < a)))
        return 0;
    size_t end = k;
    int lo_age = 0, hi_age = 0;
    if (g->has_b) {
        lo_age = (int)a;
        hi_age = (int)b;
    } else {
        int bound = bound_after(f, k, &end);
        if (bound == 1 || not_under)
            lo_age = (int)a;
        else if (bound == 2 || not_over)
            hi_age = (int)a;
        else
            return 0; /* "30岁": an age, not a limit */
        if (bound == 0)
            end = k;
    }
    out->has_age = 1;
    out->age_min = lo_age;
    out->age_max = hi_age;
    out->age_start = f->start[g->first];
    out->age_end = f->end[end - 1];
    return 1;
}

/* Tries a figure group as a salary. Returns 1 when it is one. */
static int try_salary(const ftext *f, const group *g, jy_text_facts *out)
{
    int word_period = JY_PAY_NONE;
    int word = salary_word_before(f, g->first, &word_period);
    size_t end = g->last;
    size_t pend = 0;
    int period = period_after(f, g->last, &pend);
    /* a bare period after a figure without currency ("5天", "8小时") is a
     * duration unless written "/天" or "每天" */
    if (period != JY_PAY_NONE && !g->currency) {
        size_t k = skip_spaces(f, g->last);
        unsigned int c = k < f->n ? f->cp[k] : 0;
        if (c != '/' && c != CP_MEI)
            period = JY_PAY_NONE;
    }
    if (period != JY_PAY_NONE)
        end = pend;
    int open = 0;
    size_t bend = 0;
    int bound = bound_after(f, end, &bend);
    double a = g->a.value, b = g->has_b ? g->b.value : 0;
    int salary = g->currency || g->a.multiplied || (g->has_b && g->b.multiplied) || word ||
                 (period != JY_PAY_NONE && g->last > g->first);
    if (!salary) {
        /* bare figures: a range of at least 1000, or one before 以上/起/左右/+ */
        if (g->has_b && a >= 1000 && b >= a && b <= 200000)
            salary = 1;
        else if (!g->has_b && a >= 1000 && a <= 200000 && (bound == 1 || bound == 3))
            salary = 1;
    }
    if (!salary)
        return 0;
    /* what follows may say it is not money after all */
    if (!g->currency && end < f->n) {
        unsigned int c = f->cp[end];
        if (c == CP_SUI || c == 0x4EBA /* 人 */ || c == 0x540D /* 名 */ || c == 0x53F7 /* 号 */ ||
            c == 0x5E73 /* 平 */ || c == 0x7C73 /* 米 */ || c == 0x5428 /* 吨 */ ||
            c == 0x4EF6 /* 件 */ || c == 0x5F20 /* 张 */ || c == 0x53F0 /* 台 */ ||
            (c == CP_NIAN && word_period != JY_PAY_YEAR && period == JY_PAY_NONE))
            return 0;
    }
    if (period == JY_PAY_NONE)
        period = word_period != JY_PAY_NONE ? word_period : JY_PAY_MONTH;
    if (bound == 1 || bound == 3) {
        if (bound == 1 && !g->has_b)
            open = 1;
        end = bend;
    }
    double lo = a, hi = g->has_b ? b : (open ? 0 : a);
    if (bound == 2 && !g->has_b) {
        /* "5000以下": an upper bound only */
        lo = 0;
        hi = a;
        end = bend;
    }
    if (g->has_b && b < a)
        return 0;
    double mlo = to_monthly(lo, period), mhi = to_monthly(hi, period);
    double check = mlo > 0 ? mlo : mhi;
    if (check < 300 || check > 500000)
        return 0; /* not a plausible wage */
    out->has_salary = 1;
    out->pay_period = (jy_pay_period)period;
    out->pay_min = lo;
    out->pay_max = hi;
    out->salary_min = round_int(mlo);
    out->salary_max = round_int(mhi);
    out->salary_start = f->start[g->first > 0 && f->cp[g->first - 1] == CP_YEN ? g->first - 1 : g->first];
    out->salary_end = f->end[end - 1];
    return 1;
}

static void read_numbers(const ftext *f, jy_text_facts *out)
{
    size_t i = 0;
    while (i < f->n && (!out->has_salary || !out->has_age)) {
        group g;
        size_t m = parse_group(f, i, &g);
        if (!m) {
            i++;
            continue;
        }
        int used = 0;
        if (!out->has_age)
            used = try_age(f, &g, out);
        if (!used && !out->has_salary)
            used = try_salary(f, &g, out);
        i = g.last > i ? g.last : i + 1;
    }
}

/* ------------------------------------------------------------------------- */
/* Keywords and townships                                                    */
/* ------------------------------------------------------------------------- */

static void read_keywords(const ftext *f, jy_text_facts *out)
{
    for (size_t i = 0; i < f->n; i++) {
        unsigned int c = f->cp[i];
        if (c < 0x4E00 || !filter_has(keyword_first, c))
            continue;
        const kw *w = NULL;
        if (out->education == JY_EDUCATION_UNKNOWN &&
            kw_table_at(f, i, EDUCATION_WORDS, COUNT(EDUCATION_WORDS), &w))
            out->education = w->value;
        if (kw_table_at(f, i, WORK_WORDS, COUNT(WORK_WORDS), &w))
            out->work_hints |= (unsigned int)w->value;
        if (!out->salary_negotiable && kw_at(f, i, &NEGOTIABLE))
            out->salary_negotiable = 1;
    }
    out->education_code = jy_education_code(out->education);
    if (out->work_hints == JY_WORK_GIG)
        out->kind = "gig";
    else if (out->work_hints == JY_WORK_FULL_TIME)
        out->kind = "full_time";
}

/* A township name folded into code points (as the text is). */
typedef struct tname {
    unsigned int cp[32];
    size_t n;
} tname;

static void tname_fold(tname *t, const char *s)
{
    t->n = 0;
    if (!s)
        return;
    jy__fold_iter it;
    jy__fold_init(&it, s, strlen(s));
    unsigned int cp;
    size_t a, b;
    while (t->n < 32 && jy__fold_next(&it, &cp, &a, &b)) {
        if (jy__fold_class(cp) == JY__CLASS_SEP)
            continue;
        t->cp[t->n++] = cp == 0x3666 ? 0x659C : cp;
    }
}

static size_t tname_at(const ftext *f, size_t i, const tname *t)
{
    if (t->n == 0 || i + t->n > f->n)
        return 0;
    for (size_t j = 0; j < t->n; j++)
        if (f->cp[i + j] != t->cp[j])
            return 0;
    return t->n;
}

/* A short form is also a piece of common words: "县城上班" holds 城上 (城上乡).
 * Rejected: a short form right after 县 (unless after the county's name,
 * "新干县城上") or right before 班. */
static int short_form_ok(const ftext *f, size_t i, size_t m, const jy_county *county)
{
    if (i + m < f->n && f->cp[i + m] == 0x73ED /* 班 */)
        return 0;
    if (i == 0 || f->cp[i - 1] != 0x53BF /* 县 */)
        return 1;
    tname cn;
    tname_fold(&cn, jy_county_name(county));
    return cn.n > 0 && i >= cn.n && tname_at(f, i - cn.n, &cn) == cn.n;
}

/* Folded names of a county's townships, full and short. */
typedef struct tnames {
    tname full, brief;
    const jy_township *township;
    int seen;
} tnames;

#define TOWNSHIPS_ON_STACK 48

static void read_townships(const ftext *f, const jy_county *county, jy_text_facts *out)
{
    size_t count = jy_county_township_count(county);
    if (count == 0 || f->n == 0)
        return;
    tnames stack[TOWNSHIPS_ON_STACK];
    tnames *names = count <= TOWNSHIPS_ON_STACK ? stack : jy__malloc(count * sizeof *names);
    if (!names)
        return; /* (out of memory: no township found, the rest stands) */
    for (size_t ti = 0; ti < count; ti++) {
        const jy_township *t = jy_county_township_at(county, ti);
        names[ti].township = t;
        names[ti].seen = 0;
        tname_fold(&names[ti].full, t->name);
        tname_fold(&names[ti].brief, t->short_name);
        if (names[ti].brief.n < 2)
            names[ti].brief.n = 0; /* a one-character short form would match anywhere */
    }
    uint64_t first[16] = { 0 };
    for (size_t ti = 0; ti < count; ti++) {
        if (names[ti].full.n)
            filter_add(first, names[ti].full.cp[0]);
        if (names[ti].brief.n)
            filter_add(first, names[ti].brief.cp[0]);
    }
    /* One pass over the text; at each place only the names starting with
     * its character are compared. Mentions come in text order. */
    for (size_t i = 0; i < f->n && out->township_count < JY_TEXT_FACTS_MAX_TOWNSHIPS; i++) {
        unsigned int c = f->cp[i];
        if (c < 0x80 || !filter_has(first, c))
            continue;
        for (size_t ti = 0; ti < count; ti++) {
            tnames *tn = &names[ti];
            if (tn->seen || (tn->full.cp[0] != c && (tn->brief.n == 0 || tn->brief.cp[0] != c)))
                continue;
            size_t m = tname_at(f, i, &tn->full);
            if (!m && (m = tname_at(f, i, &tn->brief)) != 0 && !short_form_ok(f, i, m, county))
                m = 0;
            if (!m)
                continue;
            tn->seen = 1;
            jy_township_mention *dst = &out->townships[out->township_count++];
            dst->township = tn->township;
            dst->start = f->start[i];
            dst->end = f->end[i + m - 1];
            break;
        }
    }
    if (names != stack)
        jy_free(names);
}

/* ------------------------------------------------------------------------- */
/* Public functions                                                          */
/* ------------------------------------------------------------------------- */

static const char *const EDUCATION_CODES[] = { "none", "primary", "junior", "senior",
                                               "vocational", "college", "bachelor", "master" };

const char *jy_education_code(int level)
{
    if (level < 0 || level > JY_EDUCATION_MASTER)
        return NULL;
    return EDUCATION_CODES[level];
}

int jy_education_parse(const char *text)
{
    if (!text)
        return JY_EDUCATION_UNKNOWN;
    size_t len = strlen(text);
    if (jy__utf8_first_bad(text, len) < len)
        return JY_EDUCATION_UNKNOWN;
    for (int i = 0; i <= JY_EDUCATION_MASTER; i++)
        if (strcmp(text, EDUCATION_CODES[i]) == 0)
            return i;
    pthread_once(&tables_once, tables_load);
    ftext f;
    if (ftext_build(&f, text, len) != JY_OK)
        return JY_EDUCATION_UNKNOWN;
    int level = JY_EDUCATION_UNKNOWN;
    /* the bare label 不限 of the ledgers' education enum */
    static const unsigned int BUXIAN[] = { 0x4E0D, 0x9650 };
    size_t k = 0;
    while (k < f.n && f.cp[k] == ' ')
        k++;
    if (f.n - k == 2 && f.cp[k] == BUXIAN[0] && f.cp[k + 1] == BUXIAN[1])
        level = JY_EDUCATION_NONE;
    for (size_t i = 0; i < f.n && level == JY_EDUCATION_UNKNOWN; i++) {
        const kw *w = NULL;
        if (kw_table_at(&f, i, EDUCATION_WORDS, COUNT(EDUCATION_WORDS), &w))
            level = w->value;
    }
    ftext_free(&f);
    return level;
}

int jy_text_extract_facts(jy_text_facts *out, const jy_county *county, const char *text, size_t len)
{
    if (!out)
        return jy__error(JY_EINVAL, "jy_text_extract_facts: out is NULL");
    memset(out, 0, sizeof *out);
    out->education = JY_EDUCATION_UNKNOWN;
    if (!text && len)
        return jy__error(JY_EINVAL, "jy_text_extract_facts: text is NULL");
    size_t bad = jy__utf8_first_bad(text, len);
    if (bad < len)
        return jy__error(JY_EUTF8, "invalid UTF-8 sequence at byte offset %zu", bad);
    if (len == 0)
        return JY_OK;
    pthread_once(&tables_once, tables_load);
    ftext f;
    if (ftext_build(&f, text, len) != JY_OK)
        return JY_ENOMEM;
    read_numbers(&f, out);
    read_keywords(&f, out);
    if (county)
        read_townships(&f, county, out);
    ftext_free(&f);
    return JY_OK;
}
