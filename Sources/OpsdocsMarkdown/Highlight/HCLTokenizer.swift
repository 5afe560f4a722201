// HCL / Terraform: block types (`resource "x" "y" {`), attribute keys before `=`, strings with
// `${…}` interpolation, heredocs, references like `var.region`, and function calls.

struct HCLTokenizer {
    private var w: HighlightWriter
    private let s: [UInt8]

    static let literals: Set<String> = ["true", "false", "null"]
    static let keywords: Set<String> = ["for", "in", "if", "else", "endif", "endfor"]
    static let references: Set<String> = ["var", "local", "module", "data", "each", "count", "self", "path", "terraform"]

    private init(_ src: [UInt8]) {
        w = HighlightWriter(src)
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = HCLTokenizer(src)
        t.run()
        return t.w.finish()
    }

    private mutating func run() {
        let n = s.count
        var i = 0
        var lineStart = true
        while i < n {
            let c = s[i]
            if c == 0x0A {
                lineStart = true
                i += 1
                continue
            }
            if isBlank(c) || c == 0x0D {
                i += 1
                continue
            }
            let first = lineStart
            lineStart = false
            if c == UInt8(ascii: "#") || (c == UInt8(ascii: "/") && i + 1 < n && s[i + 1] == UInt8(ascii: "/")) {
                let e = s.lineEnd(from: i)
                w.span(.comment, i, s.contentEnd(i, e))
                i = e
            } else if c == UInt8(ascii: "/") && i + 1 < n && s[i + 1] == UInt8(ascii: "*") {
                let e = blockCommentEnd(s, i + 2)
                w.span(.comment, i, e)
                i = e
            } else if c == UInt8(ascii: "\"") {
                i = string(i)
            } else if c == UInt8(ascii: "<") && s.hasPrefix("<<", at: i, n), let e = heredoc(i) {
                w.span(.string, i, e)
                i = e
            } else if isDigit(c) {
                let e = s.numberEnd(i, n)
                w.span(.number, i, e)
                i = e
            } else if isIdentStart(c) {
                i = identifier(i, first: first)
            } else {
                i += 1
            }
        }
    }

    private func hclIdentEnd(_ i: Int, _ end: Int) -> Int {
        var q = i
        while q < end && (isIdentChar(s[q]) || s[q] == UInt8(ascii: "-")) { q += 1 }
        return q
    }

    private mutating func identifier(_ i: Int, first: Bool) -> Int {
        let n = s.count
        let e = hclIdentEnd(i, n)
        let next = s.skipBlanks(e, n)
        let word = s.word(i, e)
        if next < n && s[next] == UInt8(ascii: "=") && !(next + 1 < n && (s[next + 1] == UInt8(ascii: "=")
            || s[next + 1] == UInt8(ascii: ">"))) {
            w.span(.key, i, e)
        } else if first && opensBlock(next) {
            w.span(.keyword, i, e)
        } else if let word, Self.literals.contains(word) {
            w.span(.literal, i, e)
        } else if let word, Self.keywords.contains(word) {
            w.span(.keyword, i, e)
        } else if e < n && s[e] == UInt8(ascii: "(") {
            w.span(.function, i, e)
        } else if e < n && s[e] == UInt8(ascii: "."), let word, Self.references.contains(word) {
            w.span(.variable, i, e)
        }
        return e
    }

    /// Labels (quoted or bare) and then `{` on the same line: the identifier before them is a block type.
    private func opensBlock(_ start: Int) -> Bool {
        let le = s.lineEnd(from: start)
        var p = start
        while p < le && p - start < 512 {
            let c = s[p]
            if c == UInt8(ascii: "{") { return true }
            if c == UInt8(ascii: "\"") {
                p = s.quotedEnd(p, le, quote: c, backslash: true)
            } else if isIdentStart(c) {
                p = hclIdentEnd(p, le)
            } else if isBlank(c) {
                p += 1
            } else {
                return false
            }
        }
        return false
    }

    /// A quoted string; `${…}` and `%{…}` inside it are expressions.
    private mutating func string(_ i: Int) -> Int {
        let e = s.quotedEnd(i, s.count, quote: UInt8(ascii: "\""), backslash: true)
        w.text(to: i)
        w.open(.string)
        var q = i + 1
        while q < e {
            if (s[q] == UInt8(ascii: "$") || s[q] == UInt8(ascii: "%")) && q + 1 < e && s[q + 1] == UInt8(ascii: "{") {
                var depth = 0
                var r = q + 1
                while r < e {
                    if s[r] == UInt8(ascii: "{") { depth += 1 } else if s[r] == UInt8(ascii: "}") {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    r += 1
                }
                r = min(r + 1, e)
                w.span(.variable, q, r)
                q = r
            } else {
                q += 1
            }
        }
        w.text(to: e)
        w.close()
        return e
    }

    /// `<<EOF` / `<<-EOF` through the line holding only the delimiter; nil when this is no heredoc.
    private func heredoc(_ i: Int) -> Int? {
        let n = s.count
        var p = i + 2
        if p < n && s[p] == UInt8(ascii: "-") { p += 1 }
        let nameEnd = s.identEnd(p, n)
        guard nameEnd > p else { return nil }
        let le = s.lineEnd(from: nameEnd)
        guard s.skipBlanks(nameEnd, le) == s.contentEnd(nameEnd, le) else { return nil }
        let name = s[p..<nameEnd]
        var a = le + 1
        while a < n {
            let lineEnd = s.lineEnd(from: a)
            let ce = s.contentEnd(a, lineEnd)
            let t = s.skipBlanks(a, ce)
            if s.trimBlanksBack(t, ce) - t == name.count && s[t..<(t + name.count)].elementsEqual(name) {
                return ce
            }
            a = lineEnd + 1
        }
        return n
    }
}
