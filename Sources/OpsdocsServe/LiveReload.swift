// Server-Sent Events to the open pages: `reload` (with the URL paths whose HTML changed),
// `css` (stylesheets to swap in place), `errors` (diagnostics for the overlay) and `ok`.
// A page that connects while the build is failing gets the errors at once.

import FlyingFox
import FlyingSocks
import Foundation

public enum LiveEvent: Sendable, Equatable {
    /// URL paths (decoded, with the base path) whose page changed; `all` for site-wide changes.
    case reload(paths: [String], all: Bool)
    case css(paths: [String])
    case errors([String])
    case ok

    var wire: String {
        func json(_ object: Any) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        switch self {
        case .reload(let paths, let all): return "event: reload\ndata: \(json(["paths": paths, "all": all]))\n\n"
        case .css(let paths): return "event: css\ndata: \(json(["paths": paths]))\n\n"
        case .errors(let lines): return "event: errors\ndata: \(json(["messages": lines]))\n\n"
        case .ok: return "event: ok\ndata: {}\n\n"
        }
    }
}

/// Keeps the connected pages and sends them events.
actor LiveReloadHub {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    /// The build's current errors, sent to every page that connects.
    private var currentErrors: [String] = []

    var clientCount: Int { clients.count }

    func subscribe() -> AsyncStream<[UInt8]> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        clients[id] = continuation
        // The retry hint keeps a page reconnecting quickly after the server restarts.
        continuation.yield(Array("retry: 500\n: opsdocs live reload\n\n".utf8))
        if !currentErrors.isEmpty { continuation.yield(Array(LiveEvent.errors(currentErrors).wire.utf8)) }
        return stream
    }

    func broadcast(_ event: LiveEvent) {
        switch event {
        case .errors(let lines): currentErrors = lines
        case .ok: currentErrors = []
        default: break
        }
        let bytes = Array(event.wire.utf8)
        for continuation in clients.values { continuation.yield(bytes) }
    }

    /// A comment line now and then: a closed page's stream then fails and is dropped.
    func ping() {
        for continuation in clients.values { continuation.yield(Array(": ping\n\n".utf8)) }
    }

    func closeAll() {
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    private func remove(_ id: Int) { clients[id] = nil }
}

/// Feeds an AsyncStream of byte chunks to FlyingFox as a response body of unknown length
/// (sent chunked), which is what an event stream is.
struct ChunkStream: AsyncBufferedSequence {
    typealias Element = UInt8
    let base: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            return pending.popFirst()
        }

        /// Hands over a whole event at once (more than `count` if need be), so each event
        /// leaves as one HTTP chunk instead of being cut at the suggested size.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            if pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk[...]
            }
            let out = pending
            pending = []
            return out
        }
    }
}
