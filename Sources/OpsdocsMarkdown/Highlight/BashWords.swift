// Bash words: what the first word of a command is (assignment, keyword, builtin, program, or a
// wrapper like sudo whose argument is the real program), options, and the rest of the word.

/// A wrapper command (`sudo -u root kubectl`): its options, and how many plain arguments precede the real command.
struct WrapperState: Sendable {
    var valueOptions: Set<String>
    var positional: Int
    var needValue = false
}

extension BashTokenizer {
    static let keywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "select",
        "function", "{", "}", "[[", "]]", "!",
    ]
    static let builtins: Set<String> = [
        "echo", "printf", "read", "cd", "pwd", "pushd", "popd", "dirs", "export", "local", "declare", "typeset",
        "readonly", "unset", "set", "shift", "source", ".", "eval", "exec", "exit", "return", "trap", "wait",
        "test", "[", "true", "false", "alias", "unalias", "type", "hash", "ulimit", "umask", "let", "getopts",
        "break", "continue", "jobs", "fg", "bg", "disown", "shopt", "mapfile", "readarray", "history", "command",
        "builtin", ":", "kill", "logout", "complete", "enable", "times", "help",
    ]
    static let assigningBuiltins: Set<String> = ["export", "local", "declare", "typeset", "readonly"]
    static let wrappers: [String: WrapperState] = [
        "sudo": WrapperState(valueOptions: ["-u", "-g", "-p", "-C", "-D", "-h", "-r", "-t", "-U", "-T", "--user", "--group"],
                             positional: 0),
        "doas": WrapperState(valueOptions: ["-u", "-C"], positional: 0),
        "env": WrapperState(valueOptions: ["-u", "-C", "-S", "--unset", "--chdir"], positional: 0),
        "time": WrapperState(valueOptions: ["-f", "-o"], positional: 0),
        "nohup": WrapperState(valueOptions: [], positional: 0),
        "xargs": WrapperState(valueOptions: ["-I", "-n", "-P", "-d", "-L", "-s", "-a", "-E"], positional: 0),
        "watch": WrapperState(valueOptions: ["-n", "--interval"], positional: 0),
        "nice": WrapperState(valueOptions: ["-n"], positional: 0),
        "ionice": WrapperState(valueOptions: ["-c", "-n", "-p"], positional: 0),
        "timeout": WrapperState(valueOptions: ["-s", "-k", "--signal", "--kill-after"], positional: 1),
        "exec": WrapperState(valueOptions: ["-a"], positional: 0),
        "command": WrapperState(valueOptions: [], positional: 0),
        "strace": WrapperState(valueOptions: ["-e", "-o", "-p", "-s"], positional: 0),
        "chroot": WrapperState(valueOptions: [], positional: 1),
        "nsenter": WrapperState(valueOptions: ["-t", "--target"], positional: 0),
        "stdbuf": WrapperState(valueOptions: [], positional: 0),
    ]

    @inline(__always) func isBare(_ b: UInt8) -> Bool {
        !isBashDelimiter(b) && b != UInt8(ascii: "'") && b != UInt8(ascii: "\"") && b != UInt8(ascii: "`")
            && b != UInt8(ascii: "$") && b != UInt8(ascii: "\\")
    }

    mutating func word(_ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end && isBare(s[j]) { j += 1 }
        let whole = j == end || isBashDelimiter(s[j])
        if redirectTarget {
            redirectTarget = false
            return parts(i, end)
        }
        if pendingIn > 0 {
            pendingIn -= 1
            if pendingIn == 0 && whole && s.word(i, j) == "in" {
                w.span(.keyword, i, j)
                if pendingInIsCase {
                    casePatternNext = true
                    mode = .pattern
                }
                return j
            }
        }
        if functionName {
            functionName = false
            w.span(.function, i, j)
            mode = .command
            return parts(j, end)
        }
        switch mode {
        case .pattern:
            if whole && s.word(i, j) == "esac" {
                w.span(.keyword, i, j)
                casePatternNext = false
                mode = .args
                return j
            }
            return parts(i, end)
        case .command:
            return parts(commandWord(i, j, whole, end), end)
        case .args:
            return parts(argWord(i, j, whole), end)
        }
    }

    /// `NAME=`, `NAME+=`, `NAME[i]=` at the start of a word: end after the `=`, or nil.
    private func assignmentEnd(_ i: Int, _ j: Int) -> Int? {
        guard i < j && (isLetter(s[i]) || s[i] == 0x5F) else { return nil }
        var p = i + 1
        while p < j && s[p] < 0x80 && isIdentChar(s[p]) { p += 1 }
        if p < j && s[p] == UInt8(ascii: "[") {
            while p < j && s[p] != UInt8(ascii: "]") { p += 1 }
            p += 1
        }
        if p < j && s[p] == UInt8(ascii: "+") { p += 1 }
        return p < j && s[p] == UInt8(ascii: "=") ? p + 1 : nil
    }

    private mutating func option(_ i: Int, _ j: Int) -> Int {
        var p = i
        while p < j && s[p] != UInt8(ascii: "=") { p += 1 }
        w.span(.option, i, p)
        return p
    }

    /// Classifies a word in command position; returns where the generic word scan resumes.
    private mutating func commandWord(_ i: Int, _ j: Int, _ whole: Bool, _ end: Int) -> Int {
        if var wr = wrapper {
            if wr.needValue {
                wr.needValue = false
                wrapper = wr
                return i
            }
            if j > i + 1 && s[i] == UInt8(ascii: "-") {
                let p = option(i, j)
                if p == j, let name = s.word(i, p), wr.valueOptions.contains(name) { wr.needValue = true }
                wrapper = wr
                return p
            }
        }
        if let eq = assignmentEnd(i, j) {
            w.span(.variable, i, eq)
            return eq
        }
        if var wr = wrapper, wr.positional > 0 {
            wr.positional -= 1
            wrapper = wr
            if whole && s.numberEnd(i, j) == j { w.span(.number, i, j) }
            return j
        }
        wrapper = nil
        guard j > i else {
            mode = .args
            return i
        }
        let name = s.word(i, j)
        if whole, let name, Self.keywords.contains(name) {
            w.span(.keyword, i, j)
            switch name {
            case "for", "select", "case":
                mode = .args
                pendingIn = 2
                pendingInIsCase = name == "case"
            case "function": functionName = true
            case "fi", "done", "esac", "}", "[[", "]]": mode = .args
            default: break
            }
            return j
        }
        if at(j, end, "(") && at(j + 1, end, ")") {
            // `name() {`: the body's `{` and first command follow.
            w.span(.function, i, j)
            w.span(.operator, j, j + 2)
            return j + 2
        }
        mode = .args
        if let name, Self.builtins.contains(name) {
            w.span(.builtin, i, j)
            assignArgs = Self.assigningBuiltins.contains(name)
        } else {
            w.span(.command, i, j)
        }
        if let name, let wr = Self.wrappers[name] {
            wrapper = wr
            mode = .command
        }
        return j
    }

    private mutating func argWord(_ i: Int, _ j: Int, _ whole: Bool) -> Int {
        if j > i + 1 && s[i] == UInt8(ascii: "-") { return option(i, j) }
        if whole && s.word(i, j) == "]]" {
            w.span(.keyword, i, j)
            return j
        }
        if assignArgs, let eq = assignmentEnd(i, j) {
            w.span(.variable, i, eq)
            return eq
        }
        if whole && j > i && s.numberEnd(i, j) == j && isDigit(s[i]) { w.span(.number, i, j) }
        return i
    }

    /// The rest of a word after its classified prefix: quotes, expansions, escapes.
    mutating func parts(_ k: Int, _ end: Int) -> Int {
        var p = k
        while p < end {
            let c = s[p]
            if isBashDelimiter(c) { break }
            switch c {
            case UInt8(ascii: "'"): p = singleQuoted(p, end, opened: false)
            case UInt8(ascii: "\""): p = doubleQuoted(p, end, opened: false)
            case UInt8(ascii: "`"):
                let e = backtickEnd(p, end)
                w.span(.variable, p, e)
                p = e
            case UInt8(ascii: "$"):
                if at(p + 1, end, "'") {
                    let e = s.quotedEnd(p + 1, end, quote: UInt8(ascii: "'"), backslash: true)
                    w.span(.string, p, e)
                    p = e
                } else if at(p + 1, end, "(") && !at(p + 2, end, "(") {
                    w.span(.variable, p, p + 2)
                    substModes.append(mode)
                    commandBreak()
                    return p + 2
                } else {
                    let e = variableEnd(p, end)
                    if e > p { w.span(.variable, p, e) }
                    p = max(e, p + 1)
                }
            case UInt8(ascii: "\\"):
                if p + 1 == end {
                    continued = true
                    return end
                }
                p = s.escapeEnd(p, end)
            default:
                p += 1
            }
        }
        return p
    }
}
