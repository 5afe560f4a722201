// The output side shared by every tokenizer: escaping, span nesting, and the guarantee that the
// highlighted HTML holds exactly the input text, with no empty span and no span crossing a newline.

/// CSS classes the theme styles (`hl-` + the case name).
enum TokenKind {
    case comment, string, number, keyword, builtin, command, option, variable, `operator`, key, section
    case punct, prompt, output, heredoc, inserted, deleted, hunk, meta, instruction, type, function, literal

    /// Static text, so writing a tag is a memcpy without reference counting.
    fileprivate var openTag: StaticString {
        switch self {
        case .comment: "<span class=\"hl-comment\">"
        case .string: "<span class=\"hl-string\">"
        case .number: "<span class=\"hl-number\">"
        case .keyword: "<span class=\"hl-keyword\">"
        case .builtin: "<span class=\"hl-builtin\">"
        case .command: "<span class=\"hl-command\">"
        case .option: "<span class=\"hl-option\">"
        case .variable: "<span class=\"hl-variable\">"
        case .operator: "<span class=\"hl-operator\">"
        case .key: "<span class=\"hl-key\">"
        case .section: "<span class=\"hl-section\">"
        case .punct: "<span class=\"hl-punct\">"
        case .prompt: "<span class=\"hl-prompt\">"
        case .output: "<span class=\"hl-output\">"
        case .heredoc: "<span class=\"hl-heredoc\">"
        case .inserted: "<span class=\"hl-inserted\">"
        case .deleted: "<span class=\"hl-deleted\">"
        case .hunk: "<span class=\"hl-hunk\">"
        case .meta: "<span class=\"hl-meta\">"
        case .instruction: "<span class=\"hl-instruction\">"
        case .type: "<span class=\"hl-type\">"
        case .function: "<span class=\"hl-function\">"
        case .literal: "<span class=\"hl-literal\">"
        }
    }
}

/// Tokenizers never copy text themselves: they only say "up to here is plain" or "up to here is a
/// token of this kind". The writer moves forward only, so no byte can be dropped or written twice
/// whatever a tokenizer gets wrong, and round-tripping holds by construction.
struct HighlightWriter {
    let src: [UInt8]
    private(set) var pos = 0
    private var out: [UInt8] = []
    private var stack: [TokenKind] = []
    /// How many of `stack` have their opening tag written; opening lazily is what keeps spans non-empty.
    private var written = 0

    init(_ src: [UInt8]) {
        self.src = src
        out.reserveCapacity(src.count * 2 + 64)
    }

    mutating func open(_ kind: TokenKind) { stack.append(kind) }

    mutating func close() {
        guard !stack.isEmpty else { return }
        if written == stack.count {
            append("</span>")
            written -= 1
        }
        stack.removeLast()
    }

    /// Writes the input up to `end` inside whatever spans are open.
    mutating func text(to end: Int) {
        let end = min(end, src.count)
        guard end > pos else { return }
        var i = pos
        var run = i
        let src = src
        while i < end {
            // Every byte needing care is at most `>`; letters and UTF-8 bytes take the fast path.
            i = src.withUnsafeBufferPointer { buffer in
                var k = i
                while k < end && buffer[k] > 0x3E { k += 1 }
                return k
            }
            guard i < end else { break }
            let b = src[i]
            let entity: StaticString
            switch b {
            case 0x0A, 0x0D:
                if b == 0x0D && !(i + 1 < src.count && src[i + 1] == 0x0A) { i += 1; continue }
                flush(run, i)
                while written > 0 {
                    append("</span>")
                    written -= 1
                }
                out.append(b)
                i += 1
                run = i
                continue
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: i += 1; continue
            }
            flush(run, i)
            if written < stack.count { openPending() }
            append(entity)
            i += 1
            run = i
        }
        flush(run, end)
        pos = end
    }

    private mutating func flush(_ a: Int, _ b: Int) {
        guard b > a else { return }
        if written < stack.count { openPending() }
        let src = src
        src.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[a..<b])) }
    }

    private mutating func append(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// `start..<end` as one token; the gap before it is written at the current nesting.
    mutating func span(_ kind: TokenKind, _ start: Int, _ end: Int) {
        text(to: start)
        guard end > pos else { return }
        open(kind)
        text(to: end)
        close()
    }

    mutating func finish() -> String {
        text(to: src.count)
        while !stack.isEmpty { close() }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func openPending() {
        while written < stack.count {
            append(stack[written].openTag)
            written += 1
        }
    }
}

// MARK: - Byte classes and scanning shared by the tokenizers

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
@inline(__always) func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
@inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
@inline(__always) func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
/// Letters, `_` and any non-ASCII byte, so multi-byte characters stay inside one identifier.
@inline(__always) func isIdentStart(_ b: UInt8) -> Bool { isLetter(b) || b == 0x5F || b >= 0x80 }
@inline(__always) func isIdentChar(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }

extension [UInt8] {
    /// Index of the next `\n` at or after `i`, or `count`.
    func lineEnd(from i: Int) -> Int {
        var p = i
        while p < count && self[p] != 0x0A { p += 1 }
        return p
    }

    /// The end of a line's content: before a CRLF's `\r`, so line-based rules see the same text on every platform.
    func contentEnd(_ start: Int, _ lineEnd: Int) -> Int {
        lineEnd > start && self[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
    }

    func skipBlanks(_ i: Int, _ end: Int) -> Int {
        var p = i
        while p < end && isBlank(self[p]) { p += 1 }
        return p
    }

    func trimBlanksBack(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start && isBlank(self[e - 1]) { e -= 1 }
        return e
    }

    func identEnd(_ i: Int, _ end: Int) -> Int {
        var p = i
        while p < end && isIdentChar(self[p]) { p += 1 }
        return p
    }

    /// After a backslash at `i`: past the escaped character, whole if it is multi-byte.
    func escapeEnd(_ i: Int, _ end: Int) -> Int {
        var p = i + 2
        while p < end && self[p] & 0xC0 == 0x80 { p += 1 }
        return Swift.min(p, end)
    }

    /// End of a one-line quoted string opened at `i`; an unterminated one stops at the line end (or `end`).
    func quotedEnd(_ i: Int, _ end: Int, quote: UInt8, backslash: Bool) -> Int {
        var p = i + 1
        while p < end {
            let b = self[p]
            if b == quote { return p + 1 }
            if b == 0x0A { return p }
            if backslash && b == 0x5C {
                if p + 1 < end && self[p + 1] == 0x0A { return p + 1 }
                p = escapeEnd(p, end)
            } else {
                p += 1
            }
        }
        return end
    }

    /// End of a C-family number literal starting at `i` (hex/octal/binary, `_`, fraction, exponent).
    func numberEnd(_ i: Int, _ end: Int) -> Int {
        var p = i
        if p + 1 < end && self[p] == 0x30, case let x = self[p + 1] | 0x20, x == 0x78 || x == 0x6F || x == 0x62 {
            p += 2
            while p < end && (isHexDigit(self[p]) || self[p] == 0x5F) { p += 1 }
            return p
        }
        while p < end && (isDigit(self[p]) || self[p] == 0x5F) { p += 1 }
        if p + 1 < end && self[p] == 0x2E && isDigit(self[p + 1]) {
            p += 1
            while p < end && (isDigit(self[p]) || self[p] == 0x5F) { p += 1 }
        }
        if p < end && self[p] | 0x20 == 0x65 {
            var q = p + 1
            if q < end && (self[q] == 0x2B || self[q] == 0x2D) { q += 1 }
            if q < end && isDigit(self[q]) {
                p = q
                while p < end && isDigit(self[p]) { p += 1 }
            }
        }
        return p
    }

    /// Short ASCII slices as a String for keyword lookups; long ones can be no keyword, so skip the copy.
    func word(_ start: Int, _ end: Int, lowercased: Bool = false) -> String? {
        guard end > start && end - start <= 24 else { return nil }
        if lowercased {
            return String(unsafeUninitializedCapacity: end - start) { buffer in
                for k in start..<end {
                    let b = self[k]
                    buffer[k - start] = isLetter(b) ? b | 0x20 : b
                }
                return end - start
            }
        }
        return String(decoding: self[start..<end], as: UTF8.self)
    }

    func hasPrefix(_ prefix: StaticString, at i: Int, _ end: Int) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= end else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where self[i + k] != p[k] { return false }
        return true
    }
}

/// Visits each line as (start, content end without `\r`, index after the `\n`).
@inline(__always) func forEachLine(_ s: [UInt8], _ body: (Int, Int) -> Void) {
    var a = 0
    while a <= s.count {
        let le = s.lineEnd(from: a)
        body(a, s.contentEnd(a, le))
        if le >= s.count { break }
        a = le + 1
    }
}
