/*
 * Interchange internals shared by io.c (import and export), instream.c (the
 * decoding input stream) and csv.c (CSV records and cells).
 */
#ifndef JIUYE_IO_INTERNAL_H
#define JIUYE_IO_INTERNAL_H

#include "internal.h"

#include <stdio.h>

/* The longest record (a JSON line, a CSV record) an import accepts. Longer
 * ones are rejected and skipped without being held in memory. */
#define JY__IO_MAX_RECORD (4u * 1024u * 1024u)

/* ---- Input stream: bytes of a file or a buffer, decoded to UTF-8 ---------- */

typedef struct jy__instream {
    FILE *file;             /* the file, or NULL for memory */
    const char *mem;        /* memory input */
    size_t mem_len, mem_pos;
    size_t bytes_total;     /* input size, 0 if unknown */
    size_t bytes_in;        /* input bytes consumed so far */

    int encoding;           /* jy_encoding; AUTO until decided */
    void *cd;               /* iconv_t for GB18030, or NULL */
    int source_eof;         /* nothing more to read from the source */

    char *raw;              /* undecoded input bytes raw[raw_pos..raw_len) */
    size_t raw_pos, raw_len, raw_cap;

    char *buf;              /* decoded UTF-8 buf[pos..len) */
    size_t pos, len, cap;
    int bom_checked;        /* a leading U+FEFF was looked for */
    int eof;                /* every byte has been decoded into buf */
    size_t line;            /* physical line number of buf[pos] (1-based) */
} jy__instream;

/* Opens a stream on a file (JY_EIO located in `err` if it cannot be opened)
 * or on memory (borrowed until close). `encoding` is a jy_encoding. */
int jy__instream_open_file(jy__instream *s, const char *path, int encoding,
                           jy_located_error *err);
int jy__instream_open_buffer(jy__instream *s, const char *data, size_t len, int encoding);
void jy__instream_close(jy__instream *s);

/* Decodes more input into buf, first moving buf[pos..len) to the front
 * (pointers into buf are invalidated; offsets from pos stay valid). Returns
 * JY_OK when something was added or at the end (s->eof set), JY_EIO on a
 * read error, JY_ENOMEM. Undecodable bytes are replaced by 0xFF, which is
 * never valid UTF-8, so that the record holding them is rejected. */
int jy__instream_fill(jy__instream *s);

/* The next line, without its "\n" (nor a "\r" before it), NUL-terminated in
 * place: *out points into the stream's buffer and stays valid until the next
 * call. *out_line is its 1-based line number. Returns JY_OK, JY_ITEROVER at
 * the end, JY_ERANGE for a line longer than JY__IO_MAX_RECORD (skipped;
 * *out_line set), JY_EIO, JY_ENOMEM. */
int jy__instream_line(jy__instream *s, char **out, size_t *out_len, size_t *out_line);

/* ---- CSV ------------------------------------------------------------------ */

typedef struct jy__csv_row {
    char *data;        /* the cells' text, each NUL-terminated, unquoted */
    size_t data_cap;
    size_t *offsets;   /* cell i starts at data + offsets[i] */
    size_t *lengths;   /* cell i's length in bytes (it may hold a NUL byte) */
    size_t count, cap;
} jy__csv_row;

void jy__csv_row_free(jy__csv_row *row);

/* Reads the next CSV record (RFC 4180: quoted cells may hold commas,
 * doubled quotes and newlines). *out_line is the physical line where it
 * starts. Returns JY_OK, JY_ITEROVER at the end, JY_EPARSE for a malformed
 * record (an unterminated quote, text after a closing quote, a record longer
 * than JY__IO_MAX_RECORD: *why says what; reading goes on at the line after
 * the record's first line), JY_EIO, JY_ENOMEM. */
int jy__csv_next(jy__csv_row *row, jy__instream *s, size_t *out_line, const char **why);

/* Appends one cell to `out` (growable), quoted when it must be: commas,
 * quotes, newlines, or blanks at either end. */
typedef struct jy__outbuf {
    char *s;
    size_t len, cap;
    int failed;
} jy__outbuf;

void jy__outbuf_add(jy__outbuf *b, const char *text, size_t len);
void jy__csv_add_cell(jy__outbuf *b, const char *text);

/* ---- Export helpers shared with xlsx.c ------------------------------------ */

/* The text of field `i` of `r` as a CSV export with Chinese labels writes it
 * (enum labels, 是/否, township names), personal data masked unless `flags`
 * has JY_EXPORT_UNMASK. Returns a string to free, or NULL (out of memory). */
char *jy__export_cell(jy_db *db, const jy_record *r, size_t i, unsigned int flags);

/* Writes the kinds of `filters` (one sheet each) to an Excel workbook
 * (xlsx.c); unmasked exports are audited first. JY_ENOTSUP without
 * libxlsxwriter. */
int jy__export_xlsx(size_t *out_count, jy_db *db, const char *path,
                    const jy_export_options *o, const jy_filter *filters, size_t n);

#endif /* JIUYE_IO_INTERNAL_H */
