// See include/phonenumbers_shim.h. Everything libphonenumber might throw (std::bad_alloc, anything
// from protobuf or ICU) is caught here; nothing but 0 crosses into Swift.
#include "phonenumbers_shim.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/shortnumberinfo.h>

#include <cstring>
#include <string>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;
using i18n::phonenumbers::ShortNumberInfo;

namespace {

/// The process-wide util, silenced (libphonenumber logs parse failures to stdout by default).
/// A function-local static: initialised once, thread-safely.
const PhoneNumberUtil &util() {
    static const PhoneNumberUtil *instance = [] {
        PhoneNumberUtil *shared = PhoneNumberUtil::GetInstance();
        shared->SetLogger(new i18n::phonenumbers::NullLogger());
        return shared;
    }();
    return *instance;
}

const ShortNumberInfo &shortInfo() {
    static const ShortNumberInfo *instance = [] {
        (void)util();  // the logger is set first
        return new ShortNumberInfo();
    }();
    return *instance;
}

/// A region code libphonenumber accepts: two ASCII letters, upper-cased; anything else is "ZZ".
std::string regionCode(const char *region) {
    if (region == nullptr || std::strlen(region) != 2) return "ZZ";
    std::string out;
    for (int i = 0; i < 2; i++) {
        char c = region[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return "ZZ";
        out.push_back(c);
    }
    return out;
}

/// Inputs longer than this are not phone numbers (libphonenumber itself stops at 250).
constexpr size_t maximumNumberLength = 250;

void writeE164(const PhoneNumber &number, char out[HAVEN_E164_CAPACITY]) {
    std::string formatted;
    util().Format(number, PhoneNumberUtil::E164, &formatted);
    if (formatted.size() >= HAVEN_E164_CAPACITY) {
        out[0] = '\0';
        return;
    }
    std::memcpy(out, formatted.c_str(), formatted.size() + 1);
}

}  // namespace

extern "C" int haven_phone_valid_e164(const char *text, size_t length, const char *region, char e164[HAVEN_E164_CAPACITY]) {
    if (e164 != nullptr) e164[0] = '\0';
    if (text == nullptr || e164 == nullptr || length > maximumNumberLength) return 0;
    try {
        PhoneNumber number;
        std::string input(text, length);
        if (util().Parse(input, regionCode(region), &number) != PhoneNumberUtil::NO_PARSING_ERROR) return 0;
        if (!util().IsValidNumber(number)) return 0;
        writeE164(number, e164);
        return e164[0] != '\0' ? 1 : 0;
    } catch (...) {
        e164[0] = '\0';
        return 0;
    }
}

extern "C" int haven_phone_is_valid_short(const char *text, size_t length, const char *region) {
    if (text == nullptr || length > maximumNumberLength) return 0;
    try {
        const std::string code = regionCode(region);
        if (code == "ZZ") return 0;
        PhoneNumber number;
        if (util().Parse(std::string(text, length), code, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return 0;
        return shortInfo().IsValidShortNumberForRegion(number, code) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" int haven_phone_is_emergency(const char *text, size_t length, const char *region) {
    if (text == nullptr || length > maximumNumberLength) return 0;
    try {
        const std::string code = regionCode(region);
        if (code == "ZZ") return 0;
        return shortInfo().IsEmergencyNumber(std::string(text, length), code) ? 1 : 0;
    } catch (...) {
        return 0;
    }
}

extern "C" size_t haven_phone_find(const char *text, size_t length, const char *region,
                                   haven_phone_match *matches, size_t capacity) {
    if (text == nullptr || matches == nullptr || capacity == 0) return 0;
    size_t found = 0;
    try {
        const std::string input(text, length);
        PhoneNumberMatcher matcher(util(), input, regionCode(region), PhoneNumberMatcher::VALID, 10000);
        while (found < capacity && matcher.HasNext()) {
            PhoneNumberMatch match;
            if (!matcher.Next(&match)) break;
            const int start = match.start();
            const int matchLength = match.length();
            if (start < 0 || matchLength <= 0 || static_cast<size_t>(start) + static_cast<size_t>(matchLength) > length) continue;
            haven_phone_match &out = matches[found];
            out.start = static_cast<size_t>(start);
            out.length = static_cast<size_t>(matchLength);
            writeE164(match.number(), out.e164);
            if (out.e164[0] != '\0') found++;
        }
    } catch (...) {
        // What was found before the failure stands.
    }
    return found;
}
