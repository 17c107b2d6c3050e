#ifndef POSTULATY_CICU_SHIM_H
#define POSTULATY_CICU_SHIM_H
// Un-versioned static inline wrappers: urename.h turns ubrk_open into ubrk_open_72, and Swift does not import
// function-renaming macros, so calling through these keeps the Swift code independent of the ICU version.
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ucasemap.h>
#include <unicode/utrans.h>

static inline UBreakIterator *cicu_ubrk_open(UBreakIteratorType t, const char *loc, UErrorCode *st) {
    return ubrk_open(t, loc, NULL, 0, st);
}
static inline void cicu_ubrk_close(UBreakIterator *bi) { ubrk_close(bi); }
static inline void cicu_ubrk_setUText(UBreakIterator *bi, UText *ut, UErrorCode *st) { ubrk_setUText(bi, ut, st); }
static inline int32_t cicu_ubrk_first(UBreakIterator *bi) { return ubrk_first(bi); }
static inline int32_t cicu_ubrk_next(UBreakIterator *bi) { return ubrk_next(bi); }
static inline int32_t cicu_ubrk_getRuleStatus(UBreakIterator *bi) { return ubrk_getRuleStatus(bi); }
static inline UText *cicu_utext_openUTF8(UText *ut, const char *s, int64_t len, UErrorCode *st) {
    return utext_openUTF8(ut, s, len, st);
}
static inline UText *cicu_utext_close(UText *ut) { return utext_close(ut); }

static inline const UNormalizer2 *cicu_nfc(UErrorCode *st) { return unorm2_getNFCInstance(st); }
static inline const UNormalizer2 *cicu_nfkc(UErrorCode *st) { return unorm2_getNFKCInstance(st); }
static inline const UNormalizer2 *cicu_nfkc_casefold(UErrorCode *st) { return unorm2_getNFKCCasefoldInstance(st); }
static inline const UNormalizer2 *cicu_nfd(UErrorCode *st) { return unorm2_getNFDInstance(st); }
static inline int32_t cicu_unorm2_normalize(const UNormalizer2 *n, const UChar *src, int32_t len,
                                            UChar *dest, int32_t cap, UErrorCode *st) {
    return unorm2_normalize(n, src, len, dest, cap, st);
}
static inline UBool cicu_unorm2_isNormalized(const UNormalizer2 *n, const UChar *s, int32_t len, UErrorCode *st) {
    return unorm2_isNormalized(n, s, len, st);
}
static inline int32_t cicu_u_strFoldCase(UChar *dest, int32_t cap, const UChar *src, int32_t len, UErrorCode *st) {
    return u_strFoldCase(dest, cap, src, len, U_FOLD_CASE_DEFAULT, st);
}
static inline int8_t cicu_u_charType(UChar32 c) { return u_charType(c); }
static inline const char *cicu_u_errorName(UErrorCode code) { return u_errorName(code); }
static inline void cicu_u_getVersion(UVersionInfo v) { u_getVersion(v); }
#endif
