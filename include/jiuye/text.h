/**
 * @file jiuye/text.h
 * @brief UTF-8 validation, Unicode normalization, folding for matching and
 * the tokenizer.
 *
 * All text crossing the library's boundary is UTF-8. These functions check it
 * and bring it to the one normal form used for comparing records: NFKC with
 * case folding (utf8proc, jy_text_normalize()), so that full-width letters
 * and digits equal their half-width forms ("ＣＮＣ" and "cnc" normalize alike).
 *
 * For matching, text is *folded* (jy_text_fold()): normalized as above, with
 * traditional characters mapped to simplified ones (員工 → 员工, table in
 * `data/t2s.tsv`, compiled in), accents stripped, and every run of
 * punctuation, symbols, spaces and control characters (full-width or not)
 * turned into one separator. The tokenizer (jy_text_tokenize(),
 * jy_text_tokenize_each()) cuts folded text into CJK unigrams and bigrams and
 * Latin/digit words; jy_text_extract_facts() reads salary, age limits,
 * education, gig hints and townships from a posting or a jobseeker's wishes.
 *
 * Thread-safety: every function here is reentrant and safe from any thread.
 * A ::jy_token_list is used by one thread at a time.
 */
#ifndef JIUYE_TEXT_H
#define JIUYE_TEXT_H

#include "jiuye/common.h"
#include "jiuye/county.h"

JY_BEGIN_DECLS

/**
 * @brief Checks that a buffer holds well-formed UTF-8.
 *
 * Rejects what RFC 3629 rejects: stray continuation bytes, truncated
 * sequences, overlong forms, surrogates (U+D800..U+DFFF) and code points above
 * U+10FFFF. NUL bytes inside the buffer are well-formed UTF-8 and accepted.
 *
 * @param[out] out_offset  on #JY_EUTF8, receives the byte offset of the first
 *                         bad sequence; on success, receives `len`. May be NULL.
 * @param text  the bytes to check; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 (the message gives the offset), or #JY_EINVAL
 *         when `text` is NULL with a non-zero length.
 */
JY_API int jy_utf8_check(size_t *out_offset, const char *text, size_t len);

/**
 * @brief Counts the code points in well-formed UTF-8.
 *
 * @param[out] out  receives the number of code points.
 * @param text  the text; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 if the text is not well-formed, #JY_EINVAL on
 *         NULL arguments.
 */
JY_API int jy_utf8_length(size_t *out, const char *text, size_t len);

/**
 * @brief Normalizes text to NFKC with case folding.
 *
 * Full-width ASCII becomes half-width, compatibility characters are
 * decomposed (for example "①" becomes "1"), Latin letters are case-folded.
 * Chinese characters are left as they are (traditional-to-simplified mapping
 * and separators are what jy_text_fold() adds for matching).
 *
 * @param[out] out      receives a newly allocated NUL-terminated string;
 *                      release it with jy_free(). Set to NULL on failure.
 * @param[out] out_len  receives its length in bytes (without the NUL); may
 *                      be NULL.
 * @param text  the UTF-8 input; may be NULL only when `len` is 0.
 * @param len   number of bytes in `text`.
 * @return #JY_OK, #JY_EUTF8 (the message gives the byte offset), #JY_ENOMEM,
 *         or #JY_EINVAL on NULL arguments.
 */
JY_API int jy_text_normalize(char **out, size_t *out_len, const char *text, size_t len);

/* ------------------------------------------------------------------------- */
/* Folding for matching                                                      */
/* ------------------------------------------------------------------------- */

/**
 * @brief Folds text for matching: the form the tokenizer and the vocabulary
 * work on.
 *
 * Character by character:
 *  - compatibility decomposition and case folding (utf8proc): full-width
 *    letters and digits become ASCII, "①" becomes "1", letters lower case;
 *    combining marks are dropped ("é" becomes "e") and default-ignorable
 *    characters (zero-width space, soft hyphen) removed;
 *  - traditional Chinese characters become simplified ones (員工資料 →
 *    员工资料), one character for one character, from the table compiled in
 *    from `data/t2s.tsv`;
 *  - every run of characters that are neither letters, digits nor CJK
 *    ideographs (punctuation and symbols of any width, spaces, line breaks,
 *    control characters, NUL) becomes one ASCII space; none is kept at the
 *    start or the end. A full stop between two digits is kept ("3.5").
 *
 * Folding is idempotent: folding folded text changes nothing. Chinese text
 * and lower-case ASCII come out unchanged.
 *
 * @param[out] out      receives a newly allocated NUL-terminated string;
 *                      release it with jy_free(). Set to NULL on failure.
 * @param[out] out_len  receives its length in bytes; may be NULL.
 * @param text  the UTF-8 input; may be NULL only when `len` is 0. It may
 *              contain NUL bytes (they are separators).
 * @param len   number of bytes in `text`; any size (time and memory are
 *              linear). The output is usually no longer than the input, but
 *              a few compatibility characters expand: U+FDFA becomes 18
 *              Arabic letters, U+321D ㈝ five Hangul jamo (15 bytes from 3).
 *              It is never more than 36 times as long as the input.
 * @return #JY_OK, #JY_EUTF8 (the message gives the byte offset),
 *         #JY_ENOMEM, or #JY_EINVAL on NULL arguments.
 */
JY_API int jy_text_fold(char **out, size_t *out_len, const char *text, size_t len);

/**
 * @brief Maps one traditional Chinese character to its simplified form.
 *
 * @param cp  a Unicode code point.
 * @return the simplified code point, or `cp` itself when it has no
 *         traditional-to-simplified mapping (simplified characters, characters
 *         common to both, non-Chinese text).
 */
JY_API unsigned int jy_text_simplify_char(unsigned int cp);

/* ------------------------------------------------------------------------- */
/* Tokenizer                                                                 */
/* ------------------------------------------------------------------------- */

/** @brief What a token is made of. */
typedef enum jy_token_kind {
    JY_TOKEN_CJK_UNI = 1,  /**< One CJK ideograph ("焊"). */
    JY_TOKEN_CJK_BI = 2,   /**< Two adjacent CJK ideographs of one run ("焊工"). */
    JY_TOKEN_WORD = 3,     /**< A run of letters without digits ("cnc", "smt", "plc"). */
    JY_TOKEN_NUMBER = 4,   /**< A run of ASCII digits, with a decimal point between digits kept ("4000", "3.5"). */
    JY_TOKEN_MIXED = 5     /**< A run of letters and digits ("c1", "a2", "5s", "3d"). */
} jy_token_kind;

/** @brief Tokenizer flag: emit CJK unigrams (#JY_TOKEN_CJK_UNI). */
#define JY_TOKENIZE_UNIGRAMS 0x1u
/** @brief Tokenizer flag: emit CJK bigrams (#JY_TOKEN_CJK_BI). */
#define JY_TOKENIZE_BIGRAMS 0x2u
/** @brief Tokenizer flag: emit words, numbers and mixed tokens. */
#define JY_TOKENIZE_WORDS 0x4u
/** @brief Tokenizer flags: everything (also what a `flags` of 0 means). */
#define JY_TOKENIZE_ALL (JY_TOKENIZE_UNIGRAMS | JY_TOKENIZE_BIGRAMS | JY_TOKENIZE_WORDS)

/** @brief Longest token text in bytes; longer letter/digit runs are cut (on a character boundary) to this length. */
#define JY_TOKEN_MAX_BYTES 64

/**
 * @brief One token.
 *
 * The tokenizer reads the text as jy_text_fold() folds it, so token text is
 * always folded: simplified characters, lower-case ASCII, half-width.
 *
 * Rules:
 *  - a run of CJK ideographs gives a unigram per character and a bigram per
 *    pair of neighbours; a bigram never spans a separator or a letter/digit
 *    run ("电焊工" gives 电, 电焊, 焊, 焊工, 工);
 *  - a run of letters and digits gives one token, kept whole: "CNC" gives
 *    "cnc" (#JY_TOKEN_WORD), "5S" gives "5s" and "A2" gives "a2"
 *    (#JY_TOKEN_MIXED), "4000" gives "4000" (#JY_TOKEN_NUMBER);
 *  - letters/digits and CJK are cut apart where they meet: "C1驾照" gives
 *    "c1", 驾, 驾照, 照, so "C1驾照", "C1 驾照" and "驾照C1" share their tokens;
 *    the two parts have consecutive positions.
 *
 * Tokens come in text order: for each unit, the bigram ending there (if any)
 * comes before the unit's own unigram, so tokens are ordered by their end
 * offset.
 */
typedef struct jy_token {
    const char *text;    /**< Folded token text, NUL-terminated; borrowed (see the tokenizer functions for how long it lives). */
    size_t len;          /**< Length of `text` in bytes (at most #JY_TOKEN_MAX_BYTES). */
    size_t start;        /**< Byte offset in the input (not the folded text) where the token starts. */
    size_t end;          /**< Byte offset in the input just past the token. */
    size_t position;     /**< Position counted in units (a CJK ideograph or a letter/digit run is one unit, separators count nothing); a bigram has the position of its first character. */
    jy_token_kind kind;  /**< What the token is. */
} jy_token;

/**
 * @brief Called by jy_text_tokenize_each() for every token.
 *
 * @param token    the token; it and its text are valid only during the call.
 * @param payload  the caller's pointer.
 * @return 0 to go on; any other value stops the tokenizer, which returns it.
 */
typedef int (*jy_token_fn)(const jy_token *token, void *payload);

/**
 * @brief Tokenizes text, calling a function for each token; allocates nothing.
 *
 * The whole text is checked for UTF-8 first, so on #JY_EUTF8 no token has
 * been delivered.
 *
 * @param text   UTF-8 text; may be NULL only when `len` is 0. NUL bytes are
 *               separators.
 * @param len    its length in bytes; any size (time is linear, memory
 *               constant).
 * @param flags  a combination of the JY_TOKENIZE_* flags; 0 means
 *               #JY_TOKENIZE_ALL.
 * @param fn     the function called for each token, in text order.
 * @param payload passed to `fn`.
 * @return #JY_OK, the non-zero value `fn` returned to stop, #JY_EUTF8 (the
 *         message gives the byte offset), or #JY_EINVAL on NULL arguments.
 *
 * Thread-safety: reentrant.
 */
JY_API int jy_text_tokenize_each(const char *text, size_t len, unsigned int flags, jy_token_fn fn,
                                 void *payload);

/**
 * @brief A reusable list of tokens (opaque).
 *
 * One allocation holds the tokens and one holds their texts; tokenizing
 * again into the same list reuses both, so a loop over many texts allocates
 * only while the list grows.
 */
typedef struct jy_token_list jy_token_list;

/**
 * @brief Creates an empty token list.
 *
 * @param[out] out  receives the list; release it with jy_token_list_free().
 *                  Set to NULL on failure.
 * @return #JY_OK, #JY_ENOMEM, or #JY_EINVAL if `out` is NULL.
 */
JY_API int jy_token_list_new(jy_token_list **out);

/**
 * @brief Releases a token list and the tokens it holds.
 *
 * @param list  the list; NULL is allowed and does nothing.
 */
JY_API void jy_token_list_free(jy_token_list *list);

/**
 * @brief Tokenizes text into a list, replacing what the list held.
 *
 * Same tokens as jy_text_tokenize_each(). Tokens and their texts are borrowed
 * from the list and stay valid until the list is tokenized into again or
 * freed. On failure the list is left empty.
 *
 * @param list   the list to fill.
 * @param text   UTF-8 text; may be NULL only when `len` is 0.
 * @param len    its length in bytes; any size (memory is about 40 bytes per
 *               token plus the token texts: some 30 MB for 1 MB of Chinese).
 * @param flags  JY_TOKENIZE_* flags; 0 means #JY_TOKENIZE_ALL.
 * @return #JY_OK, #JY_EUTF8, #JY_ENOMEM, or #JY_EINVAL on NULL arguments.
 *
 * Thread-safety: reentrant; a list is used by one thread at a time.
 */
JY_API int jy_text_tokenize(jy_token_list *list, const char *text, size_t len, unsigned int flags);

/**
 * @brief Number of tokens in a list.
 * @param list  the list.
 * @return the count, or 0 if `list` is NULL.
 */
JY_API size_t jy_token_list_count(const jy_token_list *list);

/**
 * @brief The token at an index.
 *
 * @param list   the list.
 * @param index  0 to jy_token_list_count() - 1.
 * @return a token borrowed from the list (valid until it is tokenized into
 *         again or freed), or NULL if the index is out of range or `list` is
 *         NULL.
 */
JY_API const jy_token *jy_token_list_at(const jy_token_list *list, size_t index);

/**
 * @brief All tokens of a list as an array.
 *
 * @param list  the list.
 * @return the jy_token_list_count() tokens, borrowed from the list as with
 *         jy_token_list_at(); NULL when the list is empty or NULL.
 */
JY_API const jy_token *jy_token_list_tokens(const jy_token_list *list);

/* ------------------------------------------------------------------------- */
/* Facts from free text                                                      */
/* ------------------------------------------------------------------------- */

/**
 * @brief Education levels, in the order of the ledgers' `education` values
 * (`none` ... `master`): a higher level satisfies a lower requirement.
 */
typedef enum jy_education_level {
    JY_EDUCATION_UNKNOWN = -1,   /**< Not mentioned. */
    JY_EDUCATION_NONE = 0,       /**< 学历不限: no requirement (`none`). */
    JY_EDUCATION_PRIMARY = 1,    /**< 小学 (`primary`). */
    JY_EDUCATION_JUNIOR = 2,     /**< 初中 (`junior`). */
    JY_EDUCATION_SENIOR = 3,     /**< 高中 (`senior`). */
    JY_EDUCATION_VOCATIONAL = 4, /**< 中专, 中技, 技校, 职高 (`vocational`). */
    JY_EDUCATION_COLLEGE = 5,    /**< 大专, 专科, 高职 (`college`). */
    JY_EDUCATION_BACHELOR = 6,   /**< 本科 (`bachelor`). */
    JY_EDUCATION_MASTER = 7      /**< 研究生, 硕士, 博士 (`master`). */
} jy_education_level;

/**
 * @brief The ledgers' code of an education level ("none" ... "master").
 *
 * @param level  a ::jy_education_level.
 * @return a static string, or NULL for #JY_EDUCATION_UNKNOWN and values out
 *         of range.
 */
JY_API const char *jy_education_code(int level);

/**
 * @brief Reads an education level from a ledger code or from Chinese text.
 *
 * Accepts the ledgers' codes ("junior"), their labels ("初中", "不限") and
 * the words of jy_text_extract_facts() ("初中以上", "大专学历", "學歷不限").
 *
 * @param text  NUL-terminated UTF-8; NULL gives #JY_EDUCATION_UNKNOWN.
 * @return a ::jy_education_level; #JY_EDUCATION_UNKNOWN when nothing is
 *         recognized or the text is not valid UTF-8.
 */
JY_API int jy_education_parse(const char *text);

/** @brief How often a salary figure is paid, as written. */
typedef enum jy_pay_period {
    JY_PAY_NONE = 0,   /**< No salary figure found. */
    JY_PAY_MONTH = 1,  /**< Per month (the default when nothing else is said). */
    JY_PAY_DAY = 2,    /**< Per day (日结200元, 150元/天). */
    JY_PAY_HOUR = 3,   /**< Per hour (时薪20元, 20元/小时). */
    JY_PAY_YEAR = 4    /**< Per year (年薪6万). */
} jy_pay_period;

/** @brief Days per month used to turn a daily wage into a monthly one. */
#define JY_PAY_DAYS_PER_MONTH 26
/** @brief Hours per month used to turn an hourly wage into a monthly one (8 hours x 26 days). */
#define JY_PAY_HOURS_PER_MONTH 208

/** @brief Work-kind hint: the text says casual work (零工, 日结, 临时工, 小时工, 兼职, 短期...). */
#define JY_WORK_GIG 0x1u
/** @brief Work-kind hint: the text says steady work (全职, 长期, 正式工, 五险一金, 缴纳社保...). */
#define JY_WORK_FULL_TIME 0x2u

/** @brief Most township mentions kept by jy_text_extract_facts(); more are ignored. */
#define JY_TEXT_FACTS_MAX_TOWNSHIPS 8

/** @brief A township named in a text. */
typedef struct jy_township_mention {
    const jy_township *township;  /**< The township, borrowed from the county passed in. */
    size_t start;                 /**< Byte offset of the first mention in the input. */
    size_t end;                   /**< Byte offset just past it. */
} jy_township_mention;

/**
 * @brief Structured facts read from a posting or a jobseeker's wishes.
 *
 * Filled by jy_text_extract_facts(); owned by the caller, holds no
 * allocation (township pointers are borrowed from the county). Offsets are
 * byte offsets in the input text. Fields are only ever appended.
 */
typedef struct jy_text_facts {
    /** 1 when a salary figure was found (then `salary_min` is set). */
    int has_salary;
    /** Lower end in yuan per month: the figure as written converted with
     *  #JY_PAY_DAYS_PER_MONTH, #JY_PAY_HOURS_PER_MONTH or divided by 12 for
     *  a yearly figure, rounded. */
    int salary_min;
    /** Upper end in yuan per month; equal to `salary_min` for a single
     *  figure ("月薪5千"), 0 when open-ended ("3500以上", "5000+", "4000起"). */
    int salary_max;
    /** Lower end as written, in yuan per `pay_period` (200 for "日结200元"). */
    double pay_min;
    /** Upper end as written, in yuan per `pay_period`; 0 when open-ended. */
    double pay_max;
    /** The period the figure was written in; #JY_PAY_NONE without a figure. */
    jy_pay_period pay_period;
    /** 1 when the text says the salary is negotiable (面议), with or without a figure. */
    int salary_negotiable;
    /** Byte range of the salary figure in the input (0, 0 without one). */
    size_t salary_start;
    /** End of that range. */
    size_t salary_end;

    /** 1 when an age limit was found. */
    int has_age;
    /** Least age in years; 0 when there is no lower bound ("45岁以下"). */
    int age_min;
    /** Greatest age in years; 0 when there is no upper bound ("18周岁以上"). */
    int age_max;
    /** Byte range of the age limit in the input. */
    size_t age_start;
    /** End of that range. */
    size_t age_end;

    /** The first education level named (a ::jy_education_level);
     *  #JY_EDUCATION_UNKNOWN when none is. "初中以上" and "初中" both give
     *  #JY_EDUCATION_JUNIOR: for a posting the least level, for a
     *  jobseeker their level. */
    int education;
    /** The ledgers' code of `education` ("junior"), static; NULL when unknown. */
    const char *education_code;

    /** JY_WORK_* hints found anywhere in the text (0 when none). */
    unsigned int work_hints;
    /** "gig" or "full_time" (the ledgers' posting kinds) when the hints say
     *  one of them only; NULL when they say nothing or both. Static string. */
    const char *kind;

    /** Number of entries used in `townships`. */
    size_t township_count;
    /** Townships of the county named in the text, each once, in order of
     *  first mention; by full name (金川镇), short form (金川) or with the
     *  county in front (新干县金川镇). */
    jy_township_mention townships[JY_TEXT_FACTS_MAX_TOWNSHIPS];
} jy_text_facts;

/**
 * @brief Reads salary, age limits, education, gig hints and townships from
 * free text.
 *
 * The text is folded first (jy_text_fold(): full-width digits, traditional
 * characters and case do not matter), then read as people write job texts:
 *  - salary: "4000-6000元/月", "4000~6000", "5k-8k", "1.2w", "月薪5千",
 *    "三千五", "3500以上", "5000+", "年薪6万" (5000 a month), "日结200元",
 *    "150元/天", "20元/小时", "两百块"; Chinese numerals are read when they
 *    hold 千 or 万 or are followed by 元/块; a figure counts as a salary when it carries a
 *    currency or a k/千/万 multiplier, follows a salary word (月薪, 工资,
 *    薪资, 待遇, 底薪, 综合, 收入, 保底, 年薪, 日薪, 时薪, 日结...) or is a
 *    bare figure of at least 1000 in a range or before 以上/起/左右/+. The first
 *    salary in the text is kept. "面议" sets `salary_negotiable`;
 *  - age: "18-45岁", "18岁-45岁", "年龄18至50周岁", "年龄18-45", "45岁以下",
 *    "50岁以内", "不超过45岁", "18周岁以上"; ages outside 14..80 are ignored;
 *    the first limit is kept;
 *  - education: 学历不限/不限学历 → none, 小学, 初中, 高中, 中专/中技/技校/
 *    职高/中职, 大专/专科/高职, 本科, 研究生/硕士/博士; the first one named
 *    is kept;
 *  - work kind: see #JY_WORK_GIG and #JY_WORK_FULL_TIME;
 *  - townships of `county` (see jy_text_facts::townships).
 *
 * @param[out] out  the facts; always fully reset first (also on failure).
 * @param county  the county whose townships to look for; NULL to skip them.
 * @param text  UTF-8 text; may be NULL only when `len` is 0. NUL bytes are
 *              separators.
 * @param len   its length in bytes; any size (time and memory are linear,
 *              about 20 bytes per character while it runs).
 * @return #JY_OK (also when nothing was found), #JY_EUTF8, #JY_ENOMEM, or
 *         #JY_EINVAL on NULL arguments.
 *
 * Thread-safety: reentrant; the county is only read.
 */
JY_API int jy_text_extract_facts(jy_text_facts *out, const jy_county *county, const char *text,
                                 size_t len);

JY_END_DECLS

#endif /* JIUYE_TEXT_H */
