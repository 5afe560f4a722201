// GitHub's alert syntax, `> [!NOTE]` … `> [!CAUTION]`: which markers there are and how each
// callout is labelled. The tree surgery that turns such a block quote into a callout is in
// CmarkDocument (the only code that touches cmark nodes).

import Foundation
import OpsdocsConfig

enum AlertKind: String, CaseIterable {
    case note, tip, important, warning, caution

    /// The marker as written on the quote's first line, `[!NOTE]` (any case), and the title
    /// written after it, if any (`[!NOTE] Karmada 名称的由来`, as Obsidian has it; what a Hugo
    /// callout's title becomes).
    static func parse(_ firstLine: Substring) -> (AlertKind, title: String?)? {
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("[!"), let close = trimmed.firstIndex(of: "]"),
              let kind = AlertKind(rawValue: trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close].lowercased())
        else { return nil }
        let title = trimmed[trimmed.index(after: close)...].trimmingCharacters(in: .whitespaces)
        return (kind, title.isEmpty ? nil : title)
    }

    /// The callout's label in the page's language (说明 / Note …).
    func title(_ strings: UIStrings) -> String {
        strings["alert" + rawValue.prefix(1).uppercased() + rawValue.dropFirst()]
    }

    func openingHTML(title custom: String? = nil, strings: UIStrings = UIStrings(language: "zh")) -> String {
        "<div class=\"alert alert-\(rawValue)\" role=\"note\"><p class=\"alert-title\">"
            + "\(HTMLEscaping.escape(custom ?? title(strings)))</p>"
    }
}
