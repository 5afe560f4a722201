// Values the reader must fill in before a command can run: `<node-name>`, `<token>`,
// `${YOUR_TOKEN}`, `$MY_CLUSTER`, `CHANGE_ME`. A snippet holding one is extracted but not runnable.

import Foundation
import OpsdocsShell

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
            if heredocDelimiter == nil || ShellWords.heredocDelimiter(in: line) != nil { wordTokens(in: line).forEach(add) }
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

    /// `<html>` in a heredoc is markup, not a value to fill in.
    private static let htmlTags: Set<String> = [
        "html", "head", "body", "title", "div", "span", "p", "a", "br", "hr", "script", "style", "meta", "link",
        "table", "tr", "td", "th", "ul", "ol", "li", "h1", "h2", "h3", "pre", "code", "form", "input", "img",
    ]

    /// Argument words that stand for a value: `x.x.x.x`, `xx.xx.xx.xx`, a `xxx` path part, a
    /// lone `...`, `${集群名}`, `your_username@…`, `/path/to/…`, `/home/username/`, `filename`,
    /// and ALL-CAPS names of things (`NODENAME`, `PID`, `CLIENT_SECRET`, `SUBSCRIPTION_ID`).
    private static func wordTokens(in line: Substring) -> [Substring] {
        var out: [Substring] = []
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for (position, word) in words.enumerated() {
            if word.hasPrefix("#") { break }
            var bare = word[...]
            while let first = bare.first, "\"'(),;".contains(first) { bare = bare.dropFirst() }
            while let last = bare.last, "\"'(),;".contains(last) { bare = bare.dropLast() }
            let lower = bare.lowercased()
            let octets = lower.split(separator: ".", omittingEmptySubsequences: false)
            if octets.count == 4 && octets.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "x" } }) { out.append(word); continue }
            if lower.contains("x.x.x.x") || lower.contains("/xxx/") || lower == "xxx" || bare == "..." { out.append(word); continue }
            if lower.contains("your_") || lower.contains("your-") || lower.contains("/path/to/") || lower.contains("path_to_")
                || lower.contains("/username/") || lower.hasPrefix("username@") || lower.contains("server_ip")
                || (position > 0 && (lower == "filename" || lower == "username")) { out.append(word); continue }
            if let open = bare.range(of: "${"), let close = bare[open.upperBound...].firstIndex(of: "}"),
               bare[open.upperBound..<close].unicodeScalars.contains(where: { !$0.isASCII }) { out.append(word); continue }
            // ALL-CAPS arguments (never the command, an assignment, `$VAR` or an option).
            guard position > 0, !bare.contains("="), !bare.hasPrefix("$"), !bare.hasPrefix("-"),
                  bare.count >= 2, bare.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0 == "_" || $0.isNumber }),
                  bare.first?.isLetter == true
            else { continue }
            let previous = words[position - 1]
            if previous.hasPrefix("-") && previous.count <= 3 { continue }  // `-X POST`, `-j ACCEPT`, `-P FORWARD`
            if bare.contains("_") && bare.split(separator: "_").count >= 2 || capsNouns.contains(String(bare)) { out.append(word) }
        }
        return out
    }

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
