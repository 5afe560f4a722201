// One published version of the site as the preview serves it: generated files from memory,
// copied files (images, static/) read from their source when asked, an ETag per file. The
// server swaps whole ServedSites, so a request sees either the old site or the new one,
// never a page halfway through a rebuild.

import Foundation
import OpsdocsSite

public struct ServedSite: Sendable {
    public var files: [String: Data]
    public var copies: [String: URL]
    var etags: [String: String]
    public var basePath: String
    /// Copied files must resolve (symlinks followed) inside one of these folders.
    var allowedRoots: [String]

    public init(_ site: CompiledSite, basePath: String, allowedRoots: [URL]) {
        files = [:]
        copies = site.copies
        self.basePath = basePath
        self.allowedRoots = allowedRoots.map { $0.resolvingSymlinksInPath().standardizedFileURL.path }
        etags = [:]
        let generated = site.files
        let prepared = Array(generated.keys).parallelMap { path in Self.prepare(path, generated[path] ?? Data()) }
        files.reserveCapacity(prepared.count)
        for (path, data, tag) in prepared {
            files[path] = data
            etags[path] = tag
        }
    }

    /// Moves to the next version: only the changed paths are prepared again. Done in place
    /// (under the server's lock), so a large site is not copied for a one-page edit.
    mutating func update(with site: CompiledSite, changed: Set<String>) {
        let prepared = changed.map { path in (path, site.files[path].map { Self.prepare(path, $0) }) }
        copies = site.copies
        for (path, entry) in prepared {
            files[path] = entry?.1
            etags[path] = entry?.2
        }
    }

    /// HTML gets the live-reload script; every file gets its ETag.
    private static func prepare(_ path: String, _ data: Data) -> (String, Data, String) {
        let served = path.hasSuffix(".html") ? LiveReloadScript.inject(into: data) : data
        return (path, served, etag(of: served))
    }

    func exists(_ path: String) -> Bool { files[path] != nil || copies[path] != nil }

    /// What a request path leads to. Runs under the server's lock and returns only the one
    /// file's bytes, so no request holds on to the whole site while a rebuild replaces it.
    enum Lookup {
        case body(path: String, Body)
        case redirect(String)
        /// The site's `404.html`, if it has one.
        case notFound(Data?)
        case badRequest
    }

    func lookup(_ raw: String, query: String) -> Lookup {
        switch RequestPath.resolve(raw, query: query, basePath: basePath, exists: exists) {
        case .file(let path):
            guard let body = body(of: path) else { return .notFound(files["404.html"]) }
            return .body(path: path, body)
        case .redirect(let location): return .redirect(location)
        case .notFound: return .notFound(files["404.html"])
        case .badRequest: return .badRequest
        }
    }

    enum Body {
        case data(Data, etag: String)
        case file(URL, etag: String, size: Int)
    }

    /// The bytes (or the file) behind a site path. A copy whose real location is outside the
    /// project (a symlink pointing elsewhere) does not exist as far as the preview is concerned.
    func body(of path: String) -> Body? {
        if let data = files[path] { return .data(data, etag: etags[path] ?? Self.etag(of: data)) }
        guard let url = copies[path] else { return nil }
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        guard allowedRoots.contains(where: { real.hasPrefix($0 + "/") }),
              let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return .file(URL(fileURLWithPath: real), etag: "\"\(String(Int(modified * 1000), radix: 16))-\(String(size, radix: 16))\"", size: size)
    }

    /// FNV-1a 64 of the bytes: cheap, and a different page gives a different tag.
    static func etag(of data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { raw in
            for byte in raw { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }
}
