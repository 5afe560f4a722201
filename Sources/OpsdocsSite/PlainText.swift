// Plain-text helpers for what opsdocs writes itself (summaries); escaping is HTMLEscaping.

enum PlainText {
    /// Shortens plain text to about `limit` characters at a word or CJK boundary;
    /// white space runs become one space.
    static func truncate(_ s: String, limit: Int) -> String {
        var out = ""
        var count = 0
        var pendingSpace = false
        var lastSpaceAt: String.Index?
        for ch in s {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count >= limit {
                if let space = lastSpaceAt, out.distance(from: out.startIndex, to: space) > limit * 2 / 3 {
                    out = String(out[..<space])
                }
                return out + "…"
            }
            if pendingSpace {
                lastSpaceAt = out.endIndex
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(ch)
            count += 1
        }
        return out
    }
}
