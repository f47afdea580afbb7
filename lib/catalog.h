/*
 * The catalogue of ledger kinds and their fields (lib/catalog.c): the one
 * description from which records are checked, stored, imported, exported and
 * documented. Private: the public view is jy_kind_field_at() and friends.
 */
#ifndef JIUYE_CATALOG_H
#define JIUYE_CATALOG_H

#include "internal.h"

/* The formats of jy_field_info::format. The catalogue uses these very
 * arrays, so the library compares formats by pointer (f->format ==
 * jy__fmt_phone) instead of by string on every field of every record. */
extern const char jy__fmt_id_number[], jy__fmt_credit_code[], jy__fmt_phone[],
    jy__fmt_township[], jy__fmt_village[], jy__fmt_enum[], jy__fmt_time[];

typedef struct jy__kind_info {
    jy_kind kind;
    const char *name;            /* kind name and SQL table name */
    const char *label;           /* Chinese name */
    const jy_field_info *fields; /* fields[0] is always `id` */
    size_t field_count;
    const char *date_field;      /* the date that places a record in a period, or NULL */
    const char *township_field;  /* the field holding a township code, or NULL */
    const char *kind_field;      /* the enum field that sub-classifies it (event kind...), or NULL */
    const char *key_field;       /* natural key for saving by key (id_number...), or NULL */
    int writable;                /* 0 for read-only kinds (labor_change) */
} jy__kind_info;

/* The descriptor of a kind, or NULL. */
const jy__kind_info *jy__kind(int kind);

/* Index of a field in its kind, or -1. */
int jy__field_index(const jy__kind_info *k, const char *name);

/* Index of `value` (a value or its Chinese label) among an enum field's
 * values, or -1. */
int jy__enum_index(const jy_field_info *f, const char *value);

#endif /* JIUYE_CATALOG_H */
