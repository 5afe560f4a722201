// Values the reader must fill in before a command can run: `<node-name>`, `<token>`,
// `${YOUR_TOKEN}`, `$MY_CLUSTER`, `CHANGE_ME`. A snippet holding one is extracted but not runnable.

import Foundation
import OpsdocsShell

enum Placeholders {
    /// `pageVariables`: the variables some block of the page sets (`export NODE_IP=…`), so
    /// `$NODE_IP` in a later block is not a fill-in.
    /// `shell`: the script is bash (a YAML file's `$VAR` or `-` item is not a shell fill-in).
    static func find(in script: String, pageVariables: Set<String>? = nil, shell: Bool = true) -> [String] {
        var found: [String] = []
        func add(_ s: Substring) { let v = String(s); if !found.contains(v) { found.append(v) } }
        // The page's variables include this script's own (it is one of the page's blocks).
        let known = pageVariables ?? assignedVariables(in: script)
        // A statement that starts with an option (`-exec rm '{}' ';'`) is a fragment of a command.
        let optionFirst = shell && script.split(separator: "\n").contains { $0.trimmedBlanks.hasPrefix("-") }
        let session = ShellSession.script(optionFirst ? script : "")
        for (index, line) in session.lines.enumerated() where line.role == .command && session.text[index].trimmedBlanks.hasPrefix("-") {
            add(session.text[index].trimmedBlanks)
        }
        var heredocDelimiter: String?
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            var inBody = heredocDelimiter != nil
            if let delimiter = heredocDelimiter {
                if line.trimmedBlanks == delimiter { heredocDelimiter = nil; inBody = false }
            } else if let (delimiter, _) = ShellWords.heredocDelimiter(in: line) {
                heredocDelimiter = delimiter
            }
            if line.drop(while: { $0 == " " }).hasPrefix("#") { continue }  // comments do not run
            guard shell else {
                // A manifest or a config: only the marks of a fill-in (`<token>`, `${YOUR_X}`, `x.x.x.x`).
                angleTokens(in: line).forEach(add)
                variableTokens(in: line).forEach(add)
                fillInWords(in: line).forEach(add)
                yourNames(in: line).forEach(add)
                continue
            }
            // Text in quotes that holds a sentence (`"Enter a username > "`, `'Hi, looping ...'`)
            // is printed, not filled in; a quoted value on its own (`"xxxxx"`, `"<token>"`) can be.
            let prints = ShellWords.commandWord(line).map { ["echo", "printf"].contains(String($0)) } ?? false
            let unquoted = blankingQuotedSentences(in: line)
            angleTokens(in: prints ? unquoted : line).forEach(add)
            variableTokens(in: line).forEach(add)
            fillInWords(in: unquoted).forEach(add)
            truncatedKeys(in: line).forEach(add)
            // (printed text is a message, unless it is written into a file: `echo "…" >> /etc/aliases`)
            let writes = line.contains(">") || line.contains("tee ")
            yourNames(in: (prints && !writes ? unquoted : line).beforeTrailingComment).forEach(add)
            // The rest is about arguments of commands: bash only, and not a heredoc's file.
            if shell && !inBody {
                wordTokens(in: unquoted, known: known).forEach(add)
                // `id -u [UserName]`, `kill [-signal] PID`: a usage line, not a command.
                if Synopsis.isSynopsis(line) { add(line.trimmedBlanks) }
                // Prose glued to a command's arguments (`kubectl get pods 查看所有pod`): as written, not runnable.
                let arguments = unquoted.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().prefix { !$0.hasPrefix("#") }
                if !prints, let glued = arguments.first(where: { word in
                    // (`//10.0.0.80/公共`: a share or folder named in Chinese is a path, not prose)
                    word.first != "\"" && word.first != "'" && !word.contains("/") && word.unicodeScalars.contains(where: \.isHan)
                }) { add(glued) }
                // (`echo $DB_PASSWORD` inspects a variable: printing it is the point, not a fill-in)
                if !known.contains(anyName), !prints { unsetVariables(in: line, known: known).forEach(add) }
            }
        }
        return found
    }

    /// `line` with every quoted string that contains a blank replaced by blanks of the same length.
    static func blankingQuotedSentences(in line: Substring) -> Substring {
        var out = ""
        var quote: Character?
        var current = ""
        var escaped = false
        for ch in line {
            if let q = quote {
                current.append(ch)
                if escaped { escaped = false; continue }
                if ch == "\\" && q == "\"" { escaped = true; continue }
                if ch == q {
                    out += current.contains(" ") ? String(repeating: " ", count: current.count) : current
                    current = ""
                    quote = nil
                }
                continue
            }
            if ch == "'" || ch == "\"" { quote = ch; current = String(ch); continue }
            out.append(ch)
        }
        out += current
        return Substring(out)
    }

    /// A key or token cut short, in quotes too (`"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG... user@host"`):
    /// letters of both cases and digits, then `...` (a message's `Loading...` has no digits).
    static func truncatedKeys(in line: Substring) -> [Substring] {
        line.split(whereSeparator: { " \t\"'=".contains($0) }).filter { word in
            guard word.hasSuffix("...") || word.hasSuffix("…") else { return false }
            let key = word.dropLast(word.hasSuffix("…") ? 1 : 3)
            return key.count >= 12 && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/".contains($0)) }
                && key.contains(where: \.isNumber) && key.contains(where: \.isUppercase) && key.contains(where: \.isLowercase)
        }
    }

    /// Values written as runs of one letter, anywhere (heredoc bodies too): `192.168.1.xx`,
    /// `logstash-xxxx.xx.xx`, `"xxxxx"`, `"yyyyy"`; `{_ip_arm64}` (a name in single braces,
    /// outside quotes); `you@example.com`.
    private static func fillInWords(in line: Substring) -> [Substring] {
        var out: [Substring] = []
        // `mktemp -t app.XXXXXX`: the template mktemp fills in itself.
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if word.hasPrefix("#") { continue }
            if word.hasSuffix("XXX"), ShellWords.commandWord(line) == "mktemp" { continue }
            // An option's value can be a fill-in (`--toaddr=192.168.x.30`), its name not (`-xzf`),
            // also as a variable's quoted value (`JAVA_OPTS="-XX:+UseG1GC`).
            let value = word.firstIndex(of: "=").map { word[word.index(after: $0)...].drop { $0 == "\"" || $0 == "'" } } ?? word
            let option = word.hasPrefix("-") || value.hasPrefix("-")
            // Most words hold none of it: a run of two x's or four of a letter, a brace, an `@`.
            var run = 0, previous: UInt8 = 0, candidate = false
            var dotX = false
            for byte in word.utf8 {
                if (byte | 0x20) == UInt8(ascii: "x") && previous == UInt8(ascii: ".") { dotX = true }
                run = byte == previous ? run + 1 : 1
                previous = byte
                if (byte | 0x20) == UInt8(ascii: "x") && run >= 2 || run >= 4 || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "@") {
                    candidate = true
                    if dotX { break }
                }
            }
            // `202.x.x.x`: an address with its last parts left as x.
            if dotX {
                // (`ADMIN_NET=192.168.x.0/24`, `toaddr=192.168.x.30`, `address="10.0.x.1"`)
                let isAddress = word.split(whereSeparator: { "@:/=\"'".contains($0) }).contains { part in
                    let octets = part.split(separator: ".", omittingEmptySubsequences: false)
                    return octets.count == 4 && octets.allSatisfy { Int($0) != nil || !$0.isEmpty && $0.allSatisfy { $0 == "x" || $0 == "X" } }
                        && octets.contains { $0.first == "x" || $0.first == "X" }
                }
                if isAddress { out.append(word); continue }
                if option { continue }
                // `v1.26.x`, `kubelet='1.26.x-*'`: a version whose last part is left as x.
                let isVersion = word.split(whereSeparator: { "=@:/'\"".contains($0) }).contains { part in
                    let parts = part.split(separator: ".", omittingEmptySubsequences: false)
                    guard parts.count >= 3, let last = parts.last, last == "x" || last.hasPrefix("x-") else { return false }
                    let number = parts.dropLast().map { $0.hasPrefix("v") ? $0.dropFirst() : $0 }
                    return number.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
                }
                if isVersion { out.append(word); continue }
            }
            guard candidate, !option else { continue }
            let segments = word.split(whereSeparator: { ".-:/@=_\"',;()".contains($0) })
            if segments.contains(where: { seg in
                guard let first = seg.first, first.isLetter, seg.allSatisfy({ $0 == first }) else { return false }
                return (first == "x" || first == "X") ? seg.count >= 2 : seg.count >= 4
            }) { out.append(word); continue }
            // (`%{http_code}`: a format curl -w or a logger fills in itself)
            if let open = word.firstIndex(of: "{"), open == word.startIndex || !"$%".contains(word[word.index(before: open)]),
               let close = word[open...].firstIndex(of: "}") {
                let inside = word[word.index(after: open)..<close]
                if !inside.isEmpty, !inside.hasPrefix("{"), inside.contains(where: \.isLetter),
                   inside.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) { out.append(word); continue }
            }
            let lower = word.lowercased()
            if lower.contains("@example.com") || lower.contains("@example.org") || lower.contains("@example.net") { out.append(word) }
        }
        return out
    }

    /// Variables the script reads but nothing on the page sets, and the environment does not
    /// have: `$NODE_IP`, `${cluster_name}`. Single-quoted text (an awk program) is not expanded;
    /// `${name:-default}` has a default.
    private static func unsetVariables(in line: Substring, known: Set<String>) -> [Substring] {
        var out: [Substring] = []
        var index = line.startIndex
        var inSingle = false
        var inDouble = false
        while index < line.endIndex {
            let ch = line[index]
            if ch == "\\" && !inSingle { index = line.index(after: index); if index < line.endIndex { index = line.index(after: index) }; continue }
            if ch == "'" && !inDouble { inSingle.toggle() }
            if ch == "\"" && !inSingle { inDouble.toggle() }
            if ch == "#" && !inSingle && !inDouble && (index == line.startIndex || line[line.index(before: index)] == " ") { break }
            guard ch == "$", !inSingle else { index = line.index(after: index); continue }
            var end = line.index(after: index)
            let braced = end < line.endIndex && line[end] == "{"
            if braced { end = line.index(after: end) }
            // `${#name}` (its length), `${!name}` (indirection): the name follows.
            if braced, end < line.endIndex, line[end] == "#" || line[end] == "!" { end = line.index(after: end) }
            let nameStart = end
            while end < line.endIndex, line[end].isASCII, line[end].isLetter || line[end].isNumber || line[end] == "_" {
                end = line.index(after: end)
            }
            let name = String(line[nameStart..<end])
            let defaulted = braced && end < line.endIndex && line[end] != "}"
            if let first = name.first, first.isLetter || first == "_", !defaulted, !known.contains(name),
               !environment.contains(name), !name.hasPrefix("BASH"), !name.hasPrefix("LC_"), !name.hasPrefix("XDG_"),
               !name.hasPrefix("SSH_"), !name.hasPrefix("KUBE"), !isCredential(name) {
                if braced, end < line.endIndex, line[end] == "}" { end = line.index(after: end) }
                out.append(line[index..<end])
            }
            index = end > index ? end : line.index(after: index)
        }
        return out
    }

    /// `$GHOST_PWD`, `${HARBOR_PASS}`, `$VAULT_TOKEN`: a secret is kept out of notes and scripts
    /// and handed in through the environment, so a command that reads one unset is complete as
    /// written (`YOUR_TOKEN`, `<token>` are still fill-ins: yourNames, angleTokens).
    private static func isCredential(_ name: String) -> Bool {
        let upper = name.uppercased()
        return !upper.hasPrefix("YOUR") && ["PASS", "PWD", "TOKEN", "SECRET", "CREDENTIAL", "API_KEY", "ACCESS_KEY"].contains { upper.contains($0) }
    }

    /// Variables a shell session has without anyone setting them.
    private static let environment: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "SHELL", "HOSTNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "LANG",
        "LANGUAGE", "TERM", "UID", "EUID", "GROUPS", "PPID", "RANDOM", "SECONDS", "LINENO", "FUNCNAME", "IFS", "TMPDIR",
        "GOPATH", "GOROOT", "GOBIN", "EDITOR", "VISUAL", "PAGER", "PS1", "PS2", "PS3", "PS4", "PROMPT_COMMAND", "HISTSIZE",
        "HISTFILE", "HISTFILESIZE", "HISTCONTROL", "REPLY", "OPTARG", "OPTIND", "OPTERR", "PIPESTATUS", "DISPLAY", "MAIL",
        "JAVA_HOME", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
        "SUDO_USER", "SUDO_UID", "COLUMNS", "LINES", "CDPATH", "MANPATH", "LD_LIBRARY_PATH", "PYTHONPATH", "TZ",
        "EPOCHSECONDS", "EPOCHREALTIME", "SHLVL", "SHELLOPTS", "DIRSTACK", "COMP_WORDS", "COMP_CWORD", "COMPREPLY",
        "HOSTFILE", "TIMEFORMAT", "TMOUT", "GLOBIGNORE", "INPUTRC", "MAILPATH", "ENV", "POSIXLY_CORRECT", "CI",
    ]

    /// Stands for every name: the page sources a file that may set any of them.
    static let anyName = "*"

    /// Words that set a variable or may (`source` a file).
    static let setterWords: Set<Substring> = ["export", "local", "declare", "typeset", "readonly", "read", "mapfile", "readarray",
                                              "getopts", "unset", "for", "select", "source", ".", "eval"]

    /// Names a script sets: `NAME=…`, `export NAME`, `read … NAME`, `for NAME in`, `local`/`declare NAME`,
    /// `mapfile NAME`, `getopts … NAME`, `select NAME in`.
    static func assignedVariables(in code: String) -> Set<String> {
        var names: Set<String> = []
        func isName(_ w: Substring) -> Bool {
            guard let f = w.first, f.isLetter || f == "_" else { return false }
            return ShellWords.isVariableName(w)
        }
        for line in code.split(separator: "\n") {
            // Most lines set nothing: look closer only at an `=` or a word that sets or sources
            // (a whole word: `.` and `for` are inside most lines).
            let words = line.split(whereSeparator: { " \t;&|(){}`".contains($0) })
            guard line.utf8.contains(UInt8(ascii: "=")) || words.contains(where: { setterWords.contains($0) }) else { continue }
            // `source env.sh`, `. ./env.sh`, `eval "$(…)"`: anything may be set by the file.
            // (behind a prompt too: the page's blocks are read as written, `$ source env.sh`)
            var typed = line[...]
            if case .shell(let length, _) = ShellPrompt.classify(line) { typed = line.dropFirst(length) }
            // (also inside a substitution or after an operator: `$(. /etc/os-release && echo …)`)
            if typed.split(whereSeparator: { $0 == " " || $0 == "\t" }).first == "eval" || readsAFileIn(typed) {
                names.insert(anyName)
            }
            for (i, word) in words.enumerated() {
                // `(( foo = 5 ))`, `let n = 1`: arithmetic assignments have blanks around the `=`
                if word == "=" || word == "+=", i > 0, isName(words[i - 1]) { names.insert(String(words[i - 1])) }
                if let eq = word.firstIndex(of: "=") {
                    var name = word[..<eq]
                    if name.hasSuffix("+") { name = name.dropLast() }
                    if let bracket = name.firstIndex(of: "[") { name = name[..<bracket] }
                    if isName(name) { names.insert(String(name)) }
                }
                let before = i > 0 ? words[i - 1] : ""
                if ["for", "select"].contains(before), isName(word) { names.insert(String(word)) }
                let showsFunctions = words[..<i].contains { $0 == "-f" || $0 == "-F" }  // `declare -f name` sets nothing
                if i > 0, isName(word), !showsFunctions, ["export", "local", "declare", "typeset", "readonly", "read", "mapfile",
                                        "readarray", "getopts", "unset"].contains(where: { cmd in words[..<i].contains { $0 == cmd } }) {
                    names.insert(String(word))
                }
            }
        }
        return names
    }

    /// `<node-name>`: `<` + letters/digits/`-_.: ` + `>`, not a redirection or heredoc.
    private static func angleTokens(in line: Substring) -> [Substring] {
        var out: [Substring] = []
        var index = line.startIndex
        while let open = line[index...].firstIndex(of: "<") {
            let next = line.index(after: open)
            guard next < line.endIndex else { break }
            if line[next] == "<" || line[next] == " " || line[next] == "=" || line[next] == "(" {
                index = line.index(after: next)
                continue
            }
            if let close = line[next...].firstIndex(of: ">") {
                let inside = line[next..<close]
                let ok = !inside.isEmpty && inside.count <= 40 && inside.first?.isLetter == true
                    && inside.allSatisfy { $0.isLetter || $0.isNumber || "-_.: ".contains($0) }
                    && !inside.hasSuffix(" ") && !htmlTags.contains(inside.lowercased())
                if ok {
                    out.append(line[open...close])
                    index = line.index(after: close)
                    continue
                }
            }
            index = next
        }
        return out
    }

    /// `. /etc/os-release`, `source ~/.bashrc`, `$(. /etc/os-release && echo …)`: sets variables
    /// nobody can see from here.
    private static func readsAFileIn(_ line: Substring) -> Bool {
        let code = line.beforeTrailingComment
        guard code.contains(". ") || code.contains("source ") else { return false }
        let words = code.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (i, word) in words.enumerated() where i + 1 < words.count {
            let core = word.drop { "($`;&|".contains($0) }
            guard core == "." || core == "source" else { continue }
            if i == 0 || word.count > core.count || ["&&", "||", ";", "|", "then", "do"].contains(String(words[i - 1])) { return true }
        }
        return false
    }

    /// `your.domain.com`, `api.your.domain.com`, `ops@your-company.com`: a host named "yours", in
    /// any word, quoted or in a file a heredoc writes.
    static func yourNames(in line: Substring) -> [Substring] {
        guard line.contains("your") else { return [] }
        return line.split(whereSeparator: { " \t\"'`()=,;".contains($0) }).filter { word in
            let labels = word.split(whereSeparator: { "./@:".contains($0) })
            return labels.count >= 2 && labels.dropLast().contains { $0 == "your" || $0.hasPrefix("your-") || $0.hasPrefix("your_") }
                && word.contains(".")
        }
    }

    /// `<html>` in a heredoc is markup, not a value to fill in.
    private static let htmlTags: Set<String> = [
        "html", "head", "body", "title", "div", "span", "p", "a", "br", "hr", "script", "style", "meta", "link",
        "table", "tr", "td", "th", "ul", "ol", "li", "h1", "h2", "h3", "pre", "code", "form", "input", "img",
    ]

    /// A word without the quotes, parentheses and separators around it (`"$X",` → `$X`).
    private static func unwrapped(_ word: Substring) -> Substring {
        var bare = word
        while let first = bare.first, "\"'(),;".contains(first) { bare = bare.dropFirst() }
        while let last = bare.last, "\"'(),;".contains(last) { bare = bare.dropLast() }
        return bare
    }

    /// Argument words that stand for a value: `x.x.x.x`, `xx.xx.xx.xx`, a `xxx` path part, a
    /// lone `...`, `${集群名}`, `your_username@…`, `/path/to/…`, `/home/username/`, `filename`,
    /// and ALL-CAPS names of things (`NODENAME`, `PID`, `CLIENT_SECRET`, `SUBSCRIPTION_ID`).
    private static func wordTokens(in line: Substring, known: Set<String>) -> [Substring] {
        var out: [Substring] = []
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (position, word) in words.enumerated() {
            if word.hasPrefix("#") { break }
            let bare = unwrapped(word)
            // Most words are short lower-case words, options or paths with nothing to fill in: the
            // checks below only for those that could hold one.
            if bare.count < 3 { continue }
            let lower = bare.lowercased()
            if lower.contains("x.x.x.x") || lower.contains("xx.xx") || lower.contains("/xxx/") || lower == "xxx" || bare == "..." {
                out.append(word)
                continue
            }
            // `PASSWORD='...'`: a value left out. `/dev/sdX`, `ethN`, `-d megaraid,N`: a device or
            // an index whose last letter stands for the one to pick.
            if bare.hasSuffix(".") || bare.hasSuffix("…") || bare.hasSuffix("'") || bare.hasSuffix("\""),
               let eq = bare.firstIndex(of: "="), ["...", "…"].contains(String(bare[bare.index(after: eq)...].filter { $0 != "'" && $0 != "\"" })) {
                out.append(word)
                continue
            }
            if position > 0, bare.contains("X") || bare.contains("N"), !bare.hasPrefix("-"), bare.split(whereSeparator: { "/,=:".contains($0) }).enumerated().contains(where: { part, segment in
                guard let last = segment.last, last == "X" || last == "N" else { return false }
                let stem = segment.dropLast()
                return stem.isEmpty ? part > 0 && bare.contains(",")
                    : stem.count >= 2 && stem.count <= 6 && stem.allSatisfy { $0.isASCII && $0.isLowercase }
            }) { out.append(word); continue }
            // A value cut short: `eyJhbGciOiJSUzI1NiIs...`, `sha256:4c2a…`.
            if (bare.hasSuffix("...") || bare.hasSuffix("…")),
               bare.dropLast(bare.hasSuffix("…") ? 1 : 3).suffix(4).allSatisfy({ $0.isLetter || $0.isNumber }),
               bare.count >= 7 { out.append(word); continue }
            // A name that says what to put there: `function-name`, `node_name`, `yourdomain.com`.
            let segments = lower.split(whereSeparator: { "./:@=".contains($0) })
            if position > 0, !bare.hasPrefix("-"), segments.contains(where: { seg in
                // (`_name` is how variables are named; a hyphen cannot be in one)
                // (`get-master-addr-by-name` is a sub-command: a verb first)
                !seg.contains("$") && ((seg.hasSuffix("-name") || seg.hasSuffix("-url")) && seg.count > 5
                    && !verbs.contains(String(seg.prefix { $0 != "-" })) && !seg.contains("-by-")
                    || seg.hasPrefix("your") && seg.count > 4)
            }) { out.append(word); continue }
            if lower.contains("your_") || lower.contains("your-") || lower.contains("path/to/") || lower.contains("path_to_")
                || lower.contains("/username/") || lower.hasPrefix("username@") || lower.contains("server_ip")
                || (position > 0 && (lower == "filename" || lower == "username")) { out.append(word); continue }
            if let dollar = bare.firstIndex(of: "$"), bare[dollar...].dropFirst().first == "{",
               let close = bare[dollar...].firstIndex(of: "}"),
               bare[bare.index(dollar, offsetBy: 2)..<close].unicodeScalars.contains(where: { !$0.isASCII }) { out.append(word); continue }
            // Stand-in words (`SourceFile`, `functionName`, `varname`, `command1`), also as parts
            // of `user@host:directory/SourceFile`.
            // (`username=orderapi`: the key names the setting, only its value can stand in)
            let value = bare.contains("=") ? bare[bare.index(after: bare.firstIndex(of: "=") ?? bare.startIndex)...] : bare
            if !bare.hasPrefix("-"), !bare.contains("$"), !known.contains(String(bare)),
               value.split(whereSeparator: { "@:/.=~,".contains($0) }).contains(where: Synopsis.isStandIn) { out.append(word); continue }
            // `"LOAD_BALANCER_DNS:LOAD_BALANCER_PORT"`: ALL-CAPS names of things joined by `:` or `/`.
            if position > 0, bare.contains(":") || bare.contains("/"), !bare.contains("$"),
               bare.split(whereSeparator: { ":/".contains($0) }).contains(where: { part in
                   part.count >= 4 && part.contains("_") && part.allSatisfy { ($0.isUppercase && $0.isASCII) || $0 == "_" }
               }) { out.append(word); continue }
            // Stand-ins of a syntax template: `while condition; do`, `  commands`, `[[ string1 =~ regex ]]`
            // (`command -v docker` is the builtin).
            var core = bare
            while let first = core.first, "[]{}()".contains(first) { core = core.dropFirst() }
            while let last = core.last, "[]{}()".contains(last) { core = core.dropLast() }
            if Synopsis.metasyntactic.contains(String(core)),
               !(position == 0 && bare == "command") { out.append(word); continue }
            // ALL-CAPS arguments (never the command, an assignment, `$VAR` or an option).
            guard position > 0, !bare.contains("="), !bare.hasPrefix("$"), !bare.hasPrefix("-"),
                  bare.count >= 2, bare.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0 == "_" || $0.isNumber }),
                  bare.first?.isLetter == true
            else { continue }
            let previous = words[position - 1]
            if previous.hasPrefix("-") && previous.count <= 3 { continue }  // `-X POST`, `-j ACCEPT`, `-P FORWARD`
            if bare.contains("_") && bare.split(separator: "_").count >= 2 || capsNouns.contains(String(bare)) { out.append(word) }
        }
        // A variable the page sets (`read -e fileName`, `for filename`) is a name, not a fill-in.
        return out.filter { word in
            !known.contains(String(unwrapped(word)))
        }
    }

    /// First words of sub-commands (`get-master-addr-by-name`, `list-node-name`), not of names.
    private static let verbs: Set<String> = [
        "get", "set", "list", "show", "delete", "create", "remove", "add", "update", "describe", "find", "lookup", "print",
    ]

    /// Capitalised nouns that stand for a value when written as an argument.
    private static let capsNouns: Set<String> = [
        "NODENAME", "NODE", "PID", "USERNAME", "USER", "PASSWORD", "TOKEN", "IP", "HOSTNAME", "HOST", "NAMESPACE",
        "FILENAME", "FILE", "DIR", "DIRECTORY", "PORT", "SERVER", "CLUSTER", "DOMAIN", "EMAIL", "SECRET", "URL",
        "IMAGE", "POD", "CONTAINER", "DEVICE", "DISK", "PARTITION", "INTERFACE", "VARIABLE", "OPTION", "OPTIONS",
    ]

    /// `${YOUR_TOKEN}`, `$YOUR_IP`, `CHANGE_ME`, `xxx.xxx.xxx.xxx`.
    private static func variableTokens(in line: Substring) -> [Substring] {
        var out: [Substring] = []
        let markers = ["YOUR_", "YOUR-", "MY_", "REPLACE", "CHANGE_ME", "CHANGEME"]
        var index = line.startIndex
        while index < line.endIndex {
            let ch = line[index]
            if ch == "$" {
                var end = line.index(after: index)
                let braced = end < line.endIndex && line[end] == "{"
                if braced { end = line.index(after: end) }
                let nameStart = end
                while end < line.endIndex, line[end].isLetter || line[end].isNumber || line[end] == "_" { end = line.index(after: end) }
                let name = line[nameStart..<end].uppercased()
                if markers.contains(where: { name.hasPrefix($0) || name.contains("_" + $0) }) {
                    if braced, end < line.endIndex, line[end] == "}" { end = line.index(after: end) }
                    out.append(line[index..<end])
                }
                index = end > index ? end : line.index(after: index)
                continue
            }
            index = line.index(after: index)
        }
        for word in line.split(whereSeparator: { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }) {
            let upper = word.uppercased()
            if upper == "CHANGE_ME" || upper == "CHANGEME" || upper.hasPrefix("XXX.XXX") || upper == "<TOKEN>" {
                out.append(word)
            }
        }
        return out
    }
}
