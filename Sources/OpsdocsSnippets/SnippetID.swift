// Snippet ids: stable under edits elsewhere in the page because they come from the section
// heading and the block's position inside that section (`tcp-xiang-guan-1`), unless the
// author sets one with `{#id}`. Chinese headings are transliterated to pinyin for ASCII file names.

import Foundation
import Synchronization
import OpsdocsMarkdown

public enum SnippetID {
    /// `tcp 相关` → `tcp-xiang-guan`; a repeated heading keeps its id's `-1`, `-2` suffix so
    /// two sections called `安装` give different ids.
    public static func base(forSection section: String, headingID: String) -> String {
        let slug = HeadingIDGenerator.slug(section)
        let suffix = headingID.count > slug.count && headingID.hasPrefix(slug + "-")
            ? String(headingID.dropFirst(slug.count)) : ""
        return base(forSection: section) + suffix
    }

    /// `tcp 相关` → `tcp-xiang-guan`; `""` (before the first heading) → `intro`.
    public static func base(forSection section: String) -> String {
        slugify(latin(section))
    }

    /// ICU transliteration costs ~0.1–0.3 ms a call and its string editing is quadratic in
    /// the text's length, so it runs once per distinct run of non-ASCII text (`步骤`, `：配置节点`)
    /// with the ASCII character on each side as context (ICU puts a space between `装` and
    /// `e` in `安装etcd`), not per heading: 10,000 headings `步骤 N：配置节点` are a dozen runs.
    private static let runs = Mutex<[String: String]>([:])
    private static let transform = StringTransform("Han-Latin; Latin-ASCII")

    /// The heading transliterated run by run; its slug is the whole heading's slug.
    static func latin(_ section: String) -> String {
        var out = ""
        for piece in pieces(section) {
            guard let run = piece.run else { out += piece.text; continue }
            if let known = runs.withLock({ $0[run.key] }) { out += known; continue }
            let latin = strip(String(run.key).applyingTransform(transform, reverse: false) ?? run.key, run)
            runs.withLock { $0[run.key] = latin }
            out += latin
        }
        return out
    }

    /// Every run transliterated so far (run with context → Latin): kept with the build's
    /// state, so an edit does not pay ICU's first call (~0.1 s) for headings it already knew.
    public static var transliterations: [String: String] {
        get { runs.withLock { $0 } }
        set { runs.withLock { known in known.merge(newValue) { old, _ in old } } }
    }

    /// The known transliterations of the runs in `sections`: what a build stores for the
    /// next one, which must depend on the site's headings alone, not on whatever else this
    /// process transliterated before (a preview server's earlier sites, tests run beside it).
    public static func transliterations(of sections: [String]) -> [String: String] {
        runs.withLock { known in
            var used: [String: String] = [:]
            for section in sections {
                for piece in pieces(section) {
                    if let run = piece.run, let latin = known[run.key] { used[run.key] = latin }
                }
            }
            return used
        }
    }

    /// Transliterates the non-ASCII runs of many headings in a few ICU calls.
    public static func prepare(sections: [String]) {
        var missing: [String: Run] = [:]
        runs.withLock { known in
            for section in sections where !section.contains("\n") {
                for piece in pieces(section) {
                    if let run = piece.run, known[run.key] == nil { missing[run.key] = run }
                }
            }
        }
        let ordered = missing.keys.sorted()
        // 64 runs a call: the ICU set-up is shared, the in-place string edits stay short; the
        // calls are independent, so both cores make them.
        let chunks = stride(from: 0, to: ordered.count, by: 64).map { Array(ordered[$0..<min($0 + 64, ordered.count)]) }
        let found = missing
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            guard let latin = chunk.joined(separator: "\n").applyingTransform(transform, reverse: false) else { return }
            let parts = latin.split(separator: "\n", omittingEmptySubsequences: false)
            guard parts.count == chunk.count else { return }
            let settled = zip(chunk, parts).compactMap { key, part in found[key].map { (key, strip(String(part), $0)) } }
            runs.withLock { known in
                for (key, latin) in settled { known[key] = latin }
            }
        }
    }

    /// A run of non-ASCII text with the ASCII characters around it (`key` = before + run + after).
    struct Run {
        var key: String
        var before: Character?
        var after: Character?
    }

    /// The heading as ASCII text and non-ASCII runs, in order. ASCII text is kept as it is.
    private static func pieces(_ text: String) -> [(text: String, run: Run?)] {
        let characters = Array(text)
        var out: [(String, Run?)] = []
        var start = 0
        while start < characters.count {
            let ascii = characters[start].isASCII
            var end = start
            while end < characters.count, characters[end].isASCII == ascii { end += 1 }
            let text = String(characters[start..<end])
            if ascii {
                out.append((text, nil))
            } else {
                let before = start > 0 ? characters[start - 1] : nil
                let after = end < characters.count ? characters[end] : nil
                let key = (before.map(String.init) ?? "") + text + (after.map(String.init) ?? "")
                out.append((text, Run(key: key, before: before, after: after)))
            }
            start = end
        }
        return out
    }

    /// The run's part of its transliterated context: the ASCII characters come back unchanged.
    private static func strip(_ latin: String, _ run: Run) -> String {
        var part = Substring(latin)
        if let before = run.before, part.first == before { part = part.dropFirst() }
        if let after = run.after, part.last == after { part = part.dropLast() }
        return String(part)
    }

    static func slugify(_ latin: String) -> String {
        var out = ""
        for scalar in latin.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 48 {
            out = String(out.prefix(48))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out.isEmpty ? "intro" : out
    }

    /// An explicit `{#id}` must make a plain file name.
    public static func isValid(_ id: String) -> Bool {
        // `all` is the page's `all.sh`.
        id.lowercased() != "all" && !id.isEmpty && id.count <= 80 && id.first != "." && id.first != "-"
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
