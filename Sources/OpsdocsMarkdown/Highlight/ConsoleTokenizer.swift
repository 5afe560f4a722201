// Console transcripts, highlighted from the one shell-session model (OpsdocsShell): each
// line's role says whether it is a prompt and a command (bash-highlighted, continuations and
// heredoc bodies included), output, or text typed into an editor or another program. The
// snippet file is read off the same session, so what looks typed is what the copy button copies.

import OpsdocsShell

struct ConsoleTokenizer {
    private var sh: BashTokenizer

    private init(_ src: [UInt8]) { sh = BashTokenizer(HighlightWriter(src)) }

    /// `code` highlighted as a transcript, or as a plain script when it shows no prompt or output.
    static func highlight(_ code: String) -> String {
        let src = Array(code.utf8)
        guard let session = ShellSession.pasted(code) else { return BashTokenizer.highlight(src) }
        return highlight(src, session)
    }

    static func highlight(_ src: [UInt8], _ session: ShellSession) -> String {
        var t = ConsoleTokenizer(src)
        var index = 0
        forEachLine(src) { a, e in
            defer { index += 1 }
            guard index < session.lines.count else { return t.sh.w.span(.output, a, e) }
            let line = session.lines[index]
            let prompt = min(e, a + session.text[index].prefix(line.promptLength).utf8.count)
            switch line.role {
            case .command, .comment:
                t.sh.w.span(.prompt, a, prompt)
                t.sh.reset()
                t.sh.line(prompt, e)
            case .continued:
                t.sh.w.span(.prompt, a, prompt)
                t.sh.line(prompt, e)
            case .foreignInput:
                t.sh.w.span(.prompt, a, prompt)
            case .elision:
                t.sh.w.span(.prompt, a, prompt)
            case .output, .editorText, .caption:
                t.sh.w.span(.output, a, e)
            case .blank, .gap:
                break
            }
        }
        return t.sh.w.finish()
    }
}
