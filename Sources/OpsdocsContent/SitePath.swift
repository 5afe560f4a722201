// Site-relative paths: normalising author-supplied slugs and URLs so that none can
// leave the output folder, and turning file and folder names into URL segments.

import Foundation
import OpsdocsConfig

public enum SitePath {
    /// Collapses `a//b`, `./`, trailing `/`; nil when the path climbs out (`..`), is absolute
    /// where that is not allowed, or holds a backslash, NUL or drive letter.
    public static func normalise(_ raw: String, allowLeadingSlash: Bool) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("\\") || trimmed.contains("\0") || trimmed.contains(":") { return nil }
        if trimmed.hasPrefix("/") && !allowLeadingSlash { return nil }
        var parts: [Substring] = []
        for part in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Longest path segment opsdocs writes, in UTF-8 bytes. File systems refuse names over
    /// 255 bytes (85 CJK characters); this leaves room for `.sh`-style suffixes.
    public static let maxSegmentBytes = 200

    /// A segment over `maxSegmentBytes` is cut at a character boundary and given the first
    /// 8 hex digits of its SHA-256, so two long names that share a beginning stay apart.
    public static func capSegment(_ segment: String) -> String {
        guard segment.utf8.count > maxSegmentBytes else { return segment }
        var out = ""
        var bytes = 0
        for ch in segment {
            let n = ch.utf8.count
            if bytes + n > maxSegmentBytes - 9 { break }
            out.append(ch)
            bytes += n
        }
        return out + "-" + SHA256.hex(segment).prefix(8)
    }

    /// Longest URL path opsdocs writes, in bytes (Linux refuses paths over 4,096; the output
    /// folder's own path and `index.html` need room too).
    public static let maxPathBytes = 1_024

    /// Why a site path cannot be written, or nil: too long as a whole, or inside the build
    /// state (`.opsdocs/`, `.opsdocs-output`), which is not part of the site.
    public static func problem(with path: String) -> String? {
        if path.utf8.count > maxPathBytes { return "is longer than \(maxPathBytes) bytes" }
        for segment in path.split(separator: "/") where segment == ".opsdocs" || segment == ".opsdocs-output" {
            return "is inside `\(segment)`, opsdocs's build state, which is not part of the site"
        }
        return nil
    }

    /// `path` with every segment capped; nil when no segment needed it.
    public static func capped(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.contains(where: { $0.utf8.count > maxSegmentBytes }) else { return nil }
        return segments.map { capSegment(String($0)) }.joined(separator: "/")
    }

    /// A file stem becomes a URL segment: white space runs become `-`; everything else is kept
    /// (CJK included) and percent-encoded only when written into HTML. Capped like every segment.
    public static func slugifyFileStem(_ stem: String) -> String {
        var out = ""
        var pendingDash = false
        for ch in stem {
            if ch.isWhitespace { pendingDash = !out.isEmpty; continue }
            if pendingDash { out.append("-"); pendingDash = false }
            out.append(ch)
        }
        return out.isEmpty ? "page" : capSegment(out)
    }

    public static func slugifyFolderPath(_ folder: String) -> String {
        folder.split(separator: "/").map { slugifyFileStem(String($0)) }.joined(separator: "/")
    }

    /// Where a non-Markdown file under the source folder is published: same name, in its
    /// folder's URL path (so it sits beside the page of a bundle).
    public static func publishedAssetPath(_ sourcePath: String) -> String {
        guard let slash = sourcePath.lastIndex(of: "/") else { return sourcePath }
        return slugifyFolderPath(String(sourcePath[..<slash])) + "/" + sourcePath[sourcePath.index(after: slash)...]
    }

    /// Joins a folder and a relative reference (`../a/b.md`), resolving `.` and `..`;
    /// nil when it climbs above the root.
    public static func resolve(_ relative: String, from folder: String) -> String? {
        var parts = relative.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }

    /// Percent-encodes a site path for an `href` (keeps `/`, letters, digits and `-._~`).
    public static func encode(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        // alphanumerics includes non-ASCII letters; encode those too so URLs are plain ASCII.
        var out = ""
        for scalar in path.unicodeScalars {
            if scalar.isASCII && allowed.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += String(format: "%%%02X", byte) }
            }
        }
        return out
    }
}
