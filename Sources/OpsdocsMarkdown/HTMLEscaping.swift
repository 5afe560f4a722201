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

    /// The text of HTML this module wrote (highlighted code): tags dropped, the five escapes
    /// decoded, on Unicode scalars — `&quot;` before a combining mark is one Character. For
    /// checking that highlighting never changes the text (tests, the highlighter fuzz target).
    static func text(ofMarkup html: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        let entities: [([Unicode.Scalar], Unicode.Scalar)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
                                                               ("&amp;", "&")].map { (Array($0.0.unicodeScalars), $0.1) }
        var i = 0
        var inTag = false
        scan: while i < scalars.count {
            let c = scalars[i]
            if inTag { if c == ">" { inTag = false }; i += 1; continue }
            if c == "<" { inTag = true; i += 1; continue }
            if c == "&" {
                for (entity, value) in entities where i + entity.count <= scalars.count
                    && Array(scalars[i..<(i + entity.count)]) == entity
                {
                    out.append(value)
                    i += entity.count
                    continue scan
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
