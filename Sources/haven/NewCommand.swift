import ArgumentParser
import Foundation
import HavenKit

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a page with every required front-matter key, dates set to today.")

    @Argument(help: "article, modality, condition or page")
    var type: String

    @Argument(help: "The page title.")
    var title: String

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        guard let pageType = PageType(rawValue: type) else {
            throw ValidationError("type must be article, modality, condition or page, not '\(type)'")
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
