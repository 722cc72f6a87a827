#ifndef READER_ICU_H
#define READER_ICU_H
// A narrow C face on the system ICU for ReaderCore. ICU's own headers stay in
// reader_icu.c: Foundation bundles a second ICU whose types would clash with
// them in Swift, and ICU renames every function with its version through
// macros Swift cannot import.
#include <stdint.h>

typedef struct reader_breaker reader_breaker;

/// Opens a line (kind 0) or character (kind 1) break iterator; NULL on failure.
reader_breaker *reader_breaker_open(int kind, const char *locale);
void reader_breaker_close(reader_breaker *breaker);
/// Points the iterator at text; returns 0 on success. The text must outlive its use.
int reader_breaker_set_text(reader_breaker *breaker, const uint16_t *text, int32_t length);
/// The first boundary after offset, or -1 when there is none.
int32_t reader_breaker_following(reader_breaker *breaker, int32_t offset);
/// The next boundary, or -1 when there is none.
int32_t reader_breaker_next(reader_breaker *breaker);

/// Writes the detected charset's name into name (capacity bytes) and returns
/// the detector's confidence (0-100), or -1 on failure.
int32_t reader_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity);

/// Converts bytes in charset to UTF-16 with U+FFFD substitution. Returns the
/// length written (or needed, when it exceeds capacity), or -1 on failure.
int32_t reader_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                                uint16_t *dest, int32_t capacity);

/// The search fold: NFKC with case folding, then without the combining accents of U+0300-036F
/// (so `café` folds as `cafe`), recomposed. Returns the length written (or needed), or -1.
int32_t reader_fold_for_search(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity);

/// Transliterates text in place with ICU's transliterator `id` (`Traditional-Simplified`).
/// Returns the new length, or -1 on failure (a result longer than capacity fails).
int32_t reader_transliterate(const char *id, uint16_t *text, int32_t length, int32_t capacity);

#endif
