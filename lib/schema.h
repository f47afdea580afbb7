/* The schema's migrations (lib/schema.c). */
#ifndef JIUYE_SCHEMA_H
#define JIUYE_SCHEMA_H

#include "internal.h"

/* jy__migrations[i] upgrades schema version i to i + 1: a NULL-terminated
 * list of SQL statements. */
extern const char *const *const jy__migrations[];
extern const int jy__migration_count;

#endif /* JIUYE_SCHEMA_H */
