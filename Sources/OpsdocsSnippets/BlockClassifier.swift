// Decides a fenced block's kind from its label and its content. Content wins when it is
// unambiguous (a Dockerfile in a `bash` fence is a Dockerfile), and the disagreement
// becomes a warning naming both.

import Foundation

public struct Classification: Sendable, Equatable {
    public var kind: SnippetKind
    /// What the label said (nil for a bare fence).
    public var declared: SnippetKind?
    /// Template syntax (`{{ }}`, `{% %}`): not a usable file as written.
    public var isTemplate: Bool
    /// Set when the label contradicts the content.
    public var mismatch: String?
}

public enum BlockClassifier {
    public static func classify(label: String, code: String) -> Classification {
        let declared = SnippetKind.declared(byLabel: label)
        let detected = detect(code, declared: declared)
        let kind = detected ?? (declared == .text ? .other : declared) ?? .other
        var mismatch: String?
        if let declared, let detected, declared != detected, !compatible(declared, detected),
           !(declared == .text && (detected == .output || detected == .other)) {
            mismatch = "block labelled `\(label)` looks like \(describe(detected)); treated as \(detected.rawValue)"
        }
        let template = (kind == .yaml || kind == .sysctl || kind == .json || kind == .dockerfile || kind == .ini)
            && hasTemplateSyntax(code)
        return Classification(kind: kind, declared: declared, isTemplate: template, mismatch: mismatch)
    }

    /// Pairs that are not worth a warning (a transcript in a `bash` fence is the common case).
    private static func compatible(_ declared: SnippetKind, _ detected: SnippetKind) -> Bool {
        switch (declared, detected) {
        case (.shell, .console), (.console, .shell), (.ini, .sysctl), (.output, .json):
            return true
        default:
            return false
        }
    }

    private static func describe(_ kind: SnippetKind) -> String {
        switch kind {
        case .console: return "a console transcript"
        case .shell: return "shell commands"
        case .dockerfile: return "a Dockerfile"
        case .yaml: return "YAML"
        case .sysctl: return "sysctl settings"
        case .json: return "JSON"
        case .ini: return "an INI/systemd file"
        case .output: return "command output"
        default: return kind.rawValue
        }
    }

    /// The kind the content shows, or nil when the content does not decide.
    static func detect(_ code: String, declared: SnippetKind?) -> SnippetKind? {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard !lines.isEmpty else { return nil }
        // Labels for languages opsdocs does not inspect are trusted.
        if let declared, [.go, .python, .mermaid, .toml].contains(declared) { return nil }
        if declared == .other { return nil }  // never second-guess `nginx`, `hcl`, `js`…

        if isDockerfile(lines) { return .dockerfile }
        if isSysctl(lines) { return .sysctl }
        if declared != .yaml && declared != .json && PromptStripper.isTranscript(code) { return .console }
        if isJSON(code) { return .json }
        if isKubernetesYAML(lines) || (declared != .shell && declared != .console && isYAML(lines)) { return .yaml }
        if isINI(lines) { return .ini }
        let commandLines = lines.filter { ShellWords.looksLikeCommand($0) }.count
        switch declared {
        case .shell, .console:
            if looksLikeOutput(lines) && commandLines == 0 { return .output }
            return .shell  // a `console`/`ShellSession` fence without prompts is a plain script
        case .yaml, .json, .dockerfile, .sysctl, .ini:
            return nil
        default:
            // Bare, `text`, `output`: commands make it shell; a table header makes it output.
            if commandLines > 0 && Double(commandLines) >= Double(lines.count) * 0.5 { return .shell }
            if looksLikeOutput(lines) { return .output }
            return nil
        }
    }

    static let dockerInstructions: Set<String> = [
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
        "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
    ]

    static func isDockerfile(_ lines: [Substring]) -> Bool {
        let instructions = lines.filter { !$0.hasPrefix("#") }
        guard let first = instructions.first else { return false }
        func word(_ l: Substring) -> String { String(l.drop { $0 == " " }.prefix { $0 != " " && $0 != "\t" }) }
        var index = 0
        while index < instructions.count, word(instructions[index]) == "ARG" { index += 1 }
        guard index < instructions.count, word(instructions[index]) == "FROM" || word(first) == "FROM" else { return false }
        let known = instructions.filter { dockerInstructions.contains(word($0)) }.count
        return known >= 2 && Double(known) >= Double(instructions.count) * 0.4
    }

    static let sysctlRoots: Set<Substring> = ["net", "vm", "fs", "kernel", "dev", "user", "abi", "debug", "sunrpc", "crypto"]

    /// Every setting line is `a.b.c = value` under a sysctl root.
    static func isSysctl(_ lines: [Substring]) -> Bool {
        var settings = 0
        for line in lines {
            let t = line.drop { $0 == " " || $0 == "\t" }
            if t.hasPrefix("#") || t.hasPrefix(";") || t.hasPrefix("{%") || t.hasPrefix("{{") { continue }
            guard let eq = t.firstIndex(of: "=") else { return false }
            let key = t[..<eq].trimmingCharacters(in: .whitespaces)
            let parts = key.split(separator: ".")
            guard parts.count >= 2, let root = parts.first, sysctlRoots.contains(root),
                  key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-/*".contains($0)) })
            else { return false }
            settings += 1
        }
        return settings > 0
    }

    static func isJSON(_ code: String) -> Bool {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first, first == "{" || first == "[", let last = trimmed.last,
              (first == "{" && last == "}") || (first == "[" && last == "]")
        else { return false }
        return StrictJSON.validate(trimmed) == nil
    }

    /// A manifest: `apiVersion:` and `kind:` at the top level, and the block starts as YAML
    /// (not `kubectl apply -f - <<EOF` with the manifest in a heredoc).
    static func isKubernetesYAML(_ lines: [Substring]) -> Bool {
        guard let first = lines.first(where: { !$0.hasPrefix("#") && $0 != "---" }), startsLikeYAML(first) else { return false }
        return lines.contains { $0.hasPrefix("apiVersion:") } && lines.contains { $0.hasPrefix("kind:") }
    }

    static func startsLikeYAML(_ line: Substring) -> Bool {
        let t = line.drop { $0 == " " }
        if t.hasPrefix("- ") { return true }
        guard let colon = t.firstIndex(of: ":"), colon != t.startIndex else { return false }
        let after = t.index(after: colon)
        return t[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "_-./\"'".contains($0) }
            && (after == t.endIndex || t[after] == " ")
    }

    /// Most lines are `key: value`, `- item` or comments, and at least two are keys.
    static func isYAML(_ lines: [Substring]) -> Bool {
        var keys = 0, other = 0
        for line in lines {
            let t = line.drop { $0 == " " }
            if t.hasPrefix("#") || t == "---" || t.hasPrefix("- ") || t == "-" { continue }
            if let colon = t.firstIndex(of: ":"), colon != t.startIndex,
               t[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "_-./\"'".contains($0) }),
               t.index(after: colon) == t.endIndex || t[t.index(after: colon)] == " "
            {
                keys += 1
            } else {
                other += 1
            }
        }
        return keys >= 2 && other * 5 <= keys
    }

    /// `[Section]` headers with `key=value` lines (systemd units, ini files).
    static func isINI(_ lines: [Substring]) -> Bool {
        var sections = 0, pairs = 0, other = 0
        for line in lines {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") || t.hasPrefix(";") { continue }
            if t.hasPrefix("[") && t.hasSuffix("]") && !t.contains(" ") { sections += 1 }
            else if let eq = t.firstIndex(of: "="), eq != t.startIndex, !t[..<eq].contains(" ") || t[..<eq].hasSuffix(" ") { pairs += 1 }
            else { other += 1 }
        }
        return sections >= 1 && pairs >= 1 && other * 4 <= pairs
    }

    /// A table header (`NAME   READY   STATUS`) or log lines, and nothing that reads as a command.
    static func looksLikeOutput(_ lines: [Substring]) -> Bool {
        guard let first = lines.first?.drop(while: { $0 == " " }) else { return false }
        let words = first.split(separator: " ", omittingEmptySubsequences: true)
        let header = words.count >= 2 && words.allSatisfy { w in w.allSatisfy { $0.isUppercase || $0 == "-" || $0 == "_" || $0 == "(" || $0 == ")" } }
            && first.contains("  ")
        return header
    }

    static func hasTemplateSyntax(_ code: String) -> Bool {
        code.contains("{{") && code.contains("}}") || code.contains("{%") && code.contains("%}")
    }
}
