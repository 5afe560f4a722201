// TOML: `[table]` headers, dotted/quoted keys before `=` (also inside inline tables), and values,
// including multi-line strings and arrays that span lines.

struct TOMLTokenizer {
    private var w: HighlightWriter
    private let s: [UInt8]
    /// Open `[` arrays and `{` inline tables; keys are only expected at a line start outside them.
    private var brackets: [UInt8] = []

    private init(_ src: [UInt8]) {
        w = HighlightWriter(src)
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = TOMLTokenizer(src)
        t.run()
        return t.w.finish()
    }

    private mutating func run() {
        let n = s.count
        var i = 0
        var expectKey = true
        while i < n {
            let c = s[i]
            if c == 0x0A {
                if brackets.isEmpty { expectKey = true }
                i += 1
                continue
            }
            if isBlank(c) || c == 0x0D {
                i += 1
                continue
            }
            if c == UInt8(ascii: "#") {
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
                continue
            }
            if expectKey {
                expectKey = false
                if c == UInt8(ascii: "[") && brackets.isEmpty {
                    i = header(i)
                    continue
                }
                if let e = keyEnd(i) {
                    w.span(.key, i, e)
                    i = e
                    continue
                }
            }
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                i = string(i, c)
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets.append(c)
                w.span(.punct, i, i + 1)
                i += 1
                expectKey = c == UInt8(ascii: "{")
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if !brackets.isEmpty { brackets.removeLast() }
                w.span(.punct, i, i + 1)
                i += 1
            case UInt8(ascii: ","):
                w.span(.punct, i, i + 1)
                i += 1
                expectKey = brackets.last == UInt8(ascii: "{")
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                var e = i + 1
                while e < n && (isIdentChar(s[e]) || s[e] == UInt8(ascii: ":") || s[e] == UInt8(ascii: ".")
                    || s[e] == UInt8(ascii: "-") || s[e] == UInt8(ascii: "+")) && s[e] < 0x80 { e += 1 }
                if isDigit(s[e - 1]) || isLetter(s[e - 1]) { w.span(.number, i, e) }
                i = e
            default:
                if isIdentStart(c) {
                    let e = s.identEnd(i, n)
                    switch s.word(i, e) {
                    case "true", "false": w.span(.literal, i, e)
                    case "inf", "nan": w.span(.number, i, e)
                    default: break
                    }
                    i = e
                } else {
                    i += 1
                }
            }
        }
    }

    /// `[table]` or `[[array.of.tables]]` through its closing brackets.
    private mutating func header(_ i: Int) -> Int {
        let le = s.lineEnd(from: i)
        var q = i
        while q < le && s[q] == UInt8(ascii: "[") { q += 1 }
        while q < le && s[q] != UInt8(ascii: "]") {
            q = s[q] == UInt8(ascii: "\"") || s[q] == UInt8(ascii: "'")
                ? s.quotedEnd(q, le, quote: s[q], backslash: s[q] == UInt8(ascii: "\"")) : q + 1
        }
        while q < le && s[q] == UInt8(ascii: "]") { q += 1 }
        w.span(.section, i, q)
        return q
    }

    /// End of a (dotted, possibly quoted) key when `=` follows it.
    private func keyEnd(_ i: Int) -> Int? {
        let n = s.count
        var q = i
        var end = i
        while q < n {
            let c = s[q]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                q = s.quotedEnd(q, n, quote: c, backslash: c == UInt8(ascii: "\""))
            } else if c < 0x80 && (isIdentChar(c) || c == UInt8(ascii: "-")) {
                q += 1
                while q < n && s[q] < 0x80 && (isIdentChar(s[q]) || s[q] == UInt8(ascii: "-")) { q += 1 }
            } else {
                return nil
            }
            end = q
            q = s.skipBlanks(q, n)
            guard q < n else { return nil }
            if s[q] == UInt8(ascii: "=") { return end }
            guard s[q] == UInt8(ascii: ".") else { return nil }
            q = s.skipBlanks(q + 1, n)
        }
        return nil
    }

    private mutating func string(_ i: Int, _ quote: UInt8) -> Int {
        let n = s.count
        let triple = i + 2 < n && s[i + 1] == quote && s[i + 2] == quote
        guard triple else {
            let e = s.quotedEnd(i, n, quote: quote, backslash: quote == UInt8(ascii: "\""))
            w.span(.string, i, e)
            return e
        }
        var q = i + 3
        var e = n
        while q < n {
            if s[q] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                q += 2
                continue
            }
            if s[q] == quote && q + 2 < n && s[q + 1] == quote && s[q + 2] == quote {
                // Up to two quotes may sit right before the closing three.
                e = q + 3
                while e < n && e < q + 5 && s[e] == quote { e += 1 }
                break
            }
            q += 1
        }
        e = min(e, n)
        w.span(.string, i, e)
        return e
    }
}
