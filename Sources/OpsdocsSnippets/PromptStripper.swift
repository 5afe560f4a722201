// Console transcripts → scripts. Recognises shell prompts (`$ `, `# `, `➜  ~ `,
// `[root@host dir]# `, `root@host:~# `, `user@host:~$ `, `bash-4.2# `, `(venv) $ `), keeps
// the commands with their continuation lines, open quotes and heredoc bodies, and drops output.

public enum PromptStripper {
    public struct Transcript: Sendable, Equatable {
        public var script: String
        /// For each script line (0-based), the 0-based line inside the block it came from.
        public var sourceLines: [Int]
        /// For each script line, how many characters of prompt were taken off its start.
        public var promptLengths: [Int] = []
        /// A command opens an editor (`vim file`): what follows was typed into the editor.
        public var opensEditor: Bool
        /// The output lines the transcript shows, in order (for `opsdocs snippets --run`).
        public var output: [String] = []
    }

    /// How a line starts, as far as prompts go.
    enum LinePrompt: Equatable {
        /// An unmistakable prompt; `length` characters of prompt precede the command.
        case prompt(length: Int, root: Bool)
        /// `# …`: a root prompt or a comment, decided per block.
        case hash
        case none
    }

    static func classify(_ line: Substring) -> LinePrompt {
        let s = line.drop { $0 == " " || $0 == "\t" }
        let indent = line.count - s.count
        // `(venv) $ ` and `(base) [root@x ~]# `
        if s.hasPrefix("("), let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) < 40 {
            let after = s[s.index(after: close)...]
            if after.hasPrefix(" "), case .prompt(let n, let root) = classify(after.dropFirst()) {
                return .prompt(length: indent + s.distance(from: s.startIndex, to: close) + 2 + n, root: root)
            }
        }
        if s.hasPrefix("$ ") { return .prompt(length: indent + 2, root: false) }
        if s == "$" { return .prompt(length: indent + 1, root: false) }
        // `$kubectl get pods`: a prompt glued to a known command (not `$HOME/bin/x`).
        if s.hasPrefix("$"), let word = ShellWords.commandWord(s.dropFirst()), ShellWords.commands.contains(String(word)),
           !ShellWords.proseWords.contains(String(word)) {
            return .prompt(length: indent + 1, root: false)
        }
        // `~# cmd`, `~ # cmd`, `/ # cmd` (a shell inside a container), `~$ cmd`
        for prefix in ["~# ", "~ # ", "/ # ", "~$ ", "~ $ "] where s.hasPrefix(prefix) {
            return .prompt(length: indent + prefix.count, root: prefix.contains("#"))
        }
        if s == "/ #" || s == "~#" { return .prompt(length: indent + s.count, root: true) }
        if s.hasPrefix("# ") || s == "#" { return .hash }
        if s.hasPrefix("➜") {
            // oh-my-zsh: `➜  dir git:(branch) ✗ cmd`; two spaces after the arrow mean a directory follows.
            var rest = s.dropFirst()
            let spaces = rest.prefix { $0 == " " }.count
            rest = rest.dropFirst(spaces)
            if spaces >= 2 || rest.hasPrefix("~") || rest.hasPrefix("/") {
                rest = rest.drop { $0 != " " }.drop { $0 == " " }
            }
            if rest.hasPrefix("git:(") || rest.hasPrefix("hg:(") {
                rest = rest.drop { $0 != ")" }.dropFirst().drop { $0 == " " }
            }
            if rest.hasPrefix("✗") { rest = rest.dropFirst().drop { $0 == " " } }
            return .prompt(length: line.count - rest.count, root: false)
        }
        if s.hasPrefix("[") {
            // [root@master-01 ~]# cmd   [user@host dir]$ cmd
            let window = s.prefix(100)
            if let close = window.firstIndex(of: "]") {
                let inside = window[window.index(after: window.startIndex)..<close]
                var after = window[window.index(after: close)...]
                if inside.contains("@") || inside.contains(" ") {
                    after = after.drop { $0 == " " }
                    if let mark = after.first, mark == "#" || mark == "$" {
                        let rest = after.dropFirst()
                        if rest.isEmpty || rest.first == " " || (rest.first.map { !$0.isWhitespace } ?? false) {
                            let consumed = s.distance(from: s.startIndex, to: rest.startIndex)
                            let space = rest.first == " " ? 1 : 0
                            return .prompt(length: indent + consumed + space, root: mark == "#")
                        }
                    }
                }
            }
            return .none
        }
        // First word: root@host:~#  user@host:/etc$  bash-4.2#  host:~ #
        let word = s.prefix { $0 != " " && $0 != "\t" }
        guard word.count >= 2, word.count < 80, let last = word.last else { return .none }
        let body = word.dropLast()
        if (last == "#" || last == "$" || last == "%") && !body.isEmpty {
            let userAtHost = body.contains("@") && body.first.map { $0.isLetter || $0 == "_" } == true
            let shellVersion = (body.hasPrefix("bash-") || body.hasPrefix("sh-") || body.hasPrefix("zsh-"))
                && body.dropFirst(body.hasPrefix("bash-") ? 5 : (body.hasPrefix("zsh-") ? 4 : 3)).allSatisfy { $0.isNumber || $0 == "." }
            if (userAtHost && !body.contains("(")) || shellVersion {
                let rest = s.dropFirst(word.count)
                return .prompt(length: indent + word.count + (rest.hasPrefix(" ") ? 1 : 0), root: last == "#")
            }
        }
        // `node1:~ # cmd` (SUSE) and `master $ cmd`
        let afterWord = s.dropFirst(word.count)
        if afterWord.hasPrefix(" # ") || afterWord.hasPrefix(" $ ") {
            if (word.contains(":") && (word.hasSuffix("~") || word.contains("/"))) || word.contains("@") {
                return .prompt(length: indent + word.count + 3, root: afterWord.hasPrefix(" # "))
            }
        }
        return .none
    }

    /// True when the block reads as a transcript: some line has an unmistakable prompt, or
    /// `# command` lines stand for a root prompt (no bare command line in the block).
    public static func isTranscript(_ code: String) -> Bool {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var hashCommands = 0
        var bareCommands = 0
        for line in lines {
            switch classify(line) {
            case .prompt: return true
            case .hash:
                if hashIsCommand(line) { hashCommands += 1 }
            case .none:
                if ShellWords.looksLikeCommand(line) { bareCommands += 1 }
            }
        }
        return hashCommands > 0 && bareCommands == 0
    }

    /// `# kubectl get pods` is a root prompt; `# 查看节点` or `# Install the CLI` is a comment.
    static func hashIsCommand(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst().drop { $0 == " " }
        guard let word = ShellWords.commandWord(rest), word.allSatisfy({ $0.isASCII }), word.first?.isUppercase == false
        else { return false }
        // Prose in a comment: Chinese text, or a command word that is also plain English.
        if rest.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) { return false }
        if ShellWords.proseWords.contains(String(word)) {
            let next = rest.dropFirst(word.count).drop { $0 == " " }
            return next.hasPrefix("-") || next.hasPrefix("/") || next.hasPrefix("$") || next.hasPrefix("<")
        }
        return ShellWords.looksLikeCommand(rest)
    }

    /// Keeps the commands of a transcript.
    public static func strip(_ code: String) -> Transcript {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        let kinds = lines.map(classify)
        // In a block with `$`-style prompts, `# …` lines are comments, never root prompts.
        let usesDollar = kinds.contains { if case .prompt(_, let root) = $0 { return !root } else { return false } }

        var script: [Substring] = []
        var origins: [Int] = []
        var heredoc: (delimiter: String, stripTabs: Bool)?
        var quote: Character?
        var continuing = false
        var opensEditor = false
        var output: [String] = []

        /// Blank lines wait: kept between two kept lines, dropped before output.
        var pendingBlanks: [Int] = []
        var seenPrompt = false
        /// The last line kept was a comment (a command may follow it without a prompt).
        var afterComment = false
        var promptLengths: [Int] = []
        func take(_ command: Substring, from index: Int) {
            if !script.isEmpty { for blank in pendingBlanks { script.append(""); origins.append(blank); promptLengths.append(0) } }
            pendingBlanks = []
            script.append(command)
            origins.append(index)
            promptLengths.append(lines[index].count - command.count)
            if let (delimiter, dash) = ShellWords.heredocDelimiter(in: command) { heredoc = (delimiter, dash) }
            quote = ShellWords.openQuote(after: command, startingIn: quote)
            continuing = ShellWords.continues(command)
        }

        for (index, line) in lines.enumerated() {
            if let doc = heredoc {
                let body = dropSecondaryPrompt(line)
                script.append(body)
                origins.append(index)
                promptLengths.append(line.count - body.count)
                let candidate = doc.stripTabs ? body.drop { $0 == "\t" } : body
                if candidate.trimmedBlanks == doc.delimiter { heredoc = nil }
                continue
            }
            if quote != nil || continuing {
                take(dropSecondaryPrompt(line), from: index)
                continue
            }
            let wasAfterComment = afterComment
            afterComment = false
            switch kinds[index] {
            case .prompt(let length, _):
                seenPrompt = true
                let command = line.dropFirst(length)
                if command.allSatisfy({ $0 == " " }) { continue }
                if let word = ShellWords.commandWord(command), ShellWords.editors.contains(String(word)) { opensEditor = true }
                take(command, from: index)
            case .hash:
                if !usesDollar && hashIsCommand(line) {
                    let command = line.drop { $0 == " " || $0 == "\t" }.dropFirst().drop { $0 == " " }
                    if let word = ShellWords.commandWord(command), ShellWords.editors.contains(String(word)) { opensEditor = true }
                    take(command, from: index)
                } else if OutputLine.isElisionComment(line) {
                    continue  // `# ...`: the author left something out
                } else if line.drop(while: { $0 == " " || $0 == "\t" }).count > 2 {
                    take(line.drop { $0 == " " || $0 == "\t" }, from: index)  // a comment: kept as one
                    quote = nil
                    continuing = false
                    afterComment = true
                    continue
                }
            case .none:
                let knownCommand = ShellWords.commandWord(line).map { ShellWords.commands.contains(String($0)) } ?? false
                if line.trimmedBlanks.isEmpty {
                    pendingBlanks.append(index)
                    continue
                } else if OutputLine.isAuthorComment(line) {
                    take(line.drop { $0 == " " || $0 == "\t" }, from: index)  // `#安装后重启即可`: the author's note
                    afterComment = true
                    continue
                } else if knownCommand && (!seenPrompt || wasAfterComment) {
                    // A command with no prompt before the first prompt (`ssh host`, then `$ docker run …`)
                    // or right under a comment (`# 验证测试pod` / `kubectl get pod`).
                    take(line, from: index)
                } else {
                    pendingBlanks = []
                    output.append(String(line))
                }
            }
        }
        while let last = script.last, last.allSatisfy({ $0 == " " }) {
            script.removeLast()
            origins.removeLast()
            promptLengths.removeLast()
        }
        let text = script.isEmpty ? "" : script.joined(separator: "\n") + "\n"
        return Transcript(script: text, sourceLines: origins, promptLengths: promptLengths, opensEditor: opensEditor,
                          output: output)
    }

    /// A block with no prompts that pastes commands with what they printed (`kubectl get pods`
    /// and its table): the commands, or nil when no line is output (the block is a script).
    /// Output starts on positive evidence right after a command (OutputLine) and lasts until a
    /// line reads as a command again, or a comment or blank line precedes one.
    public static func stripUnprompted(_ code: String) -> Transcript? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        var script: [Substring] = []
        var origins: [Int] = []
        var output: [String] = []
        var heredoc: (delimiter: String, stripTabs: Bool)?
        var quote: Character?
        var continuing = false
        var hasCommand = false, lastWasCommand = false
        var inOutput = false, blankSinceOutput = false
        /// Inside `if … fi`, `for … done`, `f() { … }`: every line belongs to the command.
        var depth = 0
        /// Blank lines wait: they are kept only between kept lines, never before output.
        var pendingBlanks: [Int] = []

        func take(_ line: Substring, from index: Int) {
            if !script.isEmpty { for blank in pendingBlanks { script.append(""); origins.append(blank) } }
            pendingBlanks = []
            script.append(line)
            origins.append(index)
        }
        func command(_ line: Substring, from index: Int) {
            take(line, from: index)
            depth = max(0, depth + ShellWords.nesting(line))
            hasCommand = true
            lastWasCommand = true
            inOutput = false
            quote = ShellWords.openQuote(after: line, startingIn: nil)
            continuing = ShellWords.continues(line)
            if quote == nil && !continuing, let found = ShellWords.heredocDelimiter(in: line) { heredoc = found }
        }
        for (index, line) in lines.enumerated() {
            if let doc = heredoc {
                take(line, from: index)
                let candidate = doc.stripTabs ? line.drop { $0 == "\t" } : line
                if candidate.trimmedBlanks == doc.delimiter { heredoc = nil }
                continue
            }
            if quote != nil || continuing {
                take(line, from: index)
                quote = ShellWords.openQuote(after: line, startingIn: quote)
                continuing = ShellWords.continues(line)
                if quote == nil && !continuing, let found = ShellWords.heredocDelimiter(in: line) { heredoc = found }
                continue
            }
            let trimmed = line.trimmedBlanks
            if trimmed.isEmpty {
                pendingBlanks.append(index)
                if inOutput { blankSinceOutput = true }
                lastWasCommand = false
                continue
            }
            if OutputLine.isElision(line) { continue }
            if trimmed.hasPrefix("#") {
                if OutputLine.isElisionComment(line) { continue }
                // `#` lines straight after output are more of it (a file `cat` printed, a diff),
                // unless they are the author's (in Chinese: programs do not print those).
                if inOutput && !blankSinceOutput && !OutputLine.isAuthorComment(line) {
                    output.append(String(line))
                    continue
                }
                inOutput = false
                take(line, from: index)
                lastWasCommand = false
                continue
            }
            // Shell grammar (`fi`, `}`) is a command only inside a compound or when it opens one.
            let syntax = ShellWords.looksLikeShellSyntax(line) && (depth > 0 || ShellWords.nesting(line) > 0)
            if depth > 0 || ShellWords.looksLikeCommand(line) || syntax {
                command(line, from: index)
                continue
            }
            let evidence = hasCommand && OutputLine.isEvidence(line, afterCommand: lastWasCommand)
            // Output goes on, blank lines and all, until a line reads as a command (or a comment
            // after a blank line); nothing starting with punctuation (`}`, `]`) is a command.
            let startsLikeCommand = line.trimmedBlanks.first.map { $0.isLetter || $0.isNumber || "./~$_\\\"'".contains($0) } ?? false
            if evidence || inOutput || (hasCommand && !startsLikeCommand) {
                if !inOutput { pendingBlanks = [] }
                inOutput = true
                blankSinceOutput = false
                lastWasCommand = false
                output.append(String(line))
                continue
            }
            command(line, from: index)
        }
        guard !output.isEmpty, hasCommand else { return nil }
        return Transcript(script: script.joined(separator: "\n") + "\n", sourceLines: origins,
                          promptLengths: Array(repeating: 0, count: origins.count), opensEditor: false, output: output)
    }

    /// Continuation lines of a transcript often carry the secondary prompt `> `.
    private static func dropSecondaryPrompt(_ line: Substring) -> Substring {
        line.hasPrefix("> ") ? line.dropFirst(2) : (line == ">" ? line.dropFirst() : line)
    }
}

import Foundation
