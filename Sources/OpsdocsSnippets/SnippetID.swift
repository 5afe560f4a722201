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
        if let known = memo.withLock({ $0[section] }) { return known }
        let base = computeBase(section)
        memo.withLock { $0[section] = base }
        return base
    }

    /// ICU transliteration costs ~0.3 ms a call (most of it building the transliterator);
    /// headings repeat across blocks and pages.
    private static let memo = Mutex<[String: String]>([:])

    /// Transliterates many headings in one ICU call (one per page instead of one per heading).
    public static func prepare(sections: [String]) {
        let missing = Array(Set(sections.filter { s in
            !s.unicodeScalars.allSatisfy(\.isASCII) && !s.contains("\n") && memo.withLock { $0[s] == nil }
        })).sorted()
        guard !missing.isEmpty else { return }
        let joined = missing.joined(separator: "\n")
        guard let latin = joined.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) else { return }
        let parts = latin.split(separator: "\n", omittingEmptySubsequences: false)
        guard parts.count == missing.count else { return }
        let bases = zip(missing, parts).map { ($0, slugify(String($1))) }
        memo.withLock { memo in for (section, base) in bases { memo[section] = base } }
    }

    private static func computeBase(_ section: String) -> String {
        let latin = section.unicodeScalars.allSatisfy(\.isASCII)
            ? section : (section.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? section)
        return slugify(latin)
    }

    private static func slugify(_ latin: String) -> String {
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
        !id.isEmpty && id.count <= 80 && id.first != "." && id.first != "-"
            && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
