// Small facts about shell text that classification and prompt stripping share:
// which first words are commands, where quotes are left open, where heredocs start.

import Foundation

package enum ShellWords {
    /// Words that start a command line (scripts/gen-command-lexicon.sh: a host's executables,
    /// bash builtins, ops tools).
    package static let commands = CommandLexicon.words

    private static let editors: Set<String> = ["vi", "vim", "nano", "emacs", "nvim", "gedit", "visudo", "vipw", "vigr", "sudoedit"]

    /// `vim /etc/…`, `nano file`, `kubectl edit cm x`, `systemctl edit nginx`, `crontab -e`: the
    /// command opens an editor, and what follows it was typed into it.
    package static func opensEditor(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return false }
        if editors.contains(String(word)) { return true }
        // An `edit` sub-command (kubectl, oc, systemctl, virsh, `git config --edit` aside), among
        // the first words, not piped: the tool hands the object to $EDITOR.
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(5)
        if words.contains("|") || line.contains(" | ") { return false }
        if words.dropFirst().contains("edit") { return true }
        return word == "crontab" && words.contains("-e")
    }

    /// Command words that are also everyday English (`# if set 'false', …`, `# install the CLI`):
    /// not enough on their own to read a `# …` line as a root prompt.
    package static let proseWords: Set<String> = [
        "if", "for", "while", "until", "case", "function", "set", "type", "test", "true", "false", "yes", "install",
        "host", "file", "id", "date", "watch", "top", "more", "less", "make", "source", "alias", "local", "env",
        "go", "service", "history", "sync", "stat", "free", "time", "which", "declare", "readonly", "exec", "eval",
        "cut", "join", "diff", "bridge",
    ]

    /// The first word of a command line (after `sudo`, `VAR=value` prefixes), lower-cased.
    package static func commandWord(_ line: Substring) -> Substring? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        while true {
            let word = rest.prefix { $0 != " " && $0 != "\t" && $0 != ";" }
            guard !word.isEmpty else { return nil }
            if word == "sudo" || (word.contains("=") && !word.hasPrefix("=") && word.first?.isLetter == true) {
                rest = rest.dropFirst(word.count)
                // (`GRUB_CMDLINE_LINUX="crashkernel=512M rhgb quiet"`: the quoted value is one word)
                if let eq = word.firstIndex(of: "="), let quote = word[word.index(after: eq)...].first, quote == "\"" || quote == "'",
                   word[word.index(after: eq)...].dropFirst().contains(quote) == false {
                    guard let close = rest.firstIndex(of: quote) else { return nil }
                    rest = rest[rest.index(after: close)...].drop { $0 != " " && $0 != "\t" }
                }
                rest = rest.drop { $0 == " " || $0 == "\t" }
                continue
            }
            return word
        }
    }

    /// `cat /etc/chrony.conf`, `head -20 a.log`, `tail x`, `more f`: a command that prints a file
    /// (to the terminal: not into a pipe, a redirection or a heredoc).
    /// Also a pipeline whose last stage is one of them (`curl -s …/metrics | head`).
    package static func printsAFile(_ line: Substring) -> Bool {
        let printers: Set<String> = ["cat", "head", "tail", "more", "less", "zcat", "diff"]
        if let bar = line.lastIndex(of: "|"), bar != line.startIndex, line[line.index(before: bar)] != "|" {
            let last = line[line.index(after: bar)...]
            guard let word = commandWord(last), printers.contains(String(word)) else { return false }
            return !last.contains(">") && !line.hasSuffix("\\")
        }
        guard let word = commandWord(line) else { return false }
        let args = line.drop { $0 == " " || $0 == "\t" }.dropFirst(word.count)
        guard !args.contains("<"), !args.contains(">"), !args.contains("|"), !args.trimmedBlanks.isEmpty else { return false }
        if printers.contains(String(word)) { return true }
        // A `cat` run by another program (`systemctl cat nginx`, `docker exec web cat /etc/hosts`,
        // `ssh node1 cat …`), and `crontab -l`, print a file too.
        let words = args.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.contains("cat") || word == "crontab" && words.contains("-l")
    }

    /// `aws --version`, `etcdctl version`, `mysql -V`: a command that asks a tool for its version.
    package static func asksForVersion(_ line: Substring) -> Bool {
        guard commandWord(line) != nil, !line.contains("|"), !unquoted(line).contains(">") else { return false }
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return words.dropFirst().prefix(3).contains { ["--version", "-version", "version", "-V", "--short"].contains(String($0)) }
            || words.count == 2 && words[1] == "-v"
    }

    /// A command that reports state on the terminal: it prints a file (`printsAFile`), is a
    /// reporting tool (`ls`, `df`, `ip addr`, `ausearch`, `curl`), or asks a tool to show, list,
    /// get or describe something (`kubectl get`, `systemctl status`, `docker inspect`, `git log`).
    /// What a block right under such a command holds is what it printed.
    package static func reportsState(_ line: Substring) -> Bool {
        if printsAFile(line) { return true }
        var command = line.drop { $0 == " " || $0 == "\t" }
        // (the last stage of a pipeline is what reaches the terminal; `… | grep x` still reports)
        if let bar = command.lastIndex(of: "|"), bar != command.startIndex, command[command.index(before: bar)] != "|" {
            let last = command[command.index(after: bar)...]
            if let word = commandWord(last), !["grep", "egrep", "awk", "sort", "head", "tail", "column", "jq", "less", "wc", "uniq", "cut"]
                .contains(String(word)) {
                return false
            }
            // (`smartctl -j -H /dev/sda | jq .smart_status`: what jq picked out is printed)
            if commandWord(last) == "jq", !unquoted(last).contains(">") { return true }
            command = command[..<bar]
        }
        guard let word = commandWord(command), !unquoted(command).contains(">") else { return false }
        if reporters.contains(String(word)) { return true }
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).prefix(4)
        return words.dropFirst().contains { queries.contains(String($0)) }
    }

    /// Tools that print what they look at (and nothing else).
    private static let reporters: Set<String> = [
        "ls", "ll", "ps", "df", "du", "free", "uptime", "uname", "id", "whoami", "hostname", "hostnamectl", "env", "printenv",
        "lsblk", "blkid", "lscpu", "lsmod", "lspci", "lsusb", "lsof", "findmnt", "ss", "netstat", "ip", "ifconfig", "route",
        "arp", "dig", "nslookup", "host", "ping", "traceroute", "mtr", "curl", "wget", "iostat", "vmstat", "mpstat", "pidstat",
        "sar", "top", "htop", "dmesg", "journalctl", "ausearch", "aureport", "getenforce", "sestatus", "getsebool", "stat",
        "file", "which", "whereis", "date", "timedatectl", "nproc", "pvs", "vgs", "lvs", "pvdisplay", "vgdisplay", "lvdisplay",
        "showmount", "exportfs", "getfacl", "ulimit", "sysctl", "nvidia-smi", "openssl", "echo", "printf", "last", "who", "w",
        "iptables-save", "nft", "ipvsadm", "tcpdump", "getent", "groups", "chage", "crictl", "ctr", "etcdctl",
    ]
    /// Subcommands and flags that ask a tool to show something.
    private static let queries: Set<String> = [
        "get", "describe", "show", "list", "ls", "status", "info", "inspect", "version", "--version", "top", "logs", "cat",
        "history", "explain", "log", "diff", "search", "query", "ps", "images", "check", "stats", "health", "--list",
        "cluster-info", "--detail", "--query",
    ]

    /// A command that prints nothing a reader would paste after it: one that is silent when it
    /// works (`cd`, `source`, `export`, `mkdir`, `cp`, `chmod`, …), a package install (its
    /// progress is never shown as a line or two), or one whose output goes into a file.
    /// A plain line after it (`nvm install 20` after `source ~/.bashrc`) is the next command.
    package static func isQuiet(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return isShellAssignment(line) || isQuotedAssignment(line) }
        let silent: Set<Substring> = ["cd", "source", ".", "export", "unset", "alias", "umask", "ulimit", "mkdir", "cp",
                                      "mv", "rm", "ln", "chmod", "chown", "chgrp", "touch", "install"]
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if word == "sudo" { return words.count > 1 && isQuiet(line.drop { $0 == " " || $0 == "\t" }.dropFirst(4)) }
        if silent.contains(word) { return true }
        let installers: Set<Substring> = ["yum", "dnf", "apt", "apt-get", "zypper", "apk", "pip", "pip3", "npm", "gem", "brew", "snap"]
        if installers.contains(word), words.dropFirst().contains(where: { $0 == "install" || $0 == "add" || $0 == "update" }) { return true }
        // (`> /etc/x.conf`, `>> log`, `&> /dev/null`; not `2>&1` alone, not `>` inside quotes)
        let unquoted = unquoted(line)
        return unquoted.split(whereSeparator: { $0 == " " }).contains { w in
            (w.hasPrefix(">") || w.hasPrefix("&>") || w.hasPrefix("1>")) && !w.contains("&1") && !w.contains("&2")
        } && !unquoted.contains("|")
    }

    /// Words that open and close compound commands, for telling a script's `else`, `fi` and
    /// `esac` (and everything between `if` and `fi`) from output printed after a command.
    package static let openers: Set<Substring> = ["if", "for", "while", "until", "case", "select", "function"]
    package static let closers: Set<Substring> = ["fi", "done", "esac"]
    package static let keywords: Set<Substring> = ["then", "else", "elif", "do", "in", "{", "}", "!", "[[", "[", ";;", "(", ")"]

    /// How a line changes the nesting of compound commands (`if …` +1, `fi` −1, `f() {` +1, `}` −1).
    package static func nesting(_ line: Substring) -> Int {
        // (`;` kept as a word of its own: `cd /x; for f in *; do` opens a loop after it)
        let words = line.contains(";") ? wordsKeepingSemicolons(line) : line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var depth = 0
        for (i, word) in words.enumerated() {
            if word.hasPrefix("#") { break }
            // (`grep -l x | while read -r f; do`: a pipeline into a loop opens it too)
            if word == ";" { continue }
            if i == 0 || words[i - 1] == "then" || words[i - 1] == "do" || words[i - 1] == "else" || words[i - 1].hasSuffix("&&")
                || words[i - 1] == "|" || words[i - 1] == "||" || words[i - 1] == ";" {
                if openers.contains(word) { depth += 1 }
            }
            if closers.contains(word) { depth -= 1 }
            // `f() {` and `f(){` open a body once: the `{` word or the glued `(){`.
            if word == "{" || word.hasSuffix("(){") { depth += 1 }
            if word == "}" { depth -= 1 }
            // `ARRAY=(` on its own opens an array whose elements follow, one per line, to `)`.
            if i == words.count - 1, word.hasSuffix("=("), word.count > 2 { depth += 1 }
            if word == ")", words.count == 1 { depth -= 1 }
        }
        return depth
    }

    /// Blank-separated words, each `;` a word of its own (`cd /x; for` → `cd`, `/x`, `;`, `for`).
    private static func wordsKeepingSemicolons(_ line: Substring) -> [Substring] {
        var words: [Substring] = []
        var start: Substring.Index?
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            if ch == " " || ch == "\t" || ch == ";" {
                if let s = start { words.append(line[s..<index]); start = nil }
                if ch == ";" { words.append(line[index...index]) }
            } else if start == nil {
                start = index
            }
            index = line.index(after: index)
        }
        if let s = start { words.append(line[s...]) }
        return words
    }

    /// Shell grammar rather than a command: `then`, `fi`, `esac`, `}`, `name() {`, a case
    /// pattern `Linux) echo …`, a `;;` arm end. Only for telling a script from output.
    package static func looksLikeShellSyntax(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return false }
        // (`[ 1722.301254] sysrq: …` is dmesg's stamp: a test closes with ` ]`)
        if word == "[" || word == "[[" { return isTest(line.trimmedBlanks) }
        if keywords.contains(word) || closers.contains(word) || openers.contains(word) { return true }
        let trimmed = line.trimmedBlanks
        if trimmed.hasSuffix(";;") || trimmed.hasSuffix("() {") || trimmed.hasSuffix("(){") || trimmed.hasSuffix("()") { return true }
        if let paren = word.firstIndex(of: ")"), paren == word.index(before: word.endIndex), !word.contains("("),
           trimmed.count > word.count { return true }
        return false
    }

    /// `[ -f x ]`, `[[ $a == b ]] && …`: a test, closed by a `]` apart from what it tests.
    private static func isTest(_ line: Substring) -> Bool {
        line.hasPrefix("[[ ") ? line.contains(" ]]") : line.hasPrefix("[ ") && (line.contains(" ]") || line.hasSuffix("\\"))
    }

    /// A line whose first word is a known command, a path to a program, or shell syntax.
    package static func looksLikeCommand(_ line: Substring) -> Bool {
        guard let word = commandWord(line) else { return isShellAssignment(line) || isQuotedAssignment(line) }
        // (`top - 09:12:44 up 44 days, …`, `diff --git a/x b/x`: a program's own first line)
        if OutputLine.isHeadOfOutput(line) { return false }
        if commands.contains(String(word)) { return true }
        let start = line.trimmedBlanks
        // A test (`[ ! -d temp ] && exit 1`, `[[ -d $dir ]] && cd $dir`), a group or a subshell
        // of commands (`{ ls -l; cat foo; } > out`, `(cd /tmp && ls)`).
        if start.hasPrefix("[[ ") { return true }
        if start.hasPrefix("[ "), let operand = start.dropFirst(2).first, "-!$\"".contains(operand) { return true }
        if start.hasPrefix("{ ") || start.hasPrefix("("), !start.hasPrefix("(("),
           let inner = commandWord(start.dropFirst(start.hasPrefix("{ ") ? 2 : 1)), commands.contains(String(inner)) { return true }
        // A fill-in where the command goes: `<your-favorite-editor> inventory.ini`.
        if word.count > 2, word.hasPrefix("<"), word.hasSuffix(">"), word.dropFirst().first?.isLetter == true { return true }

        if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("sudo ") { return true }
        // A program by its path: `/sbin/iptables`, `/usr/local/bin/helm`.
        if word.hasPrefix("/"), let name = word.split(separator: "/").last, commands.contains(String(name)) { return true }
        if word.hasSuffix(".sh") && word.count > 3 && !word.contains(":") { return true }  // calicoctl.sh node status
        // A program in any `bin` folder: `/root/bin/mkovpn alice`, `/usr/local/mysql/bin/mysqld_safe &`.
        if word.hasPrefix("/"), word.contains("/bin/") || word.contains("/sbin/"), !word.hasSuffix("/") { return true }
        if word.hasPrefix("./") || word.hasPrefix("/usr/") || word.hasPrefix("/opt/") || word.hasPrefix("/bin/")
            || word.hasPrefix("/sbin/") || word.hasPrefix("/etc/init.d/") || word.hasPrefix("~/") || word.hasPrefix("$(") || word.hasPrefix("${")
        {
            return true
        }
        // `kdumpctl propagate`, `crmadm status`, `grafana-cli plugins ls`: named as tools are.
        if word.count >= 5, ["ctl", "adm", "-cli"].contains(where: { word.hasSuffix($0) }),
           word.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "_-".contains($0)) }), !line.contains("  ") { return true }
        // `showmount -e 10.0.0.1`, `tuned-adm --list`: a program the lexicon lacks, known by an
        // option right after its name or its sub-command (a `ps` row's options come far later).
        if word.count >= 2, word.first.map({ $0.isASCII && $0.isLowercase }) == true, optionFollows(word, in: line),
           word.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "._+-".contains($0)) }),
           !line.contains("  ") { return true }
        // `VAR=value some-tool …`: an environment prefix makes a command of whatever follows
        // (but `ts=… level=info msg="…"` is a log line).
        let trimmed = line.drop { $0 == " " }
        if trimmed.contains("level="), OutputLine.isLogfmt(trimmed.trimmedBlanks) { return false }
        if let eq = trimmed.firstIndex(of: "=") {
            var name = trimmed[..<eq]
            if name.hasSuffix("]"), let open = name.firstIndex(of: "[") { name = name[..<open] }
            // (what follows the assignments is a program's name or a comment: `notBefore=Nov 22
            // 01:31:50 2023 GMT` is what `openssl x509 -dates` printed; `names=(a [5]=b c)` is an array)
            if isVariableName(name), trimmed.first?.isLetter == true,
               !name.isEmpty,
               ["(", "$(", "`"].contains(where: trimmed[trimmed.index(after: eq)...].hasPrefix)
                || word.first.map({ $0.isASCII && ($0.isLowercase || "./~$\"'#".contains($0)) }) == true { return true }
        }
        return false
    }

    /// One of the two words after `word` is an option (`-e`, `--list`).
    private static func optionFollows(_ word: Substring, in line: Substring) -> Bool {
        // (`word` is a slice of `line`, as commandWord cut it)
        guard word.endIndex <= line.endIndex, word.endIndex >= line.startIndex else { return false }
        var rest = line[word.endIndex...]
        for _ in 0..<2 {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let next = rest.prefix { $0 != " " && $0 != "\t" }
            if next.count >= 2, next.first == "-",
               next.dropFirst(next.hasPrefix("--") ? 2 : 1).first.map({ $0.isASCII && $0.isLetter }) == true { return true }
            // (`core_collector makedumpfile -l …`: a directive naming the program it runs)
            if commands.contains(String(next)) { return false }
            rest = rest.dropFirst(next.count)
        }
        return false
    }

    /// Variables only bash reads: setting one is a shell command, whatever its value.
    static let shellVariables: Set<Substring> = [
        "PS1", "PS2", "PS3", "PS4", "IFS", "PROMPT_COMMAND", "HISTSIZE", "HISTFILESIZE", "HISTCONTROL",
        "HISTTIMEFORMAT", "HISTIGNORE", "TMOUT", "CDPATH", "OLDPWD", "BASH_ENV", "SHELLOPTS",
    ]

    /// Letters, digits and `_` only (ASCII): what a shell variable's name may hold. (An empty
    /// name passes; callers that need one say so.)
    package static func isVariableName(_ name: Substring) -> Bool {
        name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// `myvar="hello world"`, `JAVA_OPTS="-XX:+UseG1GC \`: a name given words made one value,
    /// or a quoted value that goes on over the next lines. A line of a script, though an env
    /// file may hold it too (so not evidence against one: see `isShellAssignment`).
    private static func isQuotedAssignment(_ line: Substring) -> Bool {
        let trimmed = line.trimmedBlanks
        guard let eq = trimmed.firstIndex(of: "="), trimmed.first.map({ $0.isASCII && ($0.isLetter || $0 == "_") }) == true,
              isVariableName(trimmed[..<eq]) else { return false }
        let value = trimmed[trimmed.index(after: eq)...]
        guard let quote = value.first, quote == "\"" || quote == "'" else { return false }
        let rest = value.dropFirst()
        guard let close = rest.firstIndex(of: quote) else { return true }
        let after = rest[rest.index(after: close)...].trimmedBlanks
        return rest[..<close].contains(" ") && (after.isEmpty || after.hasPrefix("#"))
    }

    /// A line of assignments only (`OLD_IFS="$IFS"`, `colors["red"]="#ff0000"`, `ARR=(a b)`,
    /// `LOG=/tmp/log.$$`) that only a shell would write: a value that expands (`$`, a backquote),
    /// an array, a subscript, or a variable bash itself reads. A plain `NAME=value` or
    /// `NAME="value"` is as much a line of an env file or of `cat /etc/os-release`'s output.
    package static func isShellAssignment(_ line: Substring) -> Bool {
        let trimmed = line.trimmedBlanks
        guard let eq = trimmed.firstIndex(of: "="), trimmed.first.map({ $0.isASCII && ($0.isLetter || $0 == "_") }) == true
        else { return false }
        var name = trimmed[..<eq]
        var subscripted = false
        if name.hasSuffix("+") { name = name.dropLast() }  // `PATH+=:/opt/bin`
        if name.hasSuffix("]"), let open = name.firstIndex(of: "[") { name = name[..<open]; subscripted = true }
        guard !name.isEmpty, isVariableName(name) else { return false }
        let value = trimmed[trimmed.index(after: eq)...]
        if value.contains(" "), !value.hasPrefix("\""), !value.hasPrefix("'"), !value.hasPrefix("(") { return false }  // `a=b c`: prose or flags
        return subscripted || shellVariables.contains(name) || value.hasPrefix("(") || value.contains("$") || value.contains("`")
    }

    /// The line with quoted text taken out, quotes and all (`grep '[-AZ]' f` → `grep  f`,
    /// `"nginx -g 'daemon of…"` → ``): what brackets, options and operators outside strings say.
    package static func unquoted(_ line: Substring) -> String {
        var out = ""
        var quote: Character?
        for ch in line {
            if let q = quote { if ch == q { quote = nil }; continue }
            if ch == "\"" || ch == "'" { quote = ch; continue }
            out.append(ch)
        }
        return out
    }

    /// Quote state after a line: nil when balanced, else the open quote character.
    package static func openQuote(after line: Substring, startingIn open: Character?) -> Character? {
        var quote = open
        var escaped = false
        var previous: Character = " "
        for ch in line {
            if escaped { escaped = false; previous = ch; continue }
            switch quote {
            case nil:
                if ch == "\\" { escaped = true } else if ch == "#" && (previous == " " || previous == "\t") { return nil }
                else if ch == "'" || ch == "\"" { quote = ch }
            case "'":
                if ch == "'" { quote = nil }
            default:
                if ch == "\\" { escaped = true } else if ch == "\"" { quote = nil }
            }
            previous = ch
        }
        return quote
    }

    /// The delimiter of a heredoc started on this line (`<<EOF`, `<<-'EOF'`, `<< "END"`), and
    /// whether leading tabs are stripped (`<<-`).
    package static func heredocDelimiter(in line: Substring) -> (String, Bool)? {
        guard line.contains("<<") else { return nil }  // (most lines: no Foundation search)
        var search = line[...]
        while let range = search.range(of: "<<") {
            var rest = search[range.upperBound...]
            if rest.hasPrefix("<") { search = rest.dropFirst(); continue }  // here-string <<<
            // `$((16<<2))`: a shift inside arithmetic, not a heredoc.
            let before = line[..<range.lowerBound]
            if before.contains("(("), arithmeticDepth(before) > 0 { search = rest; continue }
            var dash = false
            if rest.hasPrefix("-") { dash = true; rest = rest.dropFirst() }
            rest = rest.drop { $0 == " " }
            var quote: Character?
            if let first = rest.first, first == "'" || first == "\"" { quote = first; rest = rest.dropFirst() }
            let word = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
            if !word.isEmpty {
                if let quote, rest.dropFirst(word.count).first != quote { return nil }
                return (String(word), dash)
            }
            search = rest
        }
        return nil
    }

    /// `((` opened minus `))` closed.
    private static func arithmeticDepth(_ text: Substring) -> Int {
        var depth = 0
        var previous: Character = " "
        for ch in text {
            if ch == "(" && previous == "(" { depth += 1; previous = " "; continue }
            if ch == ")" && previous == ")" { depth -= 1; previous = " "; continue }
            previous = ch
        }
        return depth
    }

    /// `--with-stream \   # comment`: a `\` meant to continue the command, then a comment, which
    /// bash reads as the end of it (the `\` escapes a space).
    package static func continuesBeforeComment(_ line: Substring) -> Bool {
        guard line.contains("#") else { return false }
        let code = codeBeforeComment(line)
        guard code.count < line.count else { return false }
        return continues(code.trimmedBlanks) && (code.last == " " || code.last == "\t") || continues(code)
    }

    /// The line up to an unquoted ` #` or tab-`#` comment (quotes followed as bash does).
    package static func codeBeforeComment(_ line: Substring) -> Substring {
        var quote: Character?
        var escaped = false
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            if escaped {
                escaped = false
            } else if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true }
            } else if ch == "\\" {
                escaped = true
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "#", previous == " " || previous == "\t" {
                return line[..<index]
            }
            previous = ch
            index = line.index(after: index)
        }
        return line
    }

    /// `\` at the very end of a line continues the command.
    package static func continues(_ line: Substring) -> Bool {
        var count = 0
        for ch in line.reversed() { if ch == "\\" { count += 1 } else { break } }
        return count % 2 == 1
    }
}


extension Unicode.Scalar {
    /// A Chinese character (CJK Unified Ideographs and Extension A): prose, a caption, a stand-in
    /// (`文件名`), never a command.
    package var isHan: Bool { (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) }
}

extension Substring {
    /// The text before a ` #` comment (the whole line when it has none), found without Foundation.
    package var beforeTrailingComment: Substring {
        var previous: Character = "x"
        for index in indices {
            let ch = self[index]
            if ch == "#", previous == " " { return self[..<self.index(before: index)] }
            previous = ch
        }
        return self
    }
}

extension StringProtocol {

    /// White space and line ends trimmed from both ends, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims them, without going through NSString.
    package var trimmedWhitespace: SubSequence {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isWhitespaceOrNewline(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isWhitespaceOrNewline(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return self[start..<end]
    }

    /// CharacterSet.whitespacesAndNewlines: general categories Z*, U+0009–U+000D and U+0085.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x85 { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// `needle` occurs in the text: a byte search. Chosen over Foundation's generic `contains(_:)`
    /// for every `text.contains("…")` in the shell and snippet targets: that one bridges the text
    /// to NSString on each call (a fifth of the time of reading every block of 10,000 notes).
    package func contains(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n -> Bool in
            guard let first = n.first else { return true }
            func search(_ h: UnsafeBufferPointer<UInt8>) -> Bool {
                guard h.count >= n.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
            if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
    }

    /// Spaces and tabs trimmed from both ends, without Foundation (this runs for every line
    /// of every block; `trimmingCharacters(in:)` bridges through NSString).
    package var trimmedBlanks: Substring {
        var s = self[...]
        while let first = s.first, first == " " || first == "\t" { s = s.dropFirst() }
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return Substring(s)
    }
}
