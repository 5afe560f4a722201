// One model of a pasted shell session: every line of a block is a prompt and a command, a
// line belonging to the command above (continuation, open quote, heredoc body), output, a
// comment, text typed into an editor or another program, an elision, or a blank. The snippet
// file, the highlighter's console spans and the copy button are all read off this model.

package struct ShellSession: Sendable, Equatable {
    package enum Role: Sendable, Equatable {
        /// A command starts here (after `promptLength` characters of prompt, if any).
        case command
        /// More of the command above: a continued line, an open quote, a heredoc body.
        case continued
        /// A comment the author wrote (kept in the script).
        case comment
        /// What a program printed.
        case output
        /// Typed into an editor the command above opened (`vim file`).
        case editorText
        /// Prose the author wrote among the commands (`可选参数：`): a caption, neither run nor printed.
        case caption
        /// Typed at another program's prompt (`mysql> `, `PS C:\> `).
        case foreignInput
        /// `...`, `# …`, a prompt with nothing typed: stands for nothing.
        case elision
        /// A blank line between two kept lines (kept in the script).
        case blank
        /// A blank line that belongs to output (dropped).
        case gap

        /// Lines that make up the script.
        package var isScript: Bool { self == .command || self == .continued || self == .comment || self == .blank }
    }

    package struct Line: Sendable, Equatable {
        package var role: Role
        /// Characters of prompt before the text (`$ `, `[root@m ~]# `, a continuation's `> `).
        package var promptLength: Int
    }

    /// The block's lines, as split on `\n`.
    package let text: [Substring]
    /// One entry per line of `text`.
    package var lines: [Line]
    /// Some line carries a shell or another program's prompt.
    package var hasPrompts: Bool
    /// A command opens an editor (`vim file`): what follows it was typed into the editor.
    package var opensEditor: Bool

    /// The script: prompts stripped, output, editor text and elisions dropped.
    package var script: String {
        let kept = scriptLineIndices
        return kept.isEmpty ? "" : kept.map { String(text[$0].dropFirst(lines[$0].promptLength)) }.joined(separator: "\n") + "\n"
    }

    /// The 0-based block lines the script's lines come from, in order.
    package var scriptLineIndices: [Int] {
        var kept = lines.indices.filter { lines[$0].role.isScript }
        // Trailing lines of nothing but blanks (a heredoc's last empty line aside) are not part of it.
        while let last = kept.last, text[last].dropFirst(lines[last].promptLength).allSatisfy({ $0 == " " || $0 == "\t" }) {
            kept.removeLast()
        }
        return kept
    }

    /// What the session shows programs printing, in order (for `opsdocs snippets --run`).
    package var output: [String] {
        lines.indices.filter { lines[$0].role == .output }.map { String(text[$0]) }
    }

    package var hasOutput: Bool { lines.contains { $0.role == .output } }

    /// The session's one command starts another program (`python3`, `sqlite3 app.db`, `parted
    /// /dev/sdb`) and what follows was typed at that program's prompt: the block shows a session
    /// inside that program, and the command alone, run from a script, would sit waiting for input.
    package var continuesInAnotherProgram: Bool {
        let commands = lines.indices.filter { lines[$0].role == .command }
        guard commands.count == 1, let command = commands.first else { return false }
        return lines[command...].contains { $0.role == .foreignInput }
    }

    /// True when the block reads as a transcript: some line has an unmistakable prompt, or
    /// `# command` lines stand for a root prompt (no bare command line in the block, or the
    /// root prompts are followed by their output).
    package static func isTranscript(_ code: String) -> Bool { prompts(code).transcript }

    /// What the prompts of a block say, in one pass over its lines.
    package static func prompts(_ code: String) -> (transcript: Bool, foreignSession: Bool) {
        let read = promptLines(code)
        return (read.transcript, read.foreignSession)
    }

    /// `prompts`, and whether any line has another program's prompt.
    static func promptLines(_ code: String) -> (transcript: Bool, foreignSession: Bool, foreignLines: Bool) {
        var hashCommands = 0, hashCommandsWithOutput = 0
        var bareCommands = 0
        var foreign = false
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            switch ShellPrompt.classify(line) {
            case .shell: return (true, false, foreign)
            case .foreign: foreign = true  // typed into another program: says nothing about bash prompts
            case .hash:
                guard ShellPrompt.isRootCommand(line) else { continue }
                hashCommands += 1
                // A comment is not followed by what it printed; a root prompt often is.
                if index + 1 < lines.count, !OutputLine.isElision(lines[index + 1]),
                   OutputLine.isEvidence(lines[index + 1], afterCommand: true) { hashCommandsWithOutput += 1 }
            case .none:
                if ShellWords.looksLikeCommand(line), !OutputLine.isVersionLine(line.trimmedBlanks) { bareCommands += 1 }
            }
        }
        let transcript = hashCommands > 0 && (bareCommands == 0 || hashCommandsWithOutput > 0 && hashCommands >= bareCommands)
        return (transcript, foreign && bareCommands == 0 && !transcript, foreign)
    }

    /// The session a shell-labelled block shows, or nil when it is a plain script (no prompt,
    /// no output): what the highlighter draws as a console.
    package static func pasted(_ code: String) -> ShellSession? { reading(code).display }

    /// A block read once for every stage that asks: what its prompts say and the session it
    /// shows. The highlighter makes it; the classifier and the extractor reuse it.
    package static func reading(_ code: String) -> ShellReading {
        let (transcript, foreignSession, foreignLines) = promptLines(code)
        let session = transcript ? readPrompted(code) : readUnprompted(code)
        // A script with lines typed into another program (`(parted) mklabel gpt`) is drawn with those prompts.
        var display = session
        if display == nil, foreignLines {
            let script = ShellSession.script(code)
            if script.lines.contains(where: { $0.role == .foreignInput }) { display = script }
        }
        return ShellReading(transcript: transcript, foreignSession: foreignSession, session: session, display: display)
    }

    /// Reads a block known to be a session: by its prompts when it has any, else by telling
    /// commands from what they printed.
    package static func read(_ code: String) -> ShellSession {
        reading(code).session ?? readPrompted(code)
    }

    /// Every line a command or part of one: a plain script, as written.
    package static func script(_ code: String) -> ShellSession {
        let text = code.split(separator: "\n", omittingEmptySubsequences: false)
        var session = ShellSession(text: text, lines: [], hasPrompts: false, opensEditor: false)
        var quote: Character?
        var continuing = false
        var heredoc: (delimiter: String, stripTabs: Bool)?
        for line in text {
            let role: Role
            if let doc = heredoc {
                if (doc.stripTabs ? line.drop { $0 == "\t" } : line).trimmedBlanks == doc.delimiter { heredoc = nil }
                session.lines.append(Line(role: .continued, promptLength: 0))
                continue
            }
            if quote != nil || continuing {
                role = .continued
                quote = ShellWords.openQuote(after: line, startingIn: quote)
                continuing = ShellWords.continues(line)
            } else if OutputLine.isElision(line) {
                role = .elision
            } else if case .foreign(let length) = ShellPrompt.classify(line) {
                // `(parted) mklabel gpt` after `sudo parted /dev/sdb`: typed into that program
                session.lines.append(Line(role: .foreignInput, promptLength: length))
                continue
            } else if line.trimmedBlanks.isEmpty {
                role = .blank
            } else {
                role = line.trimmedBlanks.hasPrefix("#") ? .comment : .command
                quote = ShellWords.openQuote(after: line, startingIn: nil)
                continuing = ShellWords.continues(line)
                if ShellWords.opensEditor(line) { session.opensEditor = true }
            }
            if role == .command || role == .continued, quote == nil, !continuing, let found = ShellWords.heredocDelimiter(in: line) { heredoc = found }
            session.lines.append(Line(role: role, promptLength: 0))
        }
        return session
    }
}

/// What `ShellSession.reading` found in a block.
package struct ShellReading: Sendable, Equatable {
    package var transcript: Bool
    package var foreignSession: Bool
    /// The prompted reading of a transcript, else the reading of commands and their output
    /// (nil: a plain script).
    package var session: ShellSession?
    /// What the page draws as a console: `session`, or a script that has another program's input.
    package var display: ShellSession?
}
