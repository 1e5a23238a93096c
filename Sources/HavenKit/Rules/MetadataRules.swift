/// Rules over a page's front matter: required governance keys, dates, ids, taxonomy.
enum MetadataRules {
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        let fm = page.frontMatter
        let start = fm.start
        func add(_ rule: RuleID, _ at: SourceLocation, _ message: String, _ suggestions: [Suggestion] = []) {
            out.append(Diagnostic(rule, at: at, message, suggestions: suggestions))
        }
        /// A required key that is absent, or written with no value (`author: ""`, as `haven new`
        /// leaves it): the second is reported at the key, without the "Add" fix, which would write
        /// the key a second time.
        func require(_ rule: RuleID, _ key: String, absent: String, empty: String, value: String = "") {
            if let at = fm.keyLocations[key] {
                add(rule, at, "`\(key):` is empty or not text: \(empty)")
            } else {
                add(rule, start, absent, [.addKey(key, value: value)])
            }
        }
        /// A did-you-mean: the closest of `candidates`, its hint for the message, and the fix.
        func closest(_ written: Located<String>, _ candidates: [String]) -> (hint: String, fix: [Suggestion]) {
            (Suggest.hint(for: written.value, in: candidates),
             Suggestion.didYouMean(written.value, at: written.location, Suggest.closest(to: written.value, in: candidates)))
        }

        if fm.isUnreadable { return }  // already reported; anything more would only repeat it
        if fm.title == nil { require(.missingTitle, "title", absent: "page has no title; add `title:`", empty: "give the page a title") }

        // Dates, on every page that has them.
        for (key, value) in [("reviewed", fm.reviewed), ("updated", fm.updated), ("published", fm.published)] {
            guard let value, let date = CalendarDate(iso: value.value) else { continue }
            if date > site.today {
                add(.futureDate, value.location, "'\(key)' is \(date), which is after today (\(site.today))")
            }
        }

        if page.isClinical {
            if fm.description == nil { require(.missingDescription, "description", absent: "\(page.type.rawValue) page has no description; add a one-sentence `description:`",
                                          empty: "write a one-sentence description") }
            if fm.author == nil { require(.missingAuthor, "author", absent: "\(page.type.rawValue) page names no author; add `author:`", empty: "name the page's author") }
            if let reviewer = fm.reviewer {
                if let known = site.registries.reviewers[reviewer.value] {
                    if known.placeholder {
                        add(.placeholderReviewer, reviewer.location,
                            "reviewer '\(reviewer.value)' is an example person (placeholder: true); a real reviewer must review this page before it is published")
                    }
                } else {
                    let (hint, fix) = closest(reviewer, site.registries.reviewers.keys.sorted())
                    add(.unknownReviewer, reviewer.location, "reviewer '\(reviewer.value)' is not in \(Registries.reviewersFile)\(hint)", fix)
                }
            } else {
                require(.missingReviewer, "reviewer", absent: "\(page.type.rawValue) page names no medical reviewer; add `reviewer:`",
                        empty: "name the medical reviewer (an id of \(Registries.reviewersFile))")
            }
            if fm.reviewed == nil { require(.missingDate, "reviewed", absent: "\(page.type.rawValue) page has no `reviewed:` date",
                                                    empty: "give the date of the last medical review (YYYY-MM-DD)") }
            if fm.updated == nil { require(.missingDate, "updated", absent: "\(page.type.rawValue) page has no `updated:` date",
                                                   empty: "give the date of the last change (YYYY-MM-DD)", value: site.today.description) }
            if let reviewed = fm.reviewedDate {
                let due = reviewed.adding(months: site.config.reviewIntervalMonths)
                if due < site.today, let at = fm.reviewed?.location {
                    add(.reviewOverdue, at, "last reviewed \(reviewed); review was due \(due) (every \(site.config.reviewIntervalMonths) months)")
                }
                if let updated = fm.updatedDate, updated > reviewed, let at = fm.updated?.location {
                    add(.unreviewedChanges, at, "updated \(updated) but last reviewed \(reviewed): the latest change has not been reviewed")
                }
            }
            if let off = fm.disclaimer, off.value == false {
                add(.missingDisclaimer, off.location, "a \(page.type.rawValue) page must show the disclaimer; `disclaimer: false` is allowed on `page` only")
            }
        }

        // Ids into the registries.
        for warning in fm.contentWarnings where site.registries.contentWarnings[warning.value] == nil {
            let (hint, fix) = closest(warning, site.registries.contentWarnings.keys.sorted())
            add(.unknownContentWarning, warning.location, "content warning '\(warning.value)' is not in \(Registries.contentWarningsFile)\(hint)", fix)
        }
        for resource in fm.crisisResources where site.registries.crisisResources[resource.value] == nil {
            let (hint, fix) = closest(resource, site.registries.crisisResourceOrder)
            add(.unknownCrisisResource, resource.location, "crisis resource '\(resource.value)' is not in \(Registries.crisisResourcesFile)\(hint)", fix)
        }
        for (type, list) in [(PageType.modality, fm.modalities), (.condition, fm.conditions)] {
            for term in list where site.term(type, term.value, in: page.language) == nil {
                let known = site.pages(of: type).filter { $0.language == site.routes.languages.defaultID || $0.language == page.language }
                    .map(\.slug)
                let (hint, fix) = closest(term, known)
                add(.unknownTerm, term.location, "no \(type.rawValue) page has the slug '\(term.value)'\(hint)", fix)
            }
        }

        // Lead image.
        if let image = fm.image {
            if (image.alt ?? "").isEmpty { add(.missingAlt, image.location, "the lead image has no `alt` text") }
            let target = site.linkResolver.resolve(image.src.value, from: page.source)
            switch target.kind {
            case .broken(let reason): add(.brokenLink, image.src.location, "lead image: \(reason)")
            case .file: break
            default: add(.brokenLink, image.src.location, "lead image must be a file in Content/media/ (pages load nothing from other hosts)")
            }
        }
    }
}
