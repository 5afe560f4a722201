// What the text around a block says about it, for a block whose content decides nothing
// (a bare fence of `enabled 1`, `Relabeled /data/www from …` lines). Authors introduce what a
// program printed ("输出如下：", "You should see:") and put it right under the command; they
// introduce a file's content with other words ("内容如下：", "add:").

import OpsdocsMarkdown
import OpsdocsShell

enum BlockContext {
    /// The kind the surroundings give a block the content left as `other` for want of anything
    /// better, or the content's own. Only a bare fence takes it from the block above: directives
    /// in a `bash` fence under commands are often the file those commands edit.
    static func refine(_ classification: Classification, of block: CodeBlock,
                       after previous: (block: CodeBlock, classification: Classification)?) -> Classification {
        guard classification.isTentative else { return printedData(classification, of: block, after: previous) }
        var refined = classification
        if introducesOutput(block.leadIn) {
            refined.kind = .output
            refined.reason = "the sentence before it introduces output"
        } else if classification.declared == nil || classification.declared == .text, block.followsFence, let previous,
                  previous.classification.kind.isShell, !opensEditor(previous) {
            refined.kind = .output
            refined.reason = "right under commands, nothing between"
        }
        return refined
    }

    /// A bare or `text` fence whose lines read as YAML, INI, TOML or JSON (`rchar: 1048`,
    /// `type=PATH msg=…`) but which a program printed: the sentence before it introduces output,
    /// or it sits right under a command that reports state (`cat /proc/…/io`, `ausearch -i`).
    /// A file's content is introduced otherwise ("内容如下：") or follows its editor or heredoc.
    private static func printedData(_ classification: Classification, of block: CodeBlock,
                                    after previous: (block: CodeBlock, classification: Classification)?) -> Classification {
        guard classification.declared == nil || classification.declared == .text,
              [.yaml, .ini, .toml, .json, .sysctl].contains(classification.kind) else { return classification }
        var refined = classification
        // (a manifest or a JSON document under "输出如下：" is still one: the sentence can mean a
        // file shown; `key=value` and log-like lines cannot be applied anywhere)
        if introducesOutput(block.leadIn), classification.kind != .yaml, classification.kind != .json {
            refined.kind = .output
            refined.reason = "the sentence before it introduces output"
        } else if block.followsFence, let previous, previous.classification.kind.isShell, !opensEditor(previous),
                  lastCommandReportsState(previous) {
            refined.kind = .output
            refined.reason = "right under a command that prints it"
        }
        return refined
    }

    /// The last command of the block above reports state (ShellWords.reportsState).
    private static func lastCommandReportsState(_ previous: (block: CodeBlock, classification: Classification)) -> Bool {
        let session = previous.classification.session(of: previous.block.code)
        guard let last = session.lines.indices.last(where: { session.lines[$0].role == .command }) else { return false }
        return ShellWords.reportsState(session.text[last].dropFirst(session.lines[last].promptLength))
    }

    /// A sentence ending in a colon that speaks of output, results or what one sees, and not of
    /// a file's content or settings.
    static func introducesOutput(_ leadIn: String) -> Bool {
        guard let last = leadIn.last, last == ":" || last == "：" else { return false }
        let text = leadIn.lowercased()
        if contentWords.contains(where: { text.contains($0) }) { return false }
        return outputWords.contains { text.contains($0) }
    }

    private static let outputWords = [
        "输出", "结果", "返回", "显示", "打印", "看到", "会这样", "长这样", "报错", "日志",
        "output", "print", "shows", "show:", "looks like", "you should see", "you'll see", "you will see",
        "returns", "result", "reports", "error", "says",
    ]
    private static let contentWords = [
        "内容", "写入", "添加", "加入", "配置", "改成", "修改", "content", "add ", "add:", "write", "append", "config",
    ]

    /// The commands end in an editor: what follows is what was typed into it.
    private static func opensEditor(_ previous: (block: CodeBlock, classification: Classification)) -> Bool {
        previous.classification.session(of: previous.block.code).opensEditor
    }
}
