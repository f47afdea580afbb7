/*
 * The matcher's link to the occupation vocabulary: the canonical occupations
 * and families named in a text, as pseudo-terms of the index.
 */
#include "match_internal.h"

size_t jy__match_vocab_terms(char (*terms)[JY__VOCAB_TERM_MAX], size_t max, const char *text, size_t len,
                             char (*surface)[JY__VOCAB_TERM_MAX], int *kinds)
{
    (void)terms;
    (void)max;
    (void)text;
    (void)len;
    (void)surface;
    (void)kinds;
    return 0;
}
