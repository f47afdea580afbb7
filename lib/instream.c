/*
 * The input stream of imports: bytes of a file or a buffer, read in chunks
 * and decoded to UTF-8 (GB18030 through iconv), so that a file of any size is
 * read with a bounded amount of memory.
 *
 * Encoding detection (JY_ENCODING_AUTO) needs no look-back: ASCII is the
 * same in UTF-8 and GB18030, so bytes pass through until the first
 * non-ASCII byte; the next few kilobytes then decide: valid UTF-8 (or a
 * UTF-8 byte-order mark at the start, or four valid multi-byte characters
 * before a bad byte) is UTF-8, anything else GB18030.
 */
#include "io_internal.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define RAW_CHUNK (64u * 1024u)
/* Bytes after the first non-ASCII one that decide the encoding. */
#define SNIFF_WINDOW 4096u

static int read_error(int e)
{
    char why[128] = "unknown error";
    if (strerror_r(e, why, sizeof why) != 0)
        snprintf(why, sizeof why, "errno %d", e);
    return jy__error(JY_EIO, "cannot read the input: %s", why);
}

static int init(jy__instream *s, int encoding)
{
    s->encoding = encoding;
    s->line = 1;
    s->raw_cap = RAW_CHUNK;
    s->raw = jy__malloc(s->raw_cap);
    s->cap = 4 * RAW_CHUNK;
    s->buf = jy__malloc(s->cap + 1);
    if (!s->raw || !s->buf)
        return JY_ENOMEM;
    if (encoding == JY_ENCODING_GB18030) {
        iconv_t cd = iconv_open("UTF-8", "GB18030");
        if (cd == (iconv_t)-1)
            return jy__error(JY_ERROR, "the C library cannot decode GB18030 (iconv)");
        s->cd = cd;
    }
    return JY_OK;
}

int jy__instream_open_file(jy__instream *s, const char *path, int encoding,
                           jy_located_error *err)
{
    memset(s, 0, sizeof *s);
    s->file = fopen(path, "rb");
    if (!s->file) {
        char why[128] = "unknown error";
        int e = errno;
        if (strerror_r(e, why, sizeof why) != 0)
            snprintf(why, sizeof why, "errno %d", e);
        return jy__located(err, JY_EIO, 0, 0, 0, NULL, "cannot open the file: %s", why);
    }
    struct stat st;
    if (fstat(fileno(s->file), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        s->bytes_total = (size_t)st.st_size;
    int rc = init(s, encoding);
    if (rc != JY_OK)
        return jy__located(err, rc, 0, 0, 0, NULL, "%s", jy_error_last()->message);
    return JY_OK;
}

int jy__instream_open_buffer(jy__instream *s, const char *data, size_t len, int encoding)
{
    memset(s, 0, sizeof *s);
    s->mem = data ? data : "";
    s->mem_len = data ? len : 0;
    s->bytes_total = s->mem_len;
    return init(s, encoding);
}

void jy__instream_close(jy__instream *s)
{
    if (s->file)
        fclose(s->file);
    if (s->cd)
        iconv_close((iconv_t)s->cd);
    free(s->raw);
    free(s->buf);
    memset(s, 0, sizeof *s);
}

/* Moves the undecoded bytes to the front of raw and reads more after them. */
static int read_raw(jy__instream *s)
{
    if (s->source_eof)
        return JY_OK;
    if (s->raw_pos > 0) {
        memmove(s->raw, s->raw + s->raw_pos, s->raw_len - s->raw_pos);
        s->raw_len -= s->raw_pos;
        s->raw_pos = 0;
    }
    size_t room = s->raw_cap - s->raw_len;
    if (room == 0)
        return JY_OK;
    size_t n;
    if (s->file) {
        n = fread(s->raw + s->raw_len, 1, room, s->file);
        if (n < room) {
            if (ferror(s->file))
                return read_error(errno);
            s->source_eof = 1;
        }
    } else {
        n = s->mem_len - s->mem_pos;
        if (n > room)
            n = room;
        memcpy(s->raw + s->raw_len, s->mem + s->mem_pos, n);
        s->mem_pos += n;
        if (s->mem_pos == s->mem_len)
            s->source_eof = 1;
    }
    s->raw_len += n;
    return JY_OK;
}

/* Length of the UTF-8 sequence a lead byte announces, 0 if not a lead byte. */
static size_t lead_length(unsigned char b)
{
    if (b >= 0xC2 && b <= 0xDF)
        return 2;
    if (b >= 0xE0 && b <= 0xEF)
        return 3;
    if (b >= 0xF0 && b <= 0xF4)
        return 4;
    return 0;
}

/* Is p[0..n) UTF-8, allowing a sequence cut short by the end of the window
 * when more input follows? */
static int looks_utf8(const char *p, size_t n, int at_end)
{
    size_t i = 0;
    /* Multi-byte characters seen valid before a bad byte: GB18030 text makes
     * a valid UTF-8 sequence by chance about once in fifty characters, so
     * four in a row mean UTF-8 with a bad record further on (reported as
     * such), not a GB18030 file to decode whole into mojibake. */
    size_t valid = 0;
    while (i < n) {
        unsigned char b = (unsigned char)p[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        unsigned int cp;
        size_t k = jy__utf8_decode(p + i, n - i, &cp);
        if (k == 0) {
            size_t want = lead_length(b);
            if (at_end || want == 0 || n - i >= want)
                return valid >= 4;
            for (size_t j = i + 1; j < n; j++)
                if (((unsigned char)p[j] & 0xC0) != 0x80)
                    return 0;
            return 1;
        }
        i += k;
        valid++;
    }
    return 1;
}

static int ensure_room(jy__instream *s, size_t need)
{
    if (s->cap - s->len >= need)
        return JY_OK;
    size_t cap = s->cap;
    while (cap - s->len < need)
        cap *= 2;
    char *nb = jy__realloc(s->buf, cap + 1);
    if (!nb)
        return JY_ENOMEM;
    s->buf = nb;
    s->cap = cap;
    return JY_OK;
}

/* Decodes GB18030 raw bytes into buf. Sets *need_more when the bytes left
 * are the start of a sequence that continues in input not read yet. */
static int decode_gb(jy__instream *s, int *need_more)
{
    *need_more = 0;
    while (s->raw_pos < s->raw_len) {
        int rc = ensure_room(s, 2 * (s->raw_len - s->raw_pos) + 16);
        if (rc != JY_OK)
            return rc;
        char *in = s->raw + s->raw_pos;
        size_t inleft = s->raw_len - s->raw_pos;
        char *out = s->buf + s->len;
        size_t outleft = s->cap - s->len;
        size_t r = iconv((iconv_t)s->cd, &in, &inleft, &out, &outleft);
        int e = errno;
        s->bytes_in += (size_t)(in - (s->raw + s->raw_pos));
        s->raw_pos = (size_t)(in - s->raw);
        s->len = (size_t)(out - s->buf);
        if (r != (size_t)-1)
            continue;
        if (e == E2BIG)
            continue;
        if (e == EINVAL && !s->source_eof) {
            *need_more = 1;
            return JY_OK;
        }
        /* EILSEQ, or a sequence cut short by the end of the input: one
         * byte that is never UTF-8 marks the spot, the byte is dropped. */
        s->buf[s->len++] = (char)0xFF;
        s->raw_pos++;
        s->bytes_in++;
    }
    return JY_OK;
}

static int decode_copy(jy__instream *s, size_t n)
{
    int rc = ensure_room(s, n);
    if (rc != JY_OK)
        return rc;
    memcpy(s->buf + s->len, s->raw + s->raw_pos, n);
    s->len += n;
    s->raw_pos += n;
    s->bytes_in += n;
    return JY_OK;
}

/* One decoding step; sets *need_more when it cannot go on without more raw
 * input. */
static int decode(jy__instream *s, int *need_more)
{
    *need_more = 0;
    if (s->encoding == JY_ENCODING_GB18030)
        return decode_gb(s, need_more);
    if (s->encoding == JY_ENCODING_UTF8)
        return decode_copy(s, s->raw_len - s->raw_pos);
    /* Undecided: ASCII passes through. */
    size_t n = 0, avail = s->raw_len - s->raw_pos;
    const unsigned char *p = (const unsigned char *)s->raw + s->raw_pos;
    while (n < avail && p[n] < 0x80)
        n++;
    int rc = decode_copy(s, n);
    if (rc != JY_OK || n == avail)
        return rc;
    avail -= n;
    if (avail < SNIFF_WINDOW && !s->source_eof) {
        *need_more = 1;
        return JY_OK;
    }
    size_t window = avail < SNIFF_WINDOW ? avail : SNIFF_WINDOW;
    /* A UTF-8 byte-order mark opening the input declares UTF-8: bytes that
     * are not UTF-8 further on are errors in their record, not a sign that
     * the whole input (its mark included) is GB18030. */
    int bom = n == 0 && !s->bom_checked && s->len == 0 && avail >= 3 &&
              memcmp(p, "\xEF\xBB\xBF", 3) == 0;
    if (bom || looks_utf8(s->raw + s->raw_pos, window, s->source_eof && window == avail)) {
        s->encoding = JY_ENCODING_UTF8;
    } else {
        iconv_t cd = iconv_open("UTF-8", "GB18030");
        if (cd == (iconv_t)-1)
            return jy__error(JY_ERROR, "the C library cannot decode GB18030 (iconv)");
        s->cd = cd;
        s->encoding = JY_ENCODING_GB18030;
    }
    return decode(s, need_more);
}

int jy__instream_fill(jy__instream *s)
{
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    size_t before = s->len;
    while (!s->eof) {
        int need_more = 0;
        int rc;
        if (s->raw_pos == s->raw_len) {
            if (s->source_eof) {
                s->eof = 1;
                break;
            }
            rc = read_raw(s);
            if (rc != JY_OK)
                return rc;
            continue;
        }
        rc = decode(s, &need_more);
        if (rc != JY_OK)
            return rc;
        if (need_more) {
            rc = read_raw(s);
            if (rc != JY_OK)
                return rc;
            continue;
        }
        /* A byte-order mark (U+FEFF, whatever the encoding) opens the text:
         * wait for three bytes to see it. */
        if (!s->bom_checked && s->len < 3 && !(s->raw_pos == s->raw_len && s->source_eof))
            continue;
        if (s->len > before)
            break;
    }
    if (!s->bom_checked && (s->len >= 3 || s->eof)) {
        s->bom_checked = 1;
        if (s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0)
            s->pos = 3;
    }
    s->buf[s->len] = '\0';
    return JY_OK;
}

int jy__instream_line(jy__instream *s, char **out, size_t *out_len, size_t *out_line)
{
    size_t scanned = 0; /* bytes after pos known to hold no newline */
    int skipping = 0;
    *out_line = s->line;
    for (;;) {
        char *from = s->buf + s->pos + scanned;
        char *nl = memchr(from, '\n', s->len - s->pos - scanned);
        if (nl) {
            size_t end = (size_t)(nl - (s->buf + s->pos));
            if (skipping || end > JY__IO_MAX_RECORD) {
                s->pos += end + 1;
                s->line++;
                return JY_ERANGE;
            }
            *nl = '\0';
            char *line = s->buf + s->pos;
            s->pos += end + 1;
            s->line++;
            if (end > 0 && line[end - 1] == '\r')
                line[--end] = '\0';
            *out = line;
            *out_len = end;
            return JY_OK;
        }
        scanned = s->len - s->pos;
        if (scanned > JY__IO_MAX_RECORD) {
            /* Too long: forget what was read, look for the line's end. */
            skipping = 1;
            s->pos = s->len;
            scanned = 0;
        }
        if (s->eof) {
            if (skipping)
                return JY_ERANGE;
            if (s->pos == s->len)
                return JY_ITEROVER;
            /* The last line, without a newline; fill() keeps a spare byte. */
            char *line = s->buf + s->pos;
            size_t end = s->len - s->pos;
            s->buf[s->len] = '\0';
            if (end > 0 && line[end - 1] == '\r')
                line[--end] = '\0';
            s->pos = s->len;
            *out = line;
            *out_len = end;
            return JY_OK;
        }
        int rc = jy__instream_fill(s);
        if (rc != JY_OK)
            return rc;
    }
}
