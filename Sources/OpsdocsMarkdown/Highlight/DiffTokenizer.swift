// Unified (and classic) diffs, one class per line. Hunk headers' line counts decide whether a
// `---` line is a removed line or the next file's header.

struct DiffTokenizer {
    private var w: HighlightWriter
    private let s: [UInt8]
    /// Lines still expected in the current hunk (old side, new side); nil outside a counted hunk.
    private var remaining: (old: Int, new: Int)?
    private var previousWasOldHeader = false

    private init(_ src: [UInt8]) {
        w = HighlightWriter(src)
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = DiffTokenizer(src)
        forEachLine(src) { a, e in t.line(a, e) }
        return t.w.finish()
    }

    private static let metaPrefixes: [StaticString] = [
        "diff ", "index ", "new file mode", "deleted file mode", "old mode", "new mode", "similarity index",
        "dissimilarity index", "rename from", "rename to", "copy from", "copy to", "Binary files", "Only in ",
        "\\ No newline",
    ]

    private mutating func line(_ a: Int, _ e: Int) {
        let wasOldHeader = previousWasOldHeader
        previousWasOldHeader = false
        guard a < e else {
            consume(old: true, new: true)
            return
        }
        let c = s[a]
        if var r = remaining, r.old > 0 || r.new > 0 {
            switch c {
            case UInt8(ascii: "+"): r.new -= 1; w.span(.inserted, a, e)
            case UInt8(ascii: "-"): r.old -= 1; w.span(.deleted, a, e)
            case UInt8(ascii: "\\"): w.span(.meta, a, e)
            case UInt8(ascii: "@"): return hunk(a, e)
            default: r.old -= 1; r.new -= 1
            }
            remaining = r
            return
        }
        remaining = nil
        if s.hasPrefix("@@", at: a, e) { return hunk(a, e) }
        if s.hasPrefix("--- ", at: a, e) || (s.hasPrefix("---", at: a, e) && e == a + 3 && !wasOldHeader) {
            if isHeader(afterLineAt: a) {
                previousWasOldHeader = true
                w.span(.meta, a, e)
                return
            }
        }
        if wasOldHeader && s.hasPrefix("+++", at: a, e) {
            w.span(.meta, a, e)
            return
        }
        if Self.metaPrefixes.contains(where: { s.hasPrefix($0, at: a, e) }) {
            w.span(.meta, a, e)
            return
        }
        switch c {
        case UInt8(ascii: "+"), UInt8(ascii: ">"): w.span(.inserted, a, e)
        case UInt8(ascii: "-"), UInt8(ascii: "<"): w.span(.deleted, a, e)
        default:
            if isDigit(c) && isClassicHunk(a, e) { w.span(.hunk, a, e) }
        }
    }

    private mutating func consume(old: Bool, new: Bool) {
        guard var r = remaining else { return }
        if old { r.old -= 1 }
        if new { r.new -= 1 }
        remaining = r
    }

    /// A `---` line is a file header when the next line starts with `+++`.
    private func isHeader(afterLineAt a: Int) -> Bool {
        let le = s.lineEnd(from: a)
        return le + 1 < s.count && s.hasPrefix("+++", at: le + 1, s.count)
    }

    /// `@@ -12,7 +12,8 @@ context`: the counts say how many following lines are the hunk's body.
    private mutating func hunk(_ a: Int, _ e: Int) {
        w.span(.hunk, a, e)
        var p = a + 2
        func count(after sign: UInt8) -> Int? {
            while p < e && s[p] != sign { p += 1 }
            guard p < e else { return nil }
            p += 1
            var start = 0
            while p < e && isDigit(s[p]) { start = min(start * 10 + Int(s[p] - 0x30), 1 << 40); p += 1 }
            guard p < e && s[p] == UInt8(ascii: ",") else { return 1 }
            p += 1
            var n = 0
            while p < e && isDigit(s[p]) { n = min(n * 10 + Int(s[p] - 0x30), 1 << 40); p += 1 }
            return n
        }
        if let old = count(after: UInt8(ascii: "-")), let new = count(after: UInt8(ascii: "+")) {
            remaining = (old, new)
        } else {
            remaining = nil
        }
    }

    /// Classic `diff` hunk headers: `5c5`, `12,14d11`, `3a4,6`.
    private func isClassicHunk(_ a: Int, _ e: Int) -> Bool {
        var p = a
        var sawLetter = false
        while p < e {
            let b = s[p]
            if b == UInt8(ascii: "a") || b == UInt8(ascii: "c") || b == UInt8(ascii: "d") {
                if sawLetter { return false }
                sawLetter = true
            } else if !isDigit(b) && b != UInt8(ascii: ",") {
                return false
            }
            p += 1
        }
        return sawLetter && isDigit(s[e - 1])
    }
}
