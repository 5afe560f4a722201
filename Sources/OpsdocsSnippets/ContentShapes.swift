// What the content of a block looks like, one predicate per shape: a Dockerfile, sysctl
// settings, JSON, a manifest, YAML, INI and systemd units, an inventory, a config file of
// directives, program output, a directory tree. BlockClassifier combines them.

import Foundation
import OpsdocsShell

extension BlockClassifier {
    /// Lines of config files and prose that turn up in shell fences: exports/fstab entries
    /// (`/share 10.0.0.0/8(rw)`), brace-block configs (`global_defs {`), indented directives,
    /// `... 前文省略`, and plain sentences.
    static func isConfigOrProse(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        if line.hasSuffix("{") || line == "}" || line.hasPrefix("...") { return true }
        if raw.first == " " || raw.first == "\t" { return true }  // inside a block
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return true }
        if (first.hasPrefix("/") || first.contains(":/")) && words.count >= 2
            && (line.contains("(") || words.count >= 3) && !line.contains("|") && !line.contains(">") {
            return true
        }
        // Words of a sentence: six or more, or four or more led by a word that is no command.
        let plain = line.allSatisfy { $0.isLetter || $0.isNumber || " ,.-'".contains($0) }
        return plain && (words.count >= 6 || words.count >= 4 && !ShellWords.commands.contains(String(first)))
    }

    /// A config file of directives (HAProxy, keepalived, nginx, fluent-bit): three or more
    /// statements, fewer than a third of them commands (CommandLexicon, or lines with options) or
    /// shell syntax, laid out as a config is (indented directives or `{` blocks) or with no command at all.
    static func isConfigBlock(_ code: String) -> Bool {
        let directives = logicalStatements(code).filter { !$0.trimmedBlanks.hasPrefix("...") }
        guard directives.count >= 3 else { return false }
        // A line with options (`faas-cli new fn --lang go`) is a command of a tool the lexicon lacks.
        // (`core_collector makedumpfile -l …`: the options are those of the program a directive names)
        let commands = directives.filter { line in
            ShellWords.looksLikeCommand(line) || ShellWords.looksLikeShellSyntax(line)
                || line.contains(" -") && !namesAProgram(line)
        }.count
        guard commands * 3 < directives.count else { return false }
        // YAML keys (`aliases:`, `  dp: deployments`) are settings of another kind, not directives.
        let yamlKeys = directives.filter { startsLikeYAML($0) || $0.trimmedBlanks.hasSuffix(":") }.count
        guard yamlKeys * 2 < directives.count else { return false }
        let laidOut = directives.contains { $0.hasSuffix("{") } || directives.filter { $0.first == " " || $0.first == "\t" }.count * 3 >= directives.count
        return laidOut || commands == 0
    }

    /// `core_collector makedumpfile -l`, `ExecStart /usr/bin/x -a`: a directive whose value is a
    /// command line (its second word a program the lexicon knows).
    static func namesAProgram(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, !ShellWords.commands.contains(String(words[0])),
              let program = words[1].split(separator: "/").last else { return false }
        return ShellWords.commands.contains(String(program))
    }

    /// `UUID=… /data xfs defaults 0 0` (fstab), `/data/share 192.168.1.0/24(rw,sync)` (exports):
    /// lines of the files that say what is mounted where.
    static func isMountEntry(_ raw: Substring) -> Bool {
        let words = raw.trimmedBlanks.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 6, words[4].allSatisfy(\.isNumber), words[5].allSatisfy(\.isNumber),
           words[1].hasPrefix("/") || words[1] == "swap" || words[1] == "none" { return true }
        guard words.count >= 2, words[0].hasPrefix("/") else { return false }
        return words.dropFirst().allSatisfy { word in
            guard let open = word.firstIndex(of: "("), word.hasSuffix(")") else { return false }
            return word[word.index(after: open)...].dropLast().allSatisfy { $0.isLetter || $0.isNumber || ",_=".contains($0) }
        }
    }

    /// Settings one per line, `key=value` or `key = value`, with nothing only a shell would write
    /// (`server-id = 2`, `log.dirs=/data/kafka`, `JAVA_HOME=/usr/local/jdk-17`): an env or
    /// properties file, INI without a section.
    static func isKeyValueFile(_ statements: [Substring]) -> Bool {
        guard statements.count >= 2 else { return false }
        // (`even_deny_root`, `skip-name-resolve`: a flag among the settings; `Flask==2.3.3` is a pin)
        let flags = statements.filter { line in
            let t = line.trimmedBlanks
            return !t.contains("=") && !t.contains(" ") && t.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-".contains($0)) }
        }
        guard flags.count * 4 <= statements.count else { return false }
        return statements.allSatisfy { raw in
            let line = raw.trimmedBlanks
            if flags.contains(raw) { return true }
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex, !line.contains("==") else { return false }
            let key = line[..<eq].trimmedBlanks
            // (`4lw.commands.whitelist=…` in zoo.cfg: a key may start with a digit, not a shell variable)
            return !key.isEmpty && (key.first?.isLetter == true || key.first?.isNumber == true && key.contains(where: \.isLetter))
                && key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) })
                && !ShellWords.isShellAssignment(line) && !line.contains("$(")
        }
    }

    /// A command's help: a synopsis (`iptables [-t table] -N chain`) or `usage:` first, then more
    /// synopses, option lines (`-a, --all    display all variables`), indented descriptions and
    /// blank-separated sub-commands; none of it a command to run.
    static func isUsageText(_ statements: [Substring]) -> Bool {
        guard let first = statements.first?.trimmedBlanks else { return false }
        // An option reference alone (`--backup               备份`, `-p, --port N   listen on N`).
        if statements.count >= 2, statements.allSatisfy(isOptionLine) { return true }
        // (a command's name first: `[Unit]` opens a unit file)
        let opens = first.lowercased().hasPrefix("usage:")
            || first.first?.isLetter == true && Synopsis.isSynopsis(first) && !OutputLine.isOutputLine(first)
        guard opens, statements.count >= 2 else { return false }
        let help = statements.filter { raw in
            let line = raw.trimmedBlanks
            return Synopsis.isSynopsis(line) || raw.first == " " || raw.first == "\t" || line.hasPrefix("[")
                || line.hasPrefix("-") && line.contains("  ") || line.hasSuffix(":") && !line.contains(" ")
                || line.lowercased().hasPrefix("usage:")
                || line.hasPrefix("Use \"")  // `Use "kubectl options" for a list of global command-line options`
        }.count
        return help * 4 >= statements.count * 3
    }

    /// `--target-dir=DIR       备份存放目录`, `-a, --all    display all`: an option, a gap of two or more
    /// blanks, and words describing it (not a continued command's flags, which end in `\`, nor
    /// an `ls -l` row, `-rw-r--r--  1 root …`).
    static func isOptionLine(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard line.hasPrefix("-"), let second = line.dropFirst().first, second.isLetter || second == "-",
              !line.hasSuffix("\\"), !OutputLine.isOutputLine(line), let gap = line.range(of: "  ") else { return false }
        let description = line[gap.upperBound...].trimmedBlanks
        return description.contains(where: { $0.isLetter }) && !description.hasPrefix("-") && !description.contains("|")
            && !description.contains("$")
    }

    /// `mailq` / `postqueue -f` / `postsuper -d ALL deferred`: programs no lexicon knows, written as
    /// commands are: a program-like first word on every line and options on half of them (config
    /// directives, `bind 0.0.0.0`, `maxmemory 4gb`, take no options).
    static func isCommandShaped(_ statements: [Substring]) -> Bool {
        guard !statements.isEmpty else { return false }
        var withOptions = 0
        for raw in statements {
            let code = raw.trimmedBlanks.beforeTrailingComment.trimmedBlanks
            guard let word = code.split(separator: " ").first, word.count >= 2,
                  word.first.map({ $0.isASCII && $0.isLowercase }) == true,
                  word.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "._+-/".contains($0)) }),
                  !code.hasSuffix(";"), !code.hasSuffix("{"), !code.hasSuffix(":"),
                  !OutputLine.isStrongEvidence(code), !code.split(separator: " ").dropFirst().contains("=")
            else { return false }
            if OutputLine.hasOption(code) { withOptions += 1 }
        }
        if withOptions * 2 >= statements.count { return true }
        // `grafana-cli plugins install x` / `grafana-cli plugins ls`: one tool, named like one
        // (`-`, `_`, a digit, or …ctl/…adm/…cli), on every line.
        let firsts = Set(statements.compactMap { $0.trimmedBlanks.split(separator: " ").first })
        guard statements.count >= 2, firsts.count == 1, let tool = firsts.first else { return false }
        // (`rename-command FLUSHALL ""`, `http_access deny all`: directives, whatever their name)
        return ["ctl", "adm", "cli", "-tool"].contains(where: { tool.hasSuffix($0) })
    }

    /// `30 2 * * * /usr/local/bin/backup.sh`, `@reboot cmd`: a schedule, then the command it runs.
    static func isCrontabEntry(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        if line.hasPrefix("@"), let word = line.split(separator: " ").first,
           ["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"].contains(String(word)) {
            return line.split(separator: " ").count >= 2
        }
        let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
        guard fields.count == 6 else { return false }
        return fields.prefix(5).allSatisfy { field in
            field.allSatisfy { $0.isNumber || "*/,-".contains($0) } || field.count == 3 && field.allSatisfy(\.isLetter)  // `mon-fri` aside: `MON`
        } && fields.prefix(5).contains { $0.contains("*") }
    }

    /// `auth  required  pam_wheel.so use_uid` (pam.d), `*  soft  nofile  65535` (limits.conf):
    /// lines of the files that say who may log in and what they may use.
    static func isSystemTableEntry(_ raw: Substring) -> Bool {
        let words = raw.trimmedBlanks.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2 else { return false }
        if words[0] == "Defaults" || words[0].hasPrefix("Defaults:") { return true }
        guard words.count >= 3 else { return false }
        if ["auth", "account", "password", "session", "-auth", "-account", "-password", "-session"].contains(String(words[0])),
           words[1].hasPrefix("[") || ["required", "requisite", "sufficient", "optional", "include", "substack"].contains(String(words[1])) {
            return true
        }
        if words.count == 4, ["soft", "hard", "-"].contains(String(words[1])), Int(words[3]) != nil || words[3] == "unlimited" { return true }
        // sudoers: `Defaults  logfile=/var/log/sudo.log`, `%ops  ALL=(ALL)  ALL`
        return !words[0].contains("=") && words[1].contains("=(") && words[1].first?.isUppercase == true
    }

    /// `{"level":"info",…}` on each line (JSON Lines), not one document: what a program logged.
    static func isJSONLines(_ statements: [Substring]) -> Bool {
        let objects = statements.filter { line in
            let t = line.trimmedBlanks
            return t.hasPrefix("{") && t.hasSuffix("}") && StrictJSON.validate(String(t)) == nil
        }
        let rest = statements.filter { !OutputLine.isElision($0) }.count - objects.count
        return objects.count >= 2 && rest * 4 <= objects.count
    }

    /// `├── tasks` directory trees.
    static func isTree(_ lines: [Substring]) -> Bool {
        // (`┌─database─┬─table─┐` … `│ events │`: a table drawn in boxes, output)
        guard !lines.contains(where: { $0.contains("┌") || $0.contains("┬") || $0.contains("┼") || $0.contains("┘") }) else { return false }
        return lines.filter { $0.contains("├") || $0.contains("└") || $0.contains("│") }.count >= 2
    }

    /// `SELECT … FROM …;`, `ALTER TABLE …;`, `GRANT …`: SQL, whatever the fence says (a query is
    /// typed into a client, not into bash).
    static func isSQL(_ statements: [Substring]) -> Bool {
        guard let first = statements.first?.trimmedBlanks.split(separator: " ").first?.uppercased(),
              sqlVerbs.contains(first) else { return false }
        // (`truncate -s 0 /var/log/*.log` is coreutils: SQL has no options; comments and quotes say nothing)
        let code = statements.map { ShellWords.unquoted($0.beforeTrailingComment) }
        if code.contains(where: { $0.split(separator: " ").dropFirst().contains { $0.hasPrefix("-") && $0.count > 1 && $0 != "--" } }) { return false }
        let text = code.joined(separator: " ").uppercased()
        return text.hasSuffix(";") || text.contains(" FROM ") || text.contains(" TABLE ") || text.contains(" INTO ")
            || text.contains(" WHERE ") || text.contains(" DATABASE ")
    }

    private static let sqlVerbs: Set<String> = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "GRANT", "REVOKE", "SHOW", "TRUNCATE",
        "WITH", "EXPLAIN", "OPTIMIZE", "DESCRIBE", "FLUSH", "CHANGE", "REPLACE",
    ]

    /// `<clickhouse>` … `</clickhouse>`, `<?xml …?>`, `<!-- … -->` first: an XML file.
    static func isXML(_ lines: [Substring]) -> Bool {
        guard let first = lines.first?.trimmedBlanks, let last = lines.last?.trimmedBlanks,
              first.hasPrefix("<?xml") || first.hasPrefix("<!--") || first.hasPrefix("<") && first.dropFirst().first?.isLetter == true,
              last.hasPrefix("</") || last.hasSuffix("/>") || last.hasSuffix("-->") else { return false }
        return lines.filter { $0.trimmedBlanks.hasPrefix("<") }.count * 2 >= lines.count
    }

    /// Statements, not lines: the first line of each command, its heredoc body and continued
    /// lines belonging to it (ShellSession's plain-script reading); comments and blanks left out.
    static func logicalStatements(_ code: String) -> [Substring] {
        let session = ShellSession.script(code)
        return session.lines.indices.filter { session.lines[$0].role == .command }.map { session.text[$0] }
    }

    /// Each command whole: its `\`-continued lines joined on one line as bash reads them
    /// (`gh-ost \` over `  --host=…` is `gh-ost --host=…`), a quoted string or heredoc body that
    /// spans lines kept with it (`curl … -d '{` ends at `}'`).
    static func wholeCommands(_ code: String) -> [Substring] {
        let session = ShellSession.script(code)
        var commands: [String] = []
        for index in session.lines.indices {
            switch session.lines[index].role {
            case .command: commands.append(String(session.text[index]))
            case .continued where !commands.isEmpty:
                let line = session.text[index]
                if commands[commands.count - 1].hasSuffix("\\") {
                    commands[commands.count - 1].removeLast()
                    commands[commands.count - 1] = commands[commands.count - 1].trimmingCharacters(in: .whitespaces)
                        + " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    commands[commands.count - 1] += "\n" + line
                }
            default: continue
            }
        }
        // (`--chunk-size=1000 \   # busy hours`: the author's comment after the `\` goes; bash ends
        // the command there)
        return commands.map { command in
            let line = Substring(command)
            return ShellWords.continuesBeforeComment(line) ? ShellWords.codeBeforeComment(line).trimmedBlanks : line
        }
    }

    static func isLoneURL(_ statements: [Substring]) -> Bool {
        // Any scheme: `https://…`, `spiffe://trust-domain/path` (an address to read, not output).
        guard statements.count == 1 else { return false }
        let line = statements[0].trimmedBlanks
        guard !line.contains(" "), let colon = line.range(of: "://") else { return false }
        let scheme = line[..<colon.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Most lines read as program output: tables, logs, errors, `ls -l`, ping replies, usage text.
    static func isOutput(_ lines: [Substring]) -> Bool {
        guard let first = lines.first else { return false }
        if looksLikeOutput(lines) { return true }
        if first.lowercased().hasPrefix("usage:") { return true }
        let output = lines.filter(OutputLine.isOutputLine).count
        return output * 2 >= lines.count
    }

    static let dockerInstructions: Set<String> = [
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    static func isDockerfile(_ lines: [Substring]) -> Bool {
        let instructions = lines.filter { !$0.hasPrefix("#") }
        guard let first = instructions.first else { return false }
        func word(_ l: Substring) -> String { String(l.drop { $0 == " " }.prefix { $0 != " " && $0 != "\t" }) }
        var index = 0
        while index < instructions.count, word(instructions[index]) == "ARG" { index += 1 }
        guard index < instructions.count, word(instructions[index]) == "FROM" || word(first) == "FROM" else { return false }
        let known = instructions.filter { dockerInstructions.contains(word($0)) }.count
        return known >= 2 && Double(known) >= Double(instructions.count) * 0.4
    }

    static let sysctlRoots: Set<Substring> = ["net", "vm", "fs", "kernel", "dev", "user", "abi", "debug", "sunrpc", "crypto"]

    /// Every setting line is `a.b.c = value` under a sysctl root.
    static func isSysctl(_ lines: [Substring]) -> Bool {
        var settings = 0
        for line in lines {
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.hasPrefix("#") || t.hasPrefix(";") || t.hasPrefix("{%") || t.hasPrefix("{{") { continue }
            guard let eq = t.firstIndex(of: "=") else { return false }
            let key = t[..<eq].trimmedBlanks
            let parts = key.split(separator: ".")
            guard parts.count >= 2, let root = parts.first, sysctlRoots.contains(root),
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-/*".contains($0)) })
            else { return false }
            settings += 1
        }
        return settings > 0
    }

    static func isJSON(_ code: String) -> Bool {
        let trimmed = String(code.trimmedWhitespace)
        guard let first = trimmed.first, first == "{" || first == "[", let last = trimmed.last,
              (first == "{" && last == "}") || (first == "[" && last == "]")
        else { return false }
        return StrictJSON.validate(trimmed) == nil
    }

    /// A manifest: `apiVersion:` and `kind:` at the top level, and the block starts as YAML
    /// (not `kubectl apply -f - <<EOF` with the manifest in a heredoc).
    static func startsWithPrompt(_ lines: [Substring]) -> Bool {
        guard let first = lines.first else { return false }
        if case .shell = ShellPrompt.classify(first) { return true }
        return false
    }

    /// `{ "hosts": [ {% for h in hosts %} "{{ h }}", {% endfor %} ] }`: JSON written as a Jinja template.
    static func isTemplatedJSON(_ code: String) -> Bool {
        let trimmed = String(code.trimmedWhitespace)
        guard trimmed.hasPrefix("{"), trimmed.hasSuffix("}"), hasTemplateSyntax(trimmed) else { return false }
        let lines = trimmed.split(separator: "\n").map { $0.trimmedBlanks }
        let quoted = lines.filter { $0.hasPrefix("\"") || $0.hasPrefix("{") || $0.hasPrefix("}") || $0.hasPrefix("]") || $0.hasPrefix("{%") }
        return quoted.count * 10 >= lines.count * 8
    }

    /// `"labels": { … }`: an object's members shown without the braces.
    static func isJSONFragment(_ code: String) -> Bool {
        let trimmed = String(code.trimmedWhitespace)
        guard trimmed.hasPrefix("\""), trimmed.contains("\":") else { return false }
        return StrictJSON.validate("{" + trimmed + "}") == nil
    }

    static func isKubernetesYAML(_ lines: [Substring]) -> Bool {
        // A first line naming the file (`//harborkey1.yaml`, `# pv.yaml`) is a caption.
        let caption = lines.first.map { l in l.hasPrefix("//") && (l.hasSuffix(".yaml") || l.hasSuffix(".yml")) } ?? false
        guard let first = lines.dropFirst(caption ? 1 : 0).first(where: { !$0.hasPrefix("#") && $0 != "---" }), startsLikeYAML(first)
        else { return false }
        return lines.contains { $0.hasPrefix("apiVersion:") } && lines.contains { $0.hasPrefix("kind:") }
    }

    /// Every line a `#` comment, and half of them, the mark taken off, columns or rulers.
    static func isCommentedReport(_ lines: [Substring]) -> Bool {
        guard lines.count >= 4 else { return false }
        let tabular = lines.filter { raw in
            let line = raw.trimmedBlanks.drop { $0 == "#" }.trimmedBlanks
            let ruler = line.count >= 5 && line.allSatisfy { "=-_ ".contains($0) }
            return ruler || OutputLine.isTableRow(line)
        }.count
        return tabular * 2 >= lines.count
    }

    /// Where a YAML key's colon is: the first, or the one after a quoted key's closing quote
    /// (`"registry.lab.local:5000":`).
    static func keyColon(_ t: Substring) -> Substring.Index? {
        guard let quote = t.first, quote == "\"" || quote == "'" else { return t.firstIndex(of: ":") }
        guard let close = t.dropFirst().firstIndex(of: quote), t.index(after: close) < t.endIndex,
              t[t.index(after: close)] == ":" else { return t.firstIndex(of: ":") }
        return t.index(after: close)
    }

    static func startsLikeYAML(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " }
        if t.hasPrefix("- ") { return true }
        guard let colon = keyColon(t), colon != t.startIndex else { return false }
        let after = t.index(after: colon)
        return t[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "_-./\"'".contains($0) }
            && (after == t.endIndex || t[after] == " ")
    }

    /// `         type: range` / `          key: idx_uid` / `         rows: 142`: labels padded on
    /// the left so their colons line up, as `mysql … \G`, `redis-cli info` dumps and other reports
    /// print them. Three or more labelled values, one colon column, two or more indents: never
    /// YAML (siblings share an indent, and a deeper key's parent holds no value of its own).
    static func isRightAlignedReport(_ lines: [Substring]) -> Bool {
        if isRightAlignedNumbers(lines) { return true }
        var column: Int?, indents = Set<Int>(), labels = 0
        for line in lines where !line.trimmedBlanks.isEmpty {
            // (`*************************** 1. row ***************************` between records)
            if line.trimmedBlanks.hasPrefix("****") { continue }
            guard let colon = line.firstIndex(of: ":") else { return false }
            let indent = line.prefix { $0 == " " }.count
            let label = line[line.index(line.startIndex, offsetBy: indent)..<colon]
            let value = line[line.index(after: colon)...]
            guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || "_-".contains($0) }),
                  value.first == " ", !value.trimmedBlanks.isEmpty else { return false }
            let at = line.distance(from: line.startIndex, to: colon)
            if let column, column != at { return false }
            column = at
            indents.insert(indent)
            labels += 1
        }
        return labels >= 3 && indents.count >= 2
    }

    /// `MemTotal:       32779804 kB` over `MemFree:          524112 kB`: numbers padded on the left
    /// so they end in one column, as `/proc/meminfo`, `vmstat -s` and counters print them (a
    /// YAML author does not pad values, least of all to the right).
    static func isRightAlignedNumbers(_ lines: [Substring]) -> Bool {
        var ends = Set<Int>(), rows = 0, padded = 0
        for line in lines where !line.trimmedBlanks.isEmpty && !OutputLine.isElision(line) {
            guard let colon = line.firstIndex(of: ":") else { return false }
            let label = line[..<colon].trimmedBlanks
            guard !label.isEmpty, label.allSatisfy({ $0.isLetter || $0.isNumber || "_-()".contains($0) }) else { return false }
            let value = line[line.index(after: colon)...]
            let padding = value.prefix { $0 == " " }.count
            let words = value.split(separator: " ")
            guard padding >= 1, let number = words.first, number.allSatisfy({ $0.isNumber || $0 == "." }), number.first?.isNumber == true,
                  words.count <= 2 else { return false }
            if padding >= 2 { padded += 1 }
            ends.insert(line.distance(from: line.startIndex, to: number.endIndex))
            rows += 1
        }
        return rows >= 3 && ends.count == 1 && padded * 2 >= rows
    }

    /// Most lines are `key: value`, `- item` or comments, and at least two are keys
    /// (`loose`: one key is enough, but then every line must be YAML and it must start as YAML).
    static func isYAML(_ lines: [Substring], loose: Bool) -> Bool {
        // `... 省略` (the author left part of the file out) is no line of the file.
        let lines = lines.filter { !$0.trimmedBlanks.hasPrefix("...") && !$0.trimmedBlanks.hasPrefix("…") }
        if loose {
            guard let first = lines.first(where: { !$0.drop(while: { $0 == " " }).hasPrefix("#") }),
                  startsLikeYAML(first) || first.hasPrefix("- ")
            else { return false }
        }
        var keys = 0, other = 0
        var blockScalarIndent: Int?  // inside `key: |` everything more indented is text
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            if let scalarIndent = blockScalarIndent {
                if indent > scalarIndent { continue }
                blockScalarIndent = nil
            }
            let t = line.drop { $0 == " " }
            if t.hasSuffix(": |") || t.hasSuffix(": >") || t.hasSuffix(": |-") || t.hasSuffix(": >-") { blockScalarIndent = indent }
            if t.hasPrefix("#") || t == "---" || t.hasPrefix("- ") || t == "-" { continue }
            if let colon = keyColon(t), colon != t.startIndex,
               t[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "_-./\"':".contains($0) }),
               t.index(after: colon) == t.endIndex || t[t.index(after: colon)] == " "
            {
                keys += 1
            } else {
                other += 1
            }
        }
        return loose ? (keys >= 1 && other == 0) : (keys >= 2 && other * 5 <= keys)
    }

    /// An Ansible inventory host line: a name, then `key=value` variables (`node1 ansible_host=10.0.0.1 ip=10.0.0.1`).
    static func isInventoryHost(_ line: Substring) -> Bool {
        let words = line.split(separator: " ")
        guard words.count >= 2, let host = words.first, !host.contains("=") else { return false }
        return words.dropFirst().allSatisfy { $0.contains("=") && $0.first?.isLetter == true }
    }

    /// `[Section]` headers with `key=value` lines (systemd units, ini files). In an Ansible
    /// inventory (a `[group:children]` or `[group:vars]` section, or a host line with variables)
    /// a line of one name is an entry too: a host, or a group under `:children`.
    static func isINI(_ lines: [Substring]) -> Bool {
        var sections = 0, pairs = 0, other = 0
        var continued = false
        let inventory = lines.contains { line in
            let t = line.trimmedBlanks
            return t.hasPrefix("[") && (t.hasSuffix(":children]") || t.hasSuffix(":vars]")) || isInventoryHost(t)
        }
        for line in lines {
            let t = line.trimmedBlanks
            defer { continued = t.hasSuffix("\\") }
            if continued || t.hasPrefix("#") || t.hasPrefix(";") || t.hasPrefix("{%") || t.hasPrefix("{{") { continue }
            if t.hasPrefix("[") && t.hasSuffix("]") && !t.contains(" ") { sections += 1 }
            else if let eq = t.firstIndex(of: "="), eq != t.startIndex, !t[..<eq].contains(" ") || t[..<eq].hasSuffix(" ") { pairs += 1 }
            else if isInventoryHost(t) { pairs += 1 }
            else if inventory, !t.isEmpty, sections > 0,
                    t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-:[]".contains($0)) }) { pairs += 1 }
            else { other += 1 }
        }
        return sections >= 1 && pairs >= 1 && other * 4 <= pairs
    }

    /// A table header (`NAME   READY   STATUS`) or log lines, and nothing that reads as a command.
    static func looksLikeOutput(_ lines: [Substring]) -> Bool {
        guard let first = lines.first?.drop(while: { $0 == " " }) else { return false }
        let words = first.split(separator: " ", omittingEmptySubsequences: true)
        // `NAME   READY   STATUS`, `CPU(cores)   MEMORY(bytes)`: capitals, units in parentheses.
        func headerWord(_ w: Substring) -> Bool {
            let outside = w.split(separator: "(").first.map { $0 } ?? w
            return outside.allSatisfy { $0.isUppercase || "-_%/".contains($0) } && outside.contains(where: \.isUppercase)
        }
        let header = words.count >= 2 && words.allSatisfy(headerWord)
            && first.contains("  ")
        return header || isTitledHeader(first, over: lines.dropFirst()) || isVerticalRecord(lines)
    }

    /// `Limit        Soft Limit   Hard Limit   Units`, `Filesystem   Size  Used Avail Use% Mounted on`:
    /// three or more column names in capitalised words, apart by runs of blanks, over rows
    /// that have the columns too (a heading in prose has neither the gaps nor the rows).
    static func isTitledHeader(_ first: Substring, over rows: ArraySlice<Substring>) -> Bool {
        let cells = first.trimmedBlanks.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count >= 3, !rows.isEmpty else { return false }
        let joiners: Set<Substring> = ["on", "of", "in", "at", "per", "by", "to", "and"]
        let words = cells.flatMap { $0.split(separator: " ") }
        guard words.allSatisfy({ word in
            word.first.map { $0.isUppercase && $0.isASCII } == true && word.allSatisfy { $0.isLetter || $0.isNumber || "%()/_-.".contains($0) }
                || joiners.contains(word)
        }) else { return false }
        let columned = rows.filter { row in row.trimmedBlanks.components(separatedBy: "  ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count >= 2 }
        return columned.count * 2 >= rows.count
    }

    /// `         type: range` over `          key: idx_uid`: names right-aligned on their colons
    /// (MySQL's `\G`, `rpm -qi`-style records). YAML nests by indentation; these keys are
    /// indented only to line the colons up.
    static func isVerticalRecord(_ lines: [Substring]) -> Bool {
        let fields = lines.filter { !$0.trimmedBlanks.isEmpty && !$0.trimmedBlanks.hasPrefix("***") }
        guard fields.count >= 3 else { return false }
        var colons = Set<Int>(), indents = Set<Int>()
        for line in fields {
            guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].first == " " || line.index(after: colon) == line.endIndex
            else { return false }
            let name = line[..<colon].trimmedBlanks
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_ -".contains($0) }) else { return false }
            colons.insert(line.distance(from: line.startIndex, to: colon))
            indents.insert(line.prefix { $0 == " " }.count)
        }
        return colons.count == 1 && indents.count >= 2
    }

    static func hasTemplateSyntax(_ code: String) -> Bool {
        code.contains("{{") && code.contains("}}") || code.contains("{%") && code.contains("%}")
    }
}
