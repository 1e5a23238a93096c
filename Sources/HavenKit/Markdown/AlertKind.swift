/// The kinds of GFM alert Haven renders: callouts (`NOTE` … `CAUTION`), NHS-style care cards
/// (`NON-URGENT`, `URGENT`, `EMERGENCY`: when and where to get help) and `DO`/`DONT` lists.
public enum AlertKind: String, Sendable, Hashable, CaseIterable {
    case note, tip, important, warning, caution
    case nonUrgent = "non-urgent", urgent, emergency
    case doList = "do", dontList = "dont"

    /// The kind named by a marker's type, in any case (`[!Note]`, `[!DON'T]`); nil for an unknown type.
    init?(type: String) {
        let normalized = type.lowercased().replacingOccurrences(of: "’", with: "").replacingOccurrences(of: "'", with: "")
        self.init(rawValue: normalized)
    }

    public var isCareCard: Bool { self == .nonUrgent || self == .urgent || self == .emergency }
    public var isList: Bool { self == .doList || self == .dontList }
    public var isCallout: Bool { !isCareCard && !isList }

    /// The class suffix in the HTML (`callout-note`, `care-card-non-urgent`, `do-list-dont`).
    var cssName: String { rawValue }

    /// Every type a marker may name, as editors write them (for did-you-mean).
    static let markerTypes = allCases.map { $0.rawValue.uppercased() }
}

/// The words of callouts, care cards and lists, from the page language's string table.
struct AlertLabels: Sendable {
    let titles: [AlertKind: String]
    /// Visually hidden text that starts a care card's heading, or the title a callout's editor
    /// wrote (its kind's name and ": ", so the kind is not told by colour alone), escaped HTML.
    let hiddenPrefixes: [AlertKind: String]
    /// Visually hidden text before each list item, escaped HTML.
    let itemPrefixes: [AlertKind: String]

    /// A theme's markup around a kind's content (`AlertTemplates`), rendered in the page's language.
    struct Wrapper: Sendable, Equatable {
        var open: String
        var close: String
    }

    /// The theme's markup by kind, for the kinds it has a template for.
    let wrappers: [AlertKind: Wrapper]

    init(_ strings: StringTable, templates: AlertTemplates = .none) {
        titles = AlertLabels.titles(strings)
        wrappers = templates.wrappers(strings)
        hiddenPrefixes = [.nonUrgent: HTMLEscape.text(strings[.careNonUrgentPrefix]), .urgent: HTMLEscape.text(strings[.careUrgentPrefix]),
                          .emergency: HTMLEscape.text(strings[.careEmergencyPrefix]),
                          .note: HTMLEscape.text(strings[.calloutNote] + ": "), .tip: HTMLEscape.text(strings[.calloutTip] + ": "),
                          .important: HTMLEscape.text(strings[.calloutImportant] + ": "),
                          .warning: HTMLEscape.text(strings[.calloutWarning] + ": "),
                          .caution: HTMLEscape.text(strings[.calloutCaution] + ": ")]
        itemPrefixes = [.doList: HTMLEscape.text(strings[.doItem]), .dontList: HTMLEscape.text(strings[.dontItem])]
    }

    /// Each kind's name in the table's language ("Note", "Urgent advice"), its default title.
    static func titles(_ strings: StringTable) -> [AlertKind: String] {
        [.note: strings[.calloutNote], .tip: strings[.calloutTip], .important: strings[.calloutImportant],
         .warning: strings[.calloutWarning], .caution: strings[.calloutCaution], .nonUrgent: strings[.careNonUrgent],
         .urgent: strings[.careUrgent], .emergency: strings[.careEmergency], .doList: strings[.doList],
         .dontList: strings[.dontList]]
    }
}
