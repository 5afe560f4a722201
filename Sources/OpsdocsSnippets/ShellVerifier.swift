// Shell scripts: `bash -n` on each (spread over the cores), then shellcheck over many files
// per call (its start-up dominates), findings kept at warning level and above.

import Foundation
import OpsdocsConfig
import OpsdocsShell

public struct ShellTools: Sendable, Equatable {
    public var bash: String?
    public var shellcheck: String?

    /// Finds the tools without running them (a cached build must start no process).
    public static func detect() -> ShellTools {
        ShellTools(bash: ProcessRunner.which("bash"), shellcheck: ProcessRunner.which("shellcheck"))
    }

    /// Changes when a tool is replaced (path, size, modification time), so cached results
    /// made with another shellcheck are not reused.
    public var fingerprint: String {
        [bash, shellcheck].map { path -> String in
            guard let path, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "-" }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path):\(size):\(Int(date))"
        }.joined(separator: "|")
    }

    var names: [String] { (bash == nil ? [] : ["bash -n"]) + (shellcheck == nil ? [] : ["shellcheck"]) }
}

enum ShellVerifier {
    /// Fragments of a page set variables other fragments use: SC2154 (referenced but not
    /// assigned) and SC2034 (assigned but unused) say nothing about one snippet.
    static let excluded = "SC2154,SC2034,SC1091"

    /// Findings per script, which tools checked each, and how many processes that took.
    /// A script ShellGrammar proves is made of simple commands skips `bash -n`.
    static func verify(_ scripts: [String], tools: ShellTools) -> (findings: [[Finding]], tools: [[String]], processes: Int) {
        guard !scripts.isEmpty else { return ([], [], 0) }
        let proven = scripts.parallelMap { ShellGrammar.isPlainlyValid($0) }
        var started = tools.bash == nil ? 0 : proven.filter { !$0 }.count
        var results: [[Finding]] = Array(zip(scripts, proven)).parallelMap { script, proven in
            let broken = brokenContinuations(script)
            guard let bash = tools.bash, !proven else { return broken }
            guard let run = ProcessRunner.run(bash, ["-n"], stdin: Array(script.utf8), environment: [:], timeout: 10) else {
                return broken + [Finding(line: 1, .error, tool: "bash -n", "could not run bash")]
            }
            return broken + (run.status == 0 ? [] : parseBash(run.stderrText))
        }
        // (only bash's own word keeps shellcheck away: a broken continuation still parses)
        let parsedByBash = results.map { !$0.contains { $0.tool == "bash -n" } }
        let checkers = proven.map { proven in
            proven ? ["bash grammar"] + (tools.shellcheck == nil ? [] : ["shellcheck"]) : tools.names
        }
        // A script bash cannot parse gets only bash's word: shellcheck would repeat it as SC1xxx.
        if let shellcheck = tools.shellcheck {
            let parsed = results.indices.filter { parsedByBash[$0] }
            let (found, batches) = runShellcheck(shellcheck, parsed.map { scripts[$0] })
            started += batches
            for (position, findings) in found { results[parsed[position]] += findings }
        }
        return (results, checkers, started)
    }

    /// `./configure \` … `--with-stream \   # 监控用` … `--with-pcre`: bash ends the command at the
    /// comment and runs the next line as a command of its own, which is not what the author meant.
    static func brokenContinuations(_ script: String) -> [Finding] {
        guard script.contains("\\") else { return [] }
        var findings: [Finding] = []
        var heredoc: String?
        var previousContinues = false
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let delimiter = heredoc { if line.trimmedBlanks == delimiter { heredoc = nil }; continue }
            if let (delimiter, _) = ShellWords.heredocDelimiter(in: line) { heredoc = delimiter }
            // (a comment line of its own after `\`, with more of the command under it, breaks it too)
            let commentAfterContinuation = previousContinues && line.trimmedBlanks.hasPrefix("#")
                && lines[(index + 1)...].contains { !$0.trimmedBlanks.isEmpty && !$0.trimmedBlanks.hasPrefix("#") }
            previousContinues = ShellWords.continues(line)
            guard commentAfterContinuation || !ShellWords.continues(line) && ShellWords.continuesBeforeComment(line) else { continue }
            findings.append(Finding(line: index + 1, .error, tool: "continuations",
                                    "a comment after `\\` ends the command here: the next line runs as a command of its own"))
        }
        // (one finding per break: a comment after `\` already explains the indented line under it)
        if findings.isEmpty { findings = cutShortContinuations(lines) }
        return findings
    }

    /// `kubectl label ns prod \` / `  environment=production` / `  team=payments`: the command's
    /// last `\` is missing, so the line under it, indented as its arguments are, runs on its own;
    /// or the script ends in `\` (a list of flags cut from a longer command). A walk of its own
    /// beside brokenContinuations': it reads indentation and skips comment lines, which are
    /// what that one looks for.
    private static func cutShortContinuations(_ lines: [Substring]) -> [Finding] {
        var findings: [Finding] = []
        var heredoc: String?
        var commandIndent = 0, argumentIndent: Int?
        var previousContinues = false
        for (index, line) in lines.enumerated() {
            if let delimiter = heredoc { if line.trimmedBlanks == delimiter { heredoc = nil }; continue }
            let trimmed = line.trimmedBlanks
            if trimmed.isEmpty || trimmed.hasPrefix("#") { if trimmed.isEmpty { argumentIndent = nil }; continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            let continues = ShellWords.continues(line)
            if previousContinues {
                argumentIndent = indent > commandIndent ? indent : nil
            } else {
                if let argumentIndent, indent == argumentIndent, !ShellWords.looksLikeShellSyntax(line) {
                    findings.append(Finding(line: index + 1, .error, tool: "continuations",
                                            "indented as the arguments above, but the line before has no `\\`: this runs as a command of its own"))
                }
                argumentIndent = nil
                commandIndent = indent
            }
            if !continues, let (delimiter, _) = ShellWords.heredocDelimiter(in: line) { heredoc = delimiter }
            previousContinues = continues
        }
        if previousContinues, heredoc == nil, let last = lines.lastIndex(where: { !$0.trimmedBlanks.isEmpty }) {
            findings.append(Finding(line: last + 1, .error, tool: "continuations",
                                    "the script ends in `\\`: the rest of the command is missing"))
        }
        return findings
    }

    /// `bash: line 3: syntax error near unexpected token `fi'`
    static func parseBash(_ stderr: String) -> [Finding] {
        var findings: [Finding] = []
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: "line ") else { continue }
            let digits = line[range.upperBound...].prefix { $0.isNumber }
            guard let number = Int(digits) else { continue }
            var message = line[range.upperBound...].dropFirst(digits.count)
            if message.hasPrefix(":") { message = message.dropFirst() }
            let text = message.trimmingCharacters(in: .whitespaces)
            // bash repeats the offending line as "line N: `…'"; the line number already says where.
            if text.isEmpty || text.hasPrefix("`") || findings.contains(where: { $0.line == number }) { continue }
            findings.append(Finding(line: number, .error, tool: "bash -n", text))
        }
        let text = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return findings.isEmpty ? [Finding(line: 1, .error, tool: "bash -n", text.isEmpty ? "bash cannot parse this script" : text)]
            : findings
    }

    private struct ShellcheckOutput: Decodable {
        struct Comment: Decodable {
            var file: String; var line: Int; var column: Int?; var level: String; var code: Int; var message: String
        }
        var comments: [Comment]
    }

    /// Writes the scripts to a private temporary folder and checks them in batches.
    private static func runShellcheck(_ shellcheck: String, _ scripts: [String]) -> ([(Int, [Finding])], Int) {
        guard !scripts.isEmpty else { return ([], 0) }
        // In memory when the system has a tmpfs (/dev/shm): thousands of small files on a slow
        // disk cost seconds before shellcheck even starts.
        let shm = URL(fileURLWithPath: "/dev/shm")
        let base = access(shm.path, W_OK) == 0 ? shm : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("opsdocs-shellcheck-\(getpid())-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return ([], 0) }
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (i, script) in scripts.enumerated() {
            let path = folder.appendingPathComponent("\(i).sh").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(script.utf8))
            paths.append(path)
        }
        // Eight batches (at least 50 files each) keep both cores busy to the end.
        let batchSize = max(50, (paths.count + 7) / 8)
        let batches = stride(from: 0, to: paths.count, by: batchSize).map { Array(paths[$0..<min($0 + batchSize, paths.count)]) }
        let outputs = batches.parallelMap { batch -> [(Int, Finding)] in
            guard let run = ProcessRunner.run(shellcheck, ["-f", "json1", "-s", "bash", "-S", "warning", "-e", excluded] + batch,
                                              timeout: 120),
                  let decoded = try? JSONDecoder().decode(ShellcheckOutput.self, from: Data(run.stdout))
            else { return [] }
            return decoded.comments.compactMap { comment in
                let name = (comment.file as NSString).lastPathComponent
                guard let index = Int(name.dropLast(3)) else { return nil }
                let severity: Finding.Severity = comment.level == "error" ? .error : .warning
                return (index, Finding(line: comment.line, column: comment.column, severity, tool: "shellcheck",
                                       "SC\(comment.code): \(comment.message)"))
            }
        }
        var byScript: [Int: [Finding]] = [:]
        for (index, finding) in outputs.flatMap({ $0 }) { byScript[index, default: []].append(finding) }
        let sorted = byScript.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted { ($0.line, $0.message) < ($1.line, $1.message) }) }
        return (sorted, batches.count)
    }
}
