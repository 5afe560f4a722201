// `opsdocs serve`: builds the site in memory, serves it over HTTP (loopback by default),
// watches the notes, rebuilds what a change touches and tells the open pages. Nothing is
// written to disk: the preview never touches `public/`.

import FlyingFox
import FlyingSocks
import Foundation
import OpsdocsSite
import Synchronization

public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port.
        public var port: UInt16
        /// Quiet time after the last file event before rebuilding.
        public var settle: Duration = .milliseconds(25)
        /// One line per rebuild and per problem, for the terminal.
        public var log: @Sendable (String) -> Void
        /// Also log how long each step of a rebuild took.
        public var timings = false

        public init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 1313,
                    log: @escaping @Sendable (String) -> Void = { _ in })
        {
            self.build = build
            self.host = host
            self.port = port
            self.log = log
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    private let options: Options
    private let live: Mutex<LiveSite>
    private let served: Mutex<ServedSite>
    private let hub = LiveReloadHub()
    private let server: HTTPServer
    private let watcher: FileWatcher
    /// Live-reload events leave in order from here, so a rebuild never waits for them.
    private let events = DispatchQueue(label: "opsdocs-live-events")
    private let tasks: Mutex<[Task<Void, Never>]> = Mutex([])
    private let basePath: String

    /// Builds the site (the slow part); `start()` then serves it.
    public init(_ options: Options, progress: SiteCompiler.Progress? = nil) throws {
        self.options = options
        // Armed before the first build: a save made while it runs (or right after the first
        // answer) waits in the kernel's queue and is applied as soon as watching starts.
        watcher = try FileWatcher(paths: LiveSite.watchedPaths(options.build), settle: options.settle)
        let site = LiveSite(options.build, progress: progress)
        live = Mutex(site)
        basePath = site.basePath
        served = Mutex(ServedSite(site.site, basePath: site.basePath, allowedRoots: Self.allowedRoots(options.build)))
        let address: sockaddr_in
        do {
            address = try .inet(ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        } catch {
            throw StartError(description: "cannot listen on \(options.host): not an IPv4 address")
        }
        server = HTTPServer(address: address, timeout: 30, logger: .disabled)
    }

    /// Diagnostics of the initial build.
    public var diagnostics: [Diagnostic] { live.withLock { $0.site.diagnostics } }
    public var pageCount: Int { live.withLock { $0.site.pageCount } }

    /// Starts listening and watching; returns the site's URL.
    public func start() async throws -> URL {
        let handler = SiteRequestHandler(lookup: { [self] raw, query in self.served.withLock { $0.lookup(raw, query: query) } },
                                         hub: hub)
        await server.appendRoute("*") { request in await handler.respond(to: request) }
        // Listening, or the reason it cannot (a port in use fails at once; no need to wait out a timeout).
        let failure = Mutex<Error?>(nil)
        Task { [server] in
            do { try await server.run() } catch { failure.withLock { $0 = error } }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = failure.withLock({ $0 }) {
                throw StartError(description: Self.explain(error, host: options.host, port: options.port))
            }
            guard ContinuousClock.now < deadline else { throw StartError(description: "the server did not start listening") }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard let address = await server.listeningAddress, case .ip4(let host, let port) = address else {
            throw StartError(description: "the server did not report its address")
        }

        watcher.start { [self] paths in self.rebuild(paths) }
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { await hub.broadcast(.errors(errors.map { $0.formatted(colour: false) })) }
        let pinger = Task { [hub] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await hub.ping()
            }
        }
        tasks.withLock { $0 = [pinger] }
        return URL(string: "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)\(basePath)")
            ?? URL(fileURLWithPath: "/")
    }

    /// Stops watching and serving; open pages' event streams end.
    public func stop() async {
        watcher.stop()
        for task in tasks.withLock({ $0 }) { task.cancel() }
        await hub.closeAll()
        await server.stop(timeout: 1)
    }

    /// Runs on the watcher's thread, so rebuilds never overlap and the next batch of changes
    /// waits in the kernel until this one is served.
    func rebuild(_ paths: Set<String>) {
        let relevant = live.withLock { site in paths.filter(site.isRelevant) }
        guard !relevant.isEmpty else { return }
        let clock = ContinuousClock()
        let start = clock.now
        let (update, site) = live.withLock { live in (live.apply(Set(relevant)), live.site) }
        let elapsed = clock.now - start
        let ms = elapsed.seconds * 1000
        let what = update.scope.joined(separator: ", ")

        if let failure = update.failure {
            let lines = failure.map { $0.formatted(colour: false) }
            options.log("opsdocs: \(what) failed in \(String(format: "%.0f", ms)) ms; still serving the last good site")
            for line in lines { options.log(line) }
            broadcast(.errors(lines))
            return
        }
        let publishStart = clock.now
        served.withLock { $0.update(with: site, changed: update.changedPaths) }
        let publish = clock.now - publishStart
        let events = LiveEventPlanner.events(for: update.changedPaths, basePath: basePath)
        let errors = site.diagnostics.filter { $0.severity == .error }.map { $0.formatted(colour: false) }
        let pages = events.reduce(0) { count, event in
            if case .reload(let paths, _) = event { return count + paths.count }
            return count
        }
        options.log("opsdocs: \(what) rebuilt in \(String(format: "%.0f", ms)) ms, \(update.changedPaths.count) files changed"
            + (pages > 0 ? ", \(pages) page\(pages == 1 ? "" : "s") to reload" : ""))
        for line in errors { options.log(line) }
        for event in events { broadcast(event) }
        broadcast(errors.isEmpty ? .ok : .errors(errors))

        // Then the search shards, the snippet manifest and, after a title change, the lists
        // and feeds: what the edited page does not show. An open list page reloads too.
        let (later, current) = live.withLock { live in (live.finishDeferred(), live.site) }
        if !later.changedPaths.isEmpty {
            served.withLock { $0.update(with: current, changed: later.changedPaths) }
            for event in LiveEventPlanner.events(for: later.changedPaths, basePath: basePath) { broadcast(event) }
        }
        if options.timings {
            let steps = update.timings + [("publish", publish.seconds)] + later.timings
            options.log("  " + steps.map { "\($0.stage) \(String(format: "%.1f", $0.seconds * 1000)) ms" }.joined(separator: " · "))
        }
    }

    private func broadcast(_ event: LiveEvent) {
        // A serial queue keeps events in order; the watcher thread goes straight on to the next
        // change. (Waiting here for the busy task pool is what let a preview under load fall
        // seconds behind its edits.)
        events.async { [hub] in
            let done = DispatchSemaphore(value: 0)
            Task { [hub] in
                await hub.broadcast(event)
                done.signal()
            }
            done.wait()
        }
    }

    /// Folders a copied file may really live in (a symlink out of them is refused).
    private static func allowedRoots(_ options: BuildOptions) -> [URL] {
        [options.paths.notes, options.paths.staticFiles]
    }

    private static func explain(_ error: Error, host: String, port: UInt16) -> String {
        if case .failed(let type, let code, _) = error as? SocketError {
            if code == EADDRINUSE { return "port \(port) on \(host) is already in use (pick another with --port, or --port 0 for any free port)" }
            if code == EACCES { return "not allowed to listen on port \(port) on \(host) (ports below 1024 need root)" }
            if code == EADDRNOTAVAIL { return "\(host) is not an address of this machine" }
            return "cannot listen on \(host):\(port): \(type) failed (\(String(cString: strerror(code))))"
        }
        return "cannot listen on \(host):\(port): \(error)"
    }
}
