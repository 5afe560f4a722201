// `opsdocs snippets --run`: executes the snippets marked `{run}` in a throwaway sandbox — a
// temporary working folder, a new user, network, PID and mount namespace (no network at all),
// an empty environment and a time limit — and compares a transcript's shown output with the
// real one. When the sandbox cannot be made, nothing runs: there is no unsandboxed fallback.

import Foundation

public struct SnippetSandbox: Sendable {
    public struct Outcome: Sendable {
        public enum Verdict: String, Sendable { case passed, failed, mismatch, timedOut = "timed out" }
        public var snippet: Snippet
        public var verdict: Verdict
        public var exitStatus: Int32
        public var output: String
        /// `- expected` / `+ actual` lines when the shown output does not match.
        public var diff: [String]
    }

    public var unshare: String
    public var timeout: Double

    static let namespaceFlags = ["--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc"]

    public init(unshare: String = "/usr/bin/unshare", timeout: Double = 20) {
        self.unshare = unshare
        self.timeout = timeout
    }

    /// Nil when a sandbox can be made; otherwise why not.
    public func unavailableReason() -> String? {
        guard FileManager.default.isExecutableFile(atPath: unshare) else {
            return "\(unshare) not found (Debian package util-linux); refusing to run snippets without a sandbox"
        }
        guard let probe = ProcessRunner.run(unshare, Self.namespaceFlags + ["--", "/bin/true"], environment: [:], timeout: 10) else {
            return "cannot start \(unshare); refusing to run snippets without a sandbox"
        }
        guard probe.status == 0 else {
            let why = probe.stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            return "cannot create user/network namespaces (\(why.isEmpty ? "exit \(probe.status)" : why)); "
                + "refusing to run snippets without a sandbox"
        }
        return nil
    }

    public func run(_ snippet: Snippet) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scriptPath = folder.appendingPathComponent(".opsdocs-snippet.sh").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data((snippet.script ?? "").utf8).write(to: URL(fileURLWithPath: scriptPath))
        } catch {
            return Outcome(snippet: snippet, verdict: .failed, exitStatus: -1, output: "cannot prepare: \(error)", diff: [])
        }
        let command = Self.namespaceFlags + [
            "--", "/usr/bin/env", "-i", "-C", folder.path, "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=\(folder.path)",
            "LANG=C.UTF-8", "TERM=dumb", "/bin/bash", "--noprofile", "--norc", scriptPath,
        ]
        guard let result = ProcessRunner.run(unshare, command, environment: [:], timeout: timeout) else {
            return Outcome(snippet: snippet, verdict: .failed, exitStatus: -1, output: "could not start the sandbox", diff: [])
        }
        let output = result.stdoutText + result.stderrText
        if result.timedOut {
            return Outcome(snippet: snippet, verdict: .timedOut, exitStatus: result.status, output: output, diff: [])
        }
        if result.status != 0 {
            return Outcome(snippet: snippet, verdict: .failed, exitStatus: result.status, output: output, diff: [])
        }
        if snippet.kind == .console, !snippet.expectedOutput.isEmpty {
            let actual = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if !OutputMatcher.matches(expected: snippet.expectedOutput, actual: actual) {
                return Outcome(snippet: snippet, verdict: .mismatch, exitStatus: 0, output: output,
                               diff: OutputMatcher.diff(expected: snippet.expectedOutput, actual: actual))
            }
        }
        return Outcome(snippet: snippet, verdict: .passed, exitStatus: 0, output: output, diff: [])
    }
}

/// Whitespace-insensitive comparison of shown and real output; a line `...` matches any lines.
enum OutputMatcher {
    static func normalise(_ lines: [String]) -> [String] {
        var out = lines.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
        while out.last?.isEmpty == true { out.removeLast() }
        while out.first?.isEmpty == true { out.removeFirst() }
        return out.filter { !$0.isEmpty }
    }

    static func matches(expected: [String], actual: [String]) -> Bool {
        let e = normalise(expected), a = normalise(actual)
        var memo: [Int: Bool] = [:]
        func match(_ i: Int, _ j: Int) -> Bool {
            let key = i * (a.count + 1) + j
            if let known = memo[key] { return known }
            let result: Bool
            if i == e.count {
                result = j == a.count
            } else if e[i] == "..." || e[i] == "…" {
                result = (j...a.count).contains { match(i + 1, $0) }
            } else {
                result = j < a.count && e[i] == a[j] && match(i + 1, j + 1)
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }

    static func diff(expected: [String], actual: [String]) -> [String] {
        normalise(expected).map { "- " + $0 } + normalise(actual).map { "+ " + $0 }
    }
}
