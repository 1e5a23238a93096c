import Foundation
import HavenKit

/// The review desk at `/_haven/review/`: the review queue as a page, and for each page whose seal
/// is broken the diff since its sealed version. Made by the server on each request from the site
/// folder as it is (so it follows every save; the page's reload script reloads it after each
/// build), with no JavaScript needed, and never part of a build: `haven build` cannot write it.
enum ReviewDesk {
    static let path = "/_haven/review/"
    static let stylePath = "/__haven/review.css"

    /// What the desk shows: the queue and, for each broken seal, its diff or why there is none.
    struct Contents {
        var queue: ReviewQueue
        var diffs: [String: Result<ReviewDiff, ReviewDiff.Failure>]
    }

    /// Reads the queue and the diffs (blocking: the caller runs it off the request threads).
    static func load(siteRoot: URL, today: CalendarDate) -> Result<Contents, HavenError> {
        let queue: ReviewQueue
        do { queue = try ReviewQueue.load(siteRoot: siteRoot, today: today) } catch { return .failure(error) }
        var diffs: [String: Result<ReviewDiff, ReviewDiff.Failure>] = [:]
        for item in queue.items where item.statuses.contains(.changedSinceReview) {
            diffs[item.file] = ReviewDiff.make(file: item.file, siteRoot: siteRoot)
        }
        return .success(Contents(queue: queue, diffs: diffs))
    }

    // MARK: - HTML

    static func page(_ contents: Result<Contents, HavenError>) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Review desk · Haven preview</title>
            <link rel="stylesheet" href="\(stylePath)">
            </head>
            <body class="desk">
            <a class="desk-skip" href="#main">Skip to the review queue</a>
            <header class="desk-header"><p>Haven preview · <a href="/">Site home</a></p></header>
            <main id="main">
            <h1>Review desk</h1>

            """
        switch contents {
        case .failure(let error):
            html += "<p class=\"desk-problem\">The queue cannot be read: \(HTMLEscape.text(error.description))</p>\n"
        case .success(let contents):
            html += queue(contents)
            html += changes(contents)
        }
        html += """
            </main>
            <footer class="desk-footer"><p>Shown by <code>haven serve</code> only, never published. The same queue: <code>haven review</code>; one diff: <code>haven review diff FILE</code>.</p></footer>
            </body>
            </html>

            """
        return html
    }

    /// The queue: a summary, then one table per reviewer, most urgent first.
    static func queue(_ contents: Contents) -> String {
        let queue = contents.queue
        var html = "<p>\(HTMLEscape.text(ReviewQueueFormatter.summary(queue))) Today is <time datetime=\"\(queue.today)\">\(queue.today)</time>.</p>\n"
        guard !queue.items.isEmpty else { return html }
        html += "<section aria-labelledby=\"desk-queue\">\n<h2 id=\"desk-queue\">Queue</h2>\n"
        for (index, group) in queue.byReviewer.enumerated() {
            let title = ReviewQueueFormatter.groupTitle(group.reviewer, group.name)
            html += "<h3 id=\"desk-group-\(index)\">\(HTMLEscape.text(title))</h3>\n"
            html += "<table class=\"desk-queue\" aria-labelledby=\"desk-group-\(index)\">\n"
            html += "<thead><tr><th scope=\"col\">Page</th><th scope=\"col\">Needs</th><th scope=\"col\">Reviewed</th><th scope=\"col\">Next review due</th></tr></thead>\n<tbody>\n"
            for item in group.items {
                html += "<tr><th scope=\"row\"><a href=\"\(HTMLEscape.attribute(item.path))\">\(HTMLEscape.text(item.title))</a>"
                html += "<br><code>\(HTMLEscape.text(item.file))</code></th>\n<td><ul class=\"desk-statuses\">"
                for status in item.statuses {
                    html += "<li class=\"desk-status desk-status-\(status.rawValue)\">\(status.rawValue)</li>"
                }
                html += "</ul>"
                if item.statuses.contains(.changedSinceReview) {
                    html += "<a href=\"#\(anchor(item.file))\">What changed since the review</a>"
                }
                html += "</td>\n<td>\(date(item.reviewed, none: "never"))</td><td>\(date(item.due, none: "—"))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</section>\n"
    }

    /// Each broken seal: the sealed commit, the changed keys and the changed body lines.
    static func changes(_ contents: Contents) -> String {
        let changed = contents.queue.items.filter { $0.statuses.contains(.changedSinceReview) }
        guard !changed.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"desk-changes\">\n<h2 id=\"desk-changes\">Changed since the sealed review</h2>\n"
        html += "<p>Removed lines are marked <span class=\"desk-marker\">−</span> and “removed”, added lines <span class=\"desk-marker\">+</span> and “added”.</p>\n"
        for item in changed {
            let id = anchor(item.file)
            html += "<article id=\"\(id)\" aria-labelledby=\"\(id)-title\">\n"
            html += "<h3 id=\"\(id)-title\"><a href=\"\(HTMLEscape.attribute(item.path))\">\(HTMLEscape.text(item.title))</a></h3>\n"
            switch contents.diffs[item.file] {
            case .success(let diff)?:
                if let commit = diff.commit {
                    html += "<p><code>\(HTMLEscape.text(item.file))</code>: sealed \(diff.seal) in commit <code>\(HTMLEscape.text(String(commit.id.prefix(12))))</code> "
                    html += "(<time datetime=\"\(HTMLEscape.attribute(commit.date))\">\(HTMLEscape.text(commit.date))</time>, “\(HTMLEscape.text(commit.subject))”); now \(diff.currentSeal).</p>\n"
                }
                if !diff.fieldHunks.isEmpty {
                    html += table(caption: "Front matter: changed values", lines: diff.fieldHunks.flatMap(\.lines), numbered: false)
                }
                for hunk in diff.bodyHunks {
                    html += table(caption: "Body, \(range(hunk))", lines: hunk.lines, numbered: true)
                }
            case .failure(let failure)?:
                html += "<p class=\"desk-problem\">No diff: \(HTMLEscape.text(failure.description))</p>\n"
            case nil:
                break
            }
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    /// One hunk as a table: line numbers, the change in words and a sign, and the line.
    static func table(caption: String, lines: [LineDiff.Line], numbered: Bool) -> String {
        var html = "<table class=\"desk-diff\">\n<caption>\(HTMLEscape.text(caption))</caption>\n<thead><tr>"
        if numbered { html += "<th scope=\"col\">Sealed line</th><th scope=\"col\">Line now</th>" }
        html += "<th scope=\"col\">Change</th><th scope=\"col\">Text</th></tr></thead>\n<tbody>\n"
        for line in lines {
            let text = HTMLEscape.text(line.text)
            html += "<tr class=\"desk-\(name(line.change))\">"
            if numbered { html += "<td>\(line.oldNumber.map(String.init) ?? "")</td><td>\(line.newNumber.map(String.init) ?? "")</td>" }
            switch line.change {
            case .same: html += "<td><span class=\"desk-marker\" aria-hidden=\"true\"> </span>unchanged</td><td><code>\(text)</code></td>"
            case .removed: html += "<td><span class=\"desk-marker\" aria-hidden=\"true\">−</span>removed</td><td><del><code>\(text)</code></del></td>"
            case .added: html += "<td><span class=\"desk-marker\" aria-hidden=\"true\">+</span>added</td><td><ins><code>\(text)</code></ins></td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    static func range(_ hunk: LineDiff.Hunk) -> String {
        let last = hunk.newStart + max(hunk.newCount, 1) - 1
        return last > hunk.newStart ? "lines \(hunk.newStart)–\(last) now" : "line \(hunk.newStart) now"
    }

    static func name(_ change: LineDiff.Change) -> String {
        switch change {
        case .same: "same"
        case .removed: "removed"
        case .added: "added"
        }
    }

    static func date(_ date: CalendarDate?, none: String) -> String {
        date.map { "<time datetime=\"\($0)\">\($0)</time>" } ?? none
    }

    /// A fragment id for a file: letters and digits kept, everything else `-`.
    static func anchor(_ file: String) -> String {
        "diff-" + String(file.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "-" })
    }

    /// The desk's look: plain, readable, high contrast; changes marked by sign and word, colour only added.
    static let style = """
        /* Haven preview: the review desk. Served by `haven serve` only. */
        :root { color-scheme: light; }
        body.desk { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; background: #fff; margin: 0 auto; max-width: 72rem; padding: 1rem 1.25rem 3rem; }
        .desk a { color: #0b57d0; }
        .desk a:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
        .desk-skip { position: absolute; left: -10000px; top: 0; background: #fff; padding: 0.5rem 1rem; }
        .desk-skip:focus { left: 1rem; top: 1rem; }
        .desk-header, .desk-footer { color: #3c3c3c; font-size: 0.9rem; }
        .desk h2 { margin-top: 2rem; border-bottom: 2px solid #d0d0d0; }
        .desk table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
        .desk th, .desk td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d0d0d0; }
        .desk thead th { border-bottom: 2px solid #6b6b6b; }
        .desk caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        .desk code { font: 0.9rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
        .desk-statuses { list-style: none; margin: 0; padding: 0; }
        .desk-status { display: inline-block; margin: 0 0.35rem 0.25rem 0; padding: 0 0.4rem; border: 1px solid #6b6b6b; border-radius: 3px; }
        .desk-status-overdue, .desk-status-changed-since-review { border-width: 2px; font-weight: 600; }
        .desk-diff td:nth-last-child(2) { white-space: nowrap; }
        .desk-marker { display: inline-block; width: 1.2em; font-weight: 700; }
        .desk-removed { background: #ffeaea; }
        .desk-added { background: #e7f6ea; }
        .desk del, .desk ins { text-decoration: none; }
        .desk-removed code { text-decoration: line-through; }
        .desk-problem { border-left: 4px solid #8a1c1c; padding: 0.5rem 0.75rem; background: #fff4f4; }

        """
}
