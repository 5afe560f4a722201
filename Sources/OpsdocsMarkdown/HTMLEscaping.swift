// Escaping for text written into HTML or XML by hand (attributes, feeds, redirects).
// One implementation for every stage that writes markup.

public enum HTMLEscaping {
    /// Escapes `& < > " '` so the text is safe in element content and quoted attributes.
    public static func escape(_ s: String) -> String {
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
}
