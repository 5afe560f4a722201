// CommonMark runs a code fence that is never closed to the end of its container (usually the
// end of the note), which silently turns the rest of the note into code. opsdocs warns at
// the opening fence instead.

enum FenceCheck {
    struct Fence: Sendable {
        /// "`" or "~", and how many opened the block.
        var character: UInt8
        var length: Int
        /// 1-based lines of the block in the parsed text (opening fence to its last line).
        var startLine: Int
        var endLine: Int
    }

    /// True when the block's last line is a closing fence: at least as many of the same
    /// character as opened it, nothing but blanks after (container markers `>` before).
    static func isClosed(_ fence: Fence, lines: [String]) -> Bool {
        guard fence.endLine > fence.startLine, lines.indices.contains(fence.endLine - 1) else { return false }
        return closes(lines[fence.endLine - 1], character: fence.character, length: fence.length)
    }

    /// `line` closes a fence of `length` × `character` (the Shortcodes pass asks too).
    static func closes(_ line: some StringProtocol, character: UInt8, length: Int) -> Bool {
        var bytes = Substring(line).utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }
        var run = 0
        while let first = bytes.first, first == character {
            run += 1
            bytes = bytes.dropFirst()
        }
        return run >= length && bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
