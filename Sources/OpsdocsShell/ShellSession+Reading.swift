// How a block's lines get their roles. A transcript is read by its prompts: a prompt starts a
// command, the shell's own state (continuation, open quote, heredoc) says which lines belong
// to it, and other lines are output. A block without prompts that pastes commands with what
// they printed is read by the evidence of output (OutputLine) instead.

extension ShellSession {
    /// Records roles line by line; blank lines wait until the next line says whether they sit
    /// between two kept lines (`.blank`) or before output (`.gap`).
    private struct Builder {
        var session: ShellSession
        var pendingBlanks: [Int] = []
        var keptAny = false
        var heredoc: (delimiter: String, stripTabs: Bool)?
        var quote: Character?
        var continuing = false

        init(_ text: [Substring]) {
            session = ShellSession(text: text, lines: Array(repeating: Line(role: .gap, promptLength: 0), count: text.count),
                                   hasPrompts: false, opensEditor: false)
        }

        /// A line of the script, `promptLength` characters in; the shell state follows it.
        mutating func keep(_ index: Int, _ role: Role, promptLength: Int, tracksState: Bool = true) {
            for blank in pendingBlanks { session.lines[blank].role = keptAny ? .blank : .gap }
            pendingBlanks = []
            keptAny = true
            session.lines[index] = Line(role: role, promptLength: promptLength)
            guard tracksState else { return }
            let typed = session.text[index].dropFirst(promptLength)
            quote = ShellWords.openQuote(after: typed, startingIn: role == .continued ? quote : nil)
            // (`--with-stream \   # 监控用` broke the command, but the author's next lines continue it:
            // kept with it, and the verifier says the continuation is broken)
            // (so is a comment line after `\`: `-s "…"` under it is still the author's command)
            continuing = ShellWords.continues(typed) || ShellWords.continuesBeforeComment(typed)
                || role == .continued && quote == nil && typed.trimmedBlanks.hasPrefix("#")
            if quote == nil, !continuing, let found = ShellWords.heredocDelimiter(in: typed) { heredoc = found }
        }

        /// A line that is not part of the script; blank lines before it belong with it.
        mutating func drop(_ index: Int, _ role: Role, clearsBlanks: Bool = true) {
            if clearsBlanks { pendingBlanks = [] }
            session.lines[index].role = role
        }

        /// A comment followed by what a program printed, not by a command (`# 预期结果`, `# output`,
        /// `# default 配置时` over a table), is a caption of that output: it goes with it, and so do
        /// the blank lines around it. (A comment over file content, a manifest shown inline, stays.)
        mutating func dropCaptions() {
            for index in session.lines.indices where session.lines[index].role == .comment {
                guard let next = session.lines[(index + 1)...].firstIndex(where: { $0.role != .blank && $0.role != .gap }),
                      session.lines[next].role == .output, OutputLine.isStrongEvidence(session.text[next]) else { continue }
                session.lines[index].role = .output
                var blank = index - 1
                while blank >= 0, session.lines[blank].role == .blank || session.lines[blank].role == .gap {
                    session.lines[blank].role = .gap
                    blank -= 1
                }
                for between in (index + 1)..<next { session.lines[between].role = .gap }
            }
        }

        /// In a transcript the author's comments lead to the command at the next prompt. A run of
        /// `#` lines that leads to output instead was printed too: `# Scanning the entire keyspace…`
        /// under `redis-cli --bigkeys`, terraform's `  # aws_route_table.x will be destroyed`.
        /// (A comment in Chinese is the author's, whatever follows it: programs do not print those.)
        mutating func dropCommentsBeforeOutput() {
            var index = 0
            while index < session.lines.count {
                guard session.lines[index].role == .comment, !OutputLine.isAuthorComment(session.text[index]) else {
                    index += 1
                    continue
                }
                var end = index
                while end < session.lines.count, [.comment, .blank, .gap, .elision].contains(session.lines[end].role) { end += 1 }
                if end < session.lines.count, session.lines[end].role == .output {
                    for run in index..<end where session.lines[run].role != .elision {
                        session.lines[run].role = session.lines[run].role == .comment ? .output : .gap
                    }
                }
                index = end
            }
        }

        /// A heredoc body line (and the delimiter that ends it), when inside one.
        mutating func heredocBody(_ index: Int, secondaryPrompt: Bool) -> Bool {
            guard let doc = heredoc else { return false }
            let line = session.text[index]
            let prompt = secondaryPrompt ? ShellSession.secondaryPromptLength(line) : 0
            session.lines[index] = Line(role: .continued, promptLength: prompt)
            let body = line.dropFirst(prompt)
            if (doc.stripTabs ? body.drop { $0 == "\t" } : body).trimmedBlanks == doc.delimiter { heredoc = nil }
            return true
        }
    }

    /// A transcript, read by its prompts.
    package static func readPrompted(_ code: String) -> ShellSession {
        let text = code.split(separator: "\n", omittingEmptySubsequences: false)
        let prompts = text.map(ShellPrompt.classify)
        // In a block with `$`-style prompts, `# …` lines are comments, never root prompts.
        let usesDollar = prompts.contains { if case .shell(_, let root) = $0 { return !root } else { return false } }
        var b = Builder(text)
        var seenPrompt = false
        /// A `# command` line has been read as a root prompt.
        var seenRootPrompt = false
        /// The last line kept was a comment (a command may follow it without a prompt).
        var afterComment = false
        /// The last command opened an editor: unprompted lines are what was typed into it.
        var inEditor = false
        /// The last command prints a file (`cat /etc/chrony.conf`), or output has just been
        /// shown: `#` lines that follow are printed text, not comments.
        var printingFile = false, afterOutput = false
        func startCommand(_ index: Int, promptLength: Int) {
            let typed = text[index].dropFirst(promptLength)
            printingFile = ShellWords.printsAFile(typed)
            afterOutput = false
            inEditor = ShellWords.opensEditor(typed)
            if inEditor { b.session.opensEditor = true }
            b.keep(index, .command, promptLength: promptLength)
        }

        /// The line under `index` is what a program printed.
        func printedUnder(_ index: Int) -> Bool {
            guard index + 1 < text.count, case .none = prompts[index + 1] else { return false }
            return OutputLine.isEvidence(text[index + 1], afterCommand: true)
        }

        for (index, line) in text.enumerated() {
            if b.heredocBody(index, secondaryPrompt: true) { continue }
            // An open quote running into the next prompt is a typo (`echo it's`), not a command that
            // spans it: the prompt starts a new command.
            let quoteOnly = b.quote != nil && !b.continuing
            if b.quote != nil || b.continuing, !(quoteOnly && isShellPrompt(prompts[index])) {
                b.keep(index, .continued, promptLength: secondaryPromptLength(line))
                continue
            }
            b.quote = nil
            let wasAfterComment = afterComment
            // (A blank line between a comment and its command keeps them together.)
            if !line.trimmedBlanks.isEmpty { afterComment = false }
            switch prompts[index] {
            case .shell(let length, _):
                seenPrompt = true
                b.session.hasPrompts = true
                if line.dropFirst(length).allSatisfy({ $0 == " " }) {
                    // A prompt with nothing typed separates commands as a blank line would.
                    b.pendingBlanks.append(index)
                    b.session.lines[index].promptLength = length
                    inEditor = false
                    printingFile = false
                    afterOutput = false
                } else {
                    startCommand(index, promptLength: length)
                }
            case .foreign(let length):
                seenPrompt = true
                b.session.hasPrompts = true
                inEditor = false
                b.drop(index, .foreignInput)
                b.session.lines[index].promptLength = length
            case .hash:
                let indent = line.prefix { $0 == " " || $0 == "\t" }.count
                // (`# tuned-adm active` after `# yum install -y tuned`: a program the lexicon lacks, typed
                // at the same prompt)
                // (`# id zhangwei` over `uid=1204(zhangwei) …`: a word English shares with a command, and what
                // the command printed under it)
                if !usesDollar && (ShellPrompt.isRootCommand(line) || seenRootPrompt && ShellPrompt.isProgramCommand(line)
                                   || ShellPrompt.isProseCommand(line) && printedUnder(index)) {
                    seenRootPrompt = true
                    seenPrompt = true
                    let command = line.dropFirst(indent + 1).drop { $0 == " " }
                    startCommand(index, promptLength: line.count - command.count)
                } else if OutputLine.isElisionComment(line) || line.count - indent <= 2 {
                    b.drop(index, .elision, clearsBlanks: false)  // `# ...`, or `#` alone
                } else if (printingFile || afterOutput) && !OutputLine.isAuthorComment(line) {
                    b.drop(index, inEditor ? .editorText : .output)  // a `#` line of the file `cat` shows, or of a diff
                } else {
                    b.keep(index, .comment, promptLength: indent, tracksState: false)
                    b.quote = nil
                    b.continuing = false
                    afterComment = true
                }
            case .none:
                let knownCommand = ShellWords.commandWord(line).map { ShellWords.commands.contains(String($0)) } ?? false
                if line.trimmedBlanks.isEmpty {
                    b.pendingBlanks.append(index)
                    afterOutput = false
                } else if OutputLine.isAuthorComment(line) {
                    // `#安装后重启即可`: the author's note
                    b.keep(index, .comment, promptLength: line.prefix { $0 == " " || $0 == "\t" }.count, tracksState: false)
                    afterComment = true
                } else if knownCommand && !seenPrompt
                            || wasAfterComment && !OutputLine.isStrongEvidence(line)
                                && (ShellWords.looksLikeCommand(line) || isLoneAssignment(line.trimmedBlanks)) {
                    // A command with no prompt before the first prompt (`ssh host`, then `$ docker run …`)
                    // or under a comment (`# 验证测试pod` / `kubectl get pod`, `# use virtualenv` / `VENVDIR=venv`).
                    startCommand(index, promptLength: 0)
                } else {
                    b.drop(index, inEditor ? .editorText : .output)
                    afterOutput = true
                }
            }
        }
        b.dropCaptions()
        b.dropCommentsBeforeOutput()
        return b.session
    }

    /// A block with no prompts that pastes commands with what they printed (`kubectl get pods`
    /// and its table) or with the author's captions, or nil when every line is part of the script. Output starts on
    /// positive evidence right after a command (OutputLine) and lasts until a line reads as a
    /// command again, or a comment or blank line precedes one.
    package static func readUnprompted(_ code: String) -> ShellSession? {
        let text = code.split(separator: "\n", omittingEmptySubsequences: false)
        var b = Builder(text)
        var hasCommand = false, lastWasCommand = false, hasCaption = false
        var inOutput = false, blankSinceOutput = false
        /// Inside `if … fi`, `for … done`, `f() { … }`: every line belongs to the command.
        var depth = 0
        var printsAFile = false
        /// The last command prints nothing worth pasting (ShellWords.isQuiet).
        var lastIsQuiet = false
        /// First words of the lines read as commands: `frobctl status` after `frobctl -q` is one too.
        var programs: Set<Substring> = []
        /// The last command opened an editor (`vim /etc/…`): the lines under it were typed into it,
        /// up to a line that reads as a command again or the author's comment (`# 执行 ./prepare`).
        var inEditor = false, hasEditorText = false
        /// A line the commands above printed; blank lines before the first one belong to it.
        func printed(_ index: Int) {
            b.drop(index, .output, clearsBlanks: !inOutput)
            inOutput = true
            blankSinceOutput = false
            lastWasCommand = false
        }
        /// The last command asks a tool for its version (ShellWords.asksForVersion).
        var asksForVersion = false
        /// How far in the last command starts.
        var commandIndent = 0
        func indent(of line: Substring) -> Int { line.prefix { $0 == " " || $0 == "\t" }.count }
        func command(_ index: Int) {
            b.keep(index, .command, promptLength: 0)
            if depth == 0 { commandIndent = indent(of: text[index]) }
            // (only commands proper: not an array's elements or a loop's body)
            // (any line read as a command: `nvm alias …` after `nvm install 20` is one too)
            if depth == 0, let word = ShellWords.commandWord(text[index]),
               word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }) { programs.insert(word) }
            printsAFile = ShellWords.printsAFile(text[index])
            lastIsQuiet = ShellWords.isQuiet(text[index])
            asksForVersion = ShellWords.asksForVersion(text[index])
            inEditor = depth == 0 && ShellWords.opensEditor(text[index])
            depth = max(0, depth + ShellWords.nesting(text[index]))
            hasCommand = true
            lastWasCommand = true
            inOutput = false
        }
        for (index, line) in text.enumerated() {
            if b.heredocBody(index, secondaryPrompt: false) { continue }
            if b.quote != nil || b.continuing {
                // (`  endpoint health; done` closes the loop its first line opened)
                if b.quote == nil { depth = max(0, depth + ShellWords.nesting(line)) }
                b.keep(index, .continued, promptLength: 0)
                continue
            }
            let trimmed = line.trimmedBlanks
            if trimmed.isEmpty {
                b.pendingBlanks.append(index)
                if inOutput { blankSinceOutput = true }
                lastWasCommand = false
                continue
            }
            if OutputLine.isElision(line) || OutputLine.isElisionComment(line) {
                b.drop(index, .elision, clearsBlanks: false)
                continue
            }
            if inEditor {
                if !OutputLine.isAuthorComment(line), !ShellWords.looksLikeCommand(line) || OutputLine.isStrongEvidence(line) {
                    b.drop(index, .editorText)
                    hasEditorText = true
                    continue
                }
                inEditor = false
            }
            if case .foreign(let length) = ShellPrompt.classify(line) {
                b.drop(index, .foreignInput)  // `(parted) mklabel gpt`: typed into the program just started
                b.session.lines[index].promptLength = length
                continue
            }
            if trimmed.hasPrefix("#") {
                // `#` lines straight after output are more of it (a file `cat` printed, a diff),
                // unless they are the author's (in Chinese: programs do not print those).
                if (inOutput && !blankSinceOutput || lastWasCommand && printsAFile) && !OutputLine.isAuthorComment(line) {
                    inOutput = true
                    b.drop(index, .output, clearsBlanks: false)
                    continue
                }
                inOutput = false
                b.keep(index, .comment, promptLength: 0, tracksState: false)
                lastWasCommand = false
                continue
            }
            // Output that goes on indented deeper than the command that printed it is more of it, whatever
            // its words (`  config file = /etc/ansible.cfg`, `  go version:  go1.21.7` under `--version`).
            if inOutput, !blankSinceOutput, depth == 0, indent(of: line) > commandIndent {
                printed(index)
                continue
            }
            // The line under a version query that carries a release number is its answer.
            if lastWasCommand, depth == 0, asksForVersion, OutputLine.isVersionAnswer(trimmed) {
                printed(index)
                continue
            }
            // A table row is output even when its first word is a command's name (`join  IPv4  …`).
            if hasCommand, depth == 0, OutputLine.isTableRow(line) {
                printed(index)
                continue
            }
            // `{` or `[` alone, then `"host": …`: the JSON a command printed, not a group of commands.
            if hasCommand, depth == 0, lastWasCommand || inOutput, trimmed == "{" || trimmed == "[",
               let next = text[(index + 1)...].first(where: { !$0.trimmedBlanks.isEmpty })?.trimmedBlanks,
               next.hasPrefix("\""), next.contains("\":") || next.contains("\" :") || trimmed == "[" {
                printed(index)
                continue
            }
            // Shell grammar (`fi`, `}`) is a command only inside a compound or when it opens one.
            let syntax = ShellWords.looksLikeShellSyntax(line) && (depth > 0 || ShellWords.nesting(line) > 0)
            // What `cat /run/flannel/subnet.env` printed: `KEY=value` lines right under it are the file.
            if (inOutput || lastWasCommand) && printsAFile && depth == 0 && isLoneAssignment(trimmed) {
                printed(index)
                continue
            }
            // Right after a command, a line bash could not run is what it printed (`mysql -V` and
            // `mysql  Ver 8.0.36 … (MySQL Community Server - GPL)`).
            if hasCommand, depth == 0, lastWasCommand || inOutput, !syntax,
               OutputLine.rejectsAsCommand(line) || OutputLine.isLogfmt(trimmed) || OutputLine.isVersionLine(trimmed)
                || lastWasCommand && ["yes", "no", "ok", "OK", "success"].contains(String(trimmed)) {
                printed(index)
                continue
            }
            func sameProgram() -> Bool {
                guard !programs.isEmpty, let word = ShellWords.commandWord(line), programs.contains(word) else { return false }
                return !OutputLine.isOutputLine(line) && !OutputLine.isTableRow(line)
            }
            if depth > 0 || ShellWords.looksLikeCommand(line) || syntax || Synopsis.startsWithStandIn(line) || sameProgram() {
                command(index)
                continue
            }
            // A Chinese sentence among commands (`可选参数：`) is the author's caption: programs print few.
            if hasCommand, depth == 0, OutputLine.isProse(line) {
                b.drop(index, .caption)
                hasCaption = true
                lastWasCommand = false
                continue
            }
            // (after a quiet command only what programs alone print is output)
            let evidence = hasCommand && OutputLine.isEvidence(line, afterCommand: lastWasCommand && !lastIsQuiet)
            // Output goes on, blank lines and all, until a line reads as a command (or a comment
            // after a blank line); nothing starting with punctuation (`}`, `]`) is a command.
            let startsLikeCommand = trimmed.first.map { $0.isLetter || $0.isNumber || "./~$_\\\"'".contains($0) } ?? false
            if evidence || inOutput || (hasCommand && !startsLikeCommand) {
                printed(index)
                continue
            }
            command(index)
        }
        guard b.session.hasOutput || hasCaption || hasEditorText, hasCommand else { return nil }
        b.dropCaptions()
        return b.session
    }

    /// `FLANNEL_MTU=1450`: one assignment and nothing after it.
    private static func isLoneAssignment(_ line: Substring) -> Bool {
        guard let eq = line.firstIndex(of: "="), let first = line.first, first.isLetter || first == "_" else { return false }
        return ShellWords.isVariableName(line[..<eq])
            && !line[eq...].contains(" ") && !line.contains("$(") && !line.contains("`")
    }

    private static func isShellPrompt(_ prompt: ShellPrompt) -> Bool {
        if case .shell = prompt { return true }
        return false
    }

    /// Continuation lines of a transcript often carry the secondary prompt `> `.
    static func secondaryPromptLength(_ line: Substring) -> Int {
        line.hasPrefix("> ") ? 2 : (line == ">" ? 1 : 0)
    }
}
