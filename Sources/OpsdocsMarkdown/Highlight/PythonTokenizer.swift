// Python: comments, prefixed and triple-quoted strings, decorators, numbers, and identifiers sorted
// into keywords, literals, builtins/exception types and the names that `def`/`class` introduce.

enum PythonTokenizer {
    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let literals: Set<String> = ["True", "False", "None"]
    static let builtins: Set<String> = [
        "print", "len", "range", "open", "enumerate", "zip", "map", "filter", "sorted", "reversed", "sum", "min",
        "max", "abs", "any", "all", "isinstance", "issubclass", "getattr", "setattr", "hasattr", "super", "input",
        "iter", "next", "repr", "round", "format", "id", "hash", "vars", "dir", "callable", "self", "cls",
    ]
    static let types: Set<String> = [
        "int", "float", "str", "bytes", "bool", "list", "dict", "set", "tuple", "object", "type", "frozenset",
        "bytearray", "complex", "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError",
        "RuntimeError", "OSError", "IOError", "FileNotFoundError", "PermissionError", "TimeoutError",
        "AttributeError", "ImportError", "StopIteration", "NotImplementedError", "KeyboardInterrupt",
        "SystemExit",
    ]

    static func highlight(_ src: [UInt8]) -> String {
        var w = HighlightWriter(src)
        let s = src
        let n = s.count
        var i = 0
        var nameKind: TokenKind?
        while i < n {
            let c = s[i]
            switch c {
            case UInt8(ascii: "#"):
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                i = string(&w, s, i, i)
            case UInt8(ascii: "@") where i + 1 < n && isIdentStart(s[i + 1]):
                var e = i + 1
                while e < n && (isIdentChar(s[e]) || s[e] == UInt8(ascii: ".")) { e += 1 }
                w.span(.function, i, e)
                i = e
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var e = s.numberEnd(i, n)
                if e < n && (s[e] | 0x20) == UInt8(ascii: "j") { e += 1 }
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
                // String prefixes: r"…", b'…', f"""…""", rb'…'.
                if e - i <= 2 && e < n && (s[e] == UInt8(ascii: "\"") || s[e] == UInt8(ascii: "'"))
                    && s[i..<e].allSatisfy({ "rbfuRBFU".utf8.contains($0) }) {
                    i = string(&w, s, i, e)
                    continue
                }
                if let kind = nameKind {
                    nameKind = nil
                    w.span(kind, i, e)
                } else if let word = s.word(i, e) {
                    if keywords.contains(word) {
                        w.span(.keyword, i, e)
                        if word == "def" { nameKind = .function } else if word == "class" { nameKind = .type }
                    } else if literals.contains(word) {
                        w.span(.literal, i, e)
                    } else if types.contains(word) {
                        w.span(.type, i, e)
                    } else if builtins.contains(word) {
                        w.span(.builtin, i, e)
                    }
                }
                i = e
            }
        }
        return w.finish()
    }

    /// A string whose prefix starts at `start` and quote at `q`; triple-quoted ones may span lines.
    private static func string(_ w: inout HighlightWriter, _ s: [UInt8], _ start: Int, _ q: Int) -> Int {
        let n = s.count
        let quote = s[q]
        guard q + 2 < n && s[q + 1] == quote && s[q + 2] == quote else {
            // Even in raw strings a backslash keeps the next quote from closing the string.
            let e = s.quotedEnd(q, n, quote: quote, backslash: true)
            w.span(.string, start, e)
            return e
        }
        var p = q + 3
        var e = n
        while p < n {
            if s[p] == UInt8(ascii: "\\") {
                p += 2
                continue
            }
            if s[p] == quote && p + 2 < n && s[p + 1] == quote && s[p + 2] == quote {
                e = p + 3
                break
            }
            p += 1
        }
        w.span(.string, start, e)
        return e
    }
}
