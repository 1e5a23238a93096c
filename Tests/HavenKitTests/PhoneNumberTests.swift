import Foundation
import Testing
@testable import HavenKit

/// libphonenumber behind `PhoneNumber` and `PhoneNumberLibrary`: numbers judged the way phones in
/// their region dial them, and no crash on any input.
@Suite struct PhoneNumberTests {
    @Test func validNumbersAndShortCodes() {
        #expect(PhoneNumber(text: "1-800-662-4357", region: "US")?.uri(scheme: "tel") == "tel:+18006624357")
        #expect(PhoneNumber(text: "(800) 662-4357", region: "US")?.e164 == "+18006624357")
        #expect(PhoneNumber(text: "988", region: "US")?.uri(scheme: "sms") == "sms:988")
        #expect(PhoneNumber(text: "741741", region: "US")?.isShortCode == true)
        #expect(PhoneNumber(text: "116 123", region: "GB")?.uri(scheme: "tel") == "tel:116123")
        #expect(PhoneNumber(text: "116 123", region: "uk")?.isShortCode == true)
        #expect(PhoneNumber(text: "0800 689 5652", region: "GB")?.e164 == "+448006895652")
        #expect(PhoneNumber(text: "+44 800 689 5652", region: nil)?.e164 == "+448006895652")
        #expect(PhoneNumber(text: "+44 800 689 5652", region: "US")?.e164 == "+448006895652")
    }

    /// The SAMHSA helpline with one digit dropped: the hand-written table took it and published
    /// tel:+11800662435, which no phone can reach.
    @Test func droppedDigitIsRejected() {
        #expect(PhoneNumber(text: "1-800-662-435", region: "US") == nil)
        #expect(PhoneNumber(text: "1-800-662-43577", region: "US") == nil)
    }

    @Test func shortCodesBelongToTheirRegion() {
        #expect(PhoneNumber(text: "999", region: "US") == nil)
        #expect(PhoneNumber(text: "116 123", region: "US") == nil)
        #expect(PhoneNumber(text: "988", region: nil) == nil)
        #expect(PhoneNumber(text: "12", region: "US") == nil)
    }

    @Test func lettersAndJunkAreRejected() {
        #expect(PhoneNumber(text: "1-800-662-HELP", region: "US") == nil)
        #expect(PhoneNumber(text: "+1234567890123456", region: nil) == nil)
        #expect(PhoneNumber(text: "", region: "US") == nil)
        #expect(PhoneNumber(text: "+", region: "US") == nil)
        #expect(PhoneNumber(text: "++18006624357", region: "US") == nil)
    }

    @Test func emergencyNumbers() {
        #expect(PhoneNumberLibrary.isEmergencyNumber("911", region: "US"))
        #expect(PhoneNumberLibrary.isEmergencyNumber("999", region: "GB"))
        #expect(PhoneNumberLibrary.isEmergencyNumber("000", region: "AU"))
        #expect(!PhoneNumberLibrary.isEmergencyNumber("999", region: "US"))
        #expect(!PhoneNumberLibrary.isEmergencyNumber("911", region: "ZZ"))
    }

    @Test func numbersInRunningText() {
        let text = "Café: call 1-800-662-4357 or (800) 273-8255, not 2022-07-16."
        let found = PhoneNumberLibrary.numbers(in: Array(text.utf8), region: "US")
        #expect(found.map(\.e164) == ["+18006624357", "+18002738255"])
        let bytes = Array(text.utf8)
        #expect(found.map { String(decoding: bytes[$0.start..<($0.start + $0.length)], as: UTF8.self) } == ["1-800-662-4357", "(800) 273-8255"])
        #expect(PhoneNumberLibrary.numbers(in: [], region: "US").isEmpty)
    }

    /// Random bytes and random number-like strings: every call returns, nothing crashes, every
    /// match lies inside the text.
    @Test func randomInputNeverCrashes() {
        var generator = FuzzTests.SplitMix(state: 14)
        let alphabet = Array("0123456789 +-.()/x#*ABCTalk\u{00A0}é—\n".unicodeScalars)
        for round in 0..<400 {
            let length = Int.random(in: 0...60, using: &generator)
            var text = ""
            if round % 4 == 0 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                text = String(decoding: bytes, as: UTF8.self)
                let found = PhoneNumberLibrary.numbers(in: bytes, region: "US")
                #expect(found.allSatisfy { $0.start >= 0 && $0.start + $0.length <= bytes.count })
            } else {
                for _ in 0..<length { text.unicodeScalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
            }
            for region in ["US", "GB", "", "ZZ", "??", "usa", "\u{0}X"] {
                _ = PhoneNumber(text: text, region: region.isEmpty ? nil : region)
                _ = PhoneNumberLibrary.isEmergencyNumber(text, region: region)
                _ = PhoneNumberLibrary.isValidShortNumber(text, region: region)
                let bytes = Array(text.utf8)
                let found = PhoneNumberLibrary.numbers(in: bytes, region: region)
                #expect(found.allSatisfy { $0.start >= 0 && $0.start + $0.length <= bytes.count && $0.e164.hasPrefix("+") })
            }
        }
    }
}
