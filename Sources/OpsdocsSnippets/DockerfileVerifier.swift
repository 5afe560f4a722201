// Dockerfiles: known instructions only, FROM first (ARG may precede it), and exec-form
// CMD/ENTRYPOINT/RUN/SHELL written as a valid JSON array of strings.

import Foundation
import OpsdocsShell

enum DockerfileVerifier {
    static let tool = "dockerfile"

    static func verify(_ script: String) -> [Finding] {
        var findings: [Finding] = []
        var sawFrom = false
        var sawInstruction = false
        var pending: (line: Int, text: String)?
        var inHeredoc: String?
        var instructions: [(line: Int, text: String)] = []
        for (i, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let delimiter = inHeredoc {  // RUN <<EOF … EOF (BuildKit)
                if raw.trimmedBlanks == delimiter { inHeredoc = nil }
                continue
            }
            let line = raw.trimmedBlanks
            if pending == nil && (line.isEmpty || line.hasPrefix("#")) { continue }
            if pending != nil && line.hasPrefix("#") { continue }  // comments inside continuations
            var current = pending ?? (i + 1, "")
            current.text += (current.text.isEmpty ? "" : " ") + line
            if line.hasSuffix("\\") {
                current.text.removeLast()
                pending = current
                continue
            }
            pending = nil
            if let (delimiter, _) = ShellWords.heredocDelimiter(in: Substring(current.text)) { inHeredoc = delimiter }
            instructions.append(current)
        }
        if let pending { instructions.append(pending) }

        for (line, text) in instructions {
            let word = String(text.prefix { $0 != " " && $0 != "\t" })
            let instruction = word.uppercased()
            guard BlockClassifier.dockerInstructions.contains(instruction) else {
                findings.append(Finding(line: line, .error, tool: tool, "unknown instruction `\(word)`"))
                continue
            }
            if instruction == "FROM" { sawFrom = true }
            if !sawFrom && instruction != "ARG" && !sawInstruction {
                findings.append(Finding(line: line, .error, tool: tool, "`\(instruction)` before `FROM` (only ARG may come first)"))
            }
            sawInstruction = true
            let argument = String(text.dropFirst(word.count).trimmedBlanks)
            if ["CMD", "ENTRYPOINT", "RUN", "SHELL"].contains(instruction), argument.hasPrefix("[") {
                // Docker silently runs invalid JSON as a shell string: `["/app",]` is not exec form.
                if !StrictJSON.isArrayOfStrings(argument) {
                    findings.append(Finding(line: line, .error, tool: tool,
                                            "exec form of \(instruction) is not a JSON array of strings: \(argument)"))
                }
            }
            if argument.isEmpty && instruction != "HEALTHCHECK" {
                findings.append(Finding(line: line, .error, tool: tool, "`\(instruction)` needs an argument"))
            }
        }
        if !sawFrom && !instructions.isEmpty {
            findings.append(Finding(line: 1, .error, tool: tool, "no `FROM` instruction"))
        }
        return findings
    }
}
