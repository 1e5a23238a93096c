import HavenKit

/// The HTML that tells an editor why their last save did not build: an overlay on every served
/// page, or a whole page when no build has succeeded yet. No inline styles or scripts (the page's
/// CSP forbids them): the look comes from `/__haven/overlay.css`.
enum ErrorOverlay {
    /// The overlay element listing `problems` (one diagnostic line each).
    static func element(problems: [String], dismissable: Bool, title: String) -> String {
        var html = "<aside id=\"haven-overlay\" class=\"haven-overlay\" aria-labelledby=\"haven-overlay-title\">\n"
        html += "<div class=\"haven-overlay-head\"><h2 id=\"haven-overlay-title\">\(HTMLEscape.text(title))</h2>"
        if dismissable { html += "<button type=\"button\" data-haven-dismiss>Hide</button>" }
        html += "</div>\n<ol>\n"
        for problem in problems {
            html += "<li>\(HTMLEscape.text(String(problem.trimmingTrailingNewlines)))</li>\n"
        }
        html += "</ol>\n<p>Fix the file and save: this page reloads by itself.</p>\n</aside>\n"
        return html
    }

    /// The title over the list on a page that is still served from the last good build.
    static func staleTitle(count: Int) -> String {
        "Haven: the latest change has \(count) error\(count == 1 ? "" : "s"); showing the last good build"
    }

    /// A whole page for when there is no good build to show.
    static func page(problems: [String], generation: String) -> String {
        let title = problems.isEmpty ? "Building the site…" : "Haven could not build the site"
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLEscape.text(title))</title>
            <link rel="stylesheet" href="\(PreviewAssets.stylePath)">
            </head>
            <body class="haven-page">
            <h1>\(HTMLEscape.text(title))</h1>

            """
        if problems.isEmpty {
            html += "<p>This page reloads by itself when the first build is ready.</p>\n"
        } else {
            let count = problems.count
            html += element(problems: problems, dismissable: false,
                            title: "\(count) problem\(count == 1 ? "" : "s") stop the build")
        }
        html += PageDecorator.scriptTag(generation: generation)
        html += "</body>\n</html>\n"
        return html
    }
}

extension String {
    var trimmingTrailingNewlines: Substring {
        var text = Substring(self)
        while text.last == "\n" || text.last == "\r" { text = text.dropLast() }
        return text
    }
}
