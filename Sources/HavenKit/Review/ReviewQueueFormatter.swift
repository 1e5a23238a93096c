/// The formats of `haven review`: text (grouped by reviewer, most urgent first), JSON and CSV
/// (one record per page, oldest due first), and Markdown for an issue or an email.
public enum ReviewQueueFormat: String, Sendable, CaseIterable {
    case text, json, csv, markdown
}

public enum ReviewQueueFormatter {
    public static func format(_ queue: ReviewQueue, as format: ReviewQueueFormat) -> String {
        switch format {
        case .text: text(queue)
        case .json: json(queue)
        case .csv: csv(queue)
        case .markdown: markdown(queue)
        }
    }

    /// The fields of JSON and CSV, in order.
    public static let fields = ["file", "title", "language", "reviewer", "reviewed", "due", "status"]

    // MARK: - Text

    static func text(_ queue: ReviewQueue) -> String {
        var out = summary(queue) + "\n"
        for group in queue.byReviewer {
            out += "\n" + groupTitle(group.reviewer, group.name) + " — \(pages(group.items.count))\n"
            for item in group.items {
                out += "  \(item.file): \(item.statuses.map(\.rawValue).joined(separator: ", "))\n"
                out += "      \"\(item.title)\"; \(dates(item))\n"
            }
        }
        if queue.items.contains(where: { $0.statuses.contains(.changedSinceReview) }) {
            out += "\nSee what changed since a sealed review: haven review diff FILE\n"
        }
        return out
    }

    // MARK: - JSON and CSV

    static func json(_ queue: ReviewQueue) -> String {
        JSONValue.array(queue.items.map { item in
            .object([
                ("file", .string(item.file)), ("title", .string(item.title)), ("language", .string(item.language)),
                ("reviewer", item.reviewer.map(JSONValue.string) ?? .null),
                ("reviewed", item.reviewed.map { .string($0.description) } ?? .null),
                ("due", item.due.map { .string($0.description) } ?? .null),
                ("status", .array(item.statuses.map { .string($0.rawValue) })),
            ])
        }).serialized(pretty: true) + "\n"
    }

    /// RFC 4180: CRLF between records, fields with a comma, quote or line break quoted.
    static func csv(_ queue: ReviewQueue) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var out = fields.joined(separator: ",") + "\r\n"
        for item in queue.items {
            let row = [item.file, item.title, item.language, item.reviewer ?? "", item.reviewed?.description ?? "",
                       item.due?.description ?? "", item.statuses.map(\.rawValue).joined(separator: ";")]
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    // MARK: - Markdown

    /// A report to paste into an issue or an email: a summary, then a table per reviewer, each
    /// page linked to its published URL.
    static func markdown(_ queue: ReviewQueue) -> String {
        var out = "## Review queue, \(queue.today)\n\n" + escape(summary(queue)) + "\n"
        for group in queue.byReviewer {
            out += "\n### " + escape(groupTitle(group.reviewer, group.name)) + "\n\n"
            out += "| Page | File | Status | Reviewed | Due |\n|---|---|---|---|---|\n"
            for item in group.items {
                let title = escape(item.title)
                let page = "[\(title)](\(queue.baseURL)\(item.path.dropFirst()))"
                out += "| \(page) | `\(item.file)` | \(item.statuses.map(\.rawValue).joined(separator: ", ")) | \(item.reviewed?.description ?? "never") | \(item.due?.description ?? "—") |\n"
            }
        }
        if queue.items.contains(where: { $0.statuses.contains(.changedSinceReview) }) {
            out += "\nA page marked changed-since-review was edited after its sealed review: `haven review diff FILE` shows what changed.\n"
        }
        return out
    }

    // MARK: - Shared wording

    public static func summary(_ queue: ReviewQueue) -> String {
        guard !queue.items.isEmpty else {
            return "No clinical page needs a reviewer's attention (of \(queue.pageCount); due-soon means within \(queue.within) days)."
        }
        let counts = queue.counts.map { "\($0.count) \($0.status.rawValue)" }.joined(separator: ", ")
        return "\(pages(queue.items.count)) of \(queue.pageCount) need a reviewer's attention: \(counts) (due-soon means within \(queue.within) days)."
    }

    public static func groupTitle(_ reviewer: String?, _ name: String?) -> String {
        guard let reviewer else { return "No reviewer named" }
        return name.map { "\($0) (\(reviewer))" } ?? "\(reviewer) (not in reviewers.yml)"
    }

    static func dates(_ item: ReviewItem) -> String {
        guard let reviewed = item.reviewed, let due = item.due else { return "never reviewed" }
        return "reviewed \(reviewed), due \(due)"
    }

    static func pages(_ n: Int) -> String { n == 1 ? "1 page" : "\(n) pages" }

    /// Backslash before every character Markdown (and GFM tables) could read as syntax.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>|#!~&".contains(ch) { out.append("\\") }
            out.append(ch == "\n" ? " " : ch)
        }
        return out
    }
}
