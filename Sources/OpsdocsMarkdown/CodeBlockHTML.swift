// The HTML of one fenced block, written by opsdocs instead of cmark: highlighted on the
// server (no script needed to read it), in a wrapper that names its language for the theme
// and the copy button. `mermaid` is shown as its labelled source: drawing it would need a
// script from elsewhere, and the site works offline.

import OpsdocsShell
import OpsdocsConfig

enum CodeBlockHTML {
    static func render(_ block: CodeBlock, strings: UIStrings = UIStrings(language: "zh")) -> String {
        let code = block.code
        if block.language == "mermaid" {
            return "<div class=\"code-block diagram\" data-lang=\"mermaid\"><p class=\"code-label\">\(HTMLEscaping.escape(strings["mermaidSource"]))</p>"
                + "<pre><code class=\"language-mermaid\">\(HTMLEscaping.escape(code))</code></pre></div>"
        }
        var language = SyntaxHighlighter.canonicalLanguage(block.language)
        // A `bash` fence holding a pasted session is drawn as one: prompts, commands and output
        // as the shell-session model reads them. A `console` fence with no prompt and no output
        // is a script whose `# ` lines are comments (kubespray's `# From the CLI` blocks).
        let body: String
        if language == "bash" || language == "console",
           let session = (block.shellReading ?? shellReading(block))?.display {
            language = "console"
            body = ConsoleTokenizer.highlight(Array(code.utf8), session)
        } else {
            if language == "console" { language = "bash" }
            body = language.flatMap { SyntaxHighlighter.highlight(code, language: $0) } ?? HTMLEscaping.escape(code)
        }
        let label = language ?? block.language
        let codeClass = block.language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.escape(block.language))\""
        let dataLang = label.isEmpty ? "" : " data-lang=\"\(HTMLEscaping.escape(label))\""
        return "<div class=\"code-block\"\(dataLang)><pre><code\(codeClass)>\(body)</code></pre></div>"
    }

    /// The shell-session reading of a `bash` or `console` block (nil for other languages).
    static func shellReading(_ block: CodeBlock) -> ShellReading? {
        let language = SyntaxHighlighter.canonicalLanguage(block.language)
        return language == "bash" || language == "console" ? ShellSession.reading(block.code) : nil
    }

}
