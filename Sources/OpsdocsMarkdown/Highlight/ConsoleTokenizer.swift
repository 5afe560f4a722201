// Console transcripts: which lines are typed (prompt + bash, with their continuations and heredoc
// bodies) and which are program output. A block without any prompt is a plain script.

struct ConsoleTokenizer {
    private var sh: BashTokenizer
    private let s: [UInt8]

    private init(_ src: [UInt8]) {
        sh = BashTokenizer(HighlightWriter(src))
        s = src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = ConsoleTokenizer(src)
        var anyPrompt = false
        forEachLine(src) { a, e in
            if !anyPrompt && t.promptEnd(a, e) != nil { anyPrompt = true }
        }
        guard anyPrompt else { return BashTokenizer.highlight(src) }
        forEachLine(src) { a, e in t.line(a, e) }
        return t.sh.w.finish()
    }

    private mutating func line(_ a: Int, _ e: Int) {
        if sh.needsMoreLines {
            // `> ` is the shell's own continuation prompt in pasted transcripts.
            if a < e && s[a] == UInt8(ascii: ">") && (a + 1 == e || s[a + 1] == 0x20) {
                let pe = min(a + 2, e)
                sh.w.span(.prompt, a, pe)
                sh.line(pe, e)
                return
            }
            // An unclosed quote is more likely a typo than a command spanning the next prompt.
            let quoteOnly = sh.openQuote != nil && !sh.continued && sh.heredocs.isEmpty
            if !quoteOnly || promptEnd(a, e) == nil {
                sh.line(a, e)
                return
            }
        }
        if let pe = promptEnd(a, e) {
            sh.w.span(.prompt, a, pe)
            sh.reset()
            sh.line(pe, e)
        } else {
            sh.w.span(.output, a, e)
        }
    }

    /// End of the prompt (after its trailing space) when the line starts with one.
    func promptEnd(_ a: Int, _ e: Int) -> Int? {
        guard a < e else { return nil }
        if s[a] == UInt8(ascii: "(") {
            // `(venv) $ `
            var p = a + 1
            while p < e && p - a < 64 && s[p] != UInt8(ascii: ")") && !isBlank(s[p]) { p += 1 }
            guard p < e && s[p] == UInt8(ascii: ")") && p + 1 < e && s[p + 1] == 0x20 else { return nil }
            return basicPrompt(p + 2, e)
        }
        return basicPrompt(a, e)
    }

    private func sign(_ p: Int, _ e: Int) -> Int? {
        guard p < e else { return nil }
        let c = s[p]
        guard c == UInt8(ascii: "$") || c == UInt8(ascii: "#") || c == UInt8(ascii: "%") else { return nil }
        if p + 1 == e { return e }
        return s[p + 1] == 0x20 ? p + 2 : nil
    }

    private func basicPrompt(_ a: Int, _ e: Int) -> Int? {
        guard a < e else { return nil }
        if let end = sign(a, e) { return end }
        let c = s[a]
        if c == UInt8(ascii: "[") {
            // `[root@master-01 ~]# `, `[user@host dir]$ `
            var p = a + 1
            while p < e && p - a < 128 && s[p] != UInt8(ascii: "]") && s[p] != UInt8(ascii: "[") { p += 1 }
            guard p < e && s[p] == UInt8(ascii: "]") && p > a + 1 else { return nil }
            return sign(p + 1, e)
        }
        if s.hasPrefix("PS ", at: a, e) {
            // `PS C:\> `
            var p = a + 3
            while p < e && p - a < 256 && s[p] != UInt8(ascii: ">") { p += 1 }
            guard p < e && p > a + 3 else { return nil }
            return p + 1 == e ? e : (s[p + 1] == 0x20 ? p + 2 : nil)
        }
        // `user@host:~/x$ `, `root@node1:/etc# `, `user@host $ `
        var p = a
        while p < e && isHostChar(s[p]) { p += 1 }
        guard p > a && p < e && s[p] == UInt8(ascii: "@") else { return nil }
        let host = p + 1
        p = host
        while p < e && isHostChar(s[p]) { p += 1 }
        guard p > host else { return nil }
        if p < e && s[p] == UInt8(ascii: ":") {
            p += 1
            while p < e && p - a < 256 && !isBlank(s[p]) && s[p] != UInt8(ascii: "$") && s[p] != UInt8(ascii: "#") { p += 1 }
        } else if p < e && s[p] == 0x20 {
            p += 1
            while p < e && p - a < 256 && !isBlank(s[p]) && s[p] != UInt8(ascii: "$") && s[p] != UInt8(ascii: "#")
                && s[p] != UInt8(ascii: "%") { p += 1 }
            if p < e && s[p] == 0x20 { p += 1 }
        }
        return sign(p, e)
    }

    private func isHostChar(_ b: UInt8) -> Bool {
        b < 0x80 && (isIdentChar(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "."))
    }
}
