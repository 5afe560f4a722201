// What program output looks like, line by line, for blocks that paste a command and what it
// printed with no prompt to tell them apart (`kubectl get pods` and its table). A line is
// output only on positive evidence — a table row, a log line, a capitalised sentence, a lone
// value right after a command — so an unknown command (`ezdown -D`) is never taken for output.

package enum OutputLine {
    /// True when `raw` reads as something a program printed. `afterCommand`: the line right
    /// after a command line (where a lone word is that command's answer).
    package static func isEvidence(_ raw: Substring, afterCommand: Bool) -> Bool {
        if isStrongEvidence(raw) { return true }
        let line = raw.trimmedBlanks
        guard let first = line.first else { return false }
        if line.hasPrefix("#") || ShellWords.looksLikeCommand(line) { return false }
        if afterCommand, isPlainText(line) || isReportLine(line) || isFieldRecord(line) { return true }
        // `notBefore=Nov 22 01:31:50 2023 GMT`: a name and a value of words, no program after it
        // (it does not look like a command): `openssl x509 -dates` and `key=value` reports print them.
        if afterCommand, let eq = line.firstIndex(of: "="), eq != line.startIndex, line[eq...].contains(" "),
           line[..<eq].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }),
           !hasShellOperators(line) { return true }
        if isVerboseTrace(line) { return true }
        let operators = hasShellOperators(line)
        // A sentence a program printed: `Calico process is running.`, `Forwarding from 127.0.0.1:8080 -> 80`.
        if first.isUppercase, first.isASCII, line.dropFirst().first?.isLowercase == true,
           !line.contains("|"), !line.contains("&&"), !line.contains("$("), line.contains(" ") { return true }
        // The one-word answer of the command above (`cgroup2fs`, `Running`, `v1.28.2`).
        // (`pUqJrVyVRj5jsiYEkM/tFQ==`: a key `keygen` printed, its padding not an assignment)
        if afterCommand, !operators, !line.contains(" "), !line.drop(while: { $0 != "=" }).contains(where: { $0 != "=" }), !line.hasPrefix("-"),
           !line.hasPrefix("/"), !line.hasPrefix(".") || line == ".", !line.hasSuffix("\\") { return true }
        return false
    }

    /// What only programs print, whatever comes before: table rows and boxes, columns, log
    /// lines, `ls -l` rows, `Error: …` (not sentences, which authors write too).
    package static func isStrongEvidence(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard let first = line.first else { return false }
        if line.hasPrefix("#") { return false }
        if isTableRow(line) || isLabelledValue(line) || isVersionLine(line) || isLogfmt(line) || isStackFrame(line)
            || isColonRecord(line) { return true }
        if ShellWords.looksLikeCommand(line) { return false }
        if isOutputLine(raw) { return true }
        // Boxes and tables: `+----+----+`, `| ENDPOINT | ID |`, `├── roles`.
        if line.hasPrefix("+-") || line.hasPrefix("`- ") || (first == "|" && line.count > 1) || line.contains("│") || line.contains("├")
            || line.contains("└") || line.contains("┌") || line.contains("┬") || line.contains("┼") { return true }
        // (`->` is an arrow in a table, `  -> 10.0.0.1:6443   Masq   1`, not a redirection)
        let unarrowed = line.replacingOccurrences(of: "->", with: "  ")
        let operators = hasShellOperators(Substring(unarrowed))
        // `>>> 172.27.138.251`: what a loop's `echo ">>> ${node_ip}"` printed (ShellPrompt: not Python).
        if line.hasPrefix(">>> "), case .none = ShellPrompt.classify(line[...]) { return true }
        if isPipeTableRow(line) { return true }
        // `a1Bc9xQz<TAB>API Latency`: tab-separated fields (`jq -r … | @tsv`, `cut`), not indentation.
        // (`192.168.1.1<TAB>hello.test.com` is a line of /etc/hosts)
        if line.contains("\t"), !operators, let field = line.split(separator: "\t").first, field.count < line.count,
           field.split(separator: ".").count != 4 || !field.split(separator: ".").allSatisfy({ Int($0) != nil }) { return true }
        // Columns: three or more fields apart by runs of spaces (`web-0   1/1   Running   0   3m`),
        // or two when one is a timestamp (`certificates.cert-manager.io   2023-11-22T01:20:33Z`).
        if operators { return false }
        let gaps = columnGaps(Substring(unarrowed))
        return gaps >= 2 || gaps == 1 && line.split(separator: " ").dropFirst().contains(where: isTimestamp)
    }

    /// The first line of what some programs print, though its first word is a command's name:
    /// a dmesg stamp (`[ 1722.301254] sysrq: …`), an uptime line (`top - 09:12:44 up 44 days, …
    /// load average: …`), a diff's headers (`diff --git a/x b/x`, `@@ -20,4 +20,4 @@`,
    /// `index 3f2a1c4..8b9d0e7 100644`).
    package static func isHeadOfOutput(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard let first = line.first else { return false }
        switch first {
        case "[":
            guard line.hasPrefix("[ "), let close = line.firstIndex(of: "]") else { return false }
            let stamp = line[line.index(after: line.startIndex)..<close].trimmedBlanks
            return stamp.contains(".") && stamp.allSatisfy { $0.isNumber || $0 == "." }
        case "d":
            return line.hasPrefix("diff --git a/")
        case "@":
            return line.hasPrefix("@@ -") && line.dropFirst(4).contains("@@")
        case "i":
            let words = line.split(separator: " ")
            return words.count == 3 && words[0] == "index" && words[1].contains("..")
                && words[1].split(separator: ".", omittingEmptySubsequences: true).allSatisfy { $0.allSatisfy(\.isHexDigit) }
        default:
            return line.contains(" load average: ")
        }
    }

    /// A pipe, list, redirection or substitution: what a command line has and printed text rarely does.
    private static func hasShellOperators(_ line: Substring) -> Bool {
        line.contains("|") || line.contains("&&") || line.contains(";") || line.contains(">") || line.contains("$(")
            || line.contains("`")
    }

    /// A row of an aligned table, whatever its first word (`join   IPv4   100.64.0.0/16   false`):
    /// three or more runs of blanks between fields, and nothing a command line would have
    /// (operators, options, a continuation, a comment).
    package static func isTableRow(_ raw: Substring) -> Bool {
        let trimmed = raw.trimmedBlanks
        guard columnGaps(trimmed) >= 3 else { return false }
        // (`"nginx -g 'daemon of…"` is a cell of `docker ps`, `0.0.0.0:80->8080/tcp` a port mapping)
        // (`<none>`, `<pending>`: a cell of `kubectl get`, not a redirection)
        var line = trimmed.contains("\"") || trimmed.contains("->") ? Substring(ShellWords.unquoted(trimmed).replacingOccurrences(of: "->", with: "  ")) : trimmed
        if line.contains("<") { line = Substring(withoutAngleCells(line)) }
        guard columnGaps(line) >= 3, !line.hasSuffix("\\"), !line.contains(" #"), !hasOption(line),
              !line.contains("|"), !line.contains("&&"), !line.contains(";"), !line.contains("$("), !line.contains(">")
        else { return false }
        return true
    }

    /// `nginx path prefix: "/usr/local/nginx"`, `Container runtime version: 1.7`: a label of two
    /// or more plain words, a colon, a value (what `describe`, `info` and `configure` print).
    static func isLabelledValue(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return false }
        let label = line[..<colon].split(separator: " ")
        // (`awk -F: '…'`: an option, not a label)
        return label.count >= 2 && label.count <= 8 && !label.contains(where: { $0.hasPrefix("-") })
            && label.allSatisfy { word in word.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "(" || $0 == ")" } }
            && label.first?.first?.isLetter == true
    }

    /// Words, not a command: the first is no command opsdocs knows, and none is an option, a
    /// path, an assignment or shell syntax (`replicationcontroller "test" created`, `eirmod tempor`).
    static func isPlainText(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, let first = words.first, !ShellWords.commands.contains(String(first)),
              first.allSatisfy({ $0.isLetter || $0 == "-" }), first.first?.isLetter == true
        else { return false }
        return words.allSatisfy { word in
            !word.hasPrefix("-") && !word.hasPrefix("/") && !word.hasPrefix("./") && !word.contains("=") && !word.contains("$")
                && word.allSatisfy { $0.isLetter || $0.isNumber || "\"',.:!?()-_/".contains($0) }
        }
    }

    /// A log line's timestamp: `2020-01-10T18:10:40.015Z`, `2023-05-01 12:00:01,123`, `[2020-01-10 …`.
    static func isTimestamp(_ word: Substring) -> Bool {
        let w = word.hasPrefix("[") ? word.dropFirst() : word
        let digits = w.prefix(10)
        guard digits.count == 10 else { return false }
        let shape = digits.map { $0.isNumber ? "9" : String($0) }.joined()
        return (shape == "9999-99-99" || shape == "9999/99/99") && (w.count == 10 || "T _".contains(w[w.index(w.startIndex, offsetBy: 10)]))
    }

    /// A log line: `[1520331.442158] Memory cgroup …` (dmesg), or a clock time among the first
    /// words of a line that starts with a number or a month (`12873:X 14 Mar 2024 15:20:11.532 #`,
    /// `Mar 21 03:14:01 web1 sshd[812]: …`).
    static func isLogLine(_ line: Substring) -> Bool {
        guard line.contains(":") else { return false }  // (a clock, a tag: most lines have neither)
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            let inside = line[line.index(after: line.startIndex)..<close].trimmedBlanks
            if inside.contains("."), inside.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
            // `[Wed Jul 12 03:14:22 2023] XFS (vdb1): …` (dmesg -T)
            if inside.split(separator: " ").contains(where: isClock) { return true }
        }
        // `[2024-05-16T11:02:41.338+0800][3521.207s] GC(412) …` (JVM unified logging), or a stamp
        // after a process tag (`4|webhook- | 2024-03-02T14:11:09: Error: …`, PM2's logs).
        let leading = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true)
        if let first = leading.first, isDateTime(first) { return true }
        if line.contains("| "), let bar = leading.firstIndex(where: { $0 == "|" || $0.hasSuffix("|") }),
           leading.index(after: bar) < leading.endIndex, isDateTime(leading[leading.index(after: bar)]) { return true }
        // `45.95.147.236 - - [04/Jun/2024:03:12:44 +0800] "GET /.env HTTP/1.1" 404 153`: a web
        // server's access log (its stamp in brackets, the date and clock joined by `:`).
        if let open = line.range(of: " ["), line[open.upperBound...].prefix(11).split(separator: "/").count == 3,
           line[open.upperBound...].dropFirst(11).first == ":",
           isClock(line[open.upperBound...].dropFirst(12).prefix(8)) { return true }
        // `Keepalived_vrrp[2331]: VRRP_Script(chk_gw) failed`: a syslog tag.
        if let tag = line.split(separator: " ", maxSplits: 1).first, tag.hasSuffix("]:"), let open = tag.firstIndex(of: "["),
           open > tag.startIndex, tag[tag.index(after: open)..<tag.index(tag.endIndex, offsetBy: -2)].allSatisfy(\.isNumber),
           tag[..<open].allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) { return true }
        let words = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: true).prefix(5)
        guard let first = words.first, first.first?.isNumber == true || months.contains(String(first.prefix(3))) else { return false }
        return words.contains(where: isClock)
    }

    /// A date with its time in one word (`2024-03-02T14:11:09:`, `[2024-05-16T11:02:41.338+0800][…]`):
    /// what loggers stamp, never a command's first word.
    private static func isDateTime(_ word: Substring) -> Bool {
        let w = word.hasPrefix("[") ? word.dropFirst() : word
        guard isTimestamp(w), w.count > 12 else { return false }
        return w[w.index(w.startIndex, offsetBy: 10)] == "T"
    }

    /// `15:20:11`, `15:20:11.532`.
    private static func isClock(_ word: Substring) -> Bool {
        let clock = word.split(separator: ".", maxSplits: 1).first ?? word
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isNumber) }
    }

    /// `git version 2.41.0`, `Docker version 24.0.7, build afdd53b`, `go version go1.21.5 linux/amd64`:
    /// what `--version` printed (`kubectl version --client` has an option where the number would be).
    /// So is a banner: a name, its release and the date it was built (`smartctl 7.0 2018-12-30 r4883 […]`).
    package static func isVersionLine(_ line: Substring) -> Bool {
        if let space = line.firstIndex(of: " "), line[line.index(after: space)...].first?.isNumber == true {
            let words = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true)
            if words.count >= 3, words[1].contains("."), words[1].allSatisfy({ $0.isNumber || $0 == "." }), isTimestamp(words[2]) { return true }
        }
        guard line.contains(" version ") || line.contains(" Version ") || line.contains(" Ver ") || line.contains(" v") else { return false }
        // (short: `kernel version 3.10.0-862 has a nat related bug …` is a sentence)
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 3, words.count <= 6, ["version", "Version", "Ver", "v"].contains(String(words[1])) else { return false }
        let number = words[2].drop { $0.isLetter }
        return number.first?.isNumber == true && number.contains(".")
    }

    /// What a version query printed, whatever the tool's format: a release number among the first
    /// words, no option and no assignment (`etcdctl version: 3.5.12`, `ansible [core 2.16.4]`,
    /// `aws-cli/2.15.21 Python/3.11.6 Linux/5.15.0`; not `pip install ansible==9.1.0`).
    package static func isVersionAnswer(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.contains(where: { $0.hasPrefix("-") }), !line.contains("="), !line.contains("|"), !line.contains(">")
        else { return false }
        return words.prefix(3).contains { word in
            let number = (word.split(separator: "/").last ?? word).trimmingCharacters(in: ["[", "]", "(", ")", ",", ":", "v"])
            let parts = number.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        }
    }

    /// A line a logger wrote: led by its level (`Warning [IST0103] …`, `ERROR: …`, `@ERROR: auth
    /// failed`, `INFO  2024-…`), a program's `error:` (`rsync error: …`), or logfmt with a level or a
    /// message (`time="…" level=error msg="…"`).
    static func isLevelled(_ line: Substring) -> Bool {
        guard let lead = line.first, lead.isUppercase || lead == "@" || lead == "[" || line.contains(" error:")
                || line.contains(" warning:") || line.contains(" fatal:") || line.contains("level=") else { return false }
        let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard let first = words.first else { return false }
        let level = first.drop { $0 == "@" || $0 == "[" }.prefix { $0.isLetter }.uppercased()
        let rest = first.drop { $0 == "@" || $0 == "[" }.dropFirst(level.count)
        // (`[OK] All 16384 slots covered.`, `[FAIL] …`: a check's verdict, in brackets only)
        if first.first == "[", rest == "]", statuses.contains(level), words.count >= 2 { return true }
        if levels.contains(level), rest.isEmpty || rest == ":" || rest == "]" || rest == "]:", words.count >= 2, words[1] != "=",
           first.first?.isUppercase == true || first.first == "@" || first.first == "[" { return true }
        if words.count >= 3, ["error:", "warning:", "fatal:"].contains(String(words[1])) { return true }
        return isLogfmt(line)
    }

    /// `time="…" level=error msg="…"`: logfmt with a level and a message or a time (which
    /// otherwise reads as assignments in front of a command).
    /// So is the audit log (`type=SYSCALL msg=audit(05/21/2024 10:41:07.231:2241) : arch=x86_64 …`).
    package static func isLogfmt(_ line: Substring) -> Bool {
        (line.contains(" level=") || line.hasPrefix("level=")) && (line.contains("msg=") || line.contains("time="))
            || line.hasPrefix("type=") && line.contains(" msg=audit(")
    }

    private static let statuses: Set<String> = ["OK", "FAIL", "FAILED", "PASS", "PASSED", "DONE", "SUCCESS", "SKIP", "SKIPPED"]
    private static let levels: Set<String> = ["WARNING", "WARN", "ERROR", "INFO", "DEBUG", "FATAL", "CRITICAL", "NOTICE", "TRACE"]

    /// `at java.net.Socket.connect(Socket.java:607)`, `Caused by: …`, `... 12 more`: a stack trace.
    static func isStackFrame(_ line: Substring) -> Bool {
        if line.hasPrefix("Caused by: ") { return true }
        // `[0x00007f1c2ea14230] curl_exec() /var/www/…:44` (PHP's slow log), `#3  0x00007f… in main ()` (gdb):
        // a frame led by its address.
        let address = line.hasPrefix("[0x") ? line.dropFirst(3)
            : line.hasPrefix("#") ? line.dropFirst().drop { $0.isNumber }.drop { $0 == " " }.dropFirst(2) : Substring()
        if address.prefix(while: \.isHexDigit).count >= 8, line.contains(" ") { return true }
        if line.hasPrefix("... "), line.hasSuffix(" more") { return true }
        guard line.hasPrefix("at "), line.hasSuffix(")"), let open = line.firstIndex(of: "(") else { return false }
        let name = line[line.index(line.startIndex, offsetBy: 3)..<open]
        return name.contains(".") && !name.contains(" ")
    }

    /// `serviceaccount/ci-deployer created`, `deployment.apps/web configured`: what `kubectl apply`
    /// and friends report.
    static func isApplyResult(_ line: Substring) -> Bool {
        let words = line.split(separator: " ")
        guard words.count == 2 || words.count == 3 && words[2].hasPrefix("("), !words[0].hasPrefix("/"),
              words[0].contains("/"), !words[0].contains(":") else { return false }
        return ["created", "configured", "unchanged", "deleted", "patched", "labeled", "annotated", "scaled",
                "restarted", "exposed", "serverside-applied", "tainted", "cordoned", "drained", "uncordoned"].contains(String(words[1]))
    }

    /// `* Connected to 10.0.0.5 (10.0.0.5) port 8081 (#0)`: what `curl -v` tells.
    static func isVerboseTrace(_ line: Substring) -> Bool {
        line.hasPrefix("* ") && line.dropFirst(2).drop(while: { $0 == " " }).first?.isUppercase == true
    }

    /// `Node Overview|1843`, `1|admin|admin@localhost|1`: a row `sqlite3` or `mysql -B` printed,
    /// fields joined by `|` with no blank around it and a number among them (no pipeline looks so).
    static func isDelimitedRow(_ line: Substring) -> Bool {
        guard line.contains("|"), !line.contains(" |"), !line.contains("| "), !line.contains("||") else { return false }
        let fields = line.split(separator: "|", omittingEmptySubsequences: false)
        return fields.count >= 2 && fields.dropFirst().contains { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// `Inlet Temp       | 04h | ok  |  7.1 | 23 degrees C` (ipmitool, `mysql -e` without borders):
    /// three or more cells between ` | `, one a number, none the start of a command (a pipeline's
    /// stages are commands).
    static func isPipeTableRow(_ line: Substring) -> Bool {
        guard line.contains(" | ") else { return false }
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmedBlanks }
        guard cells.count >= 3, !cells.contains(where: \.isEmpty) else { return false }
        let numeric = cells.contains { cell in cell.first?.isNumber == true && cell.prefix { $0 != " " }.allSatisfy { $0.isNumber || $0 == "." } }
        return numeric && !cells.dropFirst().contains { cell in
            ShellWords.commandWord(cell).map { ShellWords.commands.contains(String($0)) } ?? false
        }
    }

    /// `mdadm: Defaulting to version 1.2 metadata`: a program's name, a colon, what it says
    /// (not a YAML key that happens to be a command: `command: [...]`, `run: make test`).
    static func isProgramMessage(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        let name = line[..<colon]
        let message = line[line.index(after: colon)...]
        guard message.first == " ", let lead = message.dropFirst().first, !"[{\"'|>&-".contains(lead),
              message.split(separator: " ").count >= 3, !yamlKeys.contains(String(name)),
              ShellWords.commands.contains(String(name)) else { return false }
        return true
    }

    private static let yamlKeys: Set<String> = [
        "command", "run", "test", "build", "install", "env", "image", "name", "args", "script", "service", "shell", "source",
        "file", "path", "user", "host", "mount", "label", "watch", "sync", "time", "date", "type", "kind", "set", "export",
        "options", "cache", "timeout", "exec", "stage", "stages", "deploy", "log", "logs", "proxy", "security", "top", "ping",
        "ssh", "id", "groups", "hostname", "uptime", "mail", "printf", "echo", "read", "wait", "trap", "true", "false", "yes",
    ]

    private static let months: Set<String> = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// What a program says when something failed: `make[1]: *** [adlist.o] Error 1`,
    /// `zmalloc.h:50:31: fatal error: …`, `mount.nfs: access denied by server …`, or a sentence
    /// of an error message (`permission denied while trying to connect …`).
    static func isDiagnostic(_ line: Substring) -> Bool {
        // (the phrases without their first letter, found without lower-casing every line)
        guard line.contains(" ") else { return false }
        guard ["rror", "atal", "enied", "ailed", "annot ", "an't ", "ot found", "o such file", "efused", "***", "arning",
               "nvalid", "nable to", "ould not", "imed out", "orbidden", "RROR", "ATAL", "ENIED", "AILED"].contains(where: { line.contains($0) })
        else { return false }
        let lower = line.lowercased()
        guard errorPhrases.contains(where: { lower.contains($0) }) else { return false }
        // `The StatefulSet "mysql" is invalid: spec: Forbidden: …`: an error and its causes, chained by colons.
        if line.components(separatedBy: ": ").count >= 3, !hasShellOperators(ShellWords.unquoted(line)[...]),
           line.first?.isLetter == true { return true }
        let word = line.prefix { $0 != " " && $0 != "\t" }
        if word.hasSuffix(":"), word.count > 1, line.split(separator: " ").count >= 4,
           word.dropLast().allSatisfy({ $0.isLetter || $0.isNumber || "._-[]:/".contains($0) }) { return true }
        // A sentence of one: no command starts it, and it has nothing a command line has.
        return word.first?.isLowercase == true && !ShellWords.commands.contains(String(word)) && !hasShellOperators(line)
            && line.split(separator: " ").count >= 4
    }

    private static let errorPhrases = [
        "error", "fatal", "denied", "failed", "cannot ", "can't ", "not found", "no such file", "refused", "***", "warning",
        "invalid ", "invalid:", "unable to", "could not", "timed out", "forbidden",
    ]

    /// `tcp  6 431998 ESTABLISHED src=198.51.100.23 dst=… sport=52144 …`: a record of a connection,
    /// a packet or an event, plain fields among `key=value` ones (an inventory host line has only
    /// `key=value` after its name; a command's own `key=value` arguments follow options).
    static func isFieldRecord(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 5, let first = words.first, !first.contains("="), !ShellWords.commands.contains(String(first)),
              !words.contains(where: { $0.hasPrefix("-") }) else { return false }
        let fields = words.dropFirst().filter { word in
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else { return false }
            return word[..<eq].allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        }.count
        return fields >= 3 && fields < words.count - 1
    }

    /// `memberID:8e9e05c52164694d alarm:NOSPACE`, `used_memory_human:7.91G`: fields as `name:value`
    /// words and nothing else, as `INFO`-style reports print them (no command starts with one; a
    /// lone word needs a `snake_case` name, as `host:port` alone could be anything).
    static func isColonRecord(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return false }
        func isField(_ word: Substring) -> Bool {
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                  let value = word[word.index(after: colon)...].first, value != "/", value != ":" else { return false }
            let name = word[..<colon]
            return name.first?.isLetter == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        }
        guard words.allSatisfy(isField) else { return false }
        return words.count >= 2 || first.prefix { $0 != ":" }.contains("_")
    }

    /// What a command reports right after it runs: `/dev/mapper/vg-data: UUID="…" TYPE="xfs"` (a
    /// path and what is known of it), `1) "192.168.1.21"` (numbered replies), `node_load1 0.21` or
    /// `TIME_WAIT 48213` (a name and a number), `fs.file-max = 2097152` (a setting echoed back).
    static func isReportLine(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return false }
        if first.hasPrefix("/"), first.hasSuffix(":"), words.count >= 2 { return true }
        if first.hasSuffix(")"), first.dropLast().allSatisfy(\.isNumber), first.count >= 2 { return true }
        if words.count == 2, Double(words[1]) != nil, !ShellWords.commands.contains(String(first)),
           first.first?.isLetter == true, first.allSatisfy({ $0.isLetter || $0.isNumber || "_.:{}=\",".contains($0) }) { return true }
        if words.count >= 3, words[1] == "=", first.contains("."), first.first?.isLetter == true,
           first.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) { return true }
        return false
    }

    /// A line bash would reject as a command: an unquoted ` (` after a word
    /// (`mysql  Ver 8.0.36 for Linux (MySQL Community Server)`, `Up 2 minutes (healthy)`), which
    /// no simple command has (a subshell, `$(`, `<(`, `((` and `name ()` aside).
    package static func rejectsAsCommand(_ line: Substring) -> Bool {
        guard line.contains(" (") else { return false }
        let text = Array(ShellWords.unquoted(line.trimmedBlanks.beforeTrailingComment))
        guard text.count > 2 else { return false }
        for i in 1..<(text.count - 1) where text[i] == "(" && text[i - 1] == " " {
            if text[i + 1] == "(" || text[i + 1] == ")" { continue }
            // (`id app || (useradd app && …)`: a subshell after an operator is a command)
            var j = i - 1
            while j > 0, text[j] == " " { j -= 1 }
            if "|&;".contains(text[j]) { continue }
            return true
        }
        return false
    }

    /// ` -x`, ` --name`: an option (a lone ` - ` is a dash, as in `03:14 - 03:14`).
    package static func hasOption(_ line: Substring) -> Bool {
        var previous: Character = "x"
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            let next = line.index(after: index)
            if ch == "-", previous == " ", next < line.endIndex, line[next] != " " { return true }
            previous = ch
            index = next
        }
        return false
    }

    /// `<none>` and other one-word cells in angle brackets replaced by a plain word.
    static func withoutAngleCells(_ line: Substring) -> String {
        var out = ""
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == "<", let close = line[index...].firstIndex(of: ">"),
               line[line.index(after: index)..<close].count >= 2,
               line[line.index(after: index)..<close].allSatisfy({ $0.isLetter }) {
                out += "cell"
                index = line.index(after: close)
                continue
            }
            out.append(line[index])
            index = line.index(after: index)
        }
        return out
    }

    /// Runs of two or more blanks between fields.
    private static func columnGaps(_ line: Substring) -> Int {
        var gaps = 0
        var blanks = 0
        for ch in line {
            if ch == " " || ch == "\t" {
                blanks += ch == "\t" ? 2 : 1
            } else {
                if blanks >= 2 { gaps += 1 }
                blanks = 0
            }
        }
        return gaps
    }

    /// `# ...`, `# …`: a comment that only says something was left out.
    package static func isElisionComment(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard line.hasPrefix("#") else { return false }
        return isElision(line.dropFirst())
    }

    /// `# 验证`, `#安装后重启即可`: a comment in Chinese is the author's, never a program's output
    /// (nor a root prompt). `#!` lines are not comments of this kind.
    package static func isAuthorComment(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard line.hasPrefix("#"), !line.hasPrefix("#!") else { return false }
        return line.unicodeScalars.contains(where: \.isHan)
    }

    /// `可选参数：`, `● -l 100%FREE：使用全部剩余空间`: a line of Chinese prose that no command
    /// starts and no program printed (a table row, a log line, a URL).
    package static func isProse(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        guard !line.hasPrefix("#"), line.unicodeScalars.contains(where: \.isHan),
              !ShellWords.looksLikeCommand(line), !isStrongEvidence(line) else { return false }
        // (`echo "完成"`-like lines start with a command; `ok: [node1] => 成功` with punctuation a program prints)
        return line.first.map { !"[{(<\"'$".contains($0) } ?? false
    }

    /// `...`, `…`, `......`, `... # 省略`: the author left something out.
    package static func isElision(_ raw: Substring) -> Bool {
        var line = raw.trimmedBlanks
        guard let first = line.first, first == "." || first == "…" else { return false }
        if line.contains(" #") { line = line.beforeTrailingComment.trimmedBlanks }
        return !line.isEmpty && (line.allSatisfy { $0 == "." } && line.count >= 3 || line.allSatisfy { $0 == "…" })
    }

    /// Lines only programs print: `64 bytes from …`, `ls -l` rows, `Error: …`, klog, `NAME` headers.
    package static func isOutputLine(_ raw: Substring) -> Bool {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard let first = line.first else { return false }
        if line.hasPrefix("...") || line.hasPrefix("^C") || line.hasPrefix("---") || line.hasPrefix("===") || line.hasPrefix("==> ") {
            return true
        }
        if isVersionLine(line) || isLevelled(line) || isStackFrame(line) || isApplyResult(line) || isDelimitedRow(line)
            || isProgramMessage(line) || isHeadOfOutput(line) { return true }
        // (with a number in it, whatever comes before: a `* ` line of prose has none)
        if isVerboseTrace(line), line.contains(where: \.isNumber) { return true }
        // `/etc/sudoers.d/dev: parsed OK`: a path, then what a program found in it; `/dev/md0:`
        // alone heads what `mdadm -D` found (no program's path ends in a colon).
        if first == "/", let word = line.split(separator: " ").first, word.hasSuffix(":"), word.count > 2,
           line.split(separator: " ").count >= 2 || word.dropFirst().contains("/") { return true }
        if isLogLine(line) { return true }
        if first.isNumber {
            // `64 bytes from …`, `2018/07/03 08:40`, `1.2MB` — not `10.0.0.1 host` (hosts file),
            // `1 1 * * * cmd` (crontab) or `02b50b…,kubelet-bootstrap` (a token file).
            let word = line.prefix { $0 != " " && $0 != "\t" }
            let octets = word.split(separator: ".")
            if octets.count == 4 && octets.allSatisfy({ Int($0).map { $0 < 256 } ?? false }) { return false }
            if line.contains(" * ") { return false }
            if isTimestamp(word) { return true }
            return word.allSatisfy { $0.isNumber || ":./-%,".contains($0) } || word.hasSuffix("B") || word.hasSuffix("ms")
        }
        if line.count >= 10, "-dlcbps".contains(first),
           line.dropFirst().prefix(9).allSatisfy({ "rwxsStT-".contains($0) }) { return true }  // ls -l
        // `Error: …`, `ERROR: …`, `Usage: …`, `E0703 08:40:22 …` (klog)
        let word = line.prefix { $0 != " " && $0 != "\t" }
        // `Error: …`, `Content-Type: text/html` (a header), `HTTP/1.1 200 OK`
        if word.hasSuffix(":"), word.first?.isUppercase == true, word.dropLast().allSatisfy({ $0.isLetter || $0 == "-" }) { return true }
        if word.hasPrefix("HTTP/1.") || word.hasPrefix("HTTP/2") { return true }
        // A line starting with a URL: nothing runs a URL (`https://10.0.0.1:2379 is healthy: …`).
        if word.contains("://") { return true }
        if word.count == 5, let level = word.first, "EWIF".contains(level), word.dropFirst().allSatisfy(\.isNumber) { return true }
        if isDiagnostic(line) { return true }
        // `✔ Container nginx  Started`, `[+] Running 11/11`: progress marks of an installer or compose.
        if "✔✓✗✘".contains(first) || line.hasPrefix("[+] ") || line.hasPrefix("[*] ") || line.hasPrefix("[!] ") { return true }
        if word == "PING" || word == "NAME" || word.allSatisfy({ $0.isUppercase }) && word.count > 3 { return true }
        return false
    }
}
