/// Human documentation for each rule: what it checks, why (with the guidance it comes from) and
/// how to fix a finding. Used by `--format sarif` and mirrored in the README's rule catalogue.
public struct RuleInfo: Sendable {
    public var id: RuleID
    public var summary: String
    public var why: String
    public var fix: String
    /// The guidance the rule comes from, where there is a public page for it.
    public var helpURL: String?
}

extension RuleID {
    public var info: RuleInfo {
        let (summary, why, fix, url) = Self.texts(self)
        return RuleInfo(id: self, summary: summary, why: why, fix: fix, helpURL: url)
    }

    // swiftlint:disable:next function_body_length
    private static func texts(_ id: RuleID) -> (String, String, String, String?) {
        switch id {
        case .frontMatterSyntax:
            return ("The front matter is YAML between a first line `---` and the next `---`, and it parses.",
                    "A page whose metadata cannot be read cannot be checked or published.",
                    "Fix the YAML at the line shown; quote values that contain `: ` or start with a special character.", nil)
        case .unknownKey:
            return ("Every front-matter key is one Haven knows (see the editors' guide), given once.",
                    "A misspelt key (`reviwer`) silently drops governance data.",
                    "Use the suggested key, or remove the duplicate.", nil)
        case .invalidValue:
            return ("Each front-matter value has the type its key needs (text, list, true/false, map).",
                    "A title that is a map or a list of maps cannot be shown correctly.",
                    "Write the value in the form shown in the editors' guide.", nil)
        case .fileEncoding:
            return ("A content file is UTF-8 text, and every file in `Content/media/` can be read.",
                    "Bytes that are not text would be published as garbage or dropped; a media file that cannot be read is left out of the site.",
                    "Save the file as UTF-8 (a BOM and CRLF line endings are fine); give media files read permission.", nil)
        case .dataSyntax:
            return ("Each file in `Content/_data/` parses and has the shape the editors' guide shows.",
                    "Reviewers, crisis resources and content warnings are the registries every page relies on.",
                    "Fix the YAML or the entry named in the message.", nil)
        case .missingTitle:
            return ("Every page has a `title`.", "The title is the page's `<h1>` and `<title>`.", "Add `title:`.", nil)
        case .missingDescription:
            return ("Clinical pages have a `description`.",
                    "The description is the summary readers see in listings, search and the feed.",
                    "Add a one-sentence `description:`.", nil)
        case .missingAuthor:
            return ("Clinical pages name an `author`.",
                    "Readers should see who wrote or last changed health information (HONcode, PIF TICK).",
                    "Add `author:`.", "https://piftick.org.uk/")
        case .missingReviewer:
            return ("Clinical pages name a medical `reviewer`.",
                    "Health information should be checked by a qualified person (PIF TICK criterion 4).",
                    "Add `reviewer:` with an id from `Content/_data/reviewers.yml`.", "https://piftick.org.uk/")
        case .unknownReviewer:
            return ("The reviewer id exists in `Content/_data/reviewers.yml`.",
                    "A byline must name a real, registered reviewer with credentials.",
                    "Fix the id or add the reviewer to `reviewers.yml`.", nil)
        case .placeholderReviewer:
            return ("The reviewer is not an example person (`placeholder: true`). An error with `--production`.",
                    "Example reviewers are for demonstration sites only.",
                    "Have a real reviewer review the page and name them.", nil)
        case .missingDate:
            return ("Clinical pages have `reviewed` and `updated` dates.",
                    "Readers need to know how current health information is (NHS Standard for Creating Health Content).",
                    "Add `reviewed:` and `updated:` as YYYY-MM-DD.",
                    "https://service-manual.nhs.uk/content/health-content")
        case .invalidDate:
            return ("Dates are real calendar dates written YYYY-MM-DD.",
                    "A date like 2024-02-30 does not exist and would be shown to readers.",
                    "Write a real date as YYYY-MM-DD.", nil)
        case .futureDate:
            return ("No date lies after today.", "A review date in the future misstates how current a page is.",
                    "Use the date the work was actually done.", nil)
        case .reviewOverdue:
            return ("`reviewed` is within `review_interval_months` (default 36) of today.",
                    "Health content should be reviewed on a fixed cycle (NHS and PIF TICK: at most three years).",
                    "Have the page reviewed again and update `reviewed:`.", "https://piftick.org.uk/")
        case .unreviewedChanges:
            return ("`updated` is not later than `reviewed`.",
                    "The last change to the page has not been medically reviewed.",
                    "Have the change reviewed and set `reviewed:` to that date.", nil)
        case .reviewSealBroken:
            return ("The page's reader-visible content (body, title, description, key points, warnings, crisis resources, taxonomy, image, disclaimer) still matches its `review_seal`. An error with `--production`.",
                    "A review is a statement about one version of a page; an edit after it, even one that forgot to touch `updated:`, has not been reviewed.",
                    "Run `haven review diff FILE` to see what changed since the sealed review; once a reviewer has checked it, run `haven review sign FILE --reviewer ID`.", nil)
        case .missingReviewSeal:
            return ("A clinical page carries a `review_seal` written by `haven review sign`. Off by default; a site that wants every review sealed sets it to `error`.",
                    "Without a seal nothing ties the review date to the text that was reviewed.",
                    "Have the page reviewed and run `haven review sign FILE --reviewer ID`.", nil)
        case .missingDisclaimer:
            return ("A clinical page keeps the site disclaimer, and its rendered HTML contains it.",
                    "Readers must be told the page does not replace professional care; a theme change must not drop it.",
                    "Remove `disclaimer: false`, or restore the disclaimer partial in the theme.", nil)
        case .unknownContentWarning:
            return ("Each `content_warnings` id exists in `Content/_data/content-warnings.yml`.",
                    "An unknown warning would show no notice and no crisis resource.",
                    "Fix the id or add the warning to `content-warnings.yml`.", nil)
        case .missingCrisisResource:
            return ("A page with content warnings, or whose text speaks of suicide or self-harm, shows at least one crisis resource, before the body, in its rendered HTML.",
                    "Safe-messaging guidance: always give readers a way to get help now (reportingonsuicide.org, WHO).",
                    "Add `content_warnings:` (for example `suicide`) or `crisis_resources:`; keep the notice in the theme.",
                    "https://reportingonsuicide.org/recommendations/")
        case .unknownCrisisResource:
            return ("Each `crisis_resources` id (and each resource a warning names) exists in `Content/_data/crisis-resources.yml`.",
                    "A missing resource would leave a reader without the help the page promises.",
                    "Fix the id or add the resource.", nil)
        case .crisisResourceUnverified:
            return ("Each crisis resource has a `verified_on` date within the last 12 months.",
                    "Crisis numbers change; a wrong number reaches people at their most vulnerable moment.",
                    "Call or check the service, then update `verified_on:`.", nil)
        case .invalidPhone:
            return ("A crisis resource's `phone`/`sms` is a number phones in its `region` can dial, as libphonenumber judges it: a valid full number (national or `+` international) or a short code valid there (988 and 911 in the US, 116 123 in GB).",
                    "A number that cannot be dialled is worse than none: 1-800-662-435, one digit short, would be published as a link no phone can reach.",
                    "Write the number as people dial it, for example \"1-800-662-4357\" or \"988\", and set the resource's `region`.", nil)
        case .retiredCrisisNumber:
            return ("The page's text (body, key points, description) gives no retired crisis line: 1-800-273-8255 / 1-800-273-TALK (the old US Lifeline, 988 since 16 July 2022), 1-833-456-4566 or text 45645 (Talk Suicide Canada, 988 since 30 November 2023), 988's \"press 3\" option (ended 17 July 2025). Any spelling: dots, spaces, brackets, letters.",
                    "A reader in crisis who dials a line that has closed or moved loses time they may not have.",
                    "Give the replacement the message names (with its source), usually 988.",
                    "https://campusdrugprevention.gov/suicide-prevention-lifeline-transitions-988")
        case .crisisNumber:
            return ("A phone number in the page's text is not a crisis or emergency number of another region than the page's (999 or 116 123 on a US page, 911 on a GB page), by the site's crisis resources and a built-in table of emergency numbers (US/CA 911; GB 999, 112; IE 112, 999; AU 000, 112; NZ 111; EU 112).",
                    "Text copied from another country's page tells readers to call a number that does not work where they are.",
                    "Give the number of the page's region (the message names its emergency number), or the crisis resource for it.",
                    "https://www.fcc.gov/consumer-information")
        case .careCard:
            return ("A care card (`> [!NON-URGENT]`, `[!URGENT]`, `[!EMERGENCY]`) has a title after its marker, and an `EMERGENCY` card names an emergency number of the page's region.",
                    "A care card tells readers when and where to get help (NHS care cards); without a title or the right number it does not.",
                    "Write the title on the marker's line (`> [!EMERGENCY] Call 911 if:`) or as a bold line after it (`> **Call 911 if:**`), and name the region's emergency number in the card.",
                    "https://service-manual.nhs.uk/design-system/components/care-cards")
        case .unknownCallout:
            return ("A block quote starting `[!TYPE]` names a known type: NOTE, TIP, IMPORTANT, WARNING, CAUTION, NON-URGENT, URGENT, EMERGENCY, DO, DONT (any case).",
                    "A misspelt type is shown as a plain quote with the marker in it, not as the callout the editor meant.",
                    "Use the suggested type.", nil)
        case .unknownTerm:
            return ("Each `modalities`/`conditions` entry is an existing page.",
                    "Cross-links between therapies and conditions must lead somewhere.",
                    "Use the file name (slug) of a page in `Content/modalities/` or `Content/conditions/`.", nil)
        case .brokenLink:
            return ("Internal links (relative `.md` and media paths, site paths, `#fragment`s) resolve.",
                    "A broken link strands a reader looking for help.",
                    "Point the link at an existing file or heading.", nil)
        case .missingAlt:
            return ("Images have alt text.", "WCAG 2.2 success criterion 1.1.1 (Non-text Content).",
                    "Describe the image: `![what it shows](../media/file.png)`.",
                    "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content")
        case .duplicateSlug:
            return ("No two pages produce the same URL.", "One page would silently replace the other.",
                    "Rename a file or set a different `slug:`.", nil)
        case .symlink:
            return ("No symlink in the site leads outside it, and folder symlinks are not followed.",
                    "A link to a file outside the site could publish private files; folder links can loop.",
                    "Copy the file into the site instead of linking to it.", nil)
        case .rawHTML:
            return ("Markdown has no raw HTML (it is not rendered).",
                    "Raw HTML is dropped for safety; what it showed would be lost.",
                    "Write it in Markdown instead.", nil)
        case .unsafeMessaging:
            return ("Suicide-related wording that safe-messaging guidelines advise against.",
                    "Recommendations for Reporting on Suicide, AFSP, Samaritans and WHO media guidelines.",
                    "Use the suggested wording in the message.", "https://reportingonsuicide.org/recommendations/")
        case .stigmatizingLanguage:
            return ("Stigmatizing terms, with a person-first alternative.",
                    "AP Stylebook, NHS, NICE and NIDA guidance on language about mental health and substance use.",
                    "Use the suggested person-first wording.",
                    "https://nida.nih.gov/research-topics/addiction-science/words-matter-preferred-language-talking-about-addiction")
        case .readingLevel:
            return ("The Flesch–Kincaid grade of the body's prose is at most `reading_grade_max` (default 9); for Spanish, its Fernández Huerta reading ease is at least `reading_ease_min` (default 60). Both settable per language.",
                    "Health information should be easy to read (NHS: aim for a reading age of 9 to 11).",
                    "Use shorter sentences and everyday words.", "https://service-manual.nhs.uk/content/health-literacy")
        case .hardSentence:
            return ("No single sentence is far harder than the page's target: its own Flesch–Kincaid grade above `reading_grade_max` + 5 (sentences of 20 words or more; shorter ones are not graded reliably), or over 40 words.",
                    "One very long or dense sentence can lose a reader even on a page that is easy on average (NHS: sentences of 15 to 20 words).",
                    "Split the sentence, or use everyday words.", "https://service-manual.nhs.uk/content/health-literacy")
        case .uncitedClaim:
            return ("A paragraph or table row that makes an evidence claim (an evidence noun phrase as the subject of a reporting verb: \"a 2017 study indicates\", \"research from 2022 suggests\", \"studies have found\", \"a trial of 400 adults with depression found\"; an organisation as the subject: \"NICE recommends\"; a rating: \"the evidence is clear\", \"a strong evidence base\", \"there is good evidence that\"; the passive: \"is recommended by NICE\", \"has been shown to\"; \"…, experts say\"; or \"according to experts\" or an organisation) has a link or footnote (a row's in any of its cells); key points, which cannot cite, make no claim.",
                    "Claims about evidence must say where the evidence is (PIF TICK criterion 3).",
                    "Add a link or a footnote to the source, or rephrase.", "https://piftick.org.uk/")
        case .unknownLanguage:
            return ("A language id (a file suffix such as `depression.es.md`, or a key of a per-language text in `Content/_data/`) is declared under `languages:` in `haven.yml` or is the default language.",
                    "Text in an undeclared language would never be shown, or be shown to the wrong readers.",
                    "Declare the language under `languages:` in `haven.yml`, or fix the id.", nil)
        case .missingTranslation:
            return ("Every crisis resource and content-warning text that a page (or a language's get-help page) shows has a text in that page's language: its own entry, its primary subtag's (`en` serves `en-gb`), or a plain string when the language shares the default language's.",
                    "Safety information must be understood at a moment of crisis; it is never shown in another language instead.",
                    "Give the text as a map by language id in `Content/_data/` (`description: {en: \"…\", es: \"…\"}`).", nil)
        case .translationOutdated:
            return ("A translation follows its source: its `source_updated` is the source's `updated` (required on translations of clinical pages).",
                    "When the source changes, a translation that is not updated tells readers something the source no longer says.",
                    "Update the translation, have it reviewed, then set `source_updated` to the source's `updated`.", nil)
        case .linkToOtherLanguage:
            return ("A link leads to a page in the linking page's language when that page has a translation in it.",
                    "A reader who chose a language should not be sent to another one without need.",
                    "Link to the translation (the `.ID.md` file beside the page) instead.", nil)
        case .translationType:
            return ("A translation is a page of its source's type (`condition`, `modality`, `article` or `page`): a `type:` on either file does not make them differ.",
                    "The language switcher and the alternate links join the pages of a set as one page in several languages; a reader switching language would land on a different kind of page, with other required facts and another template.",
                    "Remove `type:` from the translation (it takes its folder's type, like its source), or give both files the same `type:`; when only the source has a `type:`, add the same one to the translation or remove it from the source.", nil)
        case .imageTooLarge:
            return ("A source image in `Content/media/` is at most 5 MB and 4,000 px on each side.",
                    "Readers on slow or metered connections, in clinics and on old phones; large sources also slow every cold build.",
                    "Export the image smaller (2,400 px wide is plenty: Haven makes the smaller widths itself).", nil)
        case .invalidImage:
            return ("Each image in `Content/media/` is the format its extension says and decodes in full.",
                    "A truncated or mislabelled file shows as a broken image; Haven never publishes a raster image it cannot strip of its metadata.",
                    "Export the image again, or give the file the extension of its real format.", nil)
        }
    }
}

extension RuleID {
    /// The rule catalogue as a Markdown table (`haven rules`; the README's catalogue is this output).
    public static var markdownCatalogue: String {
        var out = "| id | default | checks | why | how to fix |\n|---|---|---|---|---|\n"
        for rule in allCases {
            let info = rule.info
            func cell(_ s: String) -> String { s.replacingAll(["|": "\\|", "\n": " "]) }
            let why = info.helpURL.map { "\(cell(info.why)) ([source](\($0)))" } ?? cell(info.why)
            out += "| `\(rule.rawValue)` | \(rule.defaultSeverity.rawValue) | \(cell(info.summary)) | \(why) | \(cell(info.fix)) |\n"
        }
        return out
    }
}
