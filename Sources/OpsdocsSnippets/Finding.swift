// One problem a verifier found, at a line of the snippet script (1-based). Mapped to the
// Markdown file's line only when reported, so cached results survive edits that move a block.

public struct Finding: Sendable, Codable, Equatable {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var line: Int
    public var severity: Severity
    public var tool: String
    public var message: String

    public init(line: Int, _ severity: Severity, tool: String, _ message: String) {
        self.line = line
        self.severity = severity
        self.tool = tool
        self.message = message
    }
}
