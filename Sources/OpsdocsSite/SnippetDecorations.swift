// Replaces the Markdown stage's per-block markers with what the reader sees above each code
// block: its kind, a verification badge (✓ / ⚠ / ✗ with the findings on expand) and a
// link to its snippet file.

import OpsdocsMarkdown
import OpsdocsSnippets

enum SnippetDecorations {
    static func html(for snippet: Snippet, basePath: String) -> String {
        var parts = "<div class=\"code-meta\"><span class=\"code-kind\">\(snippet.kind.rawValue)</span>"
        let tools = snippet.verifiedBy.joined(separator: ", ")
        switch snippet.status {
        case .ok:
            parts += "<span class=\"badge ok\" title=\"\(HTMLEscaping.escape(tools)): no problems\">✓ \(HTMLEscaping.escape(tools))</span>"
        case .warning, .error:
            let mark = snippet.status == .error ? "✗" : "⚠"
            let items = snippet.findings.map { finding in
                "<li>第 \(snippet.fileLine(ofScriptLine: finding.line)) 行 · \(HTMLEscaping.escape(finding.tool)): "
                    + "\(HTMLEscaping.escape(finding.message))</li>"
            }.joined()
            parts += "<details class=\"badge \(snippet.status.rawValue)\"><summary>\(mark) \(snippet.findings.count)</summary>"
                + "<ul>\(items)</ul></details>"
        case .template:
            parts += "<span class=\"badge note\" title=\"模板语法，未提取\">模板</span>"
        case .skipped, .unverified:
            break
        }
        if !snippet.placeholders.isEmpty {
            parts += "<span class=\"badge note\" title=\"运行前需替换：\(HTMLEscaping.escape(snippet.placeholders.joined(separator: " ")))\">需填写</span>"
        }
        if let file = snippet.file {
            parts += "<a class=\"snippet-link\" href=\"\(HTMLEscaping.escape(basePath + file))\">片段文件</a>"
        }
        return parts + "</div>"
    }

    /// Swaps every `<!--opsdocs-code:N-->` in a page for block N's decoration.
    static func apply(to page: String, snippets: [Int: Snippet], basePath: String) -> String {
        let prefix = MarkdownRenderer.codeMarkerPrefix
        guard page.contains(prefix) else { return page }
        var out = ""
        out.reserveCapacity(page.utf8.count + snippets.count * 200)
        var rest = page[...]
        while let marker = rest.range(of: prefix) {
            out += rest[..<marker.lowerBound]
            let after = rest[marker.upperBound...]
            guard let close = after.range(of: "-->"), let index = Int(after[..<close.lowerBound]) else {
                out += rest[marker]
                rest = after
                continue
            }
            if let snippet = snippets[index] { out += html(for: snippet, basePath: basePath) }
            rest = after[close.upperBound...]
        }
        out += rest
        return out
    }
}
