#include "reader_icu.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

struct reader_breaker {
    UBreakIterator *iterator;
};

reader_breaker *reader_breaker_open(int kind, const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(kind == 0 ? UBRK_LINE : UBRK_CHARACTER, locale, NULL, 0, &status);
    if (U_FAILURE(status) || it == NULL) return NULL;
    reader_breaker *b = malloc(sizeof *b);
    if (b == NULL) { ubrk_close(it); return NULL; }
    b->iterator = it;
    return b;
}

void reader_breaker_close(reader_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int reader_breaker_set_text(reader_breaker *breaker, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t reader_breaker_following(reader_breaker *breaker, int32_t offset) {
    int32_t p = ubrk_following(breaker->iterator, offset);
    return p == UBRK_DONE ? -1 : p;
}

int32_t reader_breaker_next(reader_breaker *breaker) {
    int32_t p = ubrk_next(breaker->iterator);
    return p == UBRK_DONE ? -1 : p;
}

int32_t reader_detect_charset(const char *bytes, int32_t length, char *name, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *d = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(d, bytes, length, &status);
    const UCharsetMatch *m = ucsdet_detect(d, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && m != NULL) {
        const char *n = ucsdet_getName(m, &status);
        int32_t c = ucsdet_getConfidence(m, &status);
        if (U_SUCCESS(status) && n != NULL && capacity > 0) {
            strncpy(name, n, (size_t)capacity - 1);
            name[capacity - 1] = 0;
            confidence = c;
        }
    }
    ucsdet_close(d);
    return confidence;
}

int32_t reader_convert_to_utf16(const char *charset, const char *bytes, int32_t length,
                                uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &status);
    int32_t n = ucnv_toUChars(cnv, (UChar *)dest, capacity, bytes, length, &status);
    ucnv_close(cnv);
    if (status == U_BUFFER_OVERFLOW_ERROR) return n;
    return U_FAILURE(status) ? -1 : n;
}

int32_t reader_fold_for_search(const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *fold = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;
    int32_t room = length * 4 + 16;
    UChar *folded = malloc(sizeof(UChar) * room), *split = malloc(sizeof(UChar) * room * 2);
    if (!folded || !split) { free(folded); free(split); return -1; }
    int32_t n = unorm2_normalize(fold, (const UChar *)text, length, folded, room, &status);
    int32_t m = U_SUCCESS(status) ? unorm2_normalize(nfd, folded, n, split, room * 2, &status) : 0;
    int32_t kept = 0;
    for (int32_t i = 0; U_SUCCESS(status) && i < m; i++) {
        if (split[i] < 0x0300 || split[i] > 0x036F) split[kept++] = split[i];
    }
    int32_t written = U_SUCCESS(status) ? unorm2_normalize(nfc, split, kept, (UChar *)dest, capacity, &status) : -1;
    free(folded);
    free(split);
    if (status == U_BUFFER_OVERFLOW_ERROR) return written;
    return U_FAILURE(status) ? -1 : written;
}

int32_t reader_transliterate(const char *id, uint16_t *text, int32_t length, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar uid[64];
    u_uastrncpy(uid, id, 63);
    uid[63] = 0;
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return -1;
    int32_t limit = length;
    utrans_transUChars(t, (UChar *)text, &length, capacity, 0, &limit, &status);
    utrans_close(t);
    return U_FAILURE(status) ? -1 : length;
}
