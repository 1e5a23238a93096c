import Foundation
import HavenKit

/// Where each rule's documentation is, for `codeDescription.href`: a URL given with `--docs-url`
/// (`{rule}` replaced by the id), or else the rule catalogue written once to a local Markdown file
/// with one section per rule (`file:///…/haven-rules.md#unknown-key`).
struct RuleDocs: Sendable {
    private let template: String

    init(base: String?) {
        if let base {
            template = base
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-rules-\(Haven.version).md")
        try? Data(RuleDocs.catalogue.utf8).write(to: file, options: .atomic)
        template = file.absoluteString + "#{rule}"
    }

    func href(_ rule: RuleID) -> String { template.replacingOccurrences(of: "{rule}", with: rule.rawValue) }

    /// The catalogue with a heading per rule (GitHub-style anchors: the id).
    static var catalogue: String {
        var out = "# Haven rules\n\nEvery finding has a stable rule id. Silence one for a file with `lint: {RULE: off}` in its front matter, or site-wide in haven.yml.\n"
        for rule in RuleID.allCases {
            out += "\n## \(rule.rawValue)\n\n" + entry(rule) + "\n"
        }
        return out
    }

    /// One rule's catalogue entry, as Markdown (also the hover text of a rule id).
    static func entry(_ rule: RuleID) -> String {
        let info = rule.info
        var text = "**\(rule.rawValue)** (default: \(rule.defaultSeverity.rawValue))\n\n\(info.summary)\n\n*Why:* \(info.why)\n\n*How to fix:* \(info.fix)"
        if let url = info.helpURL { text += "\n\n[Source](\(url))" }
        return text
    }
}
