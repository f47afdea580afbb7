/**
 * @file jiuye/county.h
 * @brief The county profile: a county's townships/streets and their villages.
 *
 * A ::jy_county holds the administrative divisions of one county: the
 * township-level units (streets 街道, towns 镇, townships 乡, and special units
 * such as an industrial park or a forest farm) and their villages and
 * communities, with their statistical codes. The profile of Xingan County
 * (新干县, 360824) is compiled into the library (jy_county_load_default());
 * other counties load a file of the same JSON format (docs/formats.md).
 *
 * Lookups by name tolerate what people write: short forms without the
 * suffix ("金川" for 金川镇, "湄湘" for 湄湘居委会), the county name in front
 * ("新干县金川镇"), full-width and stray spaces, and common substitutes for
 * rare characters (麦斜镇 for 麦㙦镇, U+3666).
 *
 * Lifecycle:
 *  1. load a profile with jy_county_load_default(), jy_county_load_file() or
 *     jy_county_load_buffer();
 *  2. look places up and walk them; the ::jy_township and ::jy_village
 *     pointers you get are borrowed from the county;
 *  3. release it with jy_county_free(), which invalidates those pointers.
 *
 * Thread-safety: a loaded county is immutable; any number of threads may use
 * one concurrently. Loading and freeing are not concurrent with use.
 */
#ifndef JIUYE_COUNTY_H
#define JIUYE_COUNTY_H

#include "jiuye/common.h"
#include "jiuye/error.h"

JY_BEGIN_DECLS

/** @brief A loaded county profile (opaque). */
typedef struct jy_county jy_county;

/** @brief The kind of a township-level unit, from the statistical code (digits 7-9). */
typedef enum jy_township_kind {
    JY_TOWNSHIP_STREET = 1,    /**< 街道, codes 001-099. */
    JY_TOWNSHIP_TOWN = 2,      /**< 镇, codes 100-199. */
    JY_TOWNSHIP_TOWNSHIP = 3,  /**< 乡 (including ethnic townships), codes 200-399. */
    JY_TOWNSHIP_SPECIAL = 4    /**< Development zone, park, farm, forest farm..., codes 400-999. */
} jy_township_kind;

/** @brief A township-level unit; see struct jy_township. */
typedef struct jy_township jy_township;

/** @brief A village or community (村委会, 居委会). Borrowed from its county. */
typedef struct jy_village {
    const char *code;              /**< 12-digit statistical code. */
    const char *name;              /**< Official name, e.g. "湄湘居委会". */
    const char *short_name;        /**< Name without the committee suffix, e.g. "湄湘". */
    const jy_township *township;   /**< The township it belongs to. */
} jy_village;

/** @brief A township-level unit (乡镇/街道...). Borrowed from its county. */
struct jy_township {
    const char *code;              /**< 9-digit statistical code. */
    const char *name;              /**< Official name, e.g. "金川镇". */
    const char *short_name;        /**< Name without the kind suffix, e.g. "金川". */
    jy_township_kind kind;         /**< Kind of unit. */
    size_t village_count;          /**< Number of villages in `villages`. */
    const jy_village *villages;    /**< The villages, in file order. */
};

/**
 * @brief Loads the built-in profile of Xingan County (新干县).
 *
 * @param[out] out  receives a new county; release it with jy_county_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_county_load_default(jy_county **out);

/**
 * @brief Loads a county profile from a JSON file (format in docs/formats.md).
 *
 * @param[out] out  receives a new county; release it with jy_county_free().
 *                  Set to NULL on failure.
 * @param path  file name, NUL-terminated.
 * @param[out] err  optional; filled with the location (field path) and cause
 *                  of a failure.
 * @return #JY_OK, #JY_EIO if the file cannot be read, #JY_EUTF8, #JY_EPARSE for
 *         malformed JSON, #JY_EINVAL for a well-formed file that breaks the
 *         format (missing or malformed code, duplicate code, village outside
 *         its township...), #JY_ENOMEM.
 */
JY_API int jy_county_load_file(jy_county **out, const char *path, jy_located_error *err);

/**
 * @brief Loads a county profile from JSON in memory.
 *
 * Same as jy_county_load_file(), reading `len` bytes at `json` instead of a
 * file; the buffer need not be NUL-terminated and is not kept.
 *
 * @param[out] out  receives a new county, or NULL on failure.
 * @param json  the JSON text.
 * @param len   its length in bytes.
 * @param[out] err  optional location of a failure (source "<memory>").
 * @return as jy_county_load_file(), without #JY_EIO.
 */
JY_API int jy_county_load_buffer(jy_county **out, const char *json, size_t len,
                                 jy_located_error *err);

/**
 * @brief Releases a county and everything borrowed from it.
 *
 * @param county  the county; NULL is allowed and does nothing.
 */
JY_API void jy_county_free(jy_county *county);

/**
 * @brief The county's 6-digit code ("360824").
 * @return a string borrowed from the county, or NULL if `county` is NULL.
 */
JY_API const char *jy_county_code(const jy_county *county);

/**
 * @brief The county's name ("新干县").
 * @return a string borrowed from the county, or NULL if `county` is NULL.
 */
JY_API const char *jy_county_name(const jy_county *county);

/**
 * @brief Number of township-level units.
 * @return the count, or 0 if `county` is NULL.
 */
JY_API size_t jy_county_township_count(const jy_county *county);

/**
 * @brief The township-level unit at an index, in file order.
 *
 * @param county  the county.
 * @param index   0 to jy_county_township_count() - 1.
 * @return a pointer borrowed from the county, or NULL if the index is out of
 *         range or `county` is NULL.
 */
JY_API const jy_township *jy_county_township_at(const jy_county *county, size_t index);

/**
 * @brief Finds a township-level unit by code or by name.
 *
 * `query` may be the 9-digit code (or the 12-digit form ending in 000), the
 * official name, the name of the statistics' newer edition, or a short form
 * (see the file comment), or an alias listed in the profile. An exact name
 * wins over a short form, and an exact spelling over a rare-character
 * substitute; docs/formats.md gives the complete matching rules.
 *
 * @param[out] out  receives a pointer borrowed from the county; NULL on
 *                  failure.
 * @param county  the county.
 * @param query   NUL-terminated UTF-8 text.
 * @return #JY_OK, #JY_ENOTFOUND, #JY_EAMBIGUOUS if a short form matches
 *         several units, #JY_EUTF8, #JY_EINVAL on NULL arguments or empty text.
 */
JY_API int jy_county_find_township(const jy_township **out, const jy_county *county,
                                   const char *query);

/**
 * @brief Finds a village or community by code or by name.
 *
 * `query` may be the 12-digit code, the official name, or a short form
 * ("湄湘", "湄湘村"). With `township` given (code or name, as for
 * jy_county_find_township()), the search is limited to that township; without
 * it, a name shared by villages of several townships is ambiguous. A suffix
 * in the query chooses between committees of the same short form ("七琴村"
 * is 七琴村委会, "七琴社区" is 七琴居委会).
 *
 * @param[out] out  receives a pointer borrowed from the county; NULL on
 *                  failure.
 * @param county    the county.
 * @param township  NUL-terminated township code or name, or NULL for all.
 * @param query     NUL-terminated UTF-8 text.
 * @return #JY_OK, #JY_ENOTFOUND (the village or the given township),
 *         #JY_EAMBIGUOUS, #JY_EUTF8, #JY_EINVAL on NULL arguments or empty text.
 */
JY_API int jy_county_find_village(const jy_village **out, const jy_county *county,
                                  const char *township, const char *query);

JY_END_DECLS

#endif /* JIUYE_COUNTY_H */
