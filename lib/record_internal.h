/* The inside of a jy_record, shared by record.c, record_json.c and ledger.c. */
#ifndef JIUYE_RECORD_INTERNAL_H
#define JIUYE_RECORD_INTERNAL_H

#include "catalog.h"

typedef struct jy__value {
    int set;          /* the field has a value */
    unsigned char heap; /* text was malloc'ed (else: the record's arena or a constant) */
    char *text;       /* canonical text (always set when `set`) */
    int64_t i;        /* integers, references, booleans */
    double r;         /* reals */
    jy_date date;     /* dates */
    char **items;     /* lists */
    size_t item_count;
} jy__value;

struct jy_record {
    const jy__kind_info *info;
    jy__value *values; /* one per field of the kind, in catalogue order */
    char *arena;       /* text of values, bump-allocated; rewound by jy__record_reset */
    size_t arena_used, arena_cap;
};

/* Clears every field and rewinds the arena: the record is as new, and can
 * take the next row of an import without allocating. */
void jy__record_reset(jy_record *r);

/* Sets field `index` from text (NULL clears), converting and checking the
 * type as jy_record_set_text() documents. */
int jy__record_set_field(jy_record *r, size_t index, const char *value);
/* The same for text the caller has already checked to be well-formed UTF-8
 * (an importer's cells). */
int jy__record_set_checked_field(jy_record *r, size_t index, const char *value);

/* Sets the `id` field (field 0) of a record just stored. */
int jy__record_set_id(jy_record *r, int64_t id);

/* Masks personal data for export: ID numbers keep 6 + 2, phones 3 + 4,
 * anything else its first character. Returns a new string. */
char *jy__mask(const jy_field_info *f, const char *value);

/* The field whose masking rule applies to field `index` of `r`, or NULL if
 * the value is not personal. Usually the field itself; a labor_change's
 * old and new values are as personal as the labor field they belong to
 * (an unknown field counts as personal). Use it with jy__mask(). */
const jy_field_info *jy__personal_field(const jy_record *r, size_t index);

#endif /* JIUYE_RECORD_INTERNAL_H */
