// cmark-gfm 0.29 needs super-linear time on some deeply nested input (e.g. 50,000 `>` followed
// by a line of `[`: minutes). No real note nests containers 100 deep, so such a note is refused
// before parsing instead of hanging the build.

enum NestingGuard {
    static let maxDepth = 100

    /// The first line (1-based, in `markdown`) that opens more than `maxDepth` block quotes or
    /// list items, with the message to report there; nil for every real note.
    static func refusal(for markdown: String) -> (line: Int, message: String)? {
        var lineNumber = 0
        for line in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if depth(of: line) > maxDepth {
                return (lineNumber, "this line nests block quotes or lists more than \(maxDepth) levels deep; note not rendered")
            }
        }
        return nil
    }

    /// Container markers at the start of a line: `>`, and `-`, `*`, `+`, `1.` followed by a space.
    private static func depth(of line: Substring.UTF8View.SubSequence) -> Int {
        var depth = 0
        var i = line.startIndex
        func at(_ index: Substring.UTF8View.Index) -> UInt8? { index < line.endIndex ? line[index] : nil }
        while let b = at(i) {
            if b == 0x20 || b == 0x09 { i = line.index(after: i); continue }
            if b == UInt8(ascii: ">") { depth += 1; i = line.index(after: i); continue }
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
                let next = line.index(after: i)
                guard at(next) == 0x20 || at(next) == 0x09 else { break }
                depth += 1
                i = next
                continue
            }
            if b >= 48 && b <= 57 {
                var j = i
                while let d = at(j), d >= 48 && d <= 57 { j = line.index(after: j) }
                guard let mark = at(j), mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else { break }
                let next = line.index(after: j)
                guard at(next) == 0x20 || at(next) == 0x09 else { break }
                depth += 1
                i = next
                continue
            }
            break
        }
        return depth
    }
}
