// Answers one HTTP request from the current ServedSite: GET and HEAD only, a Content-Type
// for every file, `Cache-Control: no-cache` with ETags (a reload after a rebuild always
// gets the new page, an unchanged one costs a 304), folder redirects, and the site's own
// 404 page. Also serves the live-reload script and event stream.

import FlyingFox
import Foundation

struct SiteRequestHandler: Sendable {
    let lookup: @Sendable (_ rawPath: String, _ query: String) -> ServedSite.Lookup
    let hub: LiveReloadHub

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD", .contentType: "text/plain; charset=utf-8"],
                                body: Data("method not allowed\n".utf8))
        }
        let head = request.method == .HEAD
        let raw = request.target.path()
        if raw == LiveReloadScript.path {
            return file(Data(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", etag: nil, head: head)
        }
        if raw == LiveReloadScript.eventsPath {
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
                                body: HTTPBodySequence(from: ChunkStream(base: await hub.subscribe())))
        }

        switch lookup(raw, request.target.query()) {
        case .body(let path, let body):
            let type = ContentTypes.forPath(path)
            switch body {
            case .data(let data, let etag):
                if request.headers[.ifNoneMatch] == etag { return notModified(etag) }
                return file(data, type: type, etag: etag, head: head)
            case .file(let url, let etag, let size):
                if request.headers[.ifNoneMatch] == etag { return notModified(etag) }
                if head { return file(Data(), type: type, etag: etag, head: true, length: size) }
                guard let sequence = try? HTTPBodySequence(file: url) else { return notFound(nil, head: head) }
                return HTTPResponse(statusCode: .ok, headers: headers(type: type, etag: etag), body: sequence)
            }
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently,
                                headers: HTTPHeaders([.location: location, .contentType: "text/plain; charset=utf-8",
                                                      .cacheControl: "no-cache"]),
                                body: head ? Data() : Data("moved to \(location)\n".utf8))
        case .notFound(let page):
            return notFound(page, head: head)
        case .badRequest:
            return HTTPResponse(statusCode: .badRequest, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]),
                                body: head ? Data() : Data("bad request\n".utf8))
        }
    }

    private func headers(type: String, etag: String?) -> HTTPHeaders {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-cache"]
        if let etag { headers[.eTag] = etag }
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }

    private func file(_ data: Data, type: String, etag: String?, head: Bool, length: Int? = nil,
                      status: HTTPStatusCode = .ok) -> HTTPResponse
    {
        var headers = headers(type: type, etag: etag)
        if head {
            // FlyingFox sends no body for an empty payload; the length is the real file's.
            headers[.contentLength] = String(length ?? data.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        // One write for the whole page (FlyingFox would otherwise send it in 4 KB pieces).
        return HTTPResponse(statusCode: status, headers: headers,
                            body: HTTPBodySequence(data: data, suggestedBufferSize: max(4096, data.count)))
    }

    private func notModified(_ etag: String) -> HTTPResponse {
        HTTPResponse(statusCode: .notModified, headers: [.eTag: etag, .cacheControl: "no-cache"], body: Data())
    }

    private func notFound(_ page: Data?, head: Bool) -> HTTPResponse {
        if let page {
            return file(page, type: "text/html; charset=utf-8", etag: nil, head: head, status: .notFound)
        }
        return file(Data("404 page not found\n".utf8), type: "text/plain; charset=utf-8", etag: nil, head: head,
                    status: .notFound)
    }
}
