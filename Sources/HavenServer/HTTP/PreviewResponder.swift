import Foundation
import HavenKit
import Hummingbird
import NIOCore
import ServiceLifecycle

/// Answers every request of the preview: the checks first (Host, method, path), then the
/// preview's own endpoints under `/__haven/`, the review desk at `/_haven/review/`, then the files
/// of the current snapshot.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: ServedStateStore
    let hosts: HostGuard
    let broadcaster: ReloadBroadcaster
    /// For the review desk, which reads the site folder on each request.
    var siteRoot: URL? = nil
    var today: @Sendable () -> CalendarDate = { CalendarDate.today(environment: ProcessInfo.processInfo.environment) }

    func respond(to request: Request, context: Context) async throws -> Response {
        let head = request.method == .head
        guard hosts.allows(request.head.authority) else {
            return PreviewResponses.text("This preview only answers requests addressed to it (Host header).",
                                         status: .forbidden, head: head)
        }
        guard request.method == .get || head else { return PreviewResponses.methodNotAllowed(head: false) }
        let target = request.head.path ?? "/"
        switch RequestPath.canonicalize(target) {
        case .malformed:
            return PreviewResponses.text("Bad request path.", status: .badRequest, head: head)
        case .unknown:
            return notFound(store.current, head: head)
        case .path(let path):
            if path.hasPrefix(PreviewAssets.prefix) { return own(path, head: head) }
            if path == ReviewDesk.path || path == String(ReviewDesk.path.dropLast()) {
                return await desk(path, head: head)
            }
            return serve(path, target: target, head: head)
        }
    }

    /// A path of the site, from the last good snapshot.
    private func serve(_ path: String, target: String, head: Bool) -> Response {
        let state = store.current
        guard let snapshot = state.snapshot else {
            let status: HTTPResponse.Status = state.problems.isEmpty ? .serviceUnavailable : .internalServerError
            let page = ErrorOverlay.page(problems: state.problems, generation: state.token)
            var response = PreviewResponses.file(ByteBuffer(string: page), status: status, contentType: ContentType.html, head: head)
            if state.problems.isEmpty { response.headers[.retryAfter] = "1" }
            return response
        }
        switch SnapshotLookup.find(path, in: snapshot) {
        case .file(let key, let bytes):
            return page(key, bytes, status: .ok, state: state, head: head)
        case .directory:
            // Redirect with the path as the client wrote it (still percent-encoded), plus `/`.
            let rawPath = target.prefix { $0 != "?" && $0 != "#" }
            let query = target.drop { $0 != "?" }.prefix { $0 != "#" }
            return PreviewResponses.redirect(to: rawPath + "/" + query, head: head)
        case .missing:
            return notFound(state, head: head)
        }
    }

    private func notFound(_ state: ServedState, head: Bool) -> Response {
        if let snapshot = state.snapshot, let page404 = snapshot.files["/404.html"] {
            return page("/404.html", page404, status: .notFound, state: state, head: head)
        }
        return PreviewResponses.text("Not found.", status: .notFound, head: head)
    }

    private func page(_ key: String, _ bytes: ByteBuffer, status: HTTPResponse.Status, state: ServedState, head: Bool) -> Response {
        let type = ContentType.forPath(key)
        guard type == ContentType.html else { return PreviewResponses.file(bytes, status: status, contentType: type, head: head) }
        let decorated = PageDecorator.decorate(bytes, problems: state.problems, generation: state.token)
        return PreviewResponses.file(decorated, status: status, contentType: type, head: head)
    }

    /// `/_haven/review/`: made from the site folder as it is now, off the request threads, with
    /// the reload script (and the error overlay) like every served page.
    private func desk(_ path: String, head: Bool) async -> Response {
        guard path == ReviewDesk.path else { return PreviewResponses.redirect(to: ReviewDesk.path, head: head) }
        guard let siteRoot else { return PreviewResponses.text("Not found.", status: .notFound, head: head) }
        let today = today()
        let html = await OffloadedWork.run { ReviewDesk.page(ReviewDesk.load(siteRoot: siteRoot, today: today)) } ?? ""
        let state = store.current
        return page("/_haven/review/index.html", ByteBuffer(string: html), status: .ok, state: state, head: head)
    }

    /// `/__haven/…`: the reload script, the overlay's CSS and the event stream.
    private func own(_ path: String, head: Bool) -> Response {
        switch path {
        case PreviewAssets.scriptPath:
            return PreviewResponses.file(ByteBuffer(string: PreviewAssets.reloadScript), contentType: ContentType.forPath(path), head: head)
        case PreviewAssets.stylePath:
            return PreviewResponses.file(ByteBuffer(string: PreviewAssets.overlayStyle), contentType: ContentType.forPath(path), head: head)
        case ReviewDesk.stylePath:
            return PreviewResponses.file(ByteBuffer(string: ReviewDesk.style), contentType: ContentType.forPath(path), head: head)
        case PreviewAssets.eventsPath:
            return events(head: head)
        default:
            return PreviewResponses.text("Not found.", status: .notFound, head: head)
        }
    }

    /// Server-Sent Events: one `data:` line with the current build's token, then one per build.
    /// Ends when the server shuts down gracefully, so Ctrl-C never waits on an open page.
    private func events(head: Bool) -> Response {
        let headers = PreviewResponses.baseHeaders(contentType: "text/event-stream")
        if head { return Response(status: .ok, headers: headers) }
        let stream = broadcaster.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await token in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: "data: \(token)\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// Finds a request path among a snapshot's files, the way static hosts do: `/x/` is
/// `/x/index.html`, and `/x` for a folder redirects to `/x/`. No folder is ever listed.
enum SnapshotLookup {
    enum Found: Equatable {
        case file(key: String, ByteBuffer)
        case directory
        case missing
    }

    static func find(_ path: String, in snapshot: SiteSnapshot) -> Found {
        if path.hasSuffix("/") {
            let key = path + "index.html"
            return snapshot.files[key].map { .file(key: key, $0) } ?? .missing
        }
        if let bytes = snapshot.files[path] { return .file(key: path, bytes) }
        if snapshot.files[path + "/index.html"] != nil { return .directory }
        return .missing
    }
}
