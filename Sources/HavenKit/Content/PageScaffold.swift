/// The file `haven new` writes: every required key of the type, dates set to today. Keys an
/// editor must fill in are left empty, so `haven lint` reports them until they are.
public struct PageScaffold: Sendable {
    public let type: PageType
    public let title: String
    public let today: CalendarDate

    public init(type: PageType, title: String, today: CalendarDate) {
        self.type = type
        self.title = title
        self.today = today
    }

    /// `my-new-page` from "My new page!".
    public var slug: String {
        var out = ""
        var dash = false
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "untitled" : out
    }

    public var relativePath: String { "Content/\(type.section ?? "pages")/\(slug).md" }

    public var contents: String {
        var lines = ["---", "title: \(JSONValue.string(title).serialized())"]
        if type.isClinical {
            lines += [
                "description: \"\"        # one plain sentence: shown in listings, search and the feed",
                "author: \"\"             # who wrote or last changed the page",
                "reviewer: \"\"           # an id from Content/_data/reviewers.yml",
                "reviewed: \(today)      # date of the last medical review",
                "updated: \(today)       # date of the last content change",
                "published: \(today)",
                "modalities: []",
                "conditions: []",
                "content_warnings: []    # ids from Content/_data/content-warnings.yml",
            ]
        }
        lines += ["---", "", "Write the page here. Use `##` headings for sections.", ""]
        return lines.joined(separator: "\n")
    }
}
