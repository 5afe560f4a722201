// The prompt grammar, written once: how a pasted console line starts. Shell prompts (`$ `,
// `# `, `➜  ~ `, `[root@host dir]# `, `root@host:~# `, `user@host:~$ `, `bash-4.2# `,
// `(venv) $ `, `node1:~ # `) and the prompts of other programs (`PS C:\> `, `mysql> `,
// `127.0.0.1:6379> `, `postgres=# `, `>>> `), whose input is not bash.

import Foundation

package enum ShellPrompt: Equatable, Sendable {
    /// An unmistakable shell prompt; `length` characters of prompt precede the command.
    case shell(length: Int, root: Bool)
    /// `# …`: a root prompt or a comment, decided per block (`isRootCommand`).
    case hash
    /// Another program's prompt (PowerShell, a database or language REPL): what follows is
    /// typed into that program, not into bash.
    case foreign(length: Int)
    case none

    package static func classify(_ line: Substring) -> ShellPrompt {
        let s = line.drop { $0 == " " || $0 == "\t" }
        let indent = line.count - s.count
        // `(venv) $ ` and `(base) [root@x ~]# `
        if s.hasPrefix("("), let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) < 40 {
            let after = s[s.index(after: close)...]
            if after.hasPrefix(" "), case .shell(let n, let root) = classify(after.dropFirst()) {
                return .shell(length: indent + s.distance(from: s.startIndex, to: close) + 2 + n, root: root)
            }
        }
        if s.hasPrefix("$ ") { return .shell(length: indent + 2, root: false) }
        if s == "$" { return .shell(length: indent + 1, root: false) }
        // `$kubectl get pods`: a prompt glued to a known command (not `$HOME/bin/x`).
        if s.hasPrefix("$"), let word = ShellWords.commandWord(s.dropFirst()), ShellWords.commands.contains(String(word)),
           !ShellWords.proseWords.contains(String(word)) {
            return .shell(length: indent + 1, root: false)
        }
        // `~# cmd`, `~ # cmd`, `/ # cmd` (a shell inside a container), `~$ cmd`
        for prefix in ["~# ", "~ # ", "/ # ", "~$ ", "~ $ "] where s.hasPrefix(prefix) {
            return .shell(length: indent + prefix.count, root: prefix.contains("#"))
        }
        if s == "/ #" || s == "~#" { return .shell(length: indent + s.count, root: true) }
        if s.hasPrefix("# ") || s == "#" { return .hash }
        if s.hasPrefix("➜") { return .shell(length: line.count - ohMyZshCommand(s).count, root: false) }
        // Every prompt left has a `$`, `#`, `%` or `>` near the start; most lines have none.
        guard s.utf8.prefix(120).contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "%")
            || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "]") }) else { return .none }
        if let length = foreignPrompt(s) { return .foreign(length: indent + length) }
        if s.hasPrefix("[") { return bracketPrompt(s, indent: indent) }
        return hostPrompt(s, indent: indent)
    }

    /// A root prompt, not a comment: `# kubectl get pods` is one; `# 查看节点` or
    /// `# Install the CLI` is a comment.
    package static func isRootCommand(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst().drop { $0 == " " }
        guard let word = ShellWords.commandWord(rest), word.allSatisfy({ $0.isASCII }), word.first?.isUppercase == false
        else { return false }
        // Prose in a comment: Chinese text, or a command word that is also plain English.
        if rest.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) { return false }
        if ShellWords.proseWords.contains(String(word)) {
            let next = rest.dropFirst(word.count).drop { $0 == " " }
            return next.hasPrefix("-") || next.hasPrefix("/") || next.hasPrefix("$") || next.hasPrefix("<")
        }
        if isSentence(rest) { return false }
        return ShellWords.looksLikeCommand(rest)
    }

    /// `# id zhangwei`, `# free -m`: a command whose name is also an English word, not a sentence.
    /// Only a root prompt when what it printed follows.
    package static func isProseCommand(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst().drop { $0 == " " }
        guard let word = ShellWords.commandWord(rest), ShellWords.proseWords.contains(String(word)),
              !rest.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return false }
        return !isSentence(rest) && ShellWords.looksLikeCommand(rest)
    }

    /// `etcd keeps its data in /var/lib/etcd`, `pass -y next time to skip the prompt`: English
    /// words that only sentences use, two or more (`kubectl get deploy web` has none).
    static func isSentence(_ text: Substring) -> Bool {
        var count = 0
        for word in text.split(separator: " ") where functionWords.contains(String(word)) {
            count += 1
            if count >= 2 { return true }
        }
        return false
    }

    private static let functionWords: Set<String> = [
        "the", "a", "an", "to", "of", "its", "is", "are", "and", "if", "it", "this", "that", "with", "when", "only",
        "then", "you", "your", "we", "our", "will", "be", "not", "can", "should", "after", "before", "here", "there",
        "in", "on", "from", "keeps", "has", "was",
    ]

    /// `# tuned-adm profile throughput`, `# fail2ban-client status sshd`: a `#` line whose first word
    /// is shaped like a program's name (lower case, with a `-`, `_` or digit, as prose words
    /// seldom are) and that says nothing in Chinese. Only where other `#` lines are root prompts.
    package static func isProgramCommand(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" }.dropFirst().drop { $0 == " " }
        guard let word = ShellWords.commandWord(rest), word.count >= 3,
              word.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "-_.".contains($0)) }),
              word.first?.isLetter == true, word.contains(where: { "-_".contains($0) || $0.isNumber }),
              !rest.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return false }
        // (`# re-run the step`, `# x86_64 hosts only`, `# k8s 1.24 removed dockershim`: prose)
        if ["re-", "non-", "pre-", "self-", "multi-", "co-", "sub-", "anti-"].contains(where: { word.hasPrefix($0) }) { return false }
        if ["x86_64", "aarch64", "arm64", "amd64", "i386", "k8s", "k3s", "ipv4", "ipv6", "utf-8", "e.g", "i.e"].contains(String(word)) { return false }
        return !isSentence(rest)
    }

    /// oh-my-zsh: `➜  dir git:(branch) ✗ cmd`; two spaces after the arrow mean a directory follows.
    private static func ohMyZshCommand(_ s: Substring) -> Substring {
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
        return rest
    }

    /// `[root@master-01 ~]# cmd`, `[user@host dir]$ cmd`
    private static func bracketPrompt(_ s: Substring, indent: Int) -> ShellPrompt {
        let window = s.prefix(100)
        guard let close = window.firstIndex(of: "]") else { return .none }
        let inside = window[window.index(after: window.startIndex)..<close]
        guard inside.contains("@") || inside.contains(" ") else { return .none }
        let after = window[window.index(after: close)...].drop { $0 == " " }
        // `[root@k8s-01 work] kubectl …`: the mark lost in pasting, a command right after.
        if inside.contains("@"), after.first != "#", after.first != "$", window[window.index(after: close)...].first == " ",
           let word = ShellWords.commandWord(s[s.index(after: close)...]), ShellWords.commands.contains(String(word)) {
            return .shell(length: indent + s.distance(from: s.startIndex, to: close) + 2, root: false)
        }
        guard let mark = after.first, mark == "#" || mark == "$" else { return .none }
        let rest = after.dropFirst()
        let consumed = s.distance(from: s.startIndex, to: rest.startIndex)
        return .shell(length: indent + consumed + (rest.first == " " ? 1 : 0), root: mark == "#")
    }

    /// First word: `root@host:~#`, `user@host:/etc$`, `bash-4.2#`, `me@mac%`; or `node1:~ # `
    /// (SUSE) and `master $ `.
    private static func hostPrompt(_ s: Substring, indent: Int) -> ShellPrompt {
        let word = s.prefix { $0 != " " && $0 != "\t" }
        guard word.count >= 2, word.count < 80, let last = word.last else { return .none }
        let body = word.dropLast()
        if last == "#" || last == "$" || last == "%" {
            let userAtHost = body.contains("@") && body.first.map { $0.isLetter || $0 == "_" } == true
            let shellVersion = ["bash-", "sh-", "zsh-"].contains { prefix in
                body.hasPrefix(prefix) && body.dropFirst(prefix.count).allSatisfy { $0.isNumber || $0 == "." }
            }
            if (userAtHost && !body.contains("(")) || shellVersion {
                let rest = s.dropFirst(word.count)
                return .shell(length: indent + word.count + (rest.hasPrefix(" ") ? 1 : 0), root: last == "#")
            }
        }
        let afterWord = s.dropFirst(word.count)
        if afterWord.hasPrefix(" # ") || afterWord.hasPrefix(" $ ") {
            if (word.contains(":") && (word.hasSuffix("~") || word.contains("/"))) || word.contains("@") {
                return .shell(length: indent + word.count + 3, root: afterWord.hasPrefix(" # "))
            }
        }
        return .none
    }

    /// Names of REPLs whose prompt is `name> ` (`mysql> `, `sqlite> `, `redis> `, `ftp> `).
    private static let repls: Set<Substring> = [
        "mysql", "mariadb", "sqlite", "redis", "ftp", "sftp", "telnet", "irb", "mongo", "hive", "spark-sql",
        "cqlsh", "etcdctl", "zk", "gdb", "lftp", "beeline", "psql", "clickhouse",
    ]

    /// Characters of another program's prompt at the start of `s` (blanks already dropped).
    private static func foreignPrompt(_ s: Substring) -> Int? {
        func withSpace(_ n: Int) -> Int? {
            let rest = s.dropFirst(n)
            return rest.isEmpty ? n : (rest.first == " " ? n + 1 : nil)
        }
        // PowerShell: `PS C:\> `, `PS /home/me> `
        if s.hasPrefix("PS "), let gt = s.prefix(200).firstIndex(of: ">") {
            let path = s[s.index(s.startIndex, offsetBy: 3)..<gt]
            if let first = path.first, first == "/" || first == "~" || (first.isLetter && path.dropFirst().first == ":") {
                return withSpace(s.distance(from: s.startIndex, to: gt) + 1)
            }
        }
        // Python; not `>>> 172.27.138.251`, what `echo ">>> ${node_ip}"` prints in a loop
        if s.hasPrefix(">>> ") || s == ">>>" {
            let rest = s.dropFirst(4).trimmedBlanks
            let printedName = !rest.isEmpty && !rest.contains(" ") && rest.allSatisfy { $0.isNumber || $0 == "." || $0.isLetter || $0 == "-" }
                && rest.contains(where: \.isNumber) && !rest.contains("(")
            if !printedName { return withSpace(3) }
        }
        // `(parted) mklabel gpt`, `(gdb) bt`, `(Pdb) n`; fdisk's `Command (m for help): n`
        for prompt in ["(parted)", "(gdb)", "(Pdb)", "(lldb)", "(cqlsh)"] where s.hasPrefix(prompt) { return withSpace(prompt.count) }
        if s.hasPrefix("Command (m for help):") { return withSpace(21) }
        let word = s.prefix { $0 != " " && $0 != "\t" }
        // `mysql> `, `MariaDB [(none)]> `, `127.0.0.1:6379> `, `irb(main):001:0> `
        if word.hasSuffix(">"), word.count >= 2 {
            let name = word.dropLast().prefix { $0.isLetter || $0 == "-" }.lowercased()
            if repls.contains(Substring(name)) && !word.contains("<") { return withSpace(word.count) }
            let hostPort = word.dropLast().split(separator: ":")
            if hostPort.count == 2, let port = Int(hostPort[1]), port > 0, hostPort[0].allSatisfy({ $0.isNumber || $0 == "." || $0.isLetter }) {
                return withSpace(word.count)
            }
        }
        // Any other program's `name> ` or `/path> ` prompt (`supervisor> `, targetcli's
        // `/backstores/block> `): a word ending in `>` that is a name or a path, then what was typed.
        if word.hasSuffix(">"), word.count >= 2, s.count > word.count + 1, let first = word.first, first.isLetter || first == "/",
           word.dropLast().allSatisfy({ $0.isLetter || $0.isNumber || "_-./:@".contains($0) }),
           !word.dropLast().hasSuffix("-"), !word.dropLast().hasSuffix("=") {
            return withSpace(word.count)
        }
        if s.hasPrefix("MariaDB ["), let gt = s.prefix(80).range(of: "]> ") {
            return s.distance(from: s.startIndex, to: gt.upperBound)
        }
        // psql: `postgres=# `, `mydb=> `
        if (word.hasSuffix("=#") || word.hasSuffix("=>")) && word.count > 2,
           word.dropLast(2).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
            return withSpace(word.count)
        }
        return nil
    }
}
