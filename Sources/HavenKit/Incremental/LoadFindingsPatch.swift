/// A site's load findings (`Site.loadDiagnostics`) after files were edited in place, from the
/// previous ones and the edited files alone, instead of publishing every file's head again.
///
/// What it buys: typing in a page's front matter (where a half-typed key is an `unknown-key`)
/// changes the page's load findings on most keystrokes, and publishing all 10,000 heads of the
/// benchmark corpus again copied every head twice: 48% of a keystroke's work in a debug build's
/// profile (`scripts/lsp-latency.py`, which adds and removes an unknown key on every keystroke).
///
/// Why it is the same: the patch only runs when every edited file keeps its URL, type and draft
/// state, so the set of published heads, which one of two heads with one URL comes first, and
/// every other file's findings stay. Publishing gives scan and settings findings, each head's own
/// findings, and a `duplicate-slug` finding per published head whose URL an earlier file makes
/// (placed at that head's `slug:`, which an edit may move). So the new findings are the old ones
/// without the edited heads' old findings (and old duplicate findings), with their new ones. The
/// order differs from a clean build's; every user of the list (the tally, `SeverityPolicy.apply`)
/// sorts it. `IncrementalSessionTests` compares the result with a clean build.
enum LoadFindingsPatch {
    /// The load findings of one file: its head's, and its `duplicate-slug` finding when it is
    /// published and an earlier file (the page `site` has at its URL) makes its URL.
    static func findings(of head: PageHead, in site: Site, load: LoadOptions) -> [Diagnostic] {
        guard !head.isDraft(load), let first = site.page(at: head.path)?.source, first != head.source else { return head.diagnostics }
        return head.diagnostics + [SiteLoader.duplicateFinding(head, first: first)]
    }

    /// The load findings of `old` with the edited files' findings replaced; nil when a finding to
    /// take out is not there (then publish everything again).
    static func replacing(_ changed: [(old: PageHead?, new: PageHead)], in old: Site, load: LoadOptions) -> [Diagnostic]? {
        var added: [Diagnostic] = []
        var remove: [Diagnostic: Int] = [:]
        for (before, after) in changed {
            guard let before else { return nil }
            for d in findings(of: before, in: old, load: load) { remove[d, default: 0] += 1 }
            added += findings(of: after, in: old, load: load)
        }
        let kept = old.loadDiagnostics.filter { d in
            guard let count = remove[d] else { return true }
            remove[d] = count == 1 ? nil : count - 1
            return false
        }
        return remove.isEmpty ? kept + added : nil
    }
}
