// YAML, line by line: mapping keys (also after `- ` and inside flow collections), scalars typed by
// their plain spelling, and block scalars whose indented lines are text rather than structure.

struct YAMLTokenizer {
    private var w: HighlightWriter
    private let s: [UInt8]
    /// Lines indented deeper than this column belong to a `|`/`>` block scalar.
    private var blockOwner: Int?
    private var flowDepth = 0

    static let literals: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~"]

    static func highlight(_ src: [UInt8]) -> String {
        var t = YAMLTokenizer(w: HighlightWriter(src), s: src)
        forEachLine(src) { a, e in t.line(a, e) }
        return t.w.finish()
    }

    private init(w: HighlightWriter, s: [UInt8]) {
        self.w = w
        self.s = s
    }

    private mutating func line(_ a: Int, _ e: Int) {
        var p = a
        while p < e && s[p] == 0x20 { p += 1 }
        let indent = p - a
        if let owner = blockOwner {
            if s.skipBlanks(p, e) == e { return }
            if indent > owner {
                w.span(.string, p, e)
                return
            }
            blockOwner = nil
        }
        if indent == 0 && (s.hasPrefix("---", at: p, e) || s.hasPrefix("...", at: p, e))
            && (p + 3 == e || isBlank(s[p + 3])) {
            w.span(.section, p, p + 3)
            flowDepth = 0
            value(p + 3, e, owner: -1)
            return
        }
        if indent == 0 && p < e && s[p] == UInt8(ascii: "%") {
            w.span(.meta, p, e)
            return
        }
        if flowDepth > 0 {
            value(p, e, owner: indent)
        } else {
            node(p, e, a)
        }
    }

    /// A block node: list dashes, then a `key:` or a value.
    private mutating func node(_ start: Int, _ e: Int, _ lineStart: Int) {
        var p = s.skipBlanks(start, e)
        var owner = p - lineStart
        while p < e && (s[p] == UInt8(ascii: "-") || s[p] == UInt8(ascii: "?")) && (p + 1 == e || isBlank(s[p + 1])) {
            w.span(.punct, p, p + 1)
            owner = p - lineStart
            p = s.skipBlanks(p + 1, e)
        }
        guard p < e else { return }
        if s[p] == UInt8(ascii: "#") {
            w.span(.comment, p, e)
            return
        }
        if let (keyEnd, colon) = keyAt(p, e, flow: false) {
            w.span(.key, p, keyEnd)
            value(colon + 1, e, owner: p - lineStart)
        } else {
            value(p, e, owner: owner)
        }
    }

    /// `key:` followed by a blank or the line end; returns the key's end and the colon.
    private func keyAt(_ p: Int, _ e: Int, flow: Bool) -> (Int, Int)? {
        let c = s[p]
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            let close = s.quotedEnd(p, e, quote: c, backslash: c == UInt8(ascii: "\""))
            let q = s.skipBlanks(close, e)
            return q < e && s[q] == UInt8(ascii: ":") && (q + 1 == e || isValueBreak(s[q + 1], flow)) ? (close, q) : nil
        }
        switch c {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return nil
        default: break
        }
        var q = p
        while q < e {
            let b = s[q]
            if b == UInt8(ascii: ":") && (q + 1 == e || isValueBreak(s[q + 1], flow)) {
                return (s.trimBlanksBack(p, q), q)
            }
            if b == UInt8(ascii: "#") && q > p && isBlank(s[q - 1]) { return nil }
            if flow && isFlowIndicator(b) { return nil }
            q += 1
        }
        return nil
    }

    private func isValueBreak(_ b: UInt8, _ flow: Bool) -> Bool { isBlank(b) || (flow && isFlowIndicator(b)) }

    private func isFlowIndicator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{")
            || b == UInt8(ascii: "}")
    }

    private mutating func value(_ start: Int, _ e: Int, owner: Int) {
        var p = start
        var atValueStart = true
        var expectKey = false
        while p < e {
            let c = s[p]
            if isBlank(c) {
                p += 1
                continue
            }
            if c == UInt8(ascii: "#") && (p == start || isBlank(s[p - 1])) {
                w.span(.comment, p, e)
                return
            }
            let flow = flowDepth > 0
            if expectKey && flow, let (keyEnd, colon) = keyAt(p, e, flow: true) {
                w.span(.key, p, keyEnd)
                p = colon + 1
                expectKey = false
                continue
            }
            expectKey = false
            switch c {
            case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
                var q = p + 1
                while q < e && !isBlank(s[q]) && !(flow && isFlowIndicator(s[q])) { q += 1 }
                w.span(c == UInt8(ascii: "!") ? .type : .variable, p, q)
                p = q
                continue
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                guard atValueStart && !flow else {
                    p = scalar(p, e, flow: flow)
                    break
                }
                var q = p + 1
                while q < e && (s[q] == UInt8(ascii: "-") || s[q] == UInt8(ascii: "+") || isDigit(s[q])) { q += 1 }
                w.span(.punct, p, q)
                blockOwner = owner
                p = q
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let q = s.quotedEnd(p, e, quote: c, backslash: c == UInt8(ascii: "\""))
                w.span(.string, p, q)
                p = q
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flowDepth += 1
                w.span(.punct, p, p + 1)
                p += 1
                expectKey = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
                if c != UInt8(ascii: ",") { flowDepth = max(0, flowDepth - 1) }
                w.span(.punct, p, p + 1)
                p += 1
                expectKey = c == UInt8(ascii: ",")
            default:
                p = scalar(p, e, flow: flow)
            }
            atValueStart = false
        }
    }

    /// A plain scalar, highlighted only when it spells a number or a literal.
    private mutating func scalar(_ p: Int, _ e: Int, flow: Bool) -> Int {
        var q = p
        while q < e {
            let b = s[q]
            if flow && isFlowIndicator(b) { break }
            if b == UInt8(ascii: "#") && q > p && isBlank(s[q - 1]) { break }
            q += 1
        }
        let end = s.trimBlanksBack(p, q)
        if isNumber(p, end) {
            w.span(.number, p, end)
        } else if let word = s.word(p, end, lowercased: true), Self.literals.contains(word) {
            w.span(.literal, p, end)
        }
        return end == p ? p + 1 : end
    }

    private func isNumber(_ p: Int, _ end: Int) -> Bool {
        guard p < end else { return false }
        var a = p
        if s[a] == UInt8(ascii: "-") || s[a] == UInt8(ascii: "+") { a += 1 }
        guard a < end else { return false }
        if s[a] == UInt8(ascii: ".") {
            return s.word(a, end, lowercased: true).map { [".inf", ".nan"].contains($0) } ?? false
        }
        return isDigit(s[a]) && s.numberEnd(a, end) == end
    }
}
