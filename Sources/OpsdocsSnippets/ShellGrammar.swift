// Proves that a script made only of simple commands (words, quotes, `|`, `&&`, `||`, `;`, `&`,
// redirections, comments, `\` continuations) parses in bash, so that `bash -n` — one process
// per script, ~1.4 ms each, most of a cold build of a runbook-heavy site — only runs for
// scripts with anything more: control structures, `$( )`, backquotes, `${ }`, heredocs,
// parentheses, braces, `[[ ]]`. It never calls a script invalid; "not plainly valid" only means
// bash decides. A test holds it to bash -n on every script of the corpora and on mutations.

enum ShellGrammar {
    /// Words that are syntax in command position; a script using one goes to bash.
    fileprivate static let reserved: Set<String> = [
        "if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "in",
        "function", "time", "coproc", "{", "}", "!", "[[", "]]",
    ]

    static func isPlainlyValid(_ script: String) -> Bool {
        var parser = Parser()
        return script.utf8.withContiguousStorageIfAvailable { parser.run($0) } ?? parser.run(Array(script.utf8)[...])
    }

    private struct Parser {
        /// A command has begun (a word or a redirection), so `;`, `&`, `|` may follow.
        var hadCommand = false
        /// Inside a command, before its command word (assignments and redirections come first).
        var wordsSoFar = 0
        var assignmentsOnly = true
        /// After `|`, `&&`, `||`: a command must follow (newlines may come first).
        var needCommand = false
        /// After `>`, `<` and friends: a word must follow on this line.
        var needTarget = false

        mutating func endCommand() {
            hadCommand = false
            wordsSoFar = 0
            assignmentsOnly = true
        }

        /// A word ends: the first non-assignment word of a command must not be syntax.
        mutating func word(_ bytes: some Collection<UInt8>, quoted: Bool) -> Bool {
            if needTarget {
                needTarget = false
                hadCommand = true
                return true
            }
            needCommand = false
            hadCommand = true
            wordsSoFar += 1
            if assignmentsOnly {
                if !quoted, Self.isAssignment(bytes) { return true }
                assignmentsOnly = false
                if !quoted, ShellGrammar.reserved.contains(String(decoding: bytes, as: UTF8.self)) { return false }
            }
            return true
        }

        static func isName(_ bytes: [UInt8]) -> Bool {
            isAssignment(bytes + [UInt8(ascii: "=")])
        }

        static func isAssignment(_ bytes: some Collection<UInt8>) -> Bool {
            guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")), equals != bytes.startIndex else { return false }
            return bytes[bytes.startIndex..<equals].enumerated().allSatisfy { offset, b in
                b == UInt8(ascii: "_") || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (offset > 0 && b >= 0x30 && b <= 0x39)
            }
        }

        mutating func run(_ s: some RandomAccessCollection<UInt8>) -> Bool {
            let bytes = Array(s)
            let n = bytes.count
            var i = 0
            var word: [UInt8] = []
            var inWord = false
            var quoted = false
            func at(_ k: Int) -> UInt8 { k < n ? bytes[k] : 0 }

            func finishWord(_ parser: inout Parser) -> Bool {
                guard inWord else { return true }
                inWord = false
                defer { word.removeAll(keepingCapacity: true); quoted = false }
                return parser.word(word, quoted: quoted)
            }

            while i < n {
                let b = bytes[i]
                switch b {
                case 0:
                    return false
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    guard finishWord(&self) else { return false }
                    i += 1
                case UInt8(ascii: "\\"):
                    if at(i + 1) == UInt8(ascii: "\n") { i += 2; continue }  // a continuation joins the lines
                    guard i + 1 < n else { return false }
                    inWord = true
                    quoted = true
                    word.append(bytes[i + 1])
                    i += 2
                case UInt8(ascii: "#") where !inWord:
                    while i < n, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                case UInt8(ascii: "\n"):
                    guard finishWord(&self), !needTarget else { return false }
                    if !needCommand { endCommand() }
                    i += 1
                case UInt8(ascii: ";"):
                    guard finishWord(&self), !needTarget, hadCommand, !needCommand,
                          at(i + 1) != UInt8(ascii: ";"), at(i + 1) != UInt8(ascii: "&") else { return false }
                    endCommand()
                    i += 1
                case UInt8(ascii: "&"):
                    guard finishWord(&self), !needTarget else { return false }
                    if at(i + 1) == UInt8(ascii: ">") {  // `&>file`, `&>>file`
                        i += at(i + 2) == UInt8(ascii: ">") ? 3 : 2
                        needTarget = true
                        continue
                    }
                    guard hadCommand, !needCommand else { return false }
                    if at(i + 1) == UInt8(ascii: "&") {
                        needCommand = true
                        i += 2
                    } else {
                        i += 1
                    }
                    endCommand()
                case UInt8(ascii: "|"):
                    guard finishWord(&self), !needTarget, hadCommand, !needCommand else { return false }
                    i += at(i + 1) == UInt8(ascii: "|") || at(i + 1) == UInt8(ascii: "&") ? 2 : 1
                    needCommand = true
                    endCommand()
                case UInt8(ascii: "<"), UInt8(ascii: ">"):
                    guard !needTarget else { return false }
                    // A number right before the operator is its file descriptor (`2>&1`).
                    if inWord, !quoted, word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        inWord = false
                        word.removeAll(keepingCapacity: true)
                    } else {
                        guard finishWord(&self) else { return false }
                    }
                    let next = at(i + 1)
                    if b == UInt8(ascii: "<"), next == UInt8(ascii: "<") || next == UInt8(ascii: "(") { return false }
                    if b == UInt8(ascii: ">"), next == UInt8(ascii: "(") { return false }
                    i += 1
                    // `>>`, `>|`, `>&`, `<&`, `<>` (there is no `<|` or `<<` here: heredocs went to bash above).
                    if (b == UInt8(ascii: ">") && (next == UInt8(ascii: ">") || next == UInt8(ascii: "|")))
                        || next == UInt8(ascii: "&") || (b == UInt8(ascii: "<") && next == UInt8(ascii: ">")) { i += 1 }
                    needTarget = true
                case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "`"):
                    return false
                case UInt8(ascii: "'"):
                    guard let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: "'")) else { return false }
                    inWord = true
                    quoted = true
                    word.append(contentsOf: bytes[(i + 1)..<close])
                    i = close + 1
                case UInt8(ascii: "\""):
                    var j = i + 1
                    while j < n, bytes[j] != UInt8(ascii: "\"") {
                        if bytes[j] == UInt8(ascii: "\\") { j += 2; continue }
                        if bytes[j] == UInt8(ascii: "`") { return false }
                        if bytes[j] == UInt8(ascii: "$"), j + 1 < n,
                           bytes[j + 1] == UInt8(ascii: "(") || bytes[j + 1] == UInt8(ascii: "{") { return false }
                        j += 1
                    }
                    guard j < n else { return false }
                    inWord = true
                    quoted = true
                    word.append(contentsOf: bytes[(i + 1)..<j])
                    i = j + 1
                case UInt8(ascii: "$"):
                    let next = at(i + 1)
                    if next == UInt8(ascii: "(") || next == UInt8(ascii: "{") || next == UInt8(ascii: "'")
                        || next == UInt8(ascii: "\"") || next == UInt8(ascii: "[") { return false }  // `$[2+2]` too
                    inWord = true
                    word.append(b)
                    i += 1
                case UInt8(ascii: "[") where assignmentsOnly && !quoted && !word.isEmpty && !needTarget
                    && Self.isName(word):
                    // `NAME[` before the command word starts an array assignment: bash reads a
                    // subscript up to `]`, across blanks and quotes.
                    return false
                default:
                    inWord = true
                    word.append(b)
                    i += 1
                }
            }
            guard finishWord(&self) else { return false }
            return !needTarget && !needCommand
        }
    }
}
