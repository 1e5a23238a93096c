import Foundation

/// Text made from one page alone that whole-site files repeat (its feed entry, its search-index
/// entry), kept on the page: `haven serve` keeps unchanged pages from one build to the next, so a
/// rebuild after an edit to one page of 10,000 makes one entry again, not 10,000. Each value is
/// kept with the key it was made for (what else it depends on, such as the base URL), and made
/// again when asked with another key.
final class PageMemo: @unchecked Sendable {
    enum Slot: Hashable {
        case atomEntry
        case searchEntry
    }

    private let lock = NSLock()
    private var values: [Slot: (key: String, value: String)] = [:]

    func value(_ slot: Slot, key: String, make: () -> String) -> String {
        if let kept = lock.withLock({ values[slot] }), kept.key == key { return kept.value }
        let value = make()
        lock.withLock { values[slot] = (key, value) }
        return value
    }
}

extension Site {
    /// A page's memoized text when this site keeps it (`keepsPageText`: `haven serve`, whose
    /// pages outlive one build), else the text made now (a clean build makes each entry once).
    func memoized(_ page: Page, _ slot: PageMemo.Slot, key: String, make: () -> String) -> String {
        keepsPageText ? page.memo.value(slot, key: key, make: make) : make()
    }
}
