#ifndef READER_SQLITE_H
#define READER_SQLITE_H
// SQLite (Debian's libsqlite3-dev) for ReaderCore's full-text index, with what FTS5 needs from
// C: the `reader` tokenizer and the `reader_rank` ranking function. The tokenizer is also
// callable on its own, so the search that reads every file splits text exactly as the index.
#include <sqlite3.h>

/// Receives each token: its bytes, and where it sits in the text (byte offsets). `flags` is
/// FTS5_TOKEN_COLOCATED for a token at the same position as the one before it. Non-zero stops.
typedef int (*reader_token_callback)(void *context, int flags, const char *token, int length, int start, int end);

/// Splits folded UTF-8 text into search tokens: a word of letters, digits and marks is one
/// token; a run of Han, kana and Hangul gives its overlapping pairs of characters (one
/// character alone is a token of its own). For a document (`query` 0) the last character of
/// a run is also a token, at the position of the run's last pair, so a one-character query
/// finds it; a query gives only the pairs. Returns the callback's non-zero answer, else 0.
int reader_tokenize(const char *text, int length, int query, reader_token_callback callback, void *context);

/// Whether the code point is one the tokenizer pairs (Han, kana, Hangul).
int reader_is_cjk(unsigned code);

/// The letters and digits of a short prefix (0-9, a-z), and how many short prefixes there are:
/// one of these characters, or two of them.
enum { READER_SHORT_LETTERS = 36, READER_SHORT_PREFIXES = 36 + 36 * 36 };

/// The place of a short prefix (the first one or two bytes of a token, each an ASCII digit or
/// lower-case letter): 0-35 for one character, then 36 + 36 * first + second for two. -1 for
/// anything else.
int reader_short_prefix(const char *prefix, int length);

/// Sets in `bits` (READER_SHORT_PREFIXES bits, zeroed by the caller; bit p is bits[p / 8] &
/// 1 << p % 8) the place of each short prefix that begins a token of folded UTF-8 `text`, as
/// `reader_tokenize` splits a document.
void reader_short_prefixes(const char *text, int length, unsigned char *bits);

/// Registers the `reader` tokenizer and `reader_rank` with the FTS5 of `db`, and the aggregate
/// `reader_rowids` with `db`. `reader_rank(t)` is (1 if a match is in the table's first column)
/// << 32 | the number of matches in the row; `reader_rank(t, N)` counts only the matches of the
/// query's first N phrases (those after them only choose the rows). `reader_rowids(x)` is a
/// blob of its rows' values as native 64-bit integers, in the order they come: a whole answer
/// in one step, where a step a row costs more than FTS5's own work for a word in most
/// articles. Returns SQLITE_OK or an error code.
int reader_fts_register(sqlite3 *db);

/// sqlite3_bind_text with SQLITE_TRANSIENT (a macro Swift cannot import).
int reader_bind_text(sqlite3_stmt *statement, int index, const char *text, int length);
/// sqlite3_bind_blob with SQLITE_TRANSIENT.
int reader_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length);

#endif
