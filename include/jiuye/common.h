/**
 * @file jiuye/common.h
 * @brief Macros and basic declarations shared by every libjiuye header.
 *
 * This header is included by every other public header; there is no need to
 * include it directly. It defines the export marker #JY_API, the C++ linkage
 * guards, and jy_free(), the one function that releases memory handed out by
 * the library.
 */
#ifndef JIUYE_COMMON_H
#define JIUYE_COMMON_H

#include <stddef.h>

/**
 * @def JY_API
 * @brief Marks a declaration as part of the library's public, exported ABI.
 *
 * Everything not marked is hidden in the shared library. Define `JY_STATIC`
 * when linking the static library on platforms where it matters (Windows).
 */
#if defined(_WIN32) && !defined(JY_STATIC)
#  if defined(JY_BUILDING)
#    define JY_API __declspec(dllexport)
#  else
#    define JY_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define JY_API __attribute__((visibility("default")))
#else
#  define JY_API
#endif

/** @cond INTERNAL */
#ifdef __cplusplus
#  define JY_BEGIN_DECLS extern "C" {
#  define JY_END_DECLS }
#else
#  define JY_BEGIN_DECLS
#  define JY_END_DECLS
#endif
/** @endcond */

JY_BEGIN_DECLS

/**
 * @brief Releases memory that the library handed out as a plain buffer
 * (strings returned through `char **out` parameters).
 *
 * Objects with a type of their own (a ::jy_county, say) have their own
 * `jy_<type>_free` function; use that instead.
 *
 * @param ptr  the buffer; NULL is allowed and does nothing.
 *
 * Thread-safety: safe from any thread.
 */
JY_API void jy_free(void *ptr);

JY_END_DECLS

#endif /* JIUYE_COMMON_H */
