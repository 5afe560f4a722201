// Bash, line by line: operators, redirections and heredocs, plus the state that carries across
// lines (continuations, open quotes, heredoc bodies) so console and Dockerfile can drive it too.

struct Heredoc {
    var delimiter: [UInt8]
    var stripTabs: Bool
}

struct BashTokenizer {
    enum Mode { case command, args, pattern }

    var w: HighlightWriter
    let s: [UInt8]
    var mode = Mode.command
    var wrapper: WrapperState?
    /// The word after `>`/`<` is a file name, never a command, whatever `mode` says.
    var redirectTarget = false
    /// The mode outside each open `$(`, restored at its `)`.
    var substModes: [Mode] = []
    var inArithmetic = false
    /// Words left until `in` after `for`/`select`/`case`.
    var pendingIn = 0
    var pendingInIsCase = false
    var casePatternNext = false
    var functionName = false
    /// `export`/`local`/… take `NAME=value` arguments that read like assignments.
    var assignArgs = false
    private var newHeredocs: [Heredoc] = []
    private(set) var heredocs: [Heredoc] = []
    var openQuote: UInt8?
    var continued = false

    /// The next line still belongs to the current command (console must not call it output).
    var needsMoreLines: Bool { continued || openQuote != nil || !heredocs.isEmpty }

    init(_ w: HighlightWriter) {
        self.w = w
        s = w.src
    }

    static func highlight(_ src: [UInt8]) -> String {
        var t = BashTokenizer(HighlightWriter(src))
        forEachLine(src) { a, e in t.line(a, e) }
        return t.w.finish()
    }

    /// Forget everything: a console prompt starts a fresh command whatever came before.
    mutating func reset() {
        heredocs.removeAll()
        newHeredocs.removeAll()
        openQuote = nil
        continued = false
        substModes.removeAll()
        casePatternNext = false
        commandBreak()
    }

    mutating func commandBreak() {
        mode = .command
        wrapper = nil
        redirectTarget = false
        assignArgs = false
        pendingIn = 0
        functionName = false
        inArithmetic = false
    }

    /// One physical line, `end` excluding the line break.
    mutating func line(_ start: Int, _ end: Int) {
        if !heredocs.isEmpty {
            heredocLine(start, end)
            return
        }
        var i = start
        if !continued && openQuote == nil {
            commandBreak()
            substModes.removeAll()
            if casePatternNext { mode = .pattern }
        }
        continued = false
        if let q = openQuote {
            openQuote = nil
            i = q == UInt8(ascii: "\"") ? doubleQuoted(i, end, opened: true) : singleQuoted(i, end, opened: true)
            i = parts(i, end)
        }
        while i < end { i = token(i, end) }
        if !continued && !newHeredocs.isEmpty {
            heredocs += newHeredocs
            newHeredocs.removeAll()
        }
    }

    private mutating func heredocLine(_ start: Int, _ end: Int) {
        let h = heredocs[0]
        var a = start
        if h.stripTabs { while a < end && s[a] == 0x09 { a += 1 } }
        w.span(.heredoc, start, end)
        if end - a == h.delimiter.count && s[a..<end].elementsEqual(h.delimiter) { heredocs.removeFirst() }
    }

    private mutating func op(_ a: Int, _ b: Int) { w.span(.operator, a, b) }

    func at(_ i: Int, _ end: Int, _ c: Unicode.Scalar) -> Bool { i < end && s[i] == UInt8(truncatingIfNeeded: c.value) }

    private mutating func token(_ i: Int, _ end: Int) -> Int {
        let c = s[i]
        switch c {
        case 0x20, 0x09:
            return i + 1
        case UInt8(ascii: "#"):
            w.span(.comment, i, end)
            return end
        case UInt8(ascii: "|"):
            let n = at(i + 1, end, "|") || at(i + 1, end, "&") ? 2 : 1
            op(i, i + n)
            if mode == .pattern && n == 1 { return i + 1 }
            commandBreak()
            return i + n
        case UInt8(ascii: "&"):
            if at(i + 1, end, "&") {
                op(i, i + 2)
                commandBreak()
                return i + 2
            }
            if at(i + 1, end, ">") {
                let n = at(i + 2, end, ">") ? 3 : 2
                op(i, i + n)
                redirectTarget = true
                return i + n
            }
            op(i, i + 1)
            commandBreak()
            return i + 1
        case UInt8(ascii: ";"):
            var n = 1
            if at(i + 1, end, ";") { n = at(i + 2, end, "&") ? 3 : 2 } else if at(i + 1, end, "&") { n = 2 }
            op(i, i + n)
            commandBreak()
            if n > 1 {
                casePatternNext = true
                mode = .pattern
            }
            return i + n
        case UInt8(ascii: "<"), UInt8(ascii: ">"):
            return redirect(i, i, end)
        case UInt8(ascii: "("):
            if at(i + 1, end, "(") {
                op(i, i + 2)
                commandBreak()
                mode = .args
                inArithmetic = true
                return i + 2
            }
            op(i, i + 1)
            commandBreak()
            return i + 1
        case UInt8(ascii: ")"):
            if inArithmetic && at(i + 1, end, ")") {
                op(i, i + 2)
                inArithmetic = false
                return i + 2
            }
            if let outer = substModes.popLast() {
                w.span(.variable, i, i + 1)
                commandBreak()
                mode = outer
                // The substitution may be only part of a word: `$(date +%F)-backup`.
                return parts(i + 1, end)
            }
            op(i, i + 1)
            if mode == .pattern {
                casePatternNext = false
                commandBreak()
            } else {
                mode = .args
            }
            return i + 1
        case UInt8(ascii: "\\") where i + 1 == end:
            continued = true
            return end
        default:
            if isDigit(c) {
                var p = i + 1
                while p < end && isDigit(s[p]) { p += 1 }
                if p < end && (s[p] == UInt8(ascii: "<") || s[p] == UInt8(ascii: ">")) { return redirect(i, p, end) }
            }
            return word(i, end)
        }
    }

    /// `fd` starts the token (a file descriptor number or the operator itself), `p` is at `<` or `>`.
    private mutating func redirect(_ fd: Int, _ p: Int, _ end: Int) -> Int {
        if inArithmetic {
            op(p, p + 1)
            return p + 1
        }
        var q = p + 1
        if s[p] == UInt8(ascii: "<") {
            if at(q, end, "<") {
                if at(q + 1, end, "<") {
                    op(fd, q + 2)
                    redirectTarget = true
                    return q + 2
                }
                return heredocMarker(fd, q + 1, end)
            }
            if at(q, end, "&") || at(q, end, ">") { q += 1 }
        } else {
            if at(q, end, ">") || at(q, end, "|") { q += 1 }
            if at(q, end, "&") { q += 1 }
        }
        var target = true
        if s[q - 1] == UInt8(ascii: "&") {
            let d = q
            while q < end && isDigit(s[q]) { q += 1 }
            if q == d && at(q, end, "-") { q += 1 }
            target = q == d
        }
        op(fd, q)
        redirectTarget = target
        return q
    }

    /// `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the body starts on the next line that does not continue this one.
    private mutating func heredocMarker(_ start: Int, _ p: Int, _ end: Int) -> Int {
        var q = p
        let strip = at(q, end, "-")
        if strip { q += 1 }
        op(start, q)
        var r = s.skipBlanks(q, end)
        let wordStart = r
        var delimiter: [UInt8] = []
        while r < end {
            let c = s[r]
            if isBashDelimiter(c) { break }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                let close = s.quotedEnd(r, end, quote: c, backslash: false)
                let inner = close > r + 1 && s[close - 1] == c ? close - 1 : close
                delimiter += s[(r + 1)..<max(r + 1, inner)]
                r = close
            } else if c == UInt8(ascii: "\\") {
                let e = s.escapeEnd(r, end)
                delimiter += s[min(r + 1, e)..<e]
                r = e
            } else {
                delimiter.append(c)
                r += 1
            }
        }
        guard r > wordStart else { return q }
        w.span(.string, wordStart, r)
        if !delimiter.isEmpty { newHeredocs.append(Heredoc(delimiter: delimiter, stripTabs: strip)) }
        return r
    }
}

/// Bytes that end a shell word.
@inline(__always) func isBashDelimiter(_ b: UInt8) -> Bool {
    switch b {
    case 0x20, 0x09, UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "("), UInt8(ascii: ")"):
        return true
    default: return false
    }
}
