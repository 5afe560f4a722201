// What a fenced block is. Decided from the info string and the content together
// (BlockClassifier); the kind fixes the snippet file's extension and its verifier.

public enum SnippetKind: String, Sendable, Codable, CaseIterable, Comparable {
    case shell, console, dockerfile, yaml, sysctl, json, ini, toml, go, python, mermaid, output, other
    /// Only as a label (`text`, `plain`): says nothing about the content, which decides.
    case text

    /// The kind an info-string label names, or nil for a bare fence or an unknown label.
    public static func declared(byLabel label: String) -> SnippetKind? {
        switch label.lowercased() {
        case "bash", "sh", "shell", "zsh", "ksh", "shellscript", "bash-script", "script": return .shell
        case "console", "shellsession", "shell-session", "sh-session", "commandline", "command-line", "terminal",
             "shell-console", "bash-session", "cmd", "prompt":
            return .console
        case "dockerfile", "docker", "containerfile": return .dockerfile
        case "yaml", "yml": return .yaml
        case "sysctl": return .sysctl
        case "json", "jsonc", "json5": return .json
        case "ini", "cfg", "conf", "systemd", "properties", "dosini": return .ini
        case "toml": return .toml
        case "go", "golang": return .go
        case "python", "py", "python3": return .python
        case "mermaid": return .mermaid
        case "output", "log", "logs", "out": return .output
        case "text", "txt", "plain", "plaintext", "raw", "none", "code": return .text
        case "": return nil
        default: return .other
        }
    }

    /// Kinds written out as snippet files.
    public var isExtracted: Bool {
        switch self {
        case .shell, .console, .dockerfile, .yaml, .sysctl, .json: return true
        default: return false
        }
    }

    public var isShell: Bool { self == .shell || self == .console }

    /// The one file per page that holds this kind's usable snippets, in page order, when
    /// they can be joined (a shell script, a YAML stream, sysctl lines); nil when every snippet
    /// needs a file of its own (a Dockerfile, a JSON document).
    public var pageFile: String? {
        switch self {
        case .shell, .console: return "all.sh"
        case .yaml: return "all.yaml"
        case .sysctl: return "all.conf"
        default: return nil
        }
    }

    /// File name suffix of a snippet's own file (`<id>` + suffix).
    public var fileSuffix: String {
        switch self {
        case .shell, .console: return ".sh"
        case .dockerfile: return ".Dockerfile"
        case .yaml: return ".yaml"
        case .sysctl: return ".conf"
        case .json: return ".json"
        default: return ".txt"
        }
    }

    public static func < (a: SnippetKind, b: SnippetKind) -> Bool { a.rawValue < b.rawValue }
}
