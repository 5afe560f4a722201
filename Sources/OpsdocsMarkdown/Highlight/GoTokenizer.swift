// Go: comments, interpreted/raw strings and runes, numbers, and identifiers sorted into keywords,
// predeclared types, builtins, literals and called functions.

enum GoTokenizer {
    static let keywords: Set<String> = [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go",
        "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch",
        "type", "var",
    ]
    static let types: Set<String> = [
        "bool", "byte", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32",
        "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "any", "comparable",
    ]
    static let builtins: Set<String> = [
        "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new",
        "panic", "print", "println", "real", "recover",
    ]
    static let literals: Set<String> = ["true", "false", "nil", "iota"]

    static func highlight(_ src: [UInt8]) -> String {
        var w = HighlightWriter(src)
        let s = src
        let n = s.count
        var i = 0
        while i < n {
            let c = s[i]
            switch c {
            case UInt8(ascii: "/") where i + 1 < n && s[i + 1] == UInt8(ascii: "/"):
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
            case UInt8(ascii: "/") where i + 1 < n && s[i + 1] == UInt8(ascii: "*"):
                let e = blockCommentEnd(s, i + 2)
                w.span(.comment, i, e)
                i = e
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let e = s.quotedEnd(i, n, quote: c, backslash: true)
                w.span(.string, i, e)
                i = e
            case UInt8(ascii: "`"):
                var e = i + 1
                while e < n && s[e] != UInt8(ascii: "`") { e += 1 }
                e = min(e + 1, n)
                w.span(.string, i, e)
                i = e
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var e = s.numberEnd(i, n)
                if e < n && s[e] == UInt8(ascii: "i") { e += 1 }
                w.span(.number, i, e)
                i = e
            case UInt8(ascii: ".") where i + 1 < n && isDigit(s[i + 1]):
                let e = s.numberEnd(i + 1, n)
                w.span(.number, i, e)
                i = e
            default:
                guard isIdentStart(c) else {
                    i += 1
                    continue
                }
                let e = s.identEnd(i, n)
                if let word = s.word(i, e) {
                    if keywords.contains(word) {
                        w.span(.keyword, i, e)
                    } else if literals.contains(word) {
                        w.span(.literal, i, e)
                    } else if types.contains(word) {
                        w.span(.type, i, e)
                    } else if builtins.contains(word) && e < n && s[e] == UInt8(ascii: "(") {
                        w.span(.builtin, i, e)
                    } else if e < n && s[e] == UInt8(ascii: "(") {
                        w.span(.function, i, e)
                    }
                }
                i = e
            }
        }
        return w.finish()
    }
}
