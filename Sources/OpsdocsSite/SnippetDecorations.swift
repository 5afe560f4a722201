// Replaces the Markdown stage's per-block markers with what the reader sees above each code
// block: its kind, a verification badge (✓ / ⚠ / ✗ with the findings on expand) and a
// link to its snippet file.

import OpsdocsMarkdown
import OpsdocsSnippets

enum SnippetDecorations {
    static func html(for snippet: Snippet, basePath: String) -> String {
        // The copy button copies exactly the snippet's script (theme.js reads `data-script`):
        // the same prompts stripped, output dropped and heredocs kept as the snippet file.
        let script = snippet.kind.isShell ? snippet.script.map { " data-script=\"\(HTMLEscaping.escape($0))\"" } ?? "" : ""
        var parts = "<div class=\"code-meta\"\(script)><span class=\"code-kind\">\(snippet.kind.rawValue)</span>"
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

    /// Swaps every `<!--opsdocs-code:N-->` in a page for block N's decoration (one byte scan).
    static func apply(to page: String, snippets: [Int: Snippet], basePath: String) -> String {
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
                        if let snippet = snippets[index] { out.append(contentsOf: html(for: snippet, basePath: basePath).utf8) }
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
