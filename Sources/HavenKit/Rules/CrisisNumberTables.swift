/// Built-in facts about crisis and emergency numbers, each with the public page that states it.
/// Check a source again before changing an entry; never add a number without one.
enum EmergencyNumbers {
    struct Entry: Sendable {
        var regions: [String]
        var numbers: [String]
        var source: String
    }

    /// The member states of the European Union (where 112 is the common emergency number).
    static let europeanUnion = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
                                "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]

    static let table: [Entry] = [
        // "The official emergency number in the United States and Canada is 9-1-1."
        Entry(regions: ["US", "CA"], numbers: ["911"], source: "https://www.fcc.gov/consumer-information"),
        // 999 the main emergency number; 112 "operates exactly the same as 999".
        Entry(regions: ["GB"], numbers: ["999", "112"], source: "https://www.wellingtonpractice.co.uk/emergency-information/"),
        // "There are two emergency numbers in Ireland — 112 and 999."
        Entry(regions: ["IE"], numbers: ["112", "999"], source: "https://www2.hse.ie/emergencies/when-to-call-112-or-999/"),
        // Triple Zero (000) is the primary number; 112 works from mobile phones.
        Entry(regions: ["AU"], numbers: ["000", "112"], source: "http://www.acma.gov.au/theACMA/emergency-call-service-faq-i-acma"),
        // "If you need help from the police, the fire service, or you need an ambulance, dial 111."
        Entry(regions: ["NZ"], numbers: ["111"], source: "https://www.govt.nz/browse/crime-and-justice/crimes-and-emergencies/111-emergency-service/"),
        // "112 also works in any EU country and from any phone, free of charge."
        Entry(regions: europeanUnion, numbers: ["112"], source: "https://www2.hse.ie/emergencies/when-to-call-112-or-999/"),
    ]

    /// The emergency numbers of a region, in table order ([] for a region the table does not know).
    static func numbers(for region: String) -> [String] {
        var out: [String] = []
        for entry in table where entry.regions.contains(region) {
            for number in entry.numbers where !out.contains(number) { out.append(number) }
        }
        return out
    }

    /// The regions (with "EU" for the Union as a whole) whose emergency number `digits` is.
    static func regions(of digits: String) -> [String] {
        var out: [String] = []
        for entry in table where entry.numbers.contains(digits) {
            if entry.regions == europeanUnion { out.append("EU") } else { out += entry.regions.filter { !out.contains($0) } }
        }
        return out
    }

    /// Whether `digits` is an emergency number of `region`, by the table or by libphonenumber.
    static func isEmergency(_ digits: String, in region: String) -> Bool {
        numbers(for: region).contains(digits) || PhoneNumberLibrary.isEmergencyNumber(digits, region: region)
    }
}

/// Crisis lines that no longer exist as pages still print them, with what replaced them.
enum RetiredCrisisNumbers {
    struct Line: Sendable {
        /// E.164 for a full number, digits for a short code, nil for a menu option.
        var number: String?
        var name: String
        var retired: String
        var replacement: String
        var source: String
        /// The number to write in its place (a quick fix), when one number replaced it.
        var replacementNumber: String? = nil
    }

    static let lifeline = Line(
        number: "+18002738255", name: "the old National Suicide Prevention Lifeline number",
        retired: "988 replaced it on 16 July 2022 (the old number still forwards to 988)",
        replacement: "call or text 988 (988 Suicide & Crisis Lifeline)",
        source: "https://campusdrugprevention.gov/suicide-prevention-lifeline-transitions-988",
        replacementNumber: "988")

    static let talkSuicideCanada = Line(
        number: "+18334564566", name: "the Talk Suicide Canada number",
        retired: "9-8-8, which expands on it, took its place on 30 November 2023",
        replacement: "call or text 988 (9-8-8: Suicide Crisis Helpline)",
        source: "https://connectfm.ca/news/post/988-suicide-crisis-helpline-launches-across-canada",
        replacementNumber: "988")

    static let talkSuicideCanadaText = Line(
        number: "45645", name: "Talk Suicide Canada's text line",
        retired: "9-8-8, which can be texted at any hour, took its place on 30 November 2023",
        replacement: "text 988 (9-8-8: Suicide Crisis Helpline)",
        source: "https://connectfm.ca/news/post/988-suicide-crisis-helpline-launches-across-canada",
        replacementNumber: "988")

    static let pressThree = Line(
        number: nil, name: "988's “press 3” option for LGBTQ+ young people",
        retired: "it ended on 17 July 2025",
        replacement: "call or text 988 without the option (every caller is still answered)",
        source: "https://kffhealthnews.org/news/article/988-suicide-crisis-lifeline-hotline-lgbtq-press-3-option-ended-states-backfill/")

    static let all = [lifeline, talkSuicideCanada, talkSuicideCanadaText, pressThree]

    /// The retired line a full number (E.164) or short code (digits) belongs to.
    static func line(for number: String) -> Line? {
        all.first { $0.number == number }
    }
}
