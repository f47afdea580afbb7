/*
 * CSV (RFC 4180) records and cells: reading a record from the input stream,
 * writing cells with the quoting they need.
 *
 * Reading is lenient where spreadsheets are sloppy and strict where data
 * would be lost: line ends may be CRLF or LF; a quote inside an unquoted cell
 * is an ordinary character; but text after a closing quote, or a quote never
 * closed, is an error, reported at the line where the record starts, and
 * reading resumes at the next line so that one stray quote does not swallow
 * the rest of the file.
 */
#include "io_internal.h"

#include <stdlib.h>
#include <string.h>

void jy__csv_row_free(jy__csv_row *row)
{
    free(row->data);
    free(row->offsets);
    free(row->lengths);
    memset(row, 0, sizeof *row);
}

static int row_reserve(jy__csv_row *row, size_t data_need)
{
    if (data_need > row->data_cap) {
        size_t cap = row->data_cap ? row->data_cap : 1024;
        while (cap < data_need)
            cap *= 2;
        char *d = jy__realloc(row->data, cap);
        if (!d)
            return JY_ENOMEM;
        row->data = d;
        row->data_cap = cap;
    }
    return JY_OK;
}

static inline int row_new_cell(jy__csv_row *row, size_t at)
{
    if (row->count == row->cap) {
        size_t cap = row->cap ? row->cap * 2 : 32;
        size_t *o = jy__realloc(row->offsets, cap * sizeof *o);
        if (!o)
            return JY_ENOMEM;
        row->offsets = o;
        size_t *l = jy__realloc(row->lengths, cap * sizeof *l);
        if (!l)
            return JY_ENOMEM;
        row->lengths = l;
        row->cap = cap;
    }
    row->offsets[row->count] = at;
    row->lengths[row->count] = 0;
    row->count++;
    return JY_OK;
}

/* Discards input up to and including the next newline (the resumption
 * point after a malformed record). */
static int skip_line(jy__instream *s)
{
    for (;;) {
        char *nl = memchr(s->buf + s->pos, '\n', s->len - s->pos);
        if (nl) {
            s->pos = (size_t)(nl - s->buf) + 1;
            s->line++;
            return JY_OK;
        }
        s->pos = s->len;
        if (s->eof)
            return JY_OK;
        int rc = jy__instream_fill(s);
        if (rc != JY_OK)
            return rc;
    }
}

enum { CELL_START, UNQUOTED, QUOTED, QUOTE_SEEN, AFTER_QUOTE };

int jy__csv_next(jy__csv_row *row, jy__instream *s, size_t *out_line, const char **why)
{
    *why = NULL;
    for (;;) {
        size_t i = 0;      /* offset from s->pos */
        size_t used = 0;   /* bytes of row->data used */
        size_t newlines = 0;
        int state = CELL_START;
        int quoted_last = 0; /* the current cell was quoted */
        size_t nl_rel = 0;   /* offset from s->pos of the next newline (or of the end) */
        int nl_known = 0;    /* nl_rel is valid (until the next fill) */
        int rc;
        row->count = 0;
        *out_line = s->line;
        if ((rc = row_reserve(row, 1)) != JY_OK || (rc = row_new_cell(row, 0)) != JY_OK)
            return rc;

        int ended = 0;
        while (!ended) {
            if (s->pos + i == s->len) {
                if (!s->eof) {
                    rc = jy__instream_fill(s);
                    if (rc != JY_OK)
                        return rc;
                    nl_known = 0; /* more input: the line may end further on */
                    continue;
                }
                /* End of input. */
                if (i == 0)
                    return JY_ITEROVER;
                if (state == QUOTED) {
                    *why = "a quoted cell is never closed";
                    goto malformed;
                }
                ended = 1;
                break;
            }
            if (i > JY__IO_MAX_RECORD) {
                *why = "the record is longer than 4 MiB (a quote never closed?)";
                goto malformed;
            }
            if (state == UNQUOTED || (state == CELL_START && s->buf[s->pos + i] != '"')) {
                /* An unquoted cell: its bytes up to the next comma of the
                 * line in one copy (the line's end is found once per fill). */
                const char *p = s->buf + s->pos + i;
                if (!nl_known || nl_rel < i) {
                    const char *nl = memchr(p, '\n', s->len - s->pos - i);
                    nl_rel = (nl ? (size_t)(nl - s->buf) : s->len) - s->pos;
                    nl_known = 1;
                }
                const char *lim = s->buf + s->pos + nl_rel;
                const char *q = memchr(p, ',', (size_t)(lim - p));
                size_t n = (size_t)((q ? q : lim) - p);
                if (state == CELL_START)
                    quoted_last = 0;
                if ((rc = row_reserve(row, used + n + 1)) != JY_OK)
                    return rc;
                memcpy(row->data + used, p, n);
                used += n;
                i += n;
                if (q) {
                    i++; /* the comma */
                    row->lengths[row->count - 1] = used - row->offsets[row->count - 1];
                    row->data[used++] = '\0';
                    if ((rc = row_new_cell(row, used)) != JY_OK)
                        return rc;
                    state = CELL_START;
                    continue;
                }
                state = UNQUOTED;
                if (n)
                    continue;
                /* at the newline: handled below */
            } else if (state == QUOTED) {
                const char *p = s->buf + s->pos + i, *e = s->buf + s->len, *q = p;
                for (; q < e && *q != '"'; q++)
                    if (*q == '\n')
                        newlines++;
                size_t n = (size_t)(q - p);
                if (n) {
                    if ((rc = row_reserve(row, used + n + 1)) != JY_OK)
                        return rc;
                    memcpy(row->data + used, p, n);
                    used += n;
                    i += n;
                    continue;
                }
            }
            char ch = s->buf[s->pos + i];
            i++;
            switch (state) {
            case CELL_START:
                if (ch == '"') {
                    state = QUOTED;
                    quoted_last = 1;
                    continue;
                }
                quoted_last = 0;
                state = UNQUOTED;
                /* fall through */
            case UNQUOTED:
                if (ch == ',') {
                    row->lengths[row->count - 1] = used - row->offsets[row->count - 1];
                    if ((rc = row_reserve(row, used + 1)) != JY_OK)
                        return rc;
                    row->data[used++] = '\0';
                    if ((rc = row_new_cell(row, used)) != JY_OK)
                        return rc;
                    state = CELL_START;
                    continue;
                }
                if (ch == '\n') {
                    newlines++;
                    ended = 1;
                    continue;
                }
                break;
            case QUOTED:
                if (ch == '"') {
                    state = QUOTE_SEEN;
                    continue;
                }
                if (ch == '\n')
                    newlines++;
                break;
            case QUOTE_SEEN:
                if (ch == '"') { /* a doubled quote: one quote in the cell */
                    state = QUOTED;
                    break;
                }
                state = AFTER_QUOTE;
                /* fall through */
            case AFTER_QUOTE:
                if (ch == ',') {
                    row->lengths[row->count - 1] = used - row->offsets[row->count - 1];
                    if ((rc = row_reserve(row, used + 1)) != JY_OK)
                        return rc;
                    row->data[used++] = '\0';
                    if ((rc = row_new_cell(row, used)) != JY_OK)
                        return rc;
                    state = CELL_START;
                    continue;
                }
                if (ch == '\n') {
                    newlines++;
                    ended = 1;
                    continue;
                }
                if (ch == '\r')
                    continue;
                *why = "text after the closing quote of a cell";
                goto malformed;
            }
            if ((rc = row_reserve(row, used + 1)) != JY_OK)
                return rc;
            row->data[used++] = ch;
        }
        /* Close the last cell; an unquoted one loses the CR of a CRLF. */
        size_t start = row->offsets[row->count - 1];
        if (!quoted_last && used > start && row->data[used - 1] == '\r')
            used--;
        row->lengths[row->count - 1] = used - start;
        if ((rc = row_reserve(row, used + 1)) != JY_OK)
            return rc;
        row->data[used] = '\0';
        s->pos += i;
        s->line += newlines;
        /* An empty line is no record. */
        if (row->count == 1 && row->lengths[0] == 0 && !quoted_last)
            continue;
        return JY_OK;

    malformed:
        /* Resume at the line after the record's first line. */
        rc = skip_line(s);
        return rc != JY_OK ? rc : JY_EPARSE;
    }
}

/* ---- Writing -------------------------------------------------------------- */

void jy__outbuf_add(jy__outbuf *b, const char *text, size_t len)
{
    if (b->failed)
        return;
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + len + 1)
            cap *= 2;
        char *s = jy__realloc(b->s, cap);
        if (!s) {
            b->failed = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, len);
    b->len += len;
    b->s[b->len] = '\0';
}

void jy__csv_add_cell(jy__outbuf *b, const char *text)
{
    size_t len = strlen(text);
    int quote = len > 0 && (text[0] == ' ' || text[0] == '\t' || text[len - 1] == ' ' ||
                            text[len - 1] == '\t');
    if (!quote && strpbrk(text, ",\"\r\n"))
        quote = 1;
    if (!quote) {
        jy__outbuf_add(b, text, len);
        return;
    }
    jy__outbuf_add(b, "\"", 1);
    const char *p = text;
    for (const char *q; (q = strchr(p, '"')) != NULL; p = q + 1) {
        jy__outbuf_add(b, p, (size_t)(q - p) + 1);
        jy__outbuf_add(b, "\"", 1);
    }
    jy__outbuf_add(b, p, strlen(p));
    jy__outbuf_add(b, "\"", 1);
}
