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
        let utf8 = markdown.utf8
        // Each line: where it starts and ends, where a delimiter row starts (any width), and its pipes.
        var lines: [(start: String.UTF8View.Index, end: String.UTF8View.Index, delimiter: String.UTF8View.Index?, wide: Bool,
                     pipes: Int)] = []
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        func close(_ end: String.UTF8View.Index) {
            let line = utf8[lineStart..<end]
            let (first, columns) = delimiterRow(line)
            lines.append((lineStart, end, first, columns > maxColumns, line.reduce(0) { $1 == UInt8(ascii: "|") ? $0 + 1 : $0 }))
        }
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                close(index)
                lineStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        close(utf8.endIndex)
        // A table is defused through its delimiter row: when that row is too wide, or when any
        // row under it (up to the next blank line) has more cells than the limit.
        var escape: [Int] = []
        var current: Int?
        for (i, line) in lines.enumerated() {
            if line.start == line.end || utf8[line.start..<line.end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                current = nil
                continue
            }
            if line.delimiter != nil {
                current = i
                if line.wide { escape.append(i) }
            } else if let table = current, line.pipes > maxColumns + 1, escape.last != table {
                escape.append(table)
            }
        }
        guard !escape.isEmpty else { return (markdown, []) }
        var out = ""
        out.reserveCapacity(markdown.utf8.count + escape.count)
        var copied = utf8.startIndex
        var defused: [Int] = []
        for i in escape {
            guard let first = lines[i].delimiter else { continue }
            out += String(decoding: utf8[copied..<first], as: UTF8.self)
            out += "\\"
            copied = first
            defused.append(i + 1)
        }
        out += String(decoding: utf8[copied...], as: UTF8.self)
        return (out, defused)
    }

    /// Where a delimiter row starts (after indentation and container markers) and how many
    /// columns it has; nil when the line is not one. A delimiter row holds only `|`, `-`, `:`, blanks.
    private static func delimiterRow(_ line: Substring.UTF8View) -> (String.UTF8View.Index?, Int) {
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
                return (nil, 0)
            }
            if b != UInt8(ascii: " ") && b != 0x09 && b != 0x0D && b != UInt8(ascii: ">") { lastMark = b }
            index = line.index(after: index)
        }
        guard dashes, let first, pipes > 0 || lastMark == UInt8(ascii: "-") else { return (nil, 0) }
        // `|a|b|` has three pipes and two columns; `a|b` one pipe and two.
        let columns = pipes + 1 - (line[first] == UInt8(ascii: "|") ? 1 : 0) - (lastMark == UInt8(ascii: "|") ? 1 : 0)
        return (pipes > 0 ? first : nil, columns)
    }
}
