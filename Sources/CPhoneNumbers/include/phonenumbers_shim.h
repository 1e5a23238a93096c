// The few calls Haven makes into Google's libphonenumber (Debian libphonenumber-dev, Homebrew
// libphonenumber), as plain C so Swift can call them. No C++ exception crosses this boundary: every
// function catches everything and answers "no". Text is UTF-8 with an explicit length (it need not
// be NUL-terminated and may hold any bytes); regions are ISO 3166 alpha-2 codes such as "US", "GB".
#ifndef HAVEN_PHONENUMBERS_SHIM_H
#define HAVEN_PHONENUMBERS_SHIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Room for an E.164 number ("+" and at most 15 digits) and its NUL, with margin.
#define HAVEN_E164_CAPACITY 24

/// One number found in running text: its byte range and its E.164 form.
typedef struct {
    size_t start;
    size_t length;
    char e164[HAVEN_E164_CAPACITY];
} haven_phone_match;

/// Parses `text` as a number dialled in `region` (or written with `+` and its country code; pass
/// "ZZ" for no region). Returns 1 and writes the number's E.164 form into `e164` when
/// libphonenumber finds it a valid number; 0 otherwise (e164 is then the empty string).
int haven_phone_valid_e164(const char *text, size_t length, const char *region, char e164[HAVEN_E164_CAPACITY]);

/// 1 when `text` is a valid short number in `region` (988 or 911 in the US, 116 123 in GB); else 0.
int haven_phone_is_valid_short(const char *text, size_t length, const char *region);

/// 1 when `text` is exactly an emergency number of `region` (911 in the US, 999 or 112 in GB); else 0.
int haven_phone_is_emergency(const char *text, size_t length, const char *region);

/// Finds valid phone numbers in running text as dialled in `region` (libphonenumber's
/// PhoneNumberMatcher, leniency VALID), writing at most `capacity` matches in text order.
/// Returns the number written. Short numbers (911, 116 123) are not found by this.
size_t haven_phone_find(const char *text, size_t length, const char *region,
                        haven_phone_match *matches, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
