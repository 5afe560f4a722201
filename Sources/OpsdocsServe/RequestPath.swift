// Turns a request's raw (percent-encoded) path into a file of the served site, or refuses
// it. This is the preview's whole defence against reading outside the site: the result is
// only ever a key of the site's file table, and every form of escape is refused before that
// (`..`, `%2e%2e`, an encoded `/`, backslashes, NUL bytes).

public enum RequestTarget: Equatable, Sendable {
    /// A site-relative file path (`k8s/etcd/index.html`).
    case file(String)
    /// A folder URL without its slash: where to send the browser.
    case redirect(String)
    case notFound
    case badRequest
}

public enum RequestPath {
    /// `exists` says whether a site-relative path is a file of the site.
    public static func resolve(_ raw: String, query: String = "", basePath: String = "/",
                               exists: (String) -> Bool) -> RequestTarget
    {
        guard raw.hasPrefix("/") else { return .badRequest }
        let lowered = raw.lowercased()
        if raw.contains("\\") || raw.contains("\0") || lowered.contains("%5c") || lowered.contains("%00") { return .badRequest }

        let rawSegments = raw.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        var segments: [String] = []
        for (n, rawSegment) in rawSegments.enumerated() {
            guard let segment = String(rawSegment).removingPercentEncoding else { return .badRequest }
            if segment.contains("\0") || segment.contains("\\") { return .badRequest }
            // An encoded slash would let one segment name two folders.
            if segment.contains("/") || segment == ".." || segment == "." { return .notFound }
            // `//` inside a path names no file; only the last segment may be empty (a folder URL).
            if segment.isEmpty && n != rawSegments.count - 1 { return .notFound }
            segments.append(segment)
        }
        let decoded = "/" + segments.joined(separator: "/")
        let withQuery = { (path: String) in query.isEmpty ? path : path + "?" + query }
        // The site lives under its base path (`/docs/`): `/docs` and `/` lead there.
        if basePath != "/" && (decoded + "/" == basePath || decoded == "/") { return .redirect(withQuery(basePath)) }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        let relative = String(decoded.dropFirst(basePath.count))

        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(withQuery(raw + "/")) }
        return .notFound
    }
}
