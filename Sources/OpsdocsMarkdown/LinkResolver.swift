// Where a link in a note points once the notes are pages: a relative `.md` link becomes the
// target page's URL (fragment kept), a relative asset link becomes a site path (so it keeps
// working when `a/b.md` is published as `a/b/`), everything else is left alone.

import Foundation
import OpsdocsContent

public enum LinkResolution: Sendable, Equatable {
    /// An external URL, a pure `#fragment`, `mailto:` and the like: not rewritten.
    case unchanged
    /// A note that exists; `fragment` is the part after `#` (nil when absent).
    case page(sourcePath: String, fragment: String?)
    /// A `.md` link whose target is not among the notes.
    case missingPage(target: String)
    /// A relative link to a file that is not a note (image, attachment), published at `sitePath`.
    case asset(sitePath: String)
}

public struct LinkResolver: Sendable {
    /// Source path of every note → its site URL path (`k8s/a.md` → `k8s/a/`).
    public var pageURLs: [String: String]
    /// Prefix of every site URL (`/` or `/docs/`).
    public var basePath: String

    public init(pageURLs: [String: String], basePath: String) {
        self.pageURLs = pageURLs
        self.basePath = basePath
    }

    /// Resolves `destination` written in the note at `sourcePath`.
    public func resolve(_ destination: String, from sourcePath: String) -> LinkResolution {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") || hasScheme(trimmed) {
            return .unchanged
        }
        var pathPart = trimmed
        var fragment: String?
        if let hash = trimmed.firstIndex(of: "#") {
            pathPart = String(trimmed[..<hash])
            fragment = String(trimmed[trimmed.index(after: hash)...])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        let decoded = pathPart.removingPercentEncoding ?? pathPart
        let folder = sourcePath.contains("/") ? String(sourcePath[..<(sourcePath.lastIndex(of: "/") ?? sourcePath.endIndex)]) : ""
        if ContentLoader.isNote(decoded) {
            for candidate in candidates(for: decoded, from: folder) where pageURLs[candidate] != nil {
                return .page(sourcePath: candidate, fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
            }
            return .missingPage(target: decoded)
        }
        // A link to a folder that has an index note (`../guide/`) is a page link too.
        let lastComponent = decoded.split(separator: "/").last.map(String.init) ?? ""
        if !decoded.isEmpty && (decoded.hasSuffix("/") || !lastComponent.contains(".")) {
            for candidate in candidates(for: decoded, from: folder) {
                for index in ["_index.md", "index.md", "README.md", "readme.md"] {
                    let path = candidate.isEmpty ? index : candidate + "/" + index
                    if pageURLs[path] != nil { return .page(sourcePath: path, fragment: fragment) }
                }
            }
            return .unchanged
        }
        // An asset next to the note: published at the same relative place.
        guard !decoded.hasPrefix("/"), let resolved = SitePath.resolve(decoded, from: folder) else { return .unchanged }
        return .asset(sitePath: SitePath.publishedAssetPath(resolved))
    }

    /// The href to write for a resolution (nil: keep the author's text).
    public func href(for resolution: LinkResolution, original: String) -> String? {
        switch resolution {
        case .unchanged, .missingPage: return nil
        case .page(let source, let fragment):
            guard let url = pageURLs[source] else { return nil }
            return basePath + SitePath.encode(url) + (fragment.map { "#" + $0 } ?? "")
        case .asset(let sitePath):
            var suffix = ""
            if let i = original.firstIndex(where: { $0 == "?" || $0 == "#" }) { suffix = String(original[i...]) }
            return basePath + SitePath.encode(sitePath) + suffix
        }
    }

    /// Candidate source paths for a link: relative to the note's folder; for a root-absolute
    /// link (`/docs/a.md`), relative to the source root and then to each folder above the note,
    /// because notes copied from a repository often link from that repository's root.
    private func candidates(for path: String, from folder: String) -> [String] {
        guard path.hasPrefix("/") else {
            return SitePath.resolve(path, from: folder).map { [$0] } ?? []
        }
        var out: [String] = []
        var parts = folder.split(separator: "/").map(String.init)
        while true {
            if let resolved = SitePath.resolve(String(path.dropFirst()), from: parts.joined(separator: "/")) {
                out.append(resolved)
            }
            if parts.isEmpty { break }
            parts.removeLast()
        }
        return out.reversed()
    }

    private func hasScheme(_ s: String) -> Bool {
        guard let colon = s.firstIndex(of: ":") else { return false }
        let scheme = s[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
