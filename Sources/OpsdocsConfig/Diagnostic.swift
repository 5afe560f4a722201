// Diagnostics are values: every stage returns them, the CLI sorts and prints them once,
// in the compiler format editors understand (`path:line:column: error: message`).

import Foundation

public struct Diagnostic: Sendable, Hashable, Codable, Comparable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// Path as the user would type it (relative to the working folder when possible).
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// A short machine-readable category (`front-matter`, `link`, `anchor`, …) for `--json` and summaries.
    public var kind: String

    public init(_ severity: Severity, file: String, line: Int = 1, column: Int = 1, kind: String, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        // One diagnostic, one line: editors and CI annotations read them line by line.
        self.message = message.contains(where: { $0.isNewline || $0 == "\t" })
            ? message.split(whereSeparator: { $0.isNewline || $0 == "\t" }).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }.joined(separator: " ")
            : message
        self.kind = kind
    }

    public static func error(_ file: String, line: Int = 1, column: Int = 1, kind: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, kind: kind, message)
    }

    public static func warning(_ file: String, line: Int = 1, column: Int = 1, kind: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, kind: kind, message)
    }

    /// `file:line:column: severity: message [kind]`; `colour` wraps the severity in ANSI red/yellow.
    public func formatted(colour: Bool = false) -> String {
        var label = severity.rawValue
        if colour { label = (severity == .error ? "\u{1B}[31m" : "\u{1B}[33m") + label + "\u{1B}[0m" }
        return "\(file):\(line):\(column): \(label): \(message) [\(kind)]"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

extension Diagnostic: ByteCodable {
    public func write(to out: inout ByteWriter) {
        out.bool(severity == .error)
        out.string(file)
        out.int(line)
        out.int(column)
        out.string(kind)
        out.string(message)
    }

    public init(from input: inout ByteReader) throws {
        let severity: Severity = try input.bool() ? .error : .warning
        self.init(severity, file: try input.string(), line: try input.int(), column: try input.int(), kind: try input.string(),
                  try input.string())
    }
}
