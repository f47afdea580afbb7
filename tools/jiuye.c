/*
 * jiuye: the command-line tool of libjiuye, built on the public API only.
 *
 * Commands so far:
 *   jiuye demo      load the built-in county profile of Xingan County and
 *                   validate a few sample records, printing the results
 *                   (personal data masked);
 *   jiuye version   print the library version.
 *
 * Exit codes: 0 success, 1 a command failed, 2 usage error.
 */
#include <jiuye.h>

#include <stdio.h>
#include <string.h>

enum { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

static void usage(FILE *to)
{
    fputs("Usage: jiuye COMMAND [OPTIONS]\n"
          "\n"
          "Commands:\n"
          "  demo       validate sample records against the built-in county profile\n"
          "  version    print the version of libjiuye\n"
          "\n"
          "Options:\n"
          "  -h, --help     show this help\n"
          "  -V, --version  same as the version command\n"
          "\n"
          "Exit status: 0 success, 1 the command failed, 2 usage error.\n",
          to);
}

/* Keeps the first 6 and the last 2 characters of an ID number: the region
 * stays readable, the person does not. */
static void mask_id(char *out, size_t size, const char *id)
{
    size_t n = strlen(id);
    if (n < 10 || size < n + 1) {
        snprintf(out, size, "***");
        return;
    }
    memcpy(out, id, 6);
    memset(out + 6, '*', n - 8);
    memcpy(out + n - 2, id + n - 2, 2);
    out[n] = '\0';
}

/* Keeps the first 3 and the last 4 digits of a phone number. */
static void mask_phone(char *out, size_t size, const char *phone)
{
    if (strlen(phone) != 11 || size < 12) {
        snprintf(out, size, "***");
        return;
    }
    snprintf(out, size, "%.3s****%.4s", phone, phone + 7);
}

/* What county staff read: the reasons in Chinese. */
static const char *reason_zh(jy_reason reason)
{
    switch (reason) {
    case JY_REASON_NONE: return "有效";
    case JY_REASON_EMPTY: return "未填写";
    case JY_REASON_UTF8: return "编码错误";
    case JY_REASON_LENGTH: return "位数不对";
    case JY_REASON_CHARACTER: return "含非法字符";
    case JY_REASON_CHECKSUM: return "校验码错误";
    case JY_REASON_BIRTH_DATE: return "出生日期不存在";
    case JY_REASON_BIRTH_RANGE: return "出生日期超出范围";
    case JY_REASON_REGION: return "行政区划代码不存在";
    case JY_REASON_AUTHORITY: return "登记管理部门或机构类别代码错误";
    case JY_REASON_PREFIX: return "非中国大陆号码";
    case JY_REASON_NETWORK: return "不是手机号段";
    }
    return "未知原因";
}

struct sample {
    const char *id;        /* as typed by a surveyor */
    const char *phone;
    const char *township;
    const char *village;
};

/* Synthetic records in the shapes real ledgers contain: lower-case x,
 * full-width digits, short township names, the substitute 麦斜 for 麦㙦, the
 * old county code 362424, and four kinds of mistakes. The ID numbers are
 * made up; none belongs to a real person. */
static const struct sample samples[] = {
    { "36242419850612301x", "138 0795 1234", "金川", "湄湘村" },
    { "360824200108154523", "+86 139-7960-8888", "麦斜镇", NULL },
    { "３６０８２４１９９２０２２９００１６", "15907961234", "三湖镇", NULL },
    { "362424700101231", "18979612345", "溧江", NULL },
    { "360824199002301234", "13807951234", "七琴镇", NULL },
    { "360824198506123011", "12345678901", "界埠镇", NULL },
    { "36082419850612301X", "1380795123", "大洋洲", NULL },
    { "36082419850612301", "13807951234", "洋峰", "不存在村" },
};

static int demo(void)
{
    jy_county *county = NULL;
    if (jy_county_load_default(&county) != JY_OK) {
        fprintf(stderr, "jiuye: cannot load the county profile: %s\n", jy_error_last()->message);
        return EXIT_FAILED;
    }
    size_t villages = 0;
    for (size_t i = 0; i < jy_county_township_count(county); i++)
        villages += jy_county_township_at(county, i)->village_count;
    printf("libjiuye %s\n", jy_version(NULL, NULL, NULL));
    printf("县情: %s (%s), %zu 个乡镇(街道), %zu 个村(社区)\n\n", jy_county_name(county),
           jy_county_code(county), jy_county_township_count(county), villages);

    jy_date today;
    if (jy_date_today(&today) != JY_OK) {
        jy_county_free(county);
        return EXIT_FAILED;
    }
    int valid = 0, invalid = 0;
    printf("劳动力样本校验 (个人信息已脱敏):\n");
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const struct sample *s = &samples[i];
        char problems[512] = "";
        size_t used = 0;
        char idtext[32] = "***", phonetext[16] = "***", age[32] = "";
        const char *place = "";
        int errors = 0; /* problems that make the record invalid (not the hints) */

        jy_id_info id;
        if (jy_id_parse(&id, s->id) == JY_OK) {
            int years = 0;
            mask_id(idtext, sizeof idtext, id.number);
            if (jy_id_age(&years, &id, today) == JY_OK)
                snprintf(age, sizeof age, "%s %d岁", id.gender == JY_GENDER_MALE ? "男" : "女",
                         years);
            if (id.warnings & JY_WARN_REGION_NOT_IN_FORCE)
                used += (size_t)snprintf(problems + used, sizeof problems - used,
                                         "[提示] 区划代码在出生年份未启用; ");
            if (id.warnings & JY_WARN_LEGACY_15)
                used += (size_t)snprintf(problems + used, sizeof problems - used,
                                         "[提示] 15位旧号已升为18位; ");
        } else {
            errors++;
            used += (size_t)snprintf(problems + used, sizeof problems - used, "身份证号: %s",
                                     reason_zh(id.reason));
            if (id.position && used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, " (第%zu位)",
                                         id.position);
            if (used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, "; ");
        }
        jy_phone_info phone;
        if (jy_phone_parse(&phone, s->phone) == JY_OK)
            mask_phone(phonetext, sizeof phonetext, phone.number);
        else if (++errors && used < sizeof problems)
            used += (size_t)snprintf(problems + used, sizeof problems - used, "手机号: %s; ",
                                     reason_zh(phone.reason));
        const jy_township *t = NULL;
        if (jy_county_find_township(&t, county, s->township) == JY_OK) {
            place = t->name;
            const jy_village *v = NULL;
            if (s->village && jy_county_find_village(&v, county, t->code, s->village) != JY_OK &&
                ++errors && used < sizeof problems)
                used += (size_t)snprintf(problems + used, sizeof problems - used, "村: %s; ",
                                         jy_error_last()->code == JY_EAMBIGUOUS ? "名称不唯一"
                                                                                : "未找到");
        } else if (++errors && used < sizeof problems) {
            used += (size_t)snprintf(problems + used, sizeof problems - used, "乡镇: %s; ",
                                     jy_error_last()->code == JY_EAMBIGUOUS ? "名称不唯一"
                                                                            : "未找到");
        }
        int ok = errors == 0;
        ok ? valid++ : invalid++;
        printf("  %zu. %-18s %-11s %-8s %-10s %s %s\n", i + 1, idtext, phonetext, place, age,
               ok ? "有效" : "无效", problems);
    }
    printf("\n合计: 有效 %d 条, 无效 %d 条\n", valid, invalid);
    jy_county_free(county);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("jiuye %s\n", jy_version(NULL, NULL, NULL));
        return EXIT_OK;
    }
    if (!strcmp(cmd, "demo"))
        return demo();
    fprintf(stderr, "jiuye: unknown command '%s'\n\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
