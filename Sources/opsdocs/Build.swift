// `opsdocs build`: prints diagnostics in compiler format (or JSON), a summary line, and
// exits 0 (clean), 1 (content errors; the previous output is kept) or 2 (usage).

import ArgumentParser
import Foundation
import OpsdocsSite

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @Option(help: "Folder of Markdown notes.") var source = "content"
    @Option(help: "Output folder, replaced as a whole when the build succeeds.") var output = "public"
    @Option(help: "Config file (default: opsdocs.toml in the current folder, if present).") var config: String?
    @Flag(help: "Include notes marked `draft: true`.") var drafts = false
    @Flag(help: "Treat warnings as errors.") var strict = false
    @Flag(help: "Print diagnostics and the summary as JSON on stdout.") var json = false
    @Flag(help: "Print only errors (and warnings with --strict); no summary unless the build fails.") var quiet = false
    @Flag(help: "Print the time each build stage took.") var timings = false
    @Option(help: "Keep build state (verification cache, incremental state) in this folder instead of <output>/.opsdocs/.")
    var cacheDir: String?
    @Flag(help: "Exit 2 at once when another build is writing the same output folder, instead of waiting.")
    var noWait = false

    func run() throws {
        var options = try SourceOptions.make(source: source, output: output, config: config)
        options.includeDrafts = drafts
        options.strict = strict
        if let cacheDir {
            options.cacheFolder = URL(fileURLWithPath: cacheDir,
                                      relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        }
        options.waitForLock = !noWait
        options.onWait = { Terminal.error($0) }
        let bar = json || quiet ? nil : ProgressBar()
        var progress: SiteCompiler.Progress?
        if let bar { progress = { done, total in bar.update(done, total) } }
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options, progress: progress)
        } catch {
            bar?.finish()
            Terminal.error("opsdocs: \(error)")
            throw ExitCode(2)
        }
        bar?.finish()
        if json {
            Terminal.printJSON(report, output: output)
        } else {
            Terminal.printDiagnostics(report.diagnostics, quiet: quiet, strict: strict)
            if !quiet || report.failed { Terminal.printSummary(report, output: output) }
            if timings {
                for (stage, seconds) in report.timings { print("  " + stage.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%7.1f ms", seconds * 1000)) }
            }
        }
        if report.failed { throw ExitCode(1) }
    }
}
