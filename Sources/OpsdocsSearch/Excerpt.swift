// The excerpt a result shows: the stretch of the section's stored text around the longest run of
// query words found in it, with every query word marked. search.js (`excerptOf`) takes the same
// steps over the same code points, so the browser and `opsdocs search` show the same excerpt.

public struct Excerpt: Sendable, Equatable, Codable {
    public var text: String
    /// The marked stretches of `text`, as `[start, end)` offsets in Unicode code points.
    public var marks: [[Int]]

    /// Code points shown (ellipses aside).
    static let length = 160
    /// Code points kept before the stretch the excerpt is built around, so the reader sees what leads up to it.
    static let lead = 30
    /// How far past that start a blank is looked for, so a Latin word is not cut in two.
    static let snap = 15

    /// Words worth marking: two code points or more, or one CJK character.
    static func markable(_ word: String) -> Bool {
        let scalars = word.unicodeScalars
        return scalars.count > 1 || scalars.first.map(Tokenizer.isCJK) == true
    }

    /// `stored` is a section's text as the index keeps it (SearchIndexBuilder.storedText);
    /// `words` the query's terms (and the completions of the one being typed), normalised.
    init(stored: String, words: [String]) {
        let scalars = Array(stored.unicodeScalars)
        // Lower-case ASCII only: one code point stays one, so offsets hold (query words are
        // NFKC and lower case; full-width Latin in the text goes unmarked).
        let folded: [UInt32] = scalars.map { $0.value >= 65 && $0.value <= 90 ? $0.value + 32 : $0.value }
        var ranges: [(Int, Int)] = []
        for word in words where Self.markable(word) {
            let needle = word.unicodeScalars.map(\.value)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            var i = 0
            while i + needle.count <= folded.count {
                if folded[i] == needle[0], Array(folded[i..<i + needle.count]) == needle {
                    ranges.append((i, i + needle.count))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        // Overlapping or touching stretches (the bigrams of one Chinese word) become one.
        ranges.sort { $0 < $1 }
        var merged: [(Int, Int)] = []
        for r in ranges {
            if let last = merged.last, r.0 <= last.1 { merged[merged.count - 1].1 = max(last.1, r.1) } else { merged.append(r) }
        }
        // The excerpt is built around the longest marked stretch (the first of the longest): where
        // most of the query is written together, not the first common bigram.
        var anchor: (Int, Int)?
        for r in merged where anchor.map({ r.1 - r.0 > $0.1 - $0.0 }) ?? true { anchor = r }
        var start = 0
        if let first = anchor?.0, first > Self.lead {
            start = first - Self.lead
            if scalars.count - start < Self.length { start = max(0, scalars.count - Self.length) }
            if start > 0, let blank = (start..<min(first, start + Self.snap)).first(where: { scalars[$0] == " " }) {
                start = blank + 1
            }
        }
        let end = min(scalars.count, start + Self.length)
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        let shift = (start > 0 ? 1 : 0) - start
        self.text = String(text)
        self.marks = merged.compactMap { r in
            let a = max(r.0, start), b = min(r.1, end)
            return a < b ? [a + shift, b + shift] : nil
        }
    }
}
