// Usage synopses and the stand-in words of syntax templates. A synopsis shows how a command is
// written (`kill [-signal] PID`, `kubectl [command] [TYPE] [NAME] [flags]`): `other`, never a
// script. So is a block written wholly in stand-ins (SyntaxTemplate); a script with some stand-ins
// (`condition`, `commands`, `文件名`) has fill-ins: extracted, not runnable (Placeholders).

package enum Synopsis {
    /// A usage synopsis rather than a command: an optional part in brackets (`kill [-signal] PID`,
    /// `read [-options] [variable...]`, `kubectl [command] [TYPE] [NAME] [flags]`, `ARRAY[INDEX]=value`).
    /// Not a test (`[ -f x ]`), a glob class (`[0-9]`) or an array element (`${a[1]}`).
    package static func isSynopsis(_ raw: Substring) -> Bool {
        // Brackets inside quotes are a pattern (`grep '[-AZ]'`), not an optional part.
        let line = Substring(ShellWords.unquoted(raw.trimmedBlanks))
        // `{-A|-C|-D}`: one of these options.
        if let open = line.firstIndex(of: "{"), let close = line[open...].firstIndex(of: "}"), open > line.startIndex,
           line[line.index(before: open)] == " " {
            let choices = line[line.index(after: open)..<close].split(separator: "|")
            if choices.count >= 2, choices.allSatisfy({ $0.hasPrefix("-") && $0.count >= 2 && !$0.contains(" ") }) { return true }
        }
        var rest = line[...]
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { return false }
            let inside = after[..<close]
            let before = open > line.startIndex ? line[line.index(before: open)] : " "
            let isRange = inside.count == 3 && inside.dropFirst().first == "-"
            // `[-t table]`, `[--since time]`: an optional option and its stand-in.
            let parts = inside.split(separator: " ")
            if before == " ", inside.first == "-", inside.last != " ", parts.count == 2, parts[0].hasPrefix("-"), parts[0].dropFirst().first?.isLetter == true,
               parts[1].allSatisfy({ $0.isLetter || "_-.".contains($0) }), parts[1].first?.isLetter == true { return true }
            // `[bs=block_size [count=blocks]]`: an optional `key=stand_in`, possibly nested.
            if inside.contains("="), inside.contains("_"), !inside.contains(" ") || inside.contains("["), before == " ",
               inside.allSatisfy({ $0.isLetter || $0.isNumber || "=_-[ ".contains($0) }) { return true }
            if !inside.isEmpty, !inside.hasPrefix(" "), !inside.hasPrefix("["), before != "$", before != "{", !isRange,
               inside.count >= 3, inside.contains(where: { $0.isLetter }),
               inside.allSatisfy({ $0.isLetter || $0.isNumber || "-_.;|".contains($0) }),
               inside.contains(where: { $0.isUppercase }) || inside.hasPrefix("-") || inside.contains("...")
                || ["flags", "options", "command", "file", "args", "name", "value", "user", "host", "path", "dir", "directory", "owner", "group"].contains(inside.lowercased())
                || inside.hasSuffix("name") && inside.count > 4  // `[optionname]`, `[username]`
            {
                return true
            }
            rest = after[after.index(after: close)...]
        }
        return false
    }

    /// A line whose command is a stand-in (`command1`, `commands`, `process2`): a command to fill in.
    package static func startsWithStandIn(_ line: Substring) -> Bool {
        guard let word = line.trimmedBlanks.split(separator: " ").first else { return false }
        return metasyntactic.contains(String(word)) && word != "command" || isStandIn(word)
    }

    /// Words that stand for "something of this sort" in a syntax template (Placeholders).
    package static let metasyntactic: Set<String> = [
        "condition", "conditions", "command", "commands", "expression", "string1", "string2", "regex", "arguments",
        "statements", "test-commands", "consequent-commands", "alternate-commands",
        "文件名", "条件", "动作", "命令", "参数", "选项",
        // ALL-CAPS stand-ins for a part of the syntax (not for a value, like `kill PID`)
        "OPTION", "OPTIONS", "VARIABLE", "COMMAND", "EXPRESSION", "CONDITION", "ARGS", "ARGUMENTS",
    ]

    /// First letters of the nouns (a cheap first test).
    private static let standInInitials = Set(standInNouns.compactMap(\.first))

    /// Nouns that stand-in words are made of.
    private static let standInNouns = [
        "source", "target", "dest", "destination", "file", "dir", "directory", "folder", "name", "var", "variable",
        "function", "func", "command", "cmd", "user", "host", "path", "value", "key", "string", "pattern", "remote",
        "local", "arg", "process", "option", "here", "script",
    ]

    /// A word made only of stand-in nouns, at least two of them (`SourceFile`, `functionName`,
    /// `varname`, `user_name`), or `command`/`arg` with a number (`command1`, `argN`). Not a command's
    /// own name (`basename`, `hostname`, `dirname`), nor `localhost`.
    package static func isStandIn(_ word: Substring) -> Bool {
        guard word.utf8.count >= 5, let initial = word.first?.lowercased().first, standInInitials.contains(initial) else { return false }
        let w = word.lowercased().filter { $0 != "_" && $0 != "-" }
        guard w.count >= 5, w != "localhost", w.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              !ShellWords.commands.contains(String(word)), !ShellWords.commands.contains(w) else { return false }
        for base in ["command", "cmd", "arg", "process"] where w.hasPrefix(base) {
            let rest = w.dropFirst(base.count)
            if !rest.isEmpty, rest.allSatisfy({ $0.isNumber }) || rest == "n" { return true }
        }
        // Can the word be cut into two or more nouns?
        func parts(_ rest: Substring) -> Int? {
            if rest.isEmpty { return 0 }
            var best: Int?
            for noun in standInNouns where rest.hasPrefix(noun) {
                if let n = parts(rest.dropFirst(noun.count)) { best = max(best ?? 0, n + 1) }
            }
            if best == nil, let digits = Optional(rest.prefix { $0.isNumber }), !digits.isEmpty, digits.count == rest.count { return 0 }
            return best
        }
        return (parts(Substring(w)) ?? 0) >= 2
    }
}
