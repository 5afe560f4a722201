// One fenced block of one page as the Snippets stage sees it: what it is, the script
// extracted from it (if any), where that script is published, and what verified it.

public enum SnippetStatus: String, Sendable, Codable {
    /// Parsed and linted clean.
    case ok
    /// Parsed; a linter or check has warnings.
    case warning
    /// Does not parse, or a check failed.
    case error
    /// A kind opsdocs extracts nothing from (output, go, mermaid, …).
    case unverified
    /// Template syntax (`{{ }}`): not a usable file as written.
    case template
    /// `{skip}` in the info string.
    case skipped
}

public struct Snippet: Sendable {
    public var source: String
    public var displayPath: String
    public var pageURL: String
    public var tags: [String]
    public var index: Int
    public var line: Int
    public var section: String
    public var sectionID: String
    public var info: InfoString
    public var id: String

    public var kind: SnippetKind
    public var declared: SnippetKind?
    public var mismatch: String?
    /// Why the content decided the kind (`commands followed by their output`); nil when the label did.
    public var kindReason: String? = nil

    /// The file's body (nil when nothing is extracted).
    public var script: String?
    /// For each script line (0-based), its 1-based line in the Markdown file.
    public var scriptLines: [Int]
    /// For each script line, the 0-based column in the note where it starts (fence indent plus
    /// the prompt that was taken off), so a finding's column maps back to the note.
    public var scriptColumnOffsets: [Int] = []
    public var placeholders: [String]
    public var opensEditor: Bool
    public var sha256: String?
    /// For a transcript: the output it shows, compared with the real output by `--run`.
    public var expectedOutput: [String] = []

    public var status: SnippetStatus
    public var findings: [Finding]
    public var verifiedBy: [String]

    /// Usable as is: extracted, no placeholders to fill, and (once verified) it parses: a
    /// script `bash -n` rejects is left out of `all.sh` (a lint error from shellcheck is not a
    /// parse error). A command that opens an editor is runnable (what was typed into the editor
    /// is not part of the script; RULES.md).
    public var runnable: Bool {
        script != nil && placeholders.isEmpty
            && !findings.contains { ($0.tool == "bash -n" || $0.tool == "continuations") && $0.severity == .error }
    }

    /// Site-relative path of the file holding the snippet: its page's `all.sh`, `all.yaml` or
    /// `all.conf` when it can be used as it is (SnippetOutput), else a file of its own.
    public var file: String? {
        guard script != nil else { return nil }
        let folder = "snippets/" + (pageURL.isEmpty ? "home/" : pageURL)
        if joinsPageFile, let pageFile = kind.pageFile { return folder + pageFile }
        return folder + id + kind.fileSuffix
    }

    /// Runs or applies as written (nothing to fill in; a shell script bash accepts, YAML or
    /// sysctl lines with no error) and of a kind whose snippets can be joined: such snippets of
    /// a page share one file per kind (`SnippetKind.pageFile`).
    var joinsPageFile: Bool {
        guard runnable, kind.pageFile != nil else { return false }
        return kind.isShell || status != .error
    }

    /// The 1-based Markdown column of a 1-based column of a 1-based script line.
    public func fileColumn(ofScriptLine line: Int, column: Int) -> Int {
        guard line >= 1, line <= scriptColumnOffsets.count else { return column }
        return scriptColumnOffsets[line - 1] + column
    }

    /// The 1-based Markdown line of a 1-based script line. Past the end (bash's "unexpected
    /// end of file") is the line after the last one: the closing fence.
    public func fileLine(ofScriptLine line: Int) -> Int {
        if line > scriptLines.count, let last = scriptLines.last { return last + 1 }
        guard line >= 1, line <= scriptLines.count else { return self.line }
        return scriptLines[line - 1]
    }
}
