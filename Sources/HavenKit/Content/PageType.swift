/// The four kinds of page (SPEC §2). Clinical pages carry the governance metadata.
public enum PageType: String, Sendable, CaseIterable, Codable {
    case article, modality, condition, page

    public var isClinical: Bool { self != .page }

    /// The section folder under `Content/` that defaults to this type, and its URL prefix.
    public var section: String? {
        switch self {
        case .article: "articles"
        case .modality: "modalities"
        case .condition: "conditions"
        case .page: "pages"
        }
    }

    init?(section: String) {
        guard let type = PageType.allCases.first(where: { $0.section == section }) else { return nil }
        self = type
    }
}
