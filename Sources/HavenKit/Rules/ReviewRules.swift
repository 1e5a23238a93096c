/// Rules over a page's review seal (`review_seal`, written by `haven review sign`): its form, that
/// it sits on a clinical page, and that the reader-visible content still matches it.
enum ReviewRules {
    static func check(_ page: Page, into out: inout [Diagnostic]) {
        let fm = page.frontMatter
        if fm.isUnreadable { return }
        guard let seal = fm.reviewSeal else {
            if page.isClinical {
                // Off by default; points at the review the seal would record.
                out.append(Diagnostic(.missingReviewSeal, at: fm.keyLocations["reviewed"] ?? fm.start,
                                      "\(page.type.rawValue) page has no `review_seal`; after the medical review run `haven review sign \(page.source) --reviewer ID`"))
            }
            return
        }
        let at = fm.keyLocations["review_seal"] ?? seal.location
        guard page.isClinical else {
            out.append(Diagnostic(.invalidValue, at: at,
                                  "`review_seal` records a medical review, which only clinical pages (article, modality, condition) have; remove it from this \(page.type.rawValue) page"))
            return
        }
        guard SealedContent.isWellFormed(seal.value) else {
            out.append(Diagnostic(.invalidValue, at: seal.location,
                                  "`review_seal` is '\(seal.value)', not 16 lowercase hex digits; it is written by `haven review sign`, never by hand"))
            return
        }
        if let now = page.contentSeal, now != seal.value {
            out.append(Diagnostic(.reviewSealBroken, at: at,
                                  "the page changed after its sealed review (sealed \(seal.value), now \(now)); `haven review diff \(page.source)` shows what changed; once reviewed, run `haven review sign`"))
        }
    }
}
