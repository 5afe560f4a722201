// Escaping for text opsdocs writes into HTML and XML itself (feeds, redirects);
// templates escape through Mustache.

enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Shortens plain text to about `limit` characters at a word or CJK boundary.
    static func truncate(_ s: String, limit: Int) -> String {
        let collapsed = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        var cut = String(collapsed.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit * 2 / 3 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }
}
