// Decides a fenced block's kind from its label and its content. Content wins when it is
// unambiguous (a Dockerfile in a `bash` fence is a Dockerfile), and the disagreement
// becomes a warning naming both.

import Foundation
import OpsdocsShell

public struct Classification: Sendable, Equatable {
    public var kind: SnippetKind
    /// What the label said (nil for a bare fence).
    public var declared: SnippetKind?
    /// Template syntax (`{{ }}`, `{% %}`): not a usable file as written.
    public var isTemplate: Bool
    /// Set when the label contradicts the content.
    public var mismatch: String?
    /// Why the content decided the kind, in one short clause (nil when the label did).
    public var reason: String?
    /// The block read as commands and their output, when that reading decided the kind (the
    /// extractor uses it rather than reading the block again).
    package var session: ShellSession?
    /// `other` for want of anything better (a bare fence of nothing known, directives in a `bash`
    /// fence): what is around the block may still tell (`BlockContext`).
    package var isTentative = false

    /// The block read as a session: the reading that decided the kind, else a transcript read
    /// by its prompts or a script as written (the extractor and BlockContext read the same one).
    package func session(of code: String) -> ShellSession {
        session ?? (kind == .console ? ShellSession.read(code) : ShellSession.script(code))
    }
}

public enum BlockClassifier {
    /// `reading`: the block's shell-session reading, when the highlighter already made it.
    public static func classify(label: String, code: String) -> Classification { classify(label: label, code: code, reading: nil) }

    package static func classify(label: String, code: String, reading: ShellReading?) -> Classification {
        let declared = SnippetKind.declared(byLabel: label)
        var detection = detect(code, declared: declared, reading: reading)
        // `$ sqlite3 app.db` over `sqlite> .tables`: a REPL session, whatever prompt it began at.
        if let found = detection, found.kind == .console {
            let session = found.session ?? reading?.session ?? ShellSession.read(code)
            detection = session.continuesInAnotherProgram
                ? Detection(.other, "a session inside the program its one command starts")
                : Detection(.console, found.reason, session: session)
        }
        let detected = detection?.kind
        let kind = detected ?? (declared == .text ? .other : declared) ?? .other
        var mismatch: String?
        if let declared, let detection, declared != detection.kind, !compatible(declared, detection.kind),
           !(declared == .text && (detection.kind == .output || detection.kind == .other)) {
            mismatch = "block labelled `\(label)` looks like \(describe(detection.kind)) (\(detection.reason)); "
                + "treated as \(detection.kind.rawValue)"
        }
        let template = (kind == .yaml || kind == .sysctl || kind == .json || kind == .dockerfile || kind == .ini)
            && hasTemplateSyntax(code)
        // A bare fence, or one whose label the content overruled or refined, says why.
        let reason = detection.flatMap { $0.kind != declared || declared == nil ? $0.reason : nil }
        return Classification(kind: kind, declared: declared, isTemplate: template, mismatch: mismatch, reason: reason,
                              session: detection?.kind == .console || detection?.kind == .shell ? detection?.session : nil,
                              isTentative: kind == .other && (detection?.isTentative ?? (declared == nil || declared == .text)))
    }

    /// Pairs that are not worth a warning (a transcript in a `bash` fence is the common case).
    private static func compatible(_ declared: SnippetKind, _ detected: SnippetKind) -> Bool {
        switch (declared, detected) {
        case (.shell, .console), (.console, .shell), (.ini, .sysctl), (.output, .json):
            return true
        default:
            return false
        }
    }

    private static func describe(_ kind: SnippetKind) -> String {
        switch kind {
        case .console: return "a console transcript"
        case .shell: return "shell commands"
        case .dockerfile: return "a Dockerfile"
        case .yaml: return "YAML"
        case .sysctl: return "sysctl settings"
        case .json: return "JSON"
        case .ini: return "an INI/systemd file"
        case .output: return "command output"
        default: return kind.rawValue
        }
    }

    /// A kind the content decided, and why.
    struct Detection: Equatable {
        var kind: SnippetKind
        var reason: String
        var session: ShellSession?
        var isTentative = false
        init(_ kind: SnippetKind, _ reason: String, session: ShellSession? = nil, isTentative: Bool = false) {
            self.kind = kind
            self.reason = reason
            self.session = session
            self.isTentative = isTentative
        }
    }

    /// The kind the content shows, or nil when the content does not decide.
    static func detect(_ code: String, declared: SnippetKind?, reading: ShellReading? = nil) -> Detection? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard !lines.isEmpty else { return nil }
        // Labels for languages opsdocs does not inspect are trusted.
        if let declared, [.go, .python, .mermaid].contains(declared) { return nil }
        // (`traefik.yml` in a `toml` fence: `key:` lines and no `key = value` are YAML)
        if declared == .toml {
            return !lines.contains(where: { $0.contains("=") }) && isYAML(lines, loose: false) ? Detection(.yaml, "key: value lines, no = at all") : nil
        }
        // What the prompts say: read once, and only when a rule asks (a manifest rarely needs it).
        var promptReading: (transcript: Bool, foreignSession: Bool)? = reading.map { ($0.transcript, $0.foreignSession) }
        func prompts() -> (transcript: Bool, foreignSession: Bool) {
            if let known = promptReading { return known }
            let read = ShellSession.prompts(code)
            promptReading = read
            return read
        }
        let structured = declared == .yaml || declared == .json
        var unpromptedReading: ShellSession?? = reading.flatMap { $0.transcript ? nil : .some($0.session) }
        func unpromptedSession() -> ShellSession? {
            if let reading = unpromptedReading { return reading }
            let reading = ShellSession.readUnprompted(code)
            unpromptedReading = .some(reading)
            return reading
        }
        // `mysql> select 1;`, `PS C:\> Get-Item`: typed into another program.
        if !structured || startsWithPrompt(lines), prompts().foreignSession { return Detection(.other, "typed at another program's prompt") }
        let statements = lines.filter { !$0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") }
        // `#!/usr/bin/env node`: a script for another interpreter, whatever the fence says;
        // `#!/bin/bash` over an unlabelled fence: a shell script.
        if let first = lines.first, first.hasPrefix("#!"), let interpreter = Self.interpreter(first) {
            if !Self.shells.contains(interpreter) {
                return interpreter.hasPrefix("python") ? Detection(.python, "a #! line naming \(interpreter)")
                    : Detection(.other, "a #! line naming \(interpreter)")
            }
            if declared == nil || declared == .text { return Detection(.shell, "a #! line naming \(interpreter)") }
        }
        // `# Attribute    total   min   max` over `# ====   =====`: a report that marks every line
        // with `#` (pt-query-digest, mysqltuner): columns and rulers, not the author's notes.
        if statements.isEmpty, !structured, isCommentedReport(lines) { return Detection(.output, "a report printed with `#` on every line") }
        // Only comments (`#!/bin/bash`, notes): nothing in them reads as output.
        if statements.isEmpty { return nil }
        // How many statements are commands: counted when a rule asks (a manifest is decided before).
        var countedCommands: Int?
        func commandLines() -> Int {
            if let counted = countedCommands { return counted }
            let counted = statements.filter { ShellWords.looksLikeCommand($0) && !OutputLine.isStrongEvidence($0) }.count
            countedCommands = counted
            return counted
        }
        // Half the statements commands, counting a command's heredoc body and continued lines as
        // part of it (`cat <<EOF | kubectl apply -f -` and its manifest is one command).
        func mostlyCommands() -> Bool {
            if commandLines() > 0 && commandLines() * 2 >= statements.count { return true }
            // (A script starts with a command, an assignment or shell syntax; a manifest does not.)
            let whole = wholeCommands(code)
            guard let first = whole.first ?? statements.first,
                  ShellWords.looksLikeCommand(first) || ShellWords.looksLikeShellSyntax(first) || first.contains("=") else { return false }
            var commands = 0, others = 0
            for statement in whole {
                let line = statement.trimmedBlanks
                // Braces open and close a function body or a group (neither here nor there), but
                // `public class Config {` or `stage('test') {` is another language.
                if line == "{" || line == "}" || line.hasSuffix("() {") || line.hasSuffix("(){") || line.hasPrefix("function ") { continue }
                if line.hasSuffix("{") { return false }
                if ShellWords.looksLikeCommand(line) && !OutputLine.isStrongEvidence(line) || ShellWords.looksLikeShellSyntax(line) {
                    commands += 1
                } else {
                    others += 1
                }
            }
            return commands > 0 && commands >= others
        }

        if declared == .other {
            // Another language (`nginx`, `hcl`) or a typo (`ShellSeasion`): only commands overrule it.
            if prompts().transcript { return Detection(.console, "shell prompts") }
            if isConfigBlock(code) || isXML(lines) { return nil }
            return mostlyCommands() && !isTree(lines) ? Detection(.shell, "most lines are commands") : nil
        }
        // A usage synopsis (`cut OPTION [FILE]`, `$ kill [-signal] PID`) or a block written wholly in
        // stand-ins (`while condition; do commands; done`) shows syntax, not a command.
        if !structured, statements.count <= 8 {
            let typed = statements.map { line -> Substring in
                if case .shell(let length, _) = ShellPrompt.classify(line) { return line.dropFirst(length) }
                return line
            }
            if typed.count == 1, Synopsis.isSynopsis(typed[0]), !OutputLine.isOutputLine(typed[0]) { return Detection(.other, "a usage synopsis") }
            if SyntaxTemplate.isSyntaxTemplate(typed) { return Detection(.other, "a syntax template: every statement in stand-ins") }
        }
        // `usage: node_exporter [<flags>]` and its options, `iptables [-t table] -N chain` lines: a
        // command's help text, however long.
        if !structured, isUsageText(statements) { return Detection(.other, "a usage synopsis and its options") }
        // `--feature-gates=…` lines under `# kube-apiserver` comments: options of a command the
        // block does not show, a fragment (shell, never runnable), not a transcript.
        // In a bare fence only long options (`--name=value`) say so: `- item` is a YAML list.
        if declared == .shell || declared == .console || declared == nil {
            let options = statements.filter { !OutputLine.isElision($0) }
            if !options.isEmpty, options.allSatisfy({ option in
                let text = option.trimmedBlanks
                guard declared == nil else { return text.hasPrefix("-") }
                return text.hasPrefix("--") && text.dropFirst(2).first?.isLetter == true
            }) {
                return Detection(.shell, "a list of options, a fragment of a command")
            }
        }
        // Aligned columns on every line (`/etc/fstab`, a table without its header): data, not commands.
        if statements.count >= 2, !structured, statements.allSatisfy({ OutputLine.isTableRow($0) }),
           !prompts().transcript {
            return isOutput(statements) ? Detection(.output, "a table") : Detection(.other, "aligned columns on every line")
        }
        if !structured, statements.allSatisfy(isMountEntry) {
            return Detection(.other, "fstab or exports entries")
        }
        if !structured, statements.allSatisfy(isCrontabEntry) { return Detection(.other, "crontab entries") }
        if !structured, isSQL(statements) { return Detection(.other, "SQL statements") }
        if !structured, isXML(lines) { return Detection(.other, "an XML file") }
        if !structured, statements.allSatisfy(isSystemTableEntry) {
            return Detection(.other, "pam.d or limits.conf entries")
        }
        if isDockerfile(lines) { return Detection(.dockerfile, "FROM and Dockerfile instructions") }
        if isSysctl(lines) { return Detection(.sysctl, "every line a sysctl key = value") }
        if !structured || startsWithPrompt(lines), prompts().transcript {
            return Detection(.console, "shell prompts")
        }
        if isJSON(code) || (declared != .json && isJSONFragment(code)) || isTemplatedJSON(code) { return Detection(.json, "parses as JSON") }
        if isKubernetesYAML(lines) { return Detection(.yaml, "apiVersion and kind at the top level") }
        // A command and what it printed, no prompt (`tree .` and its tree, `kubectl get pods` and its table).
        // (`/usr/local/nginx/` over `├── conf`: the tree's root, not a command)
        if isTree(lines), let first = statements.first?.trimmedBlanks, !first.contains(" "),
           first.hasSuffix("/") || !ShellWords.looksLikeCommand(first)
            || !["tree", "lsblk", "pstree", "findmnt", "ls"].contains(String(first))
                && lines.dropFirst().first.map({ $0.hasPrefix("├") || $0.hasPrefix("└") || $0.hasPrefix("│") }) == true {
            return Detection(.other, "a directory tree")
        }
        if !structured, declared != .ini, let first = statements.first,
           ShellWords.looksLikeCommand(first), let session = unpromptedSession() {
            return unprompted(session)
        }
        if isTree(lines) { return Detection(.other, "a directory tree") }
        if isLoneURL(statements) { return Detection(.other, "a lone URL") }
        switch declared {
        case .shell, .console:
            // A unit file: `ExecStart=/usr/bin/etcd \` reads like `VAR=value`, so look for sections first.
            if lines.first?.hasPrefix("[") == true && isINI(lines) { return Detection(.ini, "[section] headers and key=value lines") }
            // No command, and at least two lines in three read as printed text (`ipvsadm -Ln` output).
            if commandLines() == 0,
               statements.filter({ OutputLine.isEvidence($0, afterCommand: false) }).count * 3 >= statements.count * 2 {
                return Detection(.output, "most lines read as output")
            }
            // HAProxy, keepalived, nginx directives in a `bash` fence (not a table, not YAML).
            if !isOutput(statements), !isYAML(lines, loose: true), !isYAML(lines, loose: false), !isJSON(code),
               commandLines() * 3 < statements.count,  // (cheap first: most blocks are commands)
               !statements.allSatisfy({ OutputLine.isEvidence($0, afterCommand: false) }), isConfigBlock(code) {
                return Detection(.other, "config directives, few commands", isTentative: commandLines() == 0)
            }
            // A `console` fence without prompts is a plain script, unless some lines are output.
            if commandLines() > 0 { return unprompted(unpromptedSession()) }
            // Nothing runs and every line reads as printed text (`Forwarding from 127.0.0.1:8080 -> 80`).
            if statements.allSatisfy({ OutputLine.isEvidence($0, afterCommand: false) }) { return Detection(.output, "every line reads as output") }
            // No line runs anything: program output, YAML settings, a unit file, or something else.
            if isOutput(statements) { return Detection(.output, "most lines read as output") }
            if isYAML(lines, loose: true) { return Detection(.yaml, "key: value lines, no command") }
            if isINI(lines) { return Detection(.ini, "[section] headers and key=value lines") }
            // Only with evidence of something else: an unknown command (`exit 3`, `ezdown -D`)
            // in a `bash` fence is still a script.
            return statements.allSatisfy(isConfigOrProse) ? Detection(.other, "config lines or prose, no command") : Detection(.shell, "commands")
        case .yaml:
            // `kubectl apply -f - <<EOF` … `EOF` in a `yaml` fence: one command, its manifest in a heredoc.
            if let first = statements.first, ShellWords.looksLikeCommand(first),
               let (delimiter, _) = ShellWords.heredocDelimiter(in: first), lines.last?.trimmedBlanks == Substring(delimiter) {
                return Detection(.shell, "a command with its manifest in a heredoc")
            }
            return mostlyCommands() && !isYAML(lines, loose: false) ? Detection(.shell, "most lines are commands") : nil
        case .ini:
            if isINI(lines) { return nil }
            if isYAML(lines, loose: true) { return Detection(.yaml, "key: value lines") }
            if isCommandShaped(statements) { return Detection(.shell, "lines shaped as commands") }
            // `Port 2222`, `maxmemory 4gb`, `-A INPUT -j ACCEPT`: directives of sshd, redis or
            // iptables-save, in a `conf` fence, not key=value settings.
            return statements.contains(where: { $0.contains("=") || $0.trimmedBlanks.hasPrefix("[") }) ? nil
                : Detection(.other, "directives, not key=value settings")
        case .json:
            if isJSONLines(statements) { return Detection(.output, "JSON lines a program logged") }
            // Elasticsearch console requests (`GET /index/_search` + bodies) are not JSON.
            let verbs = ["GET ", "POST ", "PUT ", "DELETE ", "HEAD "]
            let request = statements.contains { line in verbs.contains { line.drop { $0 == " " }.hasPrefix($0) } }
            return request && !isJSONFragment(code) ? Detection(.other, "HTTP requests with bodies") : nil
        case .dockerfile, .sysctl:
            return nil
        default:
            // Bare, `text`, `output`: commands make it shell; a table header makes it output.
            if mostlyCommands() { return unprompted(unpromptedSession()) }
            // `HTTP/1.1 200 OK` and its headers, `ERROR: …` lines: `Key: value` that a program printed
            // (YAML keys are rarely capitalised words).
            if statements.allSatisfy({ OutputLine.isOutputLine($0) }) { return Detection(.output, "every line reads as output") }
            if isRightAlignedReport(lines) { return Detection(.output, "labels aligned on their colons, as a report prints them") }
            if isYAML(lines, loose: false) { return Detection(.yaml, "key: value lines") }
            if isINI(lines) { return Detection(.ini, "[section] headers and key=value lines") }
            if isKeyValueFile(statements) { return Detection(.ini, "key=value settings, no command") }
            if isOutput(statements) { return Detection(.output, "most lines read as output") }
            if isYAML(lines, loose: true) { return Detection(.yaml, "key: value lines") }
            // No command, and two lines in three read as printed text (`kubectl describe` output).
            // (Printed lines proper, not box drawings: an ASCII diagram is the author's.)
            if commandLines() == 0, statements.contains(where: { OutputLine.isOutputLine($0) || OutputLine.isTableRow($0) }),
               statements.filter({ OutputLine.isEvidence($0, afterCommand: false) }).count * 3 >= statements.count * 2 {
                return Detection(.output, "most lines read as output")
            }
            // Every line reads as printed text (columns of file names, log lines), and not only as
            // sentences: prose in a bare fence is the author's.
            if statements.allSatisfy({ OutputLine.isEvidence($0, afterCommand: false) }),
               statements.contains(where: { OutputLine.isStrongEvidence($0) }) { return Detection(.output, "every line reads as output") }
            if isCommandShaped(statements) { return Detection(.shell, "lines shaped as commands, with options") }
            return nil
        }
    }

    private static let shells: Set<Substring> = ["sh", "bash", "zsh", "ksh", "dash", "ash"]

    /// `#!/usr/bin/env python3` → `python3`, `#!/bin/bash -e` → `bash`.
    private static func interpreter(_ line: Substring) -> Substring? {
        let words = line.dropFirst(2).split(separator: " ")
        guard let program = words.first?.split(separator: "/").last else { return nil }
        return program == "env" ? words.dropFirst().first { !$0.hasPrefix("-") } : program
    }

    /// Commands without prompts: a transcript when some lines are what they printed, a script
    /// (its captions dropped) when none are.
    private static func unprompted(_ session: ShellSession?) -> Detection {
        guard let session else { return Detection(.shell, "commands") }
        return session.hasOutput ? Detection(.console, "commands followed by their output", session: session)
            : Detection(.shell, "commands and the author's captions", session: session)
    }
}
