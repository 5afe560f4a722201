// INI-style `key = value` files: systemd units, sysctl.conf, .properties, generic .conf/.cfg.
// Values keep their command-line look (systemd ExecStart options, continued with `\`).

struct INITokenizer {
    private var w: HighlightWriter
    private let s: [UInt8]
    private var valueContinues = false

    static let literals: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "none"]

    private init(_ src: [UInt8]) {
        w = HighlightWriter(src)
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = INITokenizer(src)
        forEachLine(src) { a, e in t.line(a, e) }
        return t.w.finish()
    }

    private mutating func line(_ a: Int, _ e: Int) {
        let p = s.skipBlanks(a, e)
        if valueContinues {
            value(p, e)
            valueContinues = e > a && s[e - 1] == UInt8(ascii: "\\")
            return
        }
        guard p < e else { return }
        let c = s[p]
        if c == UInt8(ascii: "#") || c == UInt8(ascii: ";") {
            w.span(.comment, p, e)
            return
        }
        if c == UInt8(ascii: "[") {
            var q = p + 1
            while q < e && s[q] != UInt8(ascii: "]") { q += 1 }
            if q < e {
                w.span(.section, p, q + 1)
                let r = s.skipBlanks(q + 1, e)
                if r < e && (s[r] == UInt8(ascii: "#") || s[r] == UInt8(ascii: ";")) { w.span(.comment, r, e) }
                return
            }
        }
        guard let sep = separator(p, e) else { return }
        let keyEnd = s.trimBlanksBack(p, sep)
        guard keyEnd > p else { return }
        w.span(.key, p, keyEnd)
        w.span(.punct, sep, sep + 1)
        value(sep + 1, e)
        valueContinues = s[e - 1] == UInt8(ascii: "\\")
    }

    /// The first `=`, or failing that a `:` followed by a blank (`key: value` in .cfg files).
    private func separator(_ p: Int, _ e: Int) -> Int? {
        var colon: Int?
        var q = p
        while q < e {
            let b = s[q]
            if b == UInt8(ascii: "=") { return q }
            if b == UInt8(ascii: ":") && colon == nil && (q + 1 == e || isBlank(s[q + 1])) { colon = q }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { return colon }
            q += 1
        }
        return colon
    }

    /// A value, word by word: quoted strings, `$VAR`, `--options`, numbers and on/off style literals.
    private mutating func value(_ start: Int, _ e: Int) {
        var q = start
        while q < e {
            let c = s[q]
            if isBlank(c) {
                q += 1
                continue
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                let r = s.quotedEnd(q, e, quote: c, backslash: true)
                w.span(.string, q, r)
                q = r
                continue
            }
            var r = q
            while r < e && !isBlank(s[r]) && s[r] != UInt8(ascii: "\"") && s[r] != UInt8(ascii: "'") { r += 1 }
            word(q, r)
            q = r
        }
    }

    private mutating func word(_ a: Int, _ b: Int) {
        if s[a] == UInt8(ascii: "-") && b > a + 1 && !isDigit(s[a + 1]) {
            var o = a
            while o < b && s[o] != UInt8(ascii: "=") { o += 1 }
            w.span(.option, a, o)
            variables(o, b)
            return
        }
        var d = a
        if s[d] == UInt8(ascii: "-") { d += 1 }
        if d < b && isDigit(s[d]) && s.numberEnd(d, b) == b {
            w.span(.number, a, b)
            return
        }
        if let lower = s.word(a, b, lowercased: true), Self.literals.contains(lower) {
            w.span(.literal, a, b)
            return
        }
        variables(a, b)
    }

    /// `$VAR`, `${VAR}` and systemd's `%i`-style specifiers inside a word.
    private mutating func variables(_ a: Int, _ b: Int) {
        var q = a
        while q < b {
            let c = s[q]
            if c == UInt8(ascii: "$") && q + 1 < b {
                var r = q + 1
                if s[r] == UInt8(ascii: "{") {
                    while r < b && s[r] != UInt8(ascii: "}") { r += 1 }
                    r = min(r + 1, b)
                } else {
                    while r < b && s[r] < 0x80 && isIdentChar(s[r]) { r += 1 }
                }
                if r > q + 1 { w.span(.variable, q, r) }
                q = max(r, q + 1)
            } else if c == UInt8(ascii: "%") && q + 1 < b && isLetter(s[q + 1]) {
                w.span(.variable, q, q + 2)
                q += 2
            } else {
                q += 1
            }
        }
    }
}
