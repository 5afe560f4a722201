// GitHub's alert syntax, `> [!NOTE]` … `> [!CAUTION]`: which markers there are and how each
// callout is labelled. The tree surgery that turns such a block quote into a callout is in
// CmarkDocument (the only code that touches cmark nodes).

import Foundation

enum AlertKind: String, CaseIterable {
    case note, tip, important, warning, caution

    /// The marker as written on the quote's first line: `[!NOTE]` (any case).
    static func parse(_ firstLine: Substring) -> AlertKind? {
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]") else { return nil }
        return AlertKind(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
    }

    var title: String {
        switch self {
        case .note: return "说明"
        case .tip: return "提示"
        case .important: return "重要"
        case .warning: return "警告"
        case .caution: return "危险"
        }
    }

    var openingHTML: String {
        "<div class=\"alert alert-\(rawValue)\" role=\"note\"><p class=\"alert-title\">\(title)</p>"
    }
}
