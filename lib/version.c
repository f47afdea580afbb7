/* Run-time version of the library. */
#include "internal.h"

const char *jy_version(int *major, int *minor, int *patch)
{
    if (major)
        *major = JY_VERSION_MAJOR;
    if (minor)
        *minor = JY_VERSION_MINOR;
    if (patch)
        *patch = JY_VERSION_PATCH;
    return JY_VERSION;
}
