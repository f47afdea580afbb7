/* Text analysis for matching: jy_text_fold (idempotent), jy_text_tokenize_each,
 * jy_text_extract_facts with the built-in county, and jy_vocab_scan_each with
 * the built-in vocabulary in both modes. The county and the vocabulary are
 * loaded once. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static jy_county *county;
static jy_vocab *vocab;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (jy_county_load_default(&county) != JY_OK || jy_vocab_load_default(&vocab) != JY_OK)
        abort();
    return 0;
}

struct span {
    size_t size;
    size_t last_end;
};

static int on_token(const jy_token *t, void *payload)
{
    struct span *s = payload;
    if (!t->text || t->len == 0 || t->len > JY_TOKEN_MAX_BYTES || strlen(t->text) != t->len)
        abort();
    if (t->start >= t->end || t->end > s->size || t->end < s->last_end)
        abort();
    s->last_end = t->end;
    return 0;
}

static int on_match(const jy_vocab_match *m, void *payload)
{
    struct span *s = payload;
    if (m->start >= m->end || m->end > s->size || !m->occupation_name || !m->surface)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    char *folded = NULL, *again = NULL;
    size_t folded_len = 0, again_len = 0;
    int rc = jy_text_fold(&folded, &folded_len, text, size);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        if (!folded || strlen(folded) != folded_len || folded_len > 36 * size)
            abort();
        if (jy_text_fold(&again, &again_len, folded, folded_len) != JY_OK)
            abort();
        if (again_len != folded_len || memcmp(again, folded, folded_len) != 0)
            abort();
        jy_free(again);
        jy_free(folded);
    } else if (folded) {
        abort();
    }
    int valid = rc == JY_OK;

    struct span s = {size, 0};
    rc = jy_text_tokenize_each(text, size, 0, on_token, &s);
    jy_fuzz_check_status(rc);
    if ((rc == JY_OK) != valid)
        abort();

    jy_text_facts facts;
    rc = jy_text_extract_facts(&facts, county, text, size);
    jy_fuzz_check_status(rc);
    if (rc == JY_OK) {
        if (facts.salary_end > size || facts.age_end > size ||
            facts.township_count > JY_TEXT_FACTS_MAX_TOWNSHIPS)
            abort();
        if (facts.has_salary && facts.salary_max && facts.salary_max < facts.salary_min)
            abort();
        for (size_t i = 0; i < facts.township_count; i++)
            if (!facts.townships[i].township || facts.townships[i].end > size)
                abort();
    }

    rc = jy_vocab_scan_each(vocab, text, size, 0, on_match, &s);
    jy_fuzz_check_status(rc);
    rc = jy_vocab_scan_each(vocab, text, size, JY_VOCAB_LONGEST, on_match, &s);
    jy_fuzz_check_status(rc);
    return 0;
}
