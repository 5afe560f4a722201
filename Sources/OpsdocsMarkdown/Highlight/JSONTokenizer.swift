// JSON (and JSONC's comments): a string is a key when the next non-blank character is `:`.

enum JSONTokenizer {
    static func highlight(_ src: [UInt8]) -> String {
        var w = HighlightWriter(src)
        let s = src
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            switch c {
            case UInt8(ascii: "\""):
                let e = s.quotedEnd(i, n, quote: c, backslash: true)
                var q = e
                while q < n && (isBlank(s[q]) || s[q] == 0x0A || s[q] == 0x0D) { q += 1 }
                w.span(q < n && s[q] == UInt8(ascii: ":") ? .key : .string, i, e)
                i = e
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = c == UInt8(ascii: "-") ? i + 1 : i
                let e = s.numberEnd(start, n)
                if e > start { w.span(.number, i, e) }
                i = max(e, i + 1)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
                UInt8(ascii: ":"):
                w.span(.punct, i, i + 1)
                i += 1
            case UInt8(ascii: "/") where i + 1 < n && s[i + 1] == UInt8(ascii: "/"):
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
            case UInt8(ascii: "/") where i + 1 < n && s[i + 1] == UInt8(ascii: "*"):
                let e = blockCommentEnd(s, i + 2)
                w.span(.comment, i, e)
                i = e
            default:
                if isIdentStart(c) {
                    let e = s.identEnd(i, n)
                    if let word = s.word(i, e), word == "true" || word == "false" || word == "null" {
                        w.span(.literal, i, e)
                    }
                    i = e
                } else {
                    i += 1
                }
            }
        }
        return w.finish()
    }
}

/// Past the `*/` closing a comment whose body starts at `i`, or the end of the input.
func blockCommentEnd(_ s: [UInt8], _ i: Int) -> Int {
    var q = i
    while q + 1 < s.count {
        if s[q] == UInt8(ascii: "*") && s[q + 1] == UInt8(ascii: "/") { return q + 2 }
        q += 1
    }
    return s.count
}
