// Usage synopses and syntax templates: text that shows how a command is written rather than
// a command to run (`kill [-signal] PID`, `while condition; do commands; done`,
// `declare OPTION VARIABLE=value`, `awk '条件 动作' 文件名`). Labelled `other`, never a script.

package enum Synopsis {
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
                || ["flags", "options", "command", "file", "args", "name", "value", "user", "host", "path", "dir", "directory"].contains(inside.lowercased())
            {
                return true
            }
            rest = after[after.index(after: close)...]
        }
        return false
    }

    /// Words that stand for "something of this sort" in a syntax template.
    static let metasyntactic: Set<String> = [
        "condition", "conditions", "command", "commands", "expression", "string1", "string2", "regex", "arguments",
        "statements", "test-commands", "consequent-commands", "alternate-commands",
        "文件名", "条件", "动作", "命令", "参数", "选项",
        // ALL-CAPS stand-ins for a part of the syntax (not for a value, like `kill PID`)
        "OPTION", "OPTIONS", "VARIABLE", "COMMAND", "EXPRESSION", "CONDITION", "ARGS", "ARGUMENTS",
    ]

    /// A few lines that show how something is written: every statement is a synopsis, starts
    /// with a process substitution or a test (`>(list)`, `[[ string1 =~ regex ]]`), is bare
    /// syntax (`do`, `done`), or holds a stand-in word (`condition`, `OPTION`, `文件名`).
    package static func isSyntaxTemplate(_ statements: [Substring]) -> Bool {
        guard !statements.isEmpty, statements.count <= 4 else { return false }
        var standIns = 0
        for statement in statements {
            let line = statement.trimmedBlanks
            if isSynopsis(line) { standIns += 1; continue }
            if line.hasPrefix(">(") || line.hasPrefix("<(") || line.hasPrefix("[[") { standIns += 1; continue }
            let words = line.split(whereSeparator: { " \t;'\"=".contains($0) })
            let bareSyntax = words.allSatisfy { ShellWords.keywords.contains($0) || ShellWords.closers.contains($0) }
            if bareSyntax { continue }
            let found = words.contains { word in
                metasyntactic.contains(word.trimmingCharacters(in: CharacterSet(charactersIn: "[](){}.,")))
            }
            if !found { return false }
            standIns += 1
        }
        return standIns > 0
    }
}

import Foundation
