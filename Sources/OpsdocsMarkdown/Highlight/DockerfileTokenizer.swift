// Dockerfile: instructions and their arguments; shell-form RUN/CMD/ENTRYPOINT bodies go to the bash
// tokenizer, whose state also tells when a continued instruction or a `RUN <<EOF` body ends.

struct DockerfileTokenizer {
    private enum Continuation { case none, shell, args(String) }

    private var sh: BashTokenizer
    private let s: [UInt8]
    private var cont = Continuation.none

    static let instructions: Set<String> = [
        "from", "run", "cmd", "label", "maintainer", "expose", "env", "add", "copy", "entrypoint", "volume", "user",
        "workdir", "arg", "onbuild", "stopsignal", "healthcheck", "shell",
    ]

    private init(_ src: [UInt8]) {
        sh = BashTokenizer(HighlightWriter(src))
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = DockerfileTokenizer(src)
        forEachLine(src) { a, e in t.line(a, e) }
        return t.sh.w.finish()
    }

    private func continues(_ e: Int, from a: Int) -> Bool { e > a && s[e - 1] == UInt8(ascii: "\\") }

    private mutating func line(_ a: Int, _ e: Int) {
        if !sh.heredocs.isEmpty {
            sh.line(a, e)
            if sh.heredocs.isEmpty { cont = .none }
            return
        }
        let f = s.skipBlanks(a, e)
        // Docker drops comment lines even inside a continued instruction, so the continuation survives them.
        if f < e && s[f] == UInt8(ascii: "#") {
            sh.w.span(.comment, f, e)
            return
        }
        switch cont {
        case .shell:
            sh.line(a, e)
            cont = sh.continued || sh.openQuote != nil ? .shell : .none
        case .args(let name):
            args(a, e, name)
            cont = continues(e, from: a) ? .args(name) : .none
        case .none:
            instruction(f, e)
        }
    }

    private func letters(_ p: Int, _ e: Int) -> Int {
        var q = p
        while q < e && isLetter(s[q]) { q += 1 }
        return q
    }

    private mutating func instruction(_ f: Int, _ e: Int) {
        var p = letters(f, e)
        guard var name = s.word(f, p, lowercased: true), Self.instructions.contains(name) else {
            args(f, e, "")
            cont = continues(e, from: f) ? .args("") : .none
            return
        }
        sh.w.span(.instruction, f, p)
        if name == "onbuild" {
            let q = s.skipBlanks(p, e)
            let r = letters(q, e)
            if let inner = s.word(q, r, lowercased: true), Self.instructions.contains(inner) {
                sh.w.span(.instruction, q, r)
                name = inner
                p = r
            }
        }
        guard name == "run" || name == "cmd" || name == "entrypoint" else {
            args(p, e, name)
            cont = continues(e, from: f) ? .args(name) : .none
            return
        }
        var q = s.skipBlanks(p, e)
        while s.hasPrefix("--", at: q, e) {
            var r = q
            while r < e && !isBlank(s[r]) { r += 1 }
            var o = q
            while o < r && s[o] != UInt8(ascii: "=") { o += 1 }
            sh.w.span(.option, q, o)
            q = s.skipBlanks(r, e)
        }
        if q < e && s[q] == UInt8(ascii: "[") {
            args(q, e, name)
            cont = continues(e, from: f) ? .args(name) : .none
            return
        }
        sh.reset()
        sh.line(q, e)
        cont = sh.continued || sh.openQuote != nil ? .shell : .none
    }

    /// Arguments of the non-shell instructions, and the JSON exec form.
    private mutating func args(_ start: Int, _ e: Int, _ name: String) {
        var q = start
        var wordStart = true
        var wordIndex = 0
        while q < e {
            let c = s[q]
            if isBlank(c) {
                q += 1
                wordStart = true
                continue
            }
            if c == UInt8(ascii: "\\") && q + 1 == e { return }
            if wordStart {
                wordStart = false
                wordIndex += 1
                if let next = wordPrefix(q, e, name, wordIndex) {
                    q = next
                    continue
                }
            }
            switch c {
            case UInt8(ascii: "\""):
                q = doubleQuoted(q, e)
            case UInt8(ascii: "'"):
                let r = s.quotedEnd(q, e, quote: c, backslash: false)
                sh.w.span(.string, q, r)
                q = r
            case UInt8(ascii: "$"):
                let r = sh.variableEnd(q, e)
                if r > q { sh.w.span(.variable, q, r) }
                q = max(r, q + 1)
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","):
                sh.w.span(.punct, q, q + 1)
                q += 1
            case UInt8(ascii: "\\"):
                q = s.escapeEnd(q, e)
            default:
                q += 1
            }
        }
    }

    /// Highlights the start of an argument word (`--from=`, `KEY=`, `AS`, a port); nil when it is ordinary.
    private mutating func wordPrefix(_ q: Int, _ e: Int, _ name: String, _ index: Int) -> Int? {
        if s.hasPrefix("--", at: q, e) {
            var o = q
            while o < e && !isBlank(s[o]) && s[o] != UInt8(ascii: "=") { o += 1 }
            sh.w.span(.option, q, o)
            return o
        }
        var r = q
        while r < e && s[r] < 0x80 && (isIdentChar(s[r]) || s[r] == UInt8(ascii: ".") || s[r] == UInt8(ascii: "-")) {
            r += 1
        }
        let wordEnds = r == e || isBlank(s[r])
        if name == "env" || name == "arg" || name == "label", r > q, !isDigit(s[q]) {
            if r < e && s[r] == UInt8(ascii: "=") || (name != "label" && index == 1 && wordEnds) {
                sh.w.span(name == "label" ? .key : .variable, q, r)
                return r
            }
        }
        if name == "from" && wordEnds && s.word(q, r, lowercased: true) == "as" {
            sh.w.span(.keyword, q, r)
            return r
        }
        if isDigit(s[q]) {
            var d = q
            while d < e && isDigit(s[d]) { d += 1 }
            if d == e || !(isIdentChar(s[d]) || s[d] == UInt8(ascii: ".")) {
                sh.w.span(.number, q, d)
                return d
            }
        }
        return nil
    }

    private mutating func doubleQuoted(_ start: Int, _ e: Int) -> Int {
        sh.w.text(to: start)
        sh.w.open(.string)
        defer { sh.w.close() }
        var q = start + 1
        while q < e {
            let c = s[q]
            if c == UInt8(ascii: "\"") {
                sh.w.text(to: q + 1)
                return q + 1
            }
            if c == UInt8(ascii: "\\") {
                q = s.escapeEnd(q, e)
            } else if c == UInt8(ascii: "$"), case let r = sh.variableEnd(q, e), r > q {
                sh.w.span(.variable, q, r)
                q = r
            } else {
                q += 1
            }
        }
        sh.w.text(to: e)
        return e
    }
}
