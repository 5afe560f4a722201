// Everything the CLI prints: diagnostics (coloured only on a TTY without NO_COLOR),
// the summary line, JSON, and the progress bar.

import Foundation
import OpsdocsSite
import Synchronization

enum Terminal {
    static let useColour = takesColour(STDERR_FILENO)
    /// Standard output is a terminal that takes colour (search results).
    static let colourOnStdout = takesColour(STDOUT_FILENO)

    private static func takesColour(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], quiet: Bool, strict: Bool) {
        var text = ""
        for d in diagnostics where !quiet || d.severity == .error || strict {
            text += d.formatted(colour: useColour) + "\n"
        }
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }

    static func printSummary(_ report: BuildReport, output: String) {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        let time = String(format: "%.2f s", report.seconds)
        let outcome = report.upToDate ? "→ \(output)/ (nothing changed since the last build)"
            : report.published ? "→ \(output)/" : "\(output)/ left unchanged"
        print("opsdocs: \(report.pageCount) pages, \(warnings) warning\(warnings == 1 ? "" : "s"), "
            + "\(errors) error\(errors == 1 ? "" : "s") in \(time) \(outcome)")
    }

    /// `opsdocs snippets: 412 blocks, 230 extracted (ok 180, warning 40, error 10); by kind: …`
    static func printSnippetSummary(_ report: SnippetReport) {
        var byStatus: [String: Int] = [:], byKind: [String: Int] = [:]
        for s in report.snippets {
            byStatus[s.status.rawValue, default: 0] += 1
            byKind[s.kind.rawValue, default: 0] += 1
        }
        let extracted = report.snippets.filter { $0.script != nil }.count
        let status = byStatus.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        let kinds = byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("opsdocs snippets: \(report.snippets.count) blocks, \(extracted) extracted; status: \(status); "
            + "kinds: \(kinds); " + String(format: "%.2f s", report.seconds))
    }

    static func printJSON(_ report: BuildReport, output: String) {
        struct Summary: Encodable {
            var pages: Int, warnings: Int, errors: Int, seconds: Double, published: Bool, output: String
            var diagnostics: [Diagnostic]
        }
        let summary = Summary(pages: report.pageCount, warnings: report.diagnostics.warningCount,
                              errors: report.diagnostics.errorCount, seconds: (report.seconds * 1000).rounded() / 1000,
                              published: report.published, output: output, diagnostics: report.diagnostics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let data = try? encoder.encode(summary) { print(String(decoding: data, as: UTF8.self)) }
    }
}

/// A one-line progress bar on stderr, shown only on a TTY and only once a build has taken a second.
final class ProgressBar: Sendable {
    private struct State { var shown = false; var last = 0 }
    private let state = Mutex(State())
    private let start = ContinuousClock.now
    private let enabled = isatty(STDOUT_FILENO) != 0 && isatty(STDERR_FILENO) != 0

    func update(_ done: Int, _ total: Int) {
        guard enabled, ContinuousClock.now - start > .seconds(1) else { return }
        state.withLock { s in
            let width = 30
            let filled = total == 0 ? width : done * width / total
            guard filled != s.last || !s.shown else { return }
            s.shown = true
            s.last = filled
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total) notes".utf8))
        }
    }

    func finish() {
        state.withLock { s in
            if s.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
