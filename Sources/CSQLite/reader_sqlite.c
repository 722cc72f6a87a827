#include "reader_sqlite.h"
#include <string.h>
#include <unicode/uchar.h>

/// The longest token, in bytes: a longer word is cut into pieces of this size.
enum { MAX_TOKEN = 240 };

/// Decodes one UTF-8 sequence at text[i]; stores its length. Bad bytes are one U+FFFD each.
static unsigned decode(const unsigned char *text, int length, int i, int *size) {
    unsigned c = text[i];
    if (c < 0x80) { *size = 1; return c; }
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || i + n > length) { *size = 1; return 0xFFFD; }
    unsigned value = c & (0x7F >> n);
    for (int k = 1; k < n; k++) {
        if ((text[i + k] & 0xC0) != 0x80) { *size = 1; return 0xFFFD; }
        value = (value << 6) | (text[i + k] & 0x3F);
    }
    *size = n;
    return value;
}

/// Han, kana and Hangul: the scripts written without spaces between words (Hangul is written
/// with them, but its words take particles and are found by their pairs too).
static int is_cjk(unsigned c) {
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x20000 && c <= 0x3FFFF)                      // Han
        || c == 0x3005 || c == 0x3006 || c == 0x3007             // 々 〆 〇
        || (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF)
        || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xAC00 && c <= 0xD7AF);
}

int reader_is_cjk(unsigned code) { return is_cjk(code); }

/// Whether c belongs to a word: a letter, digit or mark by ICU's character properties.
static int is_word(unsigned c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return u_isalnum((UChar32)c) || (U_GET_GC_MASK((UChar32)c) & U_GC_M_MASK) != 0;
}

int reader_tokenize(const char *chars, int length, int query, reader_token_callback callback, void *context) {
    const unsigned char *text = (const unsigned char *)chars;
    int i = 0, rc = 0;
    while (i < length && rc == 0) {
        int size;
        unsigned c = decode(text, length, i, &size);
        if (is_cjk(c)) {
            // A run: each pair of neighbours, then (for a document) the last character alone.
            int previous = i, previousSize = size, count = 1;
            i += size;
            while (i < length && rc == 0) {
                unsigned next = decode(text, length, i, &size);
                if (!is_cjk(next)) break;
                rc = callback(context, 0, chars + previous, i + size - previous, previous, i + size);
                previous = i;
                previousSize = size;
                count++;
                i += size;
            }
            if (rc == 0 && (count == 1 || !query))
                rc = callback(context, count == 1 ? 0 : FTS5_TOKEN_COLOCATED, chars + previous, previousSize,
                              previous, previous + previousSize);
        } else if (is_word(c)) {
            int start = i;
            i += size;
            while (i < length) {
                unsigned next = decode(text, length, i, &size);
                if (!is_word(next) || is_cjk(next)) break;
                if (i + size - start > MAX_TOKEN) {
                    rc = callback(context, 0, chars + start, i - start, start, i);
                    if (rc) return rc;
                    start = i;
                }
                i += size;
            }
            rc = callback(context, 0, chars + start, i - start, start, i);
        } else {
            i += size;
        }
    }
    return rc;
}

/// The place of an ASCII letter or digit in 0-9a-z, else -1.
static int short_place(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return 10 + c - 'a';
    return -1;
}

int reader_short_prefix(const char *chars, int length) {
    const unsigned char *text = (const unsigned char *)chars;
    if (length < 1 || length > 2) return -1;
    int first = short_place(text[0]);
    if (first < 0) return -1;
    if (length == 1) return first;
    int second = short_place(text[1]);
    return second < 0 ? -1 : READER_SHORT_LETTERS + first * READER_SHORT_LETTERS + second;
}

static int short_prefixes_of_token(void *context, int flags, const char *token, int length, int start, int end) {
    (void)flags; (void)start; (void)end;
    unsigned char *bits = context;
    for (int size = 1; size <= 2 && size <= length; size++) {
        int place = reader_short_prefix(token, size);
        if (place < 0) break;
        bits[place / 8] |= (unsigned char)(1u << (place % 8));
    }
    return 0;
}

void reader_short_prefixes(const char *text, int length, unsigned char *bits) {
    reader_tokenize(text, length, 0, short_prefixes_of_token, bits);
}

// MARK: - FTS5

static int tokenizer_create(void *unused, const char **arguments, int count, Fts5Tokenizer **out) {
    (void)unused; (void)arguments; (void)count;
    static int instance;
    *out = (Fts5Tokenizer *)&instance;
    return SQLITE_OK;
}

static void tokenizer_delete(Fts5Tokenizer *tokenizer) { (void)tokenizer; }

static int tokenizer_tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                              int (*callback)(void *, int, const char *, int, int, int)) {
    (void)tokenizer;
    return reader_tokenize(text, length, (flags & FTS5_TOKENIZE_QUERY) != 0, callback, context);
}

static void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *out, int count, sqlite3_value **values) {
    // reader_rank(docs, N) counts only the instances of the query's first N phrases.
    int all = api->xPhraseCount(fts);
    int phrases = count > 0 ? sqlite3_value_int(values[0]) : all;
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) { sqlite3_result_error(out, "reader_rank failed", -1); return; }
    sqlite3_int64 title = 0, counted = phrases >= all ? instances : 0;
    for (int k = 0; k < instances && !(title && phrases >= all); k++) {
        int phrase, column, offset;
        if (api->xInst(fts, k, &phrase, &column, &offset) != SQLITE_OK) {
            sqlite3_result_error(out, "reader_rank failed", -1);
            return;
        }
        if (phrase >= phrases) continue;
        if (phrases < all) counted++;
        if (column == 0) title = 1;
    }
    sqlite3_result_int64(out, (title << 32) | counted);
}

/// The rowids gathered so far by `reader_rowids`.
typedef struct {
    sqlite3_int64 *values;
    sqlite3_int64 count, capacity;
} rowids;

static void rowids_step(sqlite3_context *out, int count, sqlite3_value **values) {
    (void)count;
    rowids *gathered = sqlite3_aggregate_context(out, sizeof(rowids));
    if (gathered == NULL) { sqlite3_result_error_nomem(out); return; }
    if (gathered->count == gathered->capacity) {
        sqlite3_int64 capacity = gathered->capacity ? gathered->capacity * 2 : 1024;
        sqlite3_int64 *grown = sqlite3_realloc64(gathered->values, (sqlite3_uint64)capacity * sizeof(sqlite3_int64));
        if (grown == NULL) { sqlite3_result_error_nomem(out); return; }
        gathered->values = grown;
        gathered->capacity = capacity;
    }
    gathered->values[gathered->count++] = sqlite3_value_int64(values[0]);
}

static void rowids_final(sqlite3_context *out) {
    rowids *gathered = sqlite3_aggregate_context(out, 0);
    if (gathered == NULL || gathered->count == 0) { sqlite3_result_zeroblob(out, 0); return; }
    // The buffer goes to SQLite with the blob, which frees it.
    sqlite3_result_blob64(out, gathered->values, (sqlite3_uint64)gathered->count * sizeof(sqlite3_int64), sqlite3_free);
    gathered->values = NULL;
}

int reader_fts_register(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    if (api == NULL) return SQLITE_ERROR;
    static fts5_tokenizer tokenizer = { tokenizer_create, tokenizer_delete, tokenizer_tokenize };
    rc = api->xCreateTokenizer(api, "reader", NULL, &tokenizer, NULL);
    if (rc != SQLITE_OK) return rc;
    rc = api->xCreateFunction(api, "reader_rank", NULL, rank, NULL);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "reader_rowids", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, NULL, rowids_step,
                                      rowids_final, NULL);
}

int reader_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

int reader_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}
