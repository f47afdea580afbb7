/* Consumer of the installed library: checks versions and calls into each module. */
#include <jiuye.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    if (strcmp(jy_version(NULL, NULL, NULL), JY_VERSION) != 0) {
        fprintf(stderr, "header version %s, library version %s\n", JY_VERSION,
                jy_version(NULL, NULL, NULL));
        return 1;
    }
    jy_id_info id;
    if (jy_id_parse(&id, "11010519491231002X") != JY_OK) {
        fprintf(stderr, "valid ID rejected: %s\n", jy_error_last()->message);
        return 1;
    }
    jy_county *county = NULL;
    const jy_township *t = NULL;
    if (jy_county_load_default(&county) != JY_OK ||
        jy_county_find_township(&t, county, "金川") != JY_OK) {
        fprintf(stderr, "county: %s\n", jy_error_last()->message);
        jy_county_free(county);
        return 1;
    }
    printf("consumer ok: libjiuye %s, %s %s\n", JY_VERSION, jy_county_name(county), t->name);
    jy_county_free(county);
    return 0;
}
