/*
 * Benchmark of the validation primitives: ID numbers, credit codes, phone
 * numbers, normalization and county lookups.
 *
 *   bench_validate [--count N] [--write-ids FILE]
 *
 * Generates N synthetic resident ID numbers (deterministic: fixed seed; a
 * tenth of them corrupted), validates them, and prints one line per
 * operation: count, total seconds, nanoseconds per call. With --write-ids,
 * also writes the IDs (one a line) so that a peer (bench/peer_stdnum.py) can
 * validate the very same input. See docs/BENCHMARKS.md.
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

static unsigned long long rng_state = 0x2026112720380000ULL;

static unsigned int rnd(unsigned int n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned int)((rng_state >> 33) % n);
}

static void make_id(char out[19])
{
    static const char *regions[] = { "360824", "362424", "360802", "360821", "110105", "440113" };
    static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    int year = 1966 + (int)rnd(45), month = 1 + (int)rnd(12), day = 1 + (int)rnd(28);
    char buf[64];
    snprintf(buf, sizeof buf, "%s%04d%02d%02d%03u", regions[rnd(6)], year, month, day, rnd(1000));
    memcpy(out, buf, 17);
    int sum = 0;
    for (int i = 0; i < 17; i++)
        sum += (out[i] - '0') * weights[i];
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
    if (rnd(10) == 0) /* corrupt one digit: about a tenth fail their check */
        out[7 + rnd(10)] = (char)('0' + rnd(10));
}

static void report(const char *what, size_t count, double seconds, size_t ok)
{
    printf("%-28s %9zu calls %8.3f s %9.1f ns/call  (%zu valid)\n", what, count, seconds,
           seconds * 1e9 / (double)count, ok);
}

int main(int argc, char **argv)
{
    size_t count = 1000000;
    const char *write_ids = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--count") && i + 1 < argc)
            count = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--write-ids") && i + 1 < argc)
            write_ids = argv[++i];
        else {
            fprintf(stderr, "usage: bench_validate [--count N] [--write-ids FILE]\n");
            return 2;
        }
    }
    if (count == 0)
        count = 1;

    char (*ids)[19] = malloc(count * sizeof *ids);
    if (!ids)
        return 1;
    for (size_t i = 0; i < count; i++)
        make_id(ids[i]);
    if (write_ids) {
        FILE *f = fopen(write_ids, "w");
        if (!f) {
            perror(write_ids);
            free(ids);
            return 1;
        }
        for (size_t i = 0; i < count; i++)
            fprintf(f, "%s\n", ids[i]);
        fclose(f);
    }

    printf("libjiuye %s, %zu inputs\n", jy_version(NULL, NULL, NULL), count);

    /* First call outside the timing: it parses the compiled-in region table. */
    jy_id_info info;
    jy_id_parse(&info, ids[0]);
    size_t ok = 0;
    double t0 = now();
    for (size_t i = 0; i < count; i++)
        ok += jy_id_parse(&info, ids[i]) == JY_OK;
    report("jy_id_parse", count, now() - t0, ok);

    static const char *codes[] = { "91360824MA35XXXX0X", "91310115MA1K3BTP2B", "9144030071526726XG",
                                   "92340621MA2UK3CE6L", "91110000600037341N" };
    jy_uscc_info uscc;
    ok = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        ok += jy_uscc_parse(&uscc, codes[i % 5]) == JY_OK;
    report("jy_uscc_parse", count, now() - t0, ok);

    static const char *phones[] = { "13807951234", "+86 139-7960-8888", "１５９０７９６１２３４",
                                    "12345678901" };
    jy_phone_info phone;
    ok = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        ok += jy_phone_parse(&phone, phones[i % 4]) == JY_OK;
    report("jy_phone_parse", count, now() - t0, ok);

    static const char *titles[] = { "招聘ＣＮＣ操作工 月薪５千-８千", "箱包车工（计件）", "盐化操作工",
                                    "仓库管理员/叉车司机", "Straße 电商主播" };
    ok = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++) {
        char *out = NULL;
        ok += jy_text_normalize(&out, NULL, titles[i % 5], strlen(titles[i % 5])) == JY_OK;
        jy_free(out);
    }
    report("jy_text_normalize", count, now() - t0, ok);

    jy_county *county = NULL;
    if (jy_county_load_default(&county) != JY_OK) {
        fprintf(stderr, "%s\n", jy_error_last()->message);
        free(ids);
        return 1;
    }
    static const char *places[] = { "金川", "麦斜镇", "新干县三湖镇", "360824105", "黎山林场" };
    const jy_township *t = NULL;
    ok = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        ok += jy_county_find_township(&t, county, places[i % 5]) == JY_OK;
    report("jy_county_find_township", count, now() - t0, ok);

    const jy_village *v = NULL;
    ok = 0;
    t0 = now();
    for (size_t i = 0; i < count; i++)
        ok += jy_county_find_village(&v, county, NULL, "湄湘") == JY_OK;
    report("jy_county_find_village", count, now() - t0, ok);

    t0 = now();
    size_t loads = count / 1000 + 1;
    for (size_t i = 0; i < loads; i++) {
        jy_county *c = NULL;
        jy_county_load_default(&c);
        jy_county_free(c);
    }
    report("jy_county_load_default", loads, now() - t0, loads);

    jy_county_free(county);
    free(ids);
    return 0;
}
