// cmark-gfm 0.29's table extension appends each cell to a linked list by walking it to the
// end, so parsing a row is quadratic in its columns (16,000 columns: 20 s, the CLI too). No
// real table has hundreds of columns; one that does is not parsed as a table but shown as
// its source text, with a warning at its line.

enum WideTableGuard {
    static let maxColumns = 256

    /// The note's text with every over-wide table's delimiter row (`|---|---|…`) escaped so
    /// the table extension never starts on it, and the 1-based lines of those rows.
    /// The text keeps its line count; only the escaped line gains one byte.
    static func defuse(_ markdown: String) -> (text: String, delimiterLines: [Int]) {
        var lines: [Int] = []
        var lineNumber = 0
        var wide: [(start: String.UTF8View.Index, line: Int)] = []
        let utf8 = markdown.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        func check(_ end: String.UTF8View.Index) {
            lineNumber += 1
            if let first = delimiterRowStart(utf8[lineStart..<end]) { wide.append((first, lineNumber)) }
        }
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                check(index)
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        check(utf8.endIndex)
        guard !wide.isEmpty else { return (markdown, []) }
        var out = ""
        out.reserveCapacity(markdown.utf8.count + wide.count)
        var copied = utf8.startIndex
        for (start, line) in wide {
            out += String(decoding: utf8[copied..<start], as: UTF8.self)
            out += "\\"
            copied = start
            lines.append(line)
        }
        out += String(decoding: utf8[copied...], as: UTF8.self)
        return (out, lines)
    }

    /// Where a delimiter row with more than `maxColumns` cells starts (after indentation and
    /// container markers), or nil. A delimiter row holds only `|`, `-`, `:` and blanks.
    private static func delimiterRowStart(_ line: Substring.UTF8View) -> String.UTF8View.Index? {
        var pipes = 0
        var dashes = false
        var first: String.UTF8View.Index?
        var lastMark: UInt8 = 0
        var index = line.startIndex
        while index < line.endIndex {
            let b = line[index]
            switch b {
            case UInt8(ascii: " "), 0x09, 0x0D:
                break
            case UInt8(ascii: ">") where first == nil:
                break
            case UInt8(ascii: "|"):
                pipes += 1
                if first == nil { first = index }
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if b == UInt8(ascii: "-") { dashes = true }
                if first == nil { first = index }
            default:
                return nil
            }
            if b != UInt8(ascii: " ") && b != 0x09 && b != 0x0D && b != UInt8(ascii: ">") { lastMark = b }
            index = line.index(after: index)
        }
        guard dashes, let first else { return nil }
        // `|a|b|` has three pipes and two columns; `a|b` one pipe and two.
        let columns = pipes + 1 - (line[first] == UInt8(ascii: "|") ? 1 : 0) - (lastMark == UInt8(ascii: "|") ? 1 : 0)
        return columns > maxColumns ? first : nil
    }
}
