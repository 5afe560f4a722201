// Server-side highlighting of fenced code: maps info-string words to a tokenizer and returns the
// escaped, span-annotated HTML so pages need no client-side JavaScript.

public enum SyntaxHighlighter {
    /// HTML for the inside of <code>: every character of `code` HTML-escaped (&, <, >, ", '),
    /// tokens wrapped in <span class="hl-KIND">…</span>. nil when the language is unknown
    /// (the caller then renders plain escaped text).
    public static func highlight(_ code: String, language: String) -> String? {
        guard let canonical = canonicalLanguage(language) else { return nil }
        let src = Array(code.utf8)
        switch canonical {
        case "bash": return BashTokenizer.highlight(src)
        case "console": return ConsoleTokenizer.highlight(code)
        case "yaml": return YAMLTokenizer.highlight(src)
        case "dockerfile": return DockerfileTokenizer.highlight(src)
        case "ini", "sysctl": return INITokenizer.highlight(src)
        case "json": return JSONTokenizer.highlight(src)
        case "toml": return TOMLTokenizer.highlight(src)
        case "go": return GoTokenizer.highlight(src)
        case "python": return PythonTokenizer.highlight(src)
        case "nginx": return NginxTokenizer.highlight(src)
        case "diff": return DiffTokenizer.highlight(src)
        case "hcl": return HCLTokenizer.highlight(src)
        default: return nil
        }
    }

    /// The canonical language for an info-string word (`sh`, `shell`, `zsh` → bash; `ShellSession`, `console`, `shell-session` → console; `yml` → yaml; `Dockerfile`/`dockerfile`/`docker` → dockerfile; `conf`/`cfg`/`ini`/`properties`/`systemd`/`service` → ini; `sysctl` → sysctl; `json`/`jsonc` → json; `toml`; `go`/`golang`; `py`/`python`/`python3`; `nginx`; `diff`/`patch`; `hcl`/`terraform`/`tf`), case-insensitive; nil if none.
    public static func canonicalLanguage(_ word: String) -> String? {
        aliases[word.lowercased()]
    }

    private static let aliases: [String: String] = [
        "bash": "bash", "sh": "bash", "shell": "bash", "zsh": "bash",
        "console": "console", "shellsession": "console", "shell-session": "console",
        "yaml": "yaml", "yml": "yaml",
        "dockerfile": "dockerfile", "docker": "dockerfile",
        "ini": "ini", "conf": "ini", "cfg": "ini", "properties": "ini", "systemd": "ini", "service": "ini",
        "sysctl": "sysctl",
        "json": "json", "jsonc": "json",
        "toml": "toml",
        "go": "go", "golang": "go",
        "python": "python", "py": "python", "python3": "python",
        "nginx": "nginx",
        "diff": "diff", "patch": "diff",
        "hcl": "hcl", "terraform": "hcl", "tf": "hcl",
    ]
}
