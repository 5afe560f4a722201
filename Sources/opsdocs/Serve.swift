// `opsdocs serve`: build in memory, serve with live reload until Ctrl-C (exit 0).
// Exits 1 when the port cannot be used, 2 on usage errors.

import ArgumentParser
import Dispatch
import Foundation
import OpsdocsServe
import OpsdocsSite

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site with live reload (nothing is written to disk).")

    @Option(help: "Folder of Markdown notes.") var source = "content"
    @Option(help: "Config file (default: opsdocs.toml in the current folder, if present).") var config: String?
    @Option(help: "Address to listen on. Anything but 127.0.0.1 exposes your notes to the network.") var host = "127.0.0.1"
    @Option(help: "Port to listen on; 0 picks a free one.") var port: UInt16 = 1313
    @Flag(help: "Include notes marked `draft: true`.") var drafts = false
    @Flag(help: "Open the site in the default browser (xdg-open).") var open = false
    @Flag(help: "Print how long each step of every rebuild took.") var timings = false

    func run() async throws {
        var build = try SourceOptions.make(source: source, config: config)
        build.includeDrafts = drafts
        // The preview reads the last `opsdocs build`'s verification cache and never writes it.
        build.writesCache = false
        if !["127.0.0.1", "localhost"].contains(host) {
            Terminal.error("opsdocs: warning: listening on \(host): anyone who can reach this machine can read the notes")
        }
        var options = PreviewServer.Options(build: build, host: host, port: port)
        options.log = { line in Terminal.error(line) }
        options.timings = timings
        let bar = ProgressBar()
        let server: PreviewServer
        do {
            server = try PreviewServer(options, progress: { done, total in bar.update(done, total) })
        } catch {
            bar.finish()
            Terminal.error("opsdocs: \(error)")
            throw ExitCode(2)
        }
        bar.finish()
        let diagnostics = server.diagnostics
        // The preview shows errors in full; warnings are `opsdocs build`'s to list.
        Terminal.printDiagnostics(diagnostics, quiet: true, strict: false)
        let url: URL
        do {
            url = try await server.start()
        } catch {
            Terminal.error("opsdocs: \(error)")
            throw ExitCode(1)
        }
        let warnings = diagnostics.warningCount
        // Written straight to the file handle: a script reading the URL must not wait for a buffer.
        FileHandle.standardOutput.write(Data(("opsdocs: serving \(server.pageCount) pages at \(url.absoluteString)"
            + (warnings > 0 ? " (\(warnings) warnings: see `opsdocs build`)" : "") + "; Ctrl-C to stop\n").utf8))
        if open { Self.openBrowser(url) }
        await Self.waitForInterrupt()
        await server.stop()
        FileHandle.standardOutput.write(Data("opsdocs: stopped\n".utf8))
    }

    /// Returns on SIGINT (Ctrl-C) or SIGTERM.
    static func waitForInterrupt() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "opsdocs-signals")
            let once = OnceFlag()
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { if once.claim() { continuation.resume() } }
                source.resume()
                SignalSources.keep(source)
            }
        }
    }

    static func openBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Terminal.error("opsdocs: could not open a browser: \(error)") }
    }
}

import Synchronization

/// True exactly once, from any thread.
final class OnceFlag: Sendable {
    private let taken = Mutex(false)
    func claim() -> Bool { taken.withLock { was in defer { was = true }; return !was } }
}

/// Signal sources must outlive the function that made them.
enum SignalSources {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    static func keep(_ source: any DispatchSourceSignal) { sources.append(source) }
}
