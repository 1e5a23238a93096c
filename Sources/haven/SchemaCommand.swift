import ArgumentParser
import Foundation
import HavenKit

extension SchemaKind: ExpressibleByArgument {}
extension PageType: ExpressibleByArgument {}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of front matter, haven.yml or a data file, with the site's ids as enums.")

    @Argument(help: "front-matter, config, reviewers, crisis-resources or content-warnings.")
    var kind: SchemaKind = .frontMatter

    @Option(help: "Front matter of this page type only (article, modality, condition, page): its required keys.")
    var type: PageType?

    @Option(name: .long, help: "The site folder whose ids become enums (default: the current folder, when it is a site).")
    var site: String?

    func run() throws {
        let root = URL(fileURLWithPath: site ?? ".").standardizedFileURL
        let isSite = FileManager.default.fileExists(atPath: root.appendingPathComponent(SiteConfig.fileName).path)
        if site != nil && !isSite { throw HavenError.site("\(root.path) is not a Haven site: it has no \(SiteConfig.fileName)") }
        var ids: SchemaIDs?
        if isSite {
            var load = LoadOptions(today: Terminal.today, includeDrafts: true)
            load.checksOnly()
            ids = SchemaIDs(site: try SiteLoader.load(root: root, options: load))
        }
        Terminal.out(JSONSchema.schema(kind, type: type, ids: ids).serialized(pretty: true) + "\n")
    }
}
