// GitHub's heading ids (github-slugger): lower-case, letters/digits/marks of any script kept
// (so `## 滚动升级` → `滚动升级`), spaces → `-`, `-` and `_` kept, other punctuation dropped;
// repeats get `-1`, `-2`, …

public struct HeadingIDGenerator: Sendable {
    private var used: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {  // fast path: no Unicode tables for ASCII
                let v = scalar.value
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || v == 0x5F || v == 0x2D {
                    out.unicodeScalars.append(scalar)
                } else if v == 0x20 {
                    out.append("-")
                }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark,
                 .connectorPunctuation:
                out.unicodeScalars.append(scalar)
            case .spaceSeparator:
                out.append("-")
            default:
                if scalar == "-" { out.append("-") } else if scalar == " " { out.append("-") }
            }
        }
        return out
    }

    /// Next unique id for a heading with this text (github-slugger's occurrence counting).
    public mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while used[candidate] != nil {
            let n = (used[base] ?? 0) + 1
            used[base] = n
            candidate = "\(base)-\(n)"
        }
        used[candidate] = 0
        return candidate
    }
}
