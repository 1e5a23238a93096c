import Hummingbird
import NIOCore

/// Builds the responses the preview sends, each with the headers every answer carries: nothing is
/// cached (the content changes under the browser), types are never sniffed, and there is no
/// `Access-Control-Allow-Origin`, so other origins cannot read the preview.
enum PreviewResponses {
    static func file(_ body: ByteBuffer, status: HTTPResponse.Status = .ok, contentType: String, head: Bool) -> Response {
        var headers = baseHeaders(contentType: contentType)
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: body))
    }

    static func text(_ message: String, status: HTTPResponse.Status, head: Bool, extra: HTTPFields = [:]) -> Response {
        var response = file(ByteBuffer(string: message + "\n"), status: status, contentType: "text/plain; charset=utf-8", head: head)
        response.headers.append(contentsOf: extra)
        return response
    }

    static func redirect(to location: String, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return text("Moved to \(location)", status: .permanentRedirect, head: head, extra: headers)
    }

    static func methodNotAllowed(head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.allow] = "GET, HEAD"
        return text("Only GET and HEAD are allowed.", status: .methodNotAllowed, head: head, extra: headers)
    }

    static func baseHeaders(contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return headers
    }
}
