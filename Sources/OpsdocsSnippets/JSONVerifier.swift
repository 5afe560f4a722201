// JSON blocks must parse (strictly: no trailing commas, no comments); the error names the line.

enum JSONVerifier {
    static let tool = "json"

    static func verify(_ script: String) -> [Finding] {
        guard let failure = StrictJSON.validate(script) else { return [] }
        return [Finding(line: failure.line, .error, tool: tool, "does not parse: \(failure.message)")]
    }
}
