import ArgumentParser
import Foundation
import HavenKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page with every required front-matter key, dates set to today.",
        discussion: "With --lang ID: create the translation into ID of the existing page of that type and title, beside it.")

    @Argument(help: "article, modality, condition or page")
    var type: String

    @Argument(help: "The page title.")
    var title: String

    @Option(name: .long, help: "Translate the existing page titled TITLE into this language (an id of haven.yml's languages).")
    var lang: String?

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        guard let pageType = PageType(rawValue: type) else {
            throw ValidationError("type must be article, modality, condition or page, not '\(type)'")
        }
        if let lang {
            let translation = try TranslationScaffold.make(siteRoot: siteOptions.siteURL, type: pageType, title: title,
                                                           language: lang, today: Terminal.today)
            let url = siteOptions.siteURL.appendingPathComponent(translation.relativePath)
            try Data(translation.contents.utf8).write(to: url, options: .withoutOverwriting)
            Terminal.out("Created \(translation.relativePath), the \(lang) translation of \(translation.source)\n")
            Terminal.out("Translate the title, description and body, and fill in author, translator and reviewer: `haven lint` lists what is missing.\n")
            return
        }
        let scaffold = PageScaffold(type: pageType, title: title, today: Terminal.today)
        let root = siteOptions.siteURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("haven.yml").path) else {
            throw HavenError.site("\(root.path) is not a Haven site: it has no haven.yml")
        }
        let url = root.appendingPathComponent(scaffold.relativePath)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw HavenError.site("\(scaffold.relativePath) already exists; choose another title")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(scaffold.contents.utf8).write(to: url, options: .withoutOverwriting)
        Terminal.out("Created \(scaffold.relativePath)\n")
        if pageType.isClinical {
            Terminal.out("Fill in description, author and reviewer before you publish: `haven lint` lists what is missing.\n")
        }
    }
}
