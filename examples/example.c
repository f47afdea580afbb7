#include <jiuye.h>
#include <stdio.h>

int main(void)
{
    jy_county *county = NULL;
    const jy_township *t = NULL;
    jy_id_info id;
    if (jy_county_load_default(&county) || jy_county_find_township(&t, county, "麦斜镇"))
        return fprintf(stderr, "%s\n", jy_error_last()->message), 1;
    if (jy_id_parse(&id, "36082419850612301x"))
        printf("rejected: %s\n", jy_reason_str(id.reason));
    printf("%s %s: ID %.6s…, born %d\n", jy_county_name(county), t->name, id.number, id.birth.year);
    jy_county_free(county);
    return 0;
}
