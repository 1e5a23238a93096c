import Yams

/// Lay ↔ clinical synonyms for search ("panic attack" finds panic disorder), from
/// `Resources/search/synonyms.yml`: a list of groups of words that mean the same thing to a reader.
enum SearchSynonyms {
    static let groups: [[String]] = {
        guard let text = EmbeddedFiles.files["Resources/search/synonyms.yml"],
              let groups = try? YAMLDecoder().decode([[String]].self, from: text) else { return [] }
        return groups
    }()
}
