// Bash quoting and expansions: strings that may stay open across lines, `$NAME`/`${…}`/`$(…)`,
// and backticks, shared with the Dockerfile tokenizer for its own arguments.

extension BashTokenizer {
    mutating func singleQuoted(_ start: Int, _ end: Int, opened: Bool) -> Int {
        var q = opened ? start : start + 1
        while q < end && s[q] != UInt8(ascii: "'") { q += 1 }
        if q < end {
            w.span(.string, start, q + 1)
            return q + 1
        }
        w.span(.string, start, end)
        openQuote = UInt8(ascii: "'")
        return end
    }

    mutating func doubleQuoted(_ start: Int, _ end: Int, opened: Bool) -> Int {
        w.text(to: start)
        w.open(.string)
        defer { w.close() }
        var q = opened ? start : start + 1
        while q < end {
            let c = s[q]
            if c == UInt8(ascii: "\"") {
                w.text(to: q + 1)
                return q + 1
            }
            if c == UInt8(ascii: "\\") {
                q = s.escapeEnd(q, end)
            } else if c == UInt8(ascii: "$"), case let e = variableEnd(q, end), e > q {
                w.span(.variable, q, e)
                q = e
            } else if c == UInt8(ascii: "`") {
                let e = backtickEnd(q, end)
                w.span(.variable, q, e)
                q = e
            } else {
                q += 1
            }
        }
        w.text(to: end)
        openQuote = UInt8(ascii: "\"")
        return end
    }

    func backtickEnd(_ p: Int, _ end: Int) -> Int {
        s.quotedEnd(p, end, quote: UInt8(ascii: "`"), backslash: true)
    }

    /// End of `$NAME`, `${…}`, `$(…)`, `$((…))`, `$1`, `$#`…; `p` itself when the `$` is literal.
    func variableEnd(_ p: Int, _ end: Int) -> Int {
        guard p + 1 < end else { return p }
        let c = s[p + 1]
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "(") {
            let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
            var depth = 0
            var q = p + 1
            while q < end {
                let b = s[q]
                if b == c { depth += 1 } else if b == close {
                    depth -= 1
                    if depth == 0 { return q + 1 }
                } else if b == UInt8(ascii: "\\") {
                    q = s.escapeEnd(q, end)
                    continue
                }
                q += 1
            }
            return end
        }
        if c < 0x80 && (isLetter(c) || c == 0x5F) {
            var q = p + 2
            while q < end && s[q] < 0x80 && isIdentChar(s[q]) { q += 1 }
            return q
        }
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "@"),
            UInt8(ascii: "*"), UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "-"):
            return p + 2
        default:
            return p
        }
    }
}
