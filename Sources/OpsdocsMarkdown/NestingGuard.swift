// cmark-gfm 0.29 needs super-linear time on some deeply nested input (e.g. 50,000 `>` followed
// by a line of `[`: minutes). No real note nests containers 100 deep, so such a note is refused
// before parsing instead of hanging the build.

enum NestingGuard {
    static let maxDepth = 100

    /// A message when some line opens more than `maxDepth` block quotes or list levels.
    static func refusal(for markdown: String) -> String? {
        var line = 1
        var depth = 0
        var atLineStart = true
        var indent = 0
        for byte in markdown.utf8 {
            if byte == 0x0A {
                line += 1
                depth = 0
                indent = 0
                atLineStart = true
                continue
            }
            guard atLineStart else { continue }
            switch byte {
            case UInt8(ascii: ">"): depth += 1
            case UInt8(ascii: " "): indent += 1
            case UInt8(ascii: "\t"): indent += 4
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"): depth += 1
            default: atLineStart = false
            }
            if depth > maxDepth || indent / 2 > maxDepth * 2 {
                return "line \(line) nests block quotes or lists more than \(maxDepth) levels deep; note not rendered"
            }
        }
        return nil
    }
}
