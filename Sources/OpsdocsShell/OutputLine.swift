// What program output looks like, line by line, for blocks that paste a command and what it
// printed with no prompt to tell them apart (`kubectl get pods` and its table). A line is
// output only on positive evidence — a table row, a log line, a capitalised sentence, a lone
// value right after a command — so an unknown command (`ezdown -D`) is never taken for output.

package enum OutputLine {
    /// True when `raw` reads as something a program printed. `afterCommand`: the line right
    /// after a command line (where a lone word is that command's answer).
    package static func isEvidence(_ raw: Substring, afterCommand: Bool) -> Bool {
        let line = raw.trimmedBlanks
        guard let first = line.first else { return false }
        if ShellWords.looksLikeCommand(line) || line.hasPrefix("#") { return false }
        if isOutputLine(raw) { return true }
        // Boxes and tables: `+----+----+`, `| ENDPOINT | ID |`, `├── roles`.
        if line.hasPrefix("+-") || (first == "|" && line.count > 1) || line.contains("│") || line.contains("├")
            || line.contains("└") { return true }
        let operators = line.contains("|") || line.contains("&&") || line.contains(";") || line.contains(">")
            || line.contains("$(") || line.contains("`")
        // Columns: three or more fields apart by runs of spaces (`web-0   1/1   Running   0   3m`).
        if !operators, columnGaps(line) >= 2 { return true }
        // A sentence a program printed: `Calico process is running.`, `Forwarding from 127.0.0.1:8080 -> 80`.
        if first.isUppercase, first.isASCII, line.dropFirst().first?.isLowercase == true,
           !line.contains("|"), !line.contains("&&"), !line.contains("$("), line.contains(" ") { return true }
        // The one-word answer of the command above (`cgroup2fs`, `Running`, `v1.28.2`).
        if afterCommand, !operators, !line.contains(" "), !line.contains("="), !line.hasPrefix("-"),
           !line.hasPrefix("/"), !line.hasPrefix(".") || line == ".", !line.hasSuffix("\\") { return true }
        return false
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

    /// A usage synopsis rather than a command: an optional part in brackets (`kill [-signal] PID`,
    /// `read [-options] [variable...]`, `kubectl [command] [TYPE] [NAME] [flags]`, `ARRAY[INDEX]=value`).
    /// Not a test (`[ -f x ]`), a glob class (`[0-9]`) or an array element (`${a[1]}`).
    package static func isSynopsis(_ raw: Substring) -> Bool {
        // Brackets inside quotes are a pattern (`grep '[-AZ]'`), not an optional part.
        var unquoted = ""
        var quote: Character?
        for ch in raw.trimmedBlanks {
            if let q = quote { if ch == q { quote = nil }; continue }
            if ch == "'" || ch == "\"" { quote = ch; continue }
            unquoted.append(ch)
        }
        let line = Substring(unquoted)
        var rest = line[...]
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { return false }
            let inside = after[..<close]
            let before = open > line.startIndex ? line[line.index(before: open)] : " "
            let isRange = inside.count == 3 && inside.dropFirst().first == "-"
            if !inside.isEmpty, !inside.hasPrefix(" "), !inside.hasPrefix("["), before != "$", before != "{", !isRange,
               inside.count >= 3, inside.contains(where: { $0.isLetter }),
               inside.allSatisfy({ $0.isLetter || $0.isNumber || "-_.;|".contains($0) }),
               inside.contains(where: { $0.isUppercase }) || inside.hasPrefix("-") || inside.contains("...")
                || ["flags", "options", "command", "file", "args", "name", "value"].contains(inside.lowercased())
            {
                return true
            }
            rest = after[after.index(after: close)...]
        }
        return false
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
        return line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }

    /// `...`, `…`, `......`: the author left something out.
    package static func isElision(_ raw: Substring) -> Bool {
        let line = raw.trimmedBlanks
        return !line.isEmpty && (line.allSatisfy { $0 == "." } && line.count >= 3 || line.allSatisfy { $0 == "…" })
    }

    /// Lines only programs print: `64 bytes from …`, `ls -l` rows, `Error: …`, klog, `NAME` headers.
    package static func isOutputLine(_ raw: Substring) -> Bool {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard let first = line.first else { return false }
        if line.hasPrefix("...") || line.hasPrefix("^C") || line.hasPrefix("---") || line.hasPrefix("===") { return true }
        if first.isNumber {
            // `64 bytes from …`, `2018/07/03 08:40`, `1.2MB` — not `10.0.0.1 host` (hosts file),
            // `1 1 * * * cmd` (crontab) or `02b50b…,kubelet-bootstrap` (a token file).
            let word = line.prefix { $0 != " " && $0 != "\t" }
            let octets = word.split(separator: ".")
            if octets.count == 4 && octets.allSatisfy({ Int($0).map { $0 < 256 } ?? false }) { return false }
            if line.contains(" * ") { return false }
            return word.allSatisfy { $0.isNumber || ":./-%,".contains($0) } || word.hasSuffix("B") || word.hasSuffix("ms")
        }
        if line.count >= 10, "-dlcbps".contains(first),
           line.dropFirst().prefix(9).allSatisfy({ "rwxsStT-".contains($0) }) { return true }  // ls -l
        // `Error: …`, `ERROR: …`, `Usage: …`, `E0703 08:40:22 …` (klog)
        let word = line.prefix { $0 != " " && $0 != "\t" }
        if word.hasSuffix(":"), word.first?.isUppercase == true, word.dropLast().allSatisfy({ $0.isLetter }) { return true }
        if word.count == 5, let level = word.first, "EWIF".contains(level), word.dropFirst().allSatisfy(\.isNumber) { return true }
        if word == "PING" || word == "NAME" || word.allSatisfy({ $0.isUppercase }) && word.count > 3 { return true }
        return false
    }
}
