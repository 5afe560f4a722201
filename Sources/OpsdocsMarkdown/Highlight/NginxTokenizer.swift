// nginx configuration: the first word of each statement is a directive (blocks included), the
// rest are arguments with `$variables`, quoted strings, sizes/ports and on/off.

enum NginxTokenizer {
    static func highlight(_ src: [UInt8]) -> String {
        var w = HighlightWriter(src)
        let s = src
        let n = s.count
        var i = 0
        var statementStart = true
        while i < n {
            let c = s[i]
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D:
                i += 1
            case UInt8(ascii: "#"):
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"):
                w.span(.punct, i, i + 1)
                i += 1
                statementStart = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                i = quoted(&w, s, i)
                statementStart = false
            default:
                var e = i
                while e < n && !isArgumentEnd(s[e]) { e += 1 }
                if statementStart {
                    w.span(.key, i, e)
                    statementStart = false
                } else if isDigit(c) {
                    w.span(.number, i, e)
                } else if let word = s.word(i, e), word == "on" || word == "off" {
                    w.span(.literal, i, e)
                } else {
                    variables(&w, s, i, e)
                }
                i = max(e, i + 1)
            }
        }
        return w.finish()
    }

    private static func isArgumentEnd(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""),
            UInt8(ascii: "'"):
            return true
        default: return false
        }
    }

    private static func variableEnd(_ s: [UInt8], _ q: Int, _ e: Int) -> Int {
        guard q + 1 < e else { return q }
        if s[q + 1] == UInt8(ascii: "{") {
            var r = q + 2
            while r < e && s[r] != UInt8(ascii: "}") { r += 1 }
            return r < e ? r + 1 : e
        }
        var r = q + 1
        while r < e && s[r] < 0x80 && isIdentChar(s[r]) { r += 1 }
        return r > q + 1 ? r : q
    }

    /// `$var` and `${var}` inside an argument; a `$` ending a regex stays plain.
    private static func variables(_ w: inout HighlightWriter, _ s: [UInt8], _ a: Int, _ b: Int) {
        var q = a
        while q < b {
            if s[q] == UInt8(ascii: "$") {
                let r = variableEnd(s, q, b)
                if r > q {
                    w.span(.variable, q, r)
                    q = r
                    continue
                }
            }
            q += 1
        }
    }

    private static func quoted(_ w: inout HighlightWriter, _ s: [UInt8], _ i: Int) -> Int {
        let e = s.quotedEnd(i, s.count, quote: s[i], backslash: true)
        w.text(to: i)
        w.open(.string)
        variables(&w, s, i, e)
        w.text(to: e)
        w.close()
        return e
    }
}
