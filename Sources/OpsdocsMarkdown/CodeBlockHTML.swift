// The HTML of one fenced block, written by opsdocs instead of cmark: highlighted on the
// server (no script needed to read it), in a wrapper that names its language for the theme
// and the copy button. `mermaid` is shown as its labelled source: drawing it would need a
// script from elsewhere, and the site works offline.

enum CodeBlockHTML {
    static func render(_ block: CodeBlock) -> String {
        let code = block.code
        if block.language == "mermaid" {
            return "<div class=\"code-block diagram\" data-lang=\"mermaid\"><p class=\"code-label\">Mermaid 图（源码）</p>"
                + "<pre><code class=\"language-mermaid\">\(HTMLEscaping.escape(code))</code></pre></div>"
        }
        var language = SyntaxHighlighter.canonicalLanguage(block.language)
        // A `bash` fence holding a pasted session: prompts and output are told apart. A
        // `console` fence without an unmistakable prompt is a script whose `# ` lines are
        // comments, not root prompts (kubespray's `# From the CLI` blocks).
        if language == "bash", looksLikeTranscript(code) { language = "console" }
        if language == "console", !looksLikeTranscript(code) { language = "bash" }
        let body = language.flatMap { SyntaxHighlighter.highlight(code, language: $0) } ?? HTMLEscaping.escape(code)
        let label = language ?? block.language
        let codeClass = block.language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.escape(block.language))\""
        let dataLang = label.isEmpty ? "" : " data-lang=\"\(HTMLEscaping.escape(label))\""
        return "<div class=\"code-block\"\(dataLang)><pre><code\(codeClass)>\(body)</code></pre></div>"
    }

    /// Some line opens with a prompt that no script line would: `$ `, `[root@master-01 ~]# `,
    /// `user@host:~/dir$ `. (`# ` alone is a comment in a script, so it does not count.)
    static func looksLikeTranscript(_ code: String) -> Bool {
        for line in code.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("$ ") { return true }
            if trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") {
                let inside = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
                let after = trimmed[trimmed.index(after: close)...]
                if inside.contains("@"), after.hasPrefix("# ") || after.hasPrefix("$ ") { return true }
            }
            if let at = trimmed.firstIndex(of: "@"), let colon = trimmed[at...].firstIndex(of: ":"),
               let space = trimmed[colon...].firstIndex(of: " "), space > trimmed.startIndex
            {
                let promptEnd = trimmed[trimmed.index(before: space)]
                if (promptEnd == "$" || promptEnd == "#"), !trimmed[..<at].contains(" ") { return true }
            }
        }
        return false
    }
}
