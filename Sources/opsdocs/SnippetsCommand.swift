// `opsdocs snippets`: list, check, print or publish the verified snippets of the notes
// without building the site. `--check` is for a docs repository's CI.

import ArgumentParser
import Foundation
import OpsdocsSite

struct Snippets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract and verify the runnable blocks of the notes.",
        discussion: """
            Without --out, lists every fenced block with its kind and status. Exit status: 0, or 1 with
            --check when any snippet has an error (bash -n, YAML, JSON, Dockerfile) or a note cannot be read.
            """)

    @Option(help: "Folder of Markdown notes.") var source = "content"
    @Option(help: "Write the snippet files into this folder (replaced as a whole).") var out: String?
    @Option(help: "Only notes under this source path or URL (e.g. k8s/ or k8s/sysctl-guide.md).") var page: String?
    @Option(help: "Only blocks of this kind (shell, console, yaml, sysctl, dockerfile, json, …).") var kind: String?
    @Option(help: "Only notes with this tag.") var tag: String?
    @Option(help: "Print one snippet's script to stdout: PAGE#ID (e.g. k8s/sysctl-guide.md#tcp-xiang-guan-1).")
    var print: String?
    @Flag(help: "Print the manifest (index.json entries) as JSON.") var json = false
    @Flag(help: "Exit 1 when any snippet has an error.") var check = false
    @Option(help: "Keep the verification cache in this folder (default: inside --out; none without --out).")
    var cacheDir: String?
    @Flag(name: .customLong("run"),
          help: "Run the blocks marked {run} in a sandbox (namespaces, no network, empty environment, time limit).")
    var runMarkedSnippets = false
    @Option(help: "Seconds each {run} snippet may take.") var timeout: Double = 20

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var options = BuildOptions(source: URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL,
                                   output: cwd.appendingPathComponent("public"), projectRoot: cwd,
                                   sourceDisplay: source.hasSuffix("/") ? String(source.dropLast()) : source)
        if let cacheDir {
            options.cacheFolder = URL(fileURLWithPath: cacheDir, relativeTo: cwd).standardizedFileURL
        } else if let out {
            options.output = URL(fileURLWithPath: out, relativeTo: cwd).standardizedFileURL
            options.cacheFolder = SnippetCacheStore.defaultFolder(output: options.output)
        } else {
            options.cacheFolder = nil
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.source.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            Terminal.error("opsdocs: source folder \(source) does not exist")
            throw ExitCode(2)
        }
        var parsedKind: SnippetKind?
        if let kind {
            guard let k = SnippetKind(rawValue: kind.lowercased()) else {
                Terminal.error("opsdocs: unknown kind \(kind); one of \(SnippetKind.allCases.map(\.rawValue).joined(separator: ", "))")
                throw ExitCode(2)
            }
            parsedKind = k
        }
        let report = SnippetCommand.collect(options, query: SnippetQuery(page: page, kind: parsedKind, tag: tag))

        if let reference = print {
            guard let snippet = SnippetCommand.find(reference, in: report.snippets), let script = snippet.script else {
                Terminal.error("opsdocs: no snippet \(reference); ids are listed by `opsdocs snippets --page PAGE`")
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data(script.utf8))
            return
        }
        if runMarkedSnippets {
            try runMarked(report)
            return
        }
        if let out {
            do {
                try SnippetCommand.publish(report, to: URL(fileURLWithPath: out, relativeTo: cwd).standardizedFileURL,
                                           source: options.source)
            } catch {
                Terminal.error("opsdocs: \(error)")
                throw ExitCode(2)
            }
        }
        if json {
            FileHandle.standardOutput.write(SnippetOutput.manifest(report.snippets))
            Swift.print("")
        } else {
            Terminal.printDiagnostics(report.diagnostics, quiet: false, strict: false)
            if out == nil {
                for s in report.snippets where s.script != nil {
                    let kind = s.kindReason.map { "\(s.kind.rawValue) (\($0))" } ?? s.kind.rawValue
                    Swift.print("\(s.file ?? "-")\t\(kind)\t\(s.status.rawValue)\(s.runnable ? "" : "\tnot runnable")")
                }
            }
            Terminal.printSnippetSummary(report)
        }
        if check && report.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// `--run`: every `{run}` snippet in the selection, in the sandbox or not at all.
    private func runMarked(_ report: SnippetReport) throws {
        let marked = report.snippets.filter { $0.info.run && $0.script != nil && $0.kind.isShell }
        let sandbox = SnippetSandbox(timeout: timeout)
        if let reason = sandbox.unavailableReason() {
            Terminal.error("opsdocs: \(reason)")
            throw ExitCode(2)
        }
        var failures = 0
        for snippet in marked {
            let outcome = sandbox.run(snippet)
            switch outcome.verdict {
            case .passed:
                Swift.print("\(snippet.displayPath):\(snippet.line): passed: \(snippet.id)")
            case .mismatch:
                failures += 1
                Terminal.error("\(snippet.displayPath):\(snippet.line):1: error: output differs from the note [run]\n"
                    + outcome.diff.joined(separator: "\n"))
            case .failed, .timedOut:
                failures += 1
                Terminal.error("\(snippet.displayPath):\(snippet.line):1: error: \(outcome.verdict.rawValue) "
                    + "(exit \(outcome.exitStatus)) [run]\n" + outcome.output)
            }
        }
        Swift.print("opsdocs snippets --run: \(marked.count) run, \(marked.count - failures) passed, \(failures) failed")
        if failures > 0 { throw ExitCode(1) }
    }
}
