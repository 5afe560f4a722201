// One problem a verifier found, at a line of the snippet script (1-based). Mapped to the
// Markdown file's line only when reported, so cached results survive edits that move a block.

public struct Finding: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var line: Int
    /// 1-based column in the script line, when the tool says (shellcheck does, bash -n does not).
    public var column: Int?
    public var severity: Severity
    public var tool: String
    public var message: String

    public init(line: Int, column: Int? = nil, _ severity: Severity, tool: String, _ message: String) {
        self.line = line
        self.column = column
        self.severity = severity
        self.tool = tool
        self.message = message
    }
}
