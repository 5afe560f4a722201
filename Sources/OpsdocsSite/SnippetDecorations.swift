// Replaces the Markdown stage's per-block markers with what the reader sees above each code
// block: its kind, a verification badge (✓ / ⚠ / ✗ with the findings on expand) and a
// link to its snippet file.

import OpsdocsConfig
import OpsdocsMarkdown
import OpsdocsSnippets

enum SnippetDecorations {
    static func html(for snippet: Snippet, basePath: String, strings: UIStrings) -> String {
        // The copy button copies exactly the snippet's script (theme.js reads `data-script`):
        // the same prompts stripped, output dropped and heredocs kept as the snippet file.
        let script = snippet.kind.isShell ? snippet.script.map { " data-script=\"\(HTMLEscaping.escape($0))\"" } ?? "" : ""
        var parts = "<div class=\"code-meta\"\(script)><span class=\"code-kind\">\(snippet.kind.rawValue)</span>"
        let tools = snippet.verifiedBy.joined(separator: ", ")
        switch snippet.status {
        case .ok:
            parts += "<span class=\"badge ok\" title=\"\(HTMLEscaping.escape(tools)): \(HTMLEscaping.escape(strings["noProblems"]))\">"
                + "✓ \(HTMLEscaping.escape(tools))</span>"
        case .warning, .error:
            let mark = snippet.status == .error ? "✗" : "⚠"
            // Each finding once (shellcheck reports `{{` as two findings a column apart), at its line
            // in the block and in the note.
            var seen = Set<String>()
            let findings = snippet.findings.filter { seen.insert("\($0.line) \($0.tool) \($0.message)").inserted }
            let items = findings.map { finding in
                let fileLine = snippet.fileLine(ofScriptLine: finding.line)  // (the fence is the block's line 0)
                let line = strings.format("blockLine", ["line": String(max(1, fileLine - snippet.line)), "fileLine": String(fileLine)])
                return "<li>\(HTMLEscaping.escape(line)) · \(HTMLEscaping.escape(finding.tool)): "
                    + "\(HTMLEscaping.escape(finding.message))</li>"
            }.joined()
            parts += "<details class=\"badge \(snippet.status.rawValue)\"><summary>\(mark) \(findings.count)</summary>"
                + "<ul>\(items)</ul></details>"
        case .template:
            parts += "<span class=\"badge note\" title=\"\(HTMLEscaping.escape(strings["templateTitle"]))\">"
                + "\(HTMLEscaping.escape(strings["templateBadge"]))</span>"
        case .skipped, .unverified:
            break
        }
        if !snippet.placeholders.isEmpty {
            let title = strings.format("fillInTitle", ["list": snippet.placeholders.joined(separator: " ")])
            parts += "<span class=\"badge note\" title=\"\(HTMLEscaping.escape(title))\">\(HTMLEscaping.escape(strings["fillIn"]))</span>"
        }
        if let file = snippet.file {
            parts += "<a class=\"snippet-link\" href=\"\(HTMLEscaping.escape(basePath + file))\">\(HTMLEscaping.escape(strings["snippetFile"]))</a>"
        }
        return parts + "</div>"
    }

    /// Swaps every `<!--opsdocs-code:N-->` in a page for block N's decoration (one byte scan).
    static func apply(to page: String, snippets: [Int: Snippet], basePath: String, strings: UIStrings) -> String {
        let marker = Array(MarkdownRenderer.codeMarkerPrefix.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(page.utf8.count + snippets.count * 240)
        var bytes = Array(page.utf8)
        bytes.withUnsafeMutableBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] == UInt8(ascii: "<"), i + marker.count < n, bytes[i..<(i + marker.count)].elementsEqual(marker) {
                    var j = i + marker.count
                    var index = 0
                    while j < n, bytes[j] >= 48, bytes[j] <= 57 { index = index * 10 + Int(bytes[j] - 48); j += 1 }
                    if j + 3 <= n, bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-"), bytes[j + 2] == UInt8(ascii: ">") {
                        if let snippet = snippets[index] { out.append(contentsOf: html(for: snippet, basePath: basePath, strings: strings).utf8) }
                        i = j + 3
                        continue
                    }
                }
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
