// What the text around a block says about it, for a block whose content decides nothing
// (a bare fence of `enabled 1`, `Relabeled /data/www from …` lines). Authors introduce what a
// program printed ("输出如下：", "You should see:") and put it right under the command; they
// introduce a file's content with other words ("内容如下：", "add:").

import OpsdocsMarkdown
import OpsdocsShell

enum BlockContext {
    /// The kind the surroundings give a block: one the content left as `other` for want of
    /// anything better, or a bare or `text` fence whose lines read as YAML, INI, TOML, JSON or
    /// sysctl (`rchar: 1048`, `type=PATH msg=…`) but which a program printed. Either is output
    /// when the sentence before it introduces output, or when it sits right under a shell block
    /// that opens no editor: any command for the first, one that reports state for the second
    /// (`cat /proc/…/io`, `ausearch -i`). Only a bare fence takes it from the block above:
    /// directives in a `bash` fence under commands are often the file those commands edit, and a
    /// file's content is introduced otherwise ("内容如下：") or follows its editor or heredoc.
    static func refine(_ classification: Classification, of block: CodeBlock,
                       after previous: (block: CodeBlock, classification: Classification)?) -> Classification {
        let bare = classification.declared == nil || classification.declared == .text
        let tentative = classification.isTentative
        // JSON is as often a response shown as a file to write, whatever its label (RULES.md: a
        // JSON response shown is output).
        let json = classification.kind == .json
        guard tentative || json || bare && [.yaml, .ini, .toml, .sysctl].contains(classification.kind) else { return classification }
        var refined = classification
        // (a manifest under "输出如下：" is still one: the sentence can mean a file shown;
        // `key=value` and log-like lines cannot be applied anywhere, nor a JSON response)
        if introducesOutput(block.leadIn), tentative || classification.kind != .yaml {
            refined.kind = .output
            refined.reason = "the sentence before it introduces output"
        } else if bare || json, block.followsFence, let previous, previous.classification.kind.isShell {
            let above = previous.classification.session(of: previous.block.code)
            guard !above.opensEditor, tentative && bare || lastCommandReportsState(above) else { return refined }
            refined.kind = .output
            refined.reason = tentative ? "right under commands, nothing between" : "right under a command that prints it"
        }
        return refined
    }

    /// The last command of a session reports state (ShellWords.reportsState).
    private static func lastCommandReportsState(_ session: ShellSession) -> Bool {
        guard let last = session.lines.indices.last(where: { session.lines[$0].role == .command }) else { return false }
        return ShellWords.reportsState(session.text[last].dropFirst(session.lines[last].promptLength))
    }

    /// A sentence ending in a colon that speaks of output, results or what one sees, and not of
    /// a file's content or settings.
    static func introducesOutput(_ leadIn: String) -> Bool {
        let text = leadIn.lowercased()
        // (`prints`, `返回`: a lead-in of a word or two needs no colon)
        if text.split(separator: " ").count <= 2, shortOutputWords.contains(where: { text.hasPrefix($0) }) { return true }
        guard let last = leadIn.last, last == ":" || last == "：" else { return false }
        if contentWords.contains(where: { text.contains($0) }) { return false }
        return outputWords.contains { text.contains($0) }
    }

    private static let outputWords = [
        "输出", "结果", "返回", "显示", "打印", "看到", "会这样", "长这样", "报错", "日志",
        "output", "print", "shows", "show:", "looks like", "you should see", "you'll see", "you will see",
        "returns", "result", "reports", "error", "says",
    ]
    private static let shortOutputWords = ["prints", "returns", "outputs", "gives", "shows", "输出", "返回", "显示"]
    private static let contentWords = [
        "内容", "写入", "添加", "加入", "配置", "改成", "修改", "content", "add ", "add:", "write", "append", "config",
    ]
}
