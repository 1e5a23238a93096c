/// Phone numbers in a page's text (body, key points, description) judged against the page's
/// region: `retired-crisis-number` (a line that no longer exists, with what replaced it) and
/// `crisis-number` (a crisis or emergency number of another region: "call 999" on a US page).
/// Also `care-card`: a care card has a title, and an `EMERGENCY` card names an emergency number
/// of the page's region; and `unknown-callout`.
enum CrisisNumberRules {
    static func check(_ page: Page, in site: Site, into out: inout [Diagnostic]) {
        let region = site.region(of: page)
        let numbers = RegionNumbers(site: site, region: region)
        for mention in mentions(of: page) {
            if let line = retiredLine(mention) {
                let fix = line.replacementNumber.map { [Suggestion.replace(mention.text, at: mention.location, with: $0)] } ?? []
                out.append(Diagnostic(.retiredCrisisNumber, at: mention.location,
                                      "'\(mention.text)' is \(line.name): \(line.retired); \(line.replacement) (source: \(line.source))",
                                      suggestions: fix))
            } else if let owner = numbers.otherRegionOwner(of: mention) {
                out.append(Diagnostic(.crisisNumber, at: mention.location,
                                      "'\(mention.text)' is \(owner), not a number for this page's region (\(region))\(numbers.suggestion)"))
            }
        }
        for at in page.body.prose.pressThreeMentions {
            let line = RetiredCrisisNumbers.pressThree
            out.append(Diagnostic(.retiredCrisisNumber, at: at, "\(line.name): \(line.retired); \(line.replacement) (source: \(line.source))"))
        }
        for alert in page.body.alerts where alert.kind.isCareCard {
            if !alert.hasTitle {
                out.append(Diagnostic(.careCard, at: alert.location,
                                      "a care card needs a title on its marker's line saying when to act, e.g. `> [!\(alert.kind.rawValue.uppercased())] Get help today if:`"))
            }
            if alert.kind == .emergency, !alert.numbers.contains(where: { EmergencyNumbers.isEmergency($0, in: region) }) {
                let own = EmergencyNumbers.numbers(for: region)
                let name = own.isEmpty ? "the emergency number of \(region)" : own.joined(separator: " or ")
                out.append(Diagnostic(.careCard, at: alert.location,
                                      "an EMERGENCY care card must name the emergency number of this page's region (\(region)): \(name)"))
            }
        }
        for unknown in page.body.unknownAlerts {
            let closest = Suggest.closest(to: unknown.type, in: AlertKind.allCases.map(\.rawValue)).map { "[!\($0.uppercased())]" }
            let hint = closest.map { " (did you mean \($0)?)" } ?? ""
            out.append(Diagnostic(.unknownCallout, at: unknown.location,
                                  "[!\(unknown.type)] is not a callout type\(hint); it is shown as a plain quote. Types: \(AlertKind.markerTypes.joined(separator: ", "))",
                                  suggestions: Suggestion.didYouMean("[!\(unknown.type)]", at: unknown.location, closest)))
        }
    }

    /// Numbers in the body (found when it was parsed), its `tel:`/`sms:` links, key points and description.
    static func mentions(of page: Page) -> [PhoneMention] {
        var out = page.body.prose.phoneMentions
        for link in page.body.links {
            let lower = link.destination.lowercased()
            guard lower.hasPrefix("tel:") || lower.hasPrefix("sms:") else { continue }
            let number = String(link.destination.dropFirst(4).prefix { $0 != "?" })
            let digits = String(number.filter { $0.isASCII && $0.isNumber })
            // A link whose text is the number itself was found in the text already.
            guard !digits.isEmpty, !out.contains(where: { $0.digits == digits && $0.location.line == link.location.line }) else { continue }
            out.append(PhoneMention(text: number, dialled: number, digits: digits, isShort: digits.count <= 6 && !number.hasPrefix("+"),
                                    dialContext: true, location: link.location))
        }
        var fields = page.frontMatter.keyPoints
        if let description = page.frontMatter.description { fields.append(description) }
        for field in fields {
            let bytes = Array(field.value.utf8)
            for candidate in PhoneMentionScanner.candidates(in: bytes) {
                var at = field.location
                at.column += candidate.range.lowerBound  // columns count UTF-8 bytes
                out.append(PhoneMention(text: candidate.text, dialled: candidate.dialled, digits: candidate.digits,
                                        isShort: candidate.isShort, dialContext: candidate.dialContext, location: at))
            }
        }
        return out
    }

    static func retiredLine(_ mention: PhoneMention) -> RetiredCrisisNumbers.Line? {
        if mention.isShort {
            return RetiredCrisisNumbers.line(for: mention.digits).flatMap { $0.number == nil ? nil : $0 }
        }
        // The retired lines are North American numbers: read as dialled there.
        guard let e164 = PhoneNumberLibrary.validE164(mention.dialled, region: "US") else { return nil }
        return RetiredCrisisNumbers.line(for: e164)
    }
}

/// The crisis and emergency numbers of a page's region and of every other region: the
/// built-in table (`EmergencyNumbers`) and the site's crisis-resource registry.
struct RegionNumbers {
    let region: String
    /// Short codes and E.164 numbers of the page's region (its emergency numbers and its resources).
    private var own: Set<String> = []
    /// Other regions' registry numbers (short codes and E.164), with their resource's name and region.
    private var others: [(number: String, isShort: Bool, region: String, name: String)] = []

    init(site: Site, region: String) {
        self.region = region
        own.formUnion(EmergencyNumbers.numbers(for: region))
        for id in site.registries.crisisResourceOrder {
            guard let resource = site.registries.crisisResources[id] else { continue }
            let resourceRegion = resource.region.map(PhoneNumberLibrary.regionCode)
            for value in [resource.phone, resource.sms].compactMap({ $0 }) {
                guard let number = PhoneNumber(text: value, region: resourceRegion) else { continue }
                if resourceRegion == nil || resourceRegion == region {
                    own.insert(number.e164)
                } else if let resourceRegion {
                    others.append((number.e164, number.isShortCode, resourceRegion, resource.name))
                }
            }
        }
    }

    /// What another region's number `mention` is ("Samaritans (GB)", "an emergency number in GB
    /// and IE"), or nil when it is this region's or no crisis number at all.
    func otherRegionOwner(of mention: PhoneMention) -> String? {
        if mention.isShort {
            guard mention.dialContext, !own.contains(mention.digits) else { return nil }
            let regions = EmergencyNumbers.regions(of: mention.digits).filter { $0 != region }
            if !regions.isEmpty { return "an emergency number in \(RegionNumbers.list(regions))" }
            // A registry short code that this region also dials (988 in the US and Canada) is not another region's.
            if let other = others.first(where: { $0.isShort && $0.number == mention.digits }),
               !PhoneNumberLibrary.isValidShortNumber(mention.digits, region: region) {
                return "\(other.name) (\(other.region))"
            }
            return nil
        }
        for other in others where !other.isShort {
            if let e164 = PhoneNumberLibrary.validE164(mention.dialled, region: other.region), e164 == other.number, !own.contains(e164) {
                return "\(other.name) (\(other.region))"
            }
        }
        return nil
    }

    /// ": readers here call 911" when the table knows the region's emergency numbers.
    var suggestion: String {
        let numbers = EmergencyNumbers.numbers(for: region)
        return numbers.isEmpty ? "" : "; in an emergency, readers here call \(numbers.joined(separator: " or "))"
    }

    static func list(_ regions: [String]) -> String {
        regions.count <= 1 ? regions.joined() : regions.dropLast().joined(separator: ", ") + " and " + (regions.last ?? "")
    }
}
