// Blocks that show the form of a shell construct or a command rather than a command to run:
// `while condition; do commands; done`, `grep pattern filename`, `${varname:-word}`, `<(list)`,
// `{ command1; command2; }`. Every statement is written in stand-ins, so the block is `other`
// (RULES.md puts usage synopses there), never a script. One concrete statement (`echo ${array[i]}`,
// `trap egress EXIT`) makes the block a script whose stand-ins are fill-ins (Placeholders).

package enum SyntaxTemplate {
    /// `statements`: the block's lines without comment lines, prompts stripped.
    package static func isSyntaxTemplate(_ statements: [Substring]) -> Bool {
        guard !statements.isEmpty, statements.count <= 8 else { return false }
        var strong = 0, weak = 0
        for statement in statements {
            let line = withoutTrailingComment(statement)
            // A heredoc writes a file: whatever its words, the block does something.
            if line.contains("<<"), !line.contains("<<<") { return false }
            for piece in pieces(of: line) {
                switch read(piece) {
                case .neutral: continue
                case .concrete: return false
                case .standIns(let s, let w):
                    strong += s
                    weak += w
                }
            }
        }
        return strong >= 1 || weak >= 2
    }

    private enum Piece: Equatable {
        case neutral
        case concrete
        case standIns(strong: Int, weak: Int)
    }

    /// A pipeline, list or sequence cut at `;`, `|`, `&&`, `||` (quotes are not parsed: a template has none that matter).
    private static func pieces(of line: Substring) -> [Substring] {
        line.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "&" }).map(\.trimmedBlanks).filter { !$0.isEmpty }
    }

    private static func withoutTrailingComment(_ line: Substring) -> Substring {
        line.beforeTrailingComment
    }

    private static let keywords: Set<String> = ["do", "done", "then", "fi", "else", "esac", "return", "break", "continue", "in", ";;"]
    /// Keywords whose words after them are the construct's parts (`while condition`, `for variable in list`).
    private static let constructs: Set<String> = ["while", "until", "if", "elif", "for", "select", "case", "function", "test", "in"]
    private static let operators: Set<String> = ["=~", "==", "=", "!=", "!", "-eq", "-ne", "-lt", "-gt", "-le", "-ge", "-z", "-n"]

    private static func read(_ piece: Substring) -> Piece {
        // A bare expansion or redirection as a whole statement shows syntax: `${varname:-word}`,
        // `${#array[@]}`, `<(list)`, `>(list)`, `<<< string`, `$((expression))`.
        if !piece.contains(" "), piece.hasPrefix("${") && piece.hasSuffix("}")
            || (piece.hasPrefix("<(") || piece.hasPrefix(">(") || piece.hasPrefix("$((")) && piece.hasSuffix(")") {
            return .standIns(strong: 1, weak: 0)
        }
        if piece.hasPrefix("<<<") {
            return standIns(piece.dropFirst(3).split(separator: " "), needAll: true, plus: 1)
        }
        let words = piece.split(separator: " ").map(bareWord).filter { !$0.isEmpty && $0 != "..." && $0 != "…" }
        guard let first = words.first else { return .neutral }
        // A case arm, `  pattern )`: its patterns.
        if piece.hasSuffix(")"), !piece.contains("(") { return standIns(words, needAll: true) }
        if words.count == 1, keywords.contains(String(first)) { return .neutral }
        if constructs.contains(String(first)) {
            let parts = words.dropFirst().filter { !operators.contains(String($0)) && !keywords.contains(String($0)) }
            return parts.isEmpty ? .concrete : standIns(parts, needAll: true)
        }
        // The command itself a stand-in: `command1 && command2`, `  commands`, `process1 | process2`
        // (`command -v docker` is the builtin).
        if strength(first) == 2, !(first == "command" && words.dropFirst().first?.hasPrefix("-") == true) {
            let arguments = words.dropFirst().filter { !operators.contains(String($0)) }
            return arguments.isEmpty ? .standIns(strong: 1, weak: 0) : standIns(arguments, needAll: true, plus: 1)
        }
        // The middle of a command: `-exec command {} ;`.
        if first.hasPrefix("-") {
            return words.contains(where: { strength($0) == 2 }) ? .standIns(strong: 1, weak: 0) : .concrete
        }
        // `variable=value`, `NAME=value`.
        if let eq = first.firstIndex(of: "="), words.count == 1 {
            return standIns([first[..<eq], first[first.index(after: eq)...]], needAll: true)
        }
        // A command whose arguments are stand-ins, at least two of them: `grep pattern filename`,
        // `alias NAME=DEFINITION`. One stand-in is a command with a fill-in (`killall processname`,
        // `id -u [UserName]`): a script, not runnable.
        let arguments = words.dropFirst().filter { !$0.hasPrefix("-") }
            .flatMap { $0.split(separator: "=") }
        guard case .standIns(let strong, let weak) = standIns(arguments, needAll: false), strong + weak >= 2 else { return .concrete }
        return .standIns(strong: strong, weak: weak)
    }

    /// Stand-ins among `words`: all must be (a construct's parts), or at least as many as the
    /// concrete words (a command's arguments: `zip options zipfile file...`). `plus`: strong
    /// stand-ins already seen (the command word itself, a `<<<`).
    private static func standIns<S: Sequence>(_ words: S, needAll: Bool, plus: Int = 0) -> Piece where S.Element == Substring {
        var strong = plus, weak = 0, concrete = 0
        for word in words.map(bareWord) where !word.isEmpty && word != "..." && word != "…" {
            switch strength(word) {
            case 2: strong += 1
            case 1: weak += 1
            default: concrete += 1
            }
        }
        if strong + weak == 0 || (needAll ? concrete > 0 : concrete > strong + weak) { return .concrete }
        return .standIns(strong: strong, weak: weak)
    }

    /// A word without the brackets, quotes and trailing ellipsis a synopsis wraps it in.
    private static func bareWord(_ word: Substring) -> Substring {
        var w = word
        while let c = w.first, "[]{}()'\"".contains(c) { w = w.dropFirst() }
        while let c = w.last, "[]{}()'\",".contains(c) { w = w.dropLast() }
        if w.hasSuffix("...") { w = w.dropLast(3) } else if w.hasSuffix("…") { w = w.dropLast() }
        return w
    }

    /// 2: a word that only ever stands for something (`condition`, `command1`, `SourceFile`, `文件名`,
    /// `ARRAYNAME`); 1: a noun that does in a template (`pattern`, `list`, `name`, `file`, `信号1`);
    /// 0: anything else.
    private static func strength(_ word: Substring) -> Int {
        if word.contains(where: { "$/.:@<>".contains($0) }) { return 0 }
        if Synopsis.metasyntactic.contains(String(word)) || Synopsis.isStandIn(word) { return 2 }
        if word.count >= 6, word.hasSuffix("NAME"), word.allSatisfy({ $0.isUppercase && $0.isASCII }) { return 2 }
        // (`dir1 dir2`, `word1 word2` are example names one can use as they are; `argN` is not)
        let noun = word.lowercased()
        if noun.hasPrefix("arg"), noun.dropFirst(3).allSatisfy({ $0.isNumber || $0 == "n" }) { return 2 }  // `arg1 … argN`
        if templateNouns.contains(noun) || (noun.hasSuffix("n") && templateNouns.contains(String(noun.dropLast()))) { return 1 }
        // A Chinese noun as an argument (`信号1`): a description of what goes there.
        let stem = String(noun.reversed().drop(while: { $0.isNumber }).reversed())
        if !stem.isEmpty, stem.unicodeScalars.allSatisfy(\.isHan) { return 1 }
        return 0
    }

    /// Nouns a template uses for its parts.
    private static let templateNouns: Set<String> = [
        "name", "value", "list", "string", "word", "pattern", "option", "options", "source", "destination", "dest",
        "target", "file", "files", "filename", "dir", "directory", "path", "arg", "args", "array", "varname",
        "variable", "text", "number", "index", "definition", "key", "program", "script", "offset", "length", "token",
    ]
}
