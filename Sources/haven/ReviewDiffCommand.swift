import ArgumentParser
import Foundation
import HavenKit

/// `haven review diff PATH`: the reader-visible change since the sealed review, from git history.
struct ReviewDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed in a page's reader-visible content since its sealed review (a unified diff).")

    @Argument(help: "The page.")
    var path: String

    @OptionGroup var siteOptions: SiteOptions

    func run() throws {
        let root = siteOptions.siteURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(SiteConfig.fileName).path) else {
            throw HavenError.site("\(root.path) is not a Haven site: it has no haven.yml")
        }
        guard let file = ReviewSigner.pageFile(path, siteRoot: root) else {
            throw HavenError.site("\(path) is not a page of the site at \(root.path) (a .md file under Content/, outside _data/ and media/)")
        }
        switch ReviewDiff.make(file: file, siteRoot: root) {
        case .failure(let failure):
            throw HavenError.site(failure.description)
        case .success(let diff):
            if diff.isUnchanged {
                Terminal.error("\(file): unchanged since its sealed review (seal \(diff.seal)).")
            } else {
                Terminal.out(diff.unified)
            }
        }
    }
}
