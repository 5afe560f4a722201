// Values the reader must fill in before a command can run: `<node-name>`, `<token>`,
// `${YOUR_TOKEN}`, `$MY_CLUSTER`, `CHANGE_ME`. A snippet holding one is extracted but not runnable.

enum Placeholders {
    static func find(in script: String) -> [String] {
        var found: [String] = []
        func add(_ s: Substring) { let v = String(s); if !found.contains(v) { found.append(v) } }
        var heredocDelimiter: String?
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            if let delimiter = heredocDelimiter {
                if line.trimmedBlanks == delimiter { heredocDelimiter = nil }
            } else if let (delimiter, _) = ShellWords.heredocDelimiter(in: line) {
                heredocDelimiter = delimiter
            }
            if line.drop(while: { $0 == " " }).hasPrefix("#") { continue }  // comments do not run
            angleTokens(in: line).forEach(add)
            variableTokens(in: line).forEach(add)
        }
        return found
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
                    && !inside.hasSuffix(" ")
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
