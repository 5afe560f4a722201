// Notes written for Hugo carry shortcodes (`{{< callout note "注意" >}}…{{< /callout >}}`,
// `{{< table title="…" >}}`, `{{< section-toc >}}`) and Pandoc image sizes (`{width=1920
// height=566}`). Before cmark sees a note they are rewritten into the Markdown opsdocs renders,
// line for line (every line keeps its number, so diagnostics and snippet lines stay true):
// callouts become `> [!NOTE] title` quotes (Alerts), wrappers give up their inner Markdown,
// `ref`/`relref` become the path they name, `figure` an image, `section-toc` a marker the
// site stage fills with the folder's pages. A shortcode the theme defines
// (`theme/shortcodes/NAME.mustache`, listed in `MarkdownOptions.userShortcodes`) becomes an
// HTML comment marker (`<!--opsdocs-shortcode:N-->`, and `…-end:N-->` after a paired one's
// inner Markdown; inside a line `<opsdocs-shortcode-N/>`) that the site stage replaces with the template's output. An unknown
// shortcode is a warning at its line and its inner content is rendered. Nothing inside code
// (fences or backticks) is touched.

import Foundation

enum Shortcodes {
    /// Replaced by the site stage with the list of the folder's pages.
    static let sectionTOCMarker = "<!--opsdocs-section-toc-->"
    /// The paragraph the rewritten text carries where a `section-toc` was (CmarkDocument turns
    /// it into `sectionTOCMarker`).
    static let sectionTOCPlaceholder = "opsdocs-section-toc-7d1f"

    /// Where a theme's shortcode was called (N is the call's index in `RenderedMarkdown.shortcodeCalls`).
    static func marker(_ index: Int) -> String { "<!--opsdocs-shortcode:\(index)-->" }
    /// After a paired call's inner Markdown.
    static func endMarker(_ index: Int) -> String { "<!--opsdocs-shortcode-end:\(index)-->" }
    /// Where a theme's shortcode was called inside a line: a tag, not a comment, because a
    /// line that starts with `<!--` would be an HTML block swallowing the rest of the line.
    static func inlineMarker(_ index: Int) -> String { "<opsdocs-shortcode-\(index)/>" }

    /// What `rewrite` made of a note.
    struct Rewrite {
        var text: String
        /// A warning per shortcode opsdocs does not know (1-based lines of the note).
        var notices: [(line: Int, column: Int, message: String)] = []
        /// Whether it holds a `section-toc` placeholder.
        var sectionTOC = false
        /// The theme's shortcodes called, in order; their markers are on the calls' lines.
        var calls: [ShortcodeCall] = []
    }

    /// The note rewritten line for line; `user` names the theme's shortcodes.
    static func rewrite(_ markdown: String, user: Set<String> = []) -> Rewrite {
        guard mayHoldAny(markdown) else { return Rewrite(text: markdown) }
        var sectionTOC = false
        var calls: [ShortcodeCall] = []
        // (on bytes: a Character split would keep `\r\n` lines together)
        var lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var notices: [(line: Int, column: Int, message: String)] = []
        var fence: (character: Character, length: Int)?
        // Open paired shortcodes: callouts quote the lines inside them; a theme's is closed by its end marker.
        var open: [(name: String, quotes: Bool, call: Int?)] = []
        let closers = Set(allClosingNames(lines))
        for index in lines.indices {
            let line = lines[index]
            let quote = String(repeating: "> ", count: open.filter(\.quotes).count)
            if let current = fence {
                if let mark = current.character.asciiValue, FenceCheck.closes(line, character: mark, length: current.length) {
                    fence = nil
                }
                lines[index] = quote.isEmpty ? line : quote + line
                continue
            }
            if let opening = fenceOpening(line) {
                fence = opening
                lines[index] = quote.isEmpty ? line : quote + line
                continue
            }
            // (most lines have no brace at all: one byte scan)
            let hasBrace = line.utf8.contains(UInt8(ascii: "{"))
            let found = hasBrace ? shortcodes(in: line) : []
            guard !found.isEmpty else {
                guard hasBrace else {
                    lines[index] = quote.isEmpty ? line : (line.isEmpty ? ">" : quote + line)
                    continue
                }
                let cleaned = withoutImageSizes(line)
                lines[index] = quote.isEmpty ? cleaned : (cleaned.isEmpty ? ">" : quote + cleaned)
                continue
            }
            // A line that is one shortcode alone: the block-level forms.
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)  // (`\r` of a CRLF note too)
            if found.count == 1, let only = found.first, trimmed == String(line[only.range]) {
                let code = only.code
                if code.isClosing {
                    let closed = open.lastIndex(where: { $0.name == code.name })
                    let call = closed.flatMap { open[$0].call }
                    if let closed { open.removeSubrange(closed...) }
                    let outer = String(repeating: "> ", count: open.filter(\.quotes).count)
                    if let call { calls[call].endLine = index + 1 }
                    lines[index] = call.map { outer + endMarker($0) } ?? outer.trimmingCharacters(in: .whitespaces)
                    continue
                }
                if user.contains(code.name) {
                    // (an HTML comment alone on its line is an HTML block of its own: the inner
                    // Markdown after it is rendered as blocks of its own)
                    calls.append(ShortcodeCall(code, line: index + 1, paired: closers.contains(code.name)))
                    if closers.contains(code.name) { open.append((code.name, false, calls.count - 1)) }
                    lines[index] = quote + marker(calls.count - 1)
                    continue
                }
                if let kind = calloutKind(code) {
                    // (`callout note "标题"`: type then title; `note "标题"`: the title alone)
                    let typed = ["callout", "notice", "alert", "admonition", "hint"].contains(code.name)
                    let title = code.named["title"] ?? (typed ? code.positional.dropFirst().first : code.positional.first) ?? ""
                    lines[index] = quote + "> [!\(kind)]" + (title.isEmpty ? "" : " " + title)
                    if closers.contains(code.name) { open.append((code.name, true, nil)) }
                    continue
                }
                if code.name == "section-toc" {
                    lines[index] = quote + sectionTOCPlaceholder
                    sectionTOC = true
                    continue
                }
                if closers.contains(code.name) {
                    // `table`, `tabs`, `details` …: the inner Markdown; a title as its caption.
                    if !wrappers.contains(code.name) {
                        notices.append((index + 1, column(of: only.range.lowerBound, in: line),
                                        "unknown shortcode `\(code.name)`: its content is shown without it"
                                            + " (theme/shortcodes/\(code.name).mustache would render it)"))
                    }
                    open.append((code.name, false, nil))
                    let caption = code.named["title"] ?? code.named["summary"] ?? code.named["name"] ?? ""
                    let alone = (index == 0 || lines[index - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                        && (index + 1 == lines.count || lines[index + 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                    lines[index] = quote + (alone && !caption.isEmpty ? "**" + escapedInline(caption) + "**" : "")
                    continue
                }
            }
            // Inline forms, right to left so the ranges stay valid (calls numbered left to right).
            var rewritten = line
            let firstCall = calls.count
            let userCalls = found.filter { user.contains($0.code.name) && !$0.code.isClosing }
            calls += userCalls.map { ShortcodeCall($0.code, line: index + 1, paired: false) }
            var userCallIndex = firstCall + userCalls.count
            for found in found.reversed() {
                let replacement: String
                let code = found.code
                if user.contains(code.name) {
                    if !code.isClosing { userCallIndex -= 1 }
                    rewritten.replaceSubrange(found.range, with: code.isClosing ? "" : inlineMarker(userCallIndex))
                    continue
                }
                switch code.name {
                case "ref", "relref":
                    replacement = code.positional.first ?? code.named["path"] ?? ""
                case "figure":
                    let source = code.named["src"] ?? ""
                    let alt = code.named["alt"] ?? code.named["caption"] ?? code.named["title"] ?? ""
                    let caption = code.named["caption"] ?? code.named["title"]
                    replacement = "![\(escapedInline(alt))](\(source))" + (caption.map { " *\(escapedInline($0))*" } ?? "")
                default:
                    if calloutKind(code) == nil, !wrappers.contains(code.name), code.name != "section-toc" {
                        notices.append((index + 1, column(of: found.range.lowerBound, in: line),
                                        "unknown shortcode `\(code.name)`: left out (theme/shortcodes/\(code.name).mustache would render it)"))
                    }
                    replacement = ""
                }
                rewritten.replaceSubrange(found.range, with: replacement)
            }
            let cleaned = withoutImageSizes(rewritten)
            lines[index] = quote.isEmpty ? cleaned : (cleaned.isEmpty ? ">" : quote + cleaned)
        }
        return Rewrite(text: lines.joined(separator: "\n"), notices: notices, sectionTOC: sectionTOC, calls: calls)
    }

    /// `{{<`, `{{%`, `{width=` or `{height=` somewhere: one byte scan (most notes have none,
    /// and String.contains is ten times slower over a whole note).
    static func mayHoldAny(_ markdown: String) -> Bool {
        var text = markdown
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i + 2 < n {
                if bytes[i] == UInt8(ascii: "{") {
                    let next = bytes[i + 1]
                    if next == UInt8(ascii: "{"), bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%") { return true }
                    for word in ["width=", "height="] where i + 1 + word.utf8.count <= n {
                        if zip(word.utf8, bytes[(i + 1)...]).allSatisfy({ $0 == $1 }) { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// Paired shortcodes that only wrap Markdown (Hugo themes' `table`, Docsy's `tabpane`…).
    private static let wrappers: Set<String> = [
        "table", "tabs", "tab", "tabpane", "details", "expand", "collapse", "center", "columns", "column", "cards",
        "card", "blocks/section", "highlight",
    ]

    /// The alert a callout-like shortcode becomes, or nil for any other shortcode.
    static func calloutKind(_ code: Shortcode) -> String? {
        guard ["callout", "notice", "alert", "admonition", "hint", "note", "tip", "warning", "info", "caution", "danger",
               "important"].contains(code.name) else { return nil }
        let type = (code.named["type"] ?? code.named["color"] ?? code.named["context"]
            ?? (["callout", "notice", "alert", "admonition", "hint"].contains(code.name) ? code.positional.first : code.name)
            ?? "note").lowercased()
        switch type {
        case "tip", "success", "hint", "example": return "TIP"
        case "important", "primary": return "IMPORTANT"
        case "warning", "warn", "attention": return "WARNING"
        case "danger", "caution", "error", "failure", "bug": return "CAUTION"
        default: return "NOTE"
        }
    }

    struct Shortcode: Equatable {
        var name: String
        var isClosing: Bool
        var positional: [String]
        var named: [String: String]
    }

    /// Every shortcode on a line outside inline code, in order.
    static func shortcodes(in line: String) -> [(range: Range<String.Index>, code: Shortcode)] {
        var found: [(Range<String.Index>, Shortcode)] = []
        let code = codeSpans(line)
        var search = line.startIndex
        while let open = line.range(of: "{{", range: search..<line.endIndex) {
            guard let marker = line[open.upperBound...].first, marker == "<" || marker == "%" else {
                search = open.upperBound
                continue
            }
            let bodyStart = line.index(after: open.upperBound)
            guard let close = line.range(of: marker == "<" ? ">}}" : "%}}", range: bodyStart..<line.endIndex) else { break }
            let range = open.lowerBound..<close.upperBound
            search = close.upperBound
            if code.contains(where: { $0.overlaps(range) }) { continue }
            if let parsed = parse(line[bodyStart..<close.lowerBound]) { found.append((range, parsed)) }
        }
        return found
    }

    /// `/callout`, `callout note "标题"`, `table title="对比"`.
    static func parse(_ body: Substring) -> Shortcode? {
        var rest = body.drop { $0 == " " || $0 == "\t" }
        var closing = false
        if rest.first == "/" {
            closing = true
            rest = rest.dropFirst().drop { $0 == " " }
        }
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "/" }
        guard !name.isEmpty else { return nil }
        rest = rest.dropFirst(name.count)
        var positional: [String] = [], named: [String: String] = [:]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { break }
            var key: String?
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            if !word.isEmpty, rest.dropFirst(word.count).first == "=" {
                key = String(word)
                rest = rest.dropFirst(word.count + 1)
            }
            let value: String
            if let quote = rest.first, quote == "\"" || quote == "'" || quote == "`" {
                let inner = rest.dropFirst()
                let text = inner.prefix { $0 != quote }
                value = String(text)
                rest = inner.dropFirst(text.count).dropFirst()
            } else {
                let text = rest.prefix { $0 != " " && $0 != "\t" }
                value = String(text)
                rest = rest.dropFirst(text.count)
            }
            if let key { named[key.lowercased()] = value } else { positional.append(value) }
        }
        return Shortcode(name: String(name).lowercased(), isClosing: closing, positional: positional, named: named)
    }

    /// Names that are closed somewhere in the note: the paired shortcodes.
    private static func allClosingNames(_ lines: [String]) -> [String] {
        lines.flatMap { line in
            line.utf8.contains(UInt8(ascii: "{")) ? shortcodes(in: line).filter(\.code.isClosing).map(\.code.name) : []
        }
    }

    /// Ranges of inline code on a line (backtick runs of equal length).
    private static func codeSpans(_ line: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var i = line.startIndex
        while let start = line[i...].firstIndex(of: "`") {
            let run = line[start...].prefix { $0 == "`" }
            let after = run.endIndex
            guard let close = line.range(of: String(run), range: after..<line.endIndex) else { break }
            spans.append(start..<close.upperBound)
            i = close.upperBound
        }
        return spans
    }

    /// `![图](a.png){width=1920 height=566}` → `![图](a.png)`; only outside inline code.
    static func withoutImageSizes(_ line: String) -> String {
        guard line.contains("{width=") || line.contains("{height=") else { return line }
        var out = line
        let code = codeSpans(line)
        var ranges: [Range<String.Index>] = []
        var search = line.startIndex
        while let open = line.range(of: "{", range: search..<line.endIndex) {
            let rest = line[open.upperBound...]
            guard rest.hasPrefix("width=") || rest.hasPrefix("height="), let close = rest.firstIndex(of: "}") else {
                search = open.upperBound
                continue
            }
            let range = open.lowerBound..<line.index(after: close)
            if !code.contains(where: { $0.overlaps(range) }) { ranges.append(range) }
            search = range.upperBound
        }
        for range in ranges.reversed() { out.removeSubrange(range) }
        return out
    }

    /// A fence's opening line (up to three spaces, then three or more backticks or tildes).
    /// On bytes: every line of a note with a shortcode passes here.
    private static func fenceOpening(_ line: String) -> (character: Character, length: Int)? {
        let bytes = line.utf8
        var i = bytes.startIndex, indent = 0
        while i != bytes.endIndex, bytes[i] == UInt8(ascii: " ") { indent += 1; i = bytes.index(after: i) }
        guard indent <= 3, i != bytes.endIndex, bytes[i] == UInt8(ascii: "`") || bytes[i] == UInt8(ascii: "~") else { return nil }
        let mark = bytes[i]
        var run = 0
        while i != bytes.endIndex, bytes[i] == mark { run += 1; i = bytes.index(after: i) }
        guard run >= 3 else { return nil }
        if mark == UInt8(ascii: "`"), bytes[i...].contains(UInt8(ascii: "`")) { return nil }
        return (Character(Unicode.Scalar(mark)), run)
    }

    /// 1-based character column of `index` in `line`.
    private static func column(of index: String.Index, in line: String) -> Int { line.distance(from: line.startIndex, to: index) + 1 }

    /// A title inside `**…**` or `*…*`: asterisks, underscores and brackets kept as text.
    private static func escapedInline(_ text: String) -> String {
        var out = ""
        for character in text {
            if "*_[]\\`<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
