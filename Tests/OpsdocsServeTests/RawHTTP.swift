// A deliberately dumb HTTP/1.1 client over a plain socket: sends the path exactly as given
// (no normalising of `..` or `%2e`), and reads an event stream as it arrives.

import Foundation
import Glibc

struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Runs blocking socket work on a Dispatch thread: the test must not hold one of the few
/// cooperative threads the server under test needs.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

// Used from one test at a time; reads and writes happen off the cooperative pool in sequence.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    private(set) var received = Data()

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `done` holds for what was received, the peer closes, or `seconds` pass.
    @discardableResult
    func read(for seconds: Double, until done: (Data) -> Bool = { _ in false }) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            if done(received) { return true }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { received.append(contentsOf: buffer[0..<n]) } else if n == 0 { return done(received) }
        }
        return done(received)
    }

    /// The event stream's text since the last `clear()`.
    var text: String { String(decoding: Self.dechunked(received).utf8.dropFirst(skipped), as: UTF8.self) }
    private var skipped = 0

    /// The body of a chunked response as sent, without the chunk sizes (the headers dropped).
    static func dechunked(_ data: Data) -> String {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return "" }
        var rest = Data(data[split.upperBound...])
        var out = Data()
        while let lineEnd = rest.range(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
              rest.count >= lineEnd.upperBound - rest.startIndex + size
        {
            let start = lineEnd.upperBound
            out.append(rest[start..<(start + size)])
            rest = Data(rest[(start + size)...].dropFirst(2))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Waits until the event stream has delivered an event of this type carrying `containing`.
    func waitForEvent(_ type: String, containing: String = "", seconds: Double = 30) async -> Bool {
        (try? await offPool { self.eventArrived(type, containing: containing, seconds: seconds) }) ?? false
    }

    private func eventArrived(_ type: String, containing: String, seconds: Double) -> Bool {
        read(for: seconds) { data in
            let text = String(decoding: Self.dechunked(data).utf8.dropFirst(skipped), as: UTF8.self)
            return text.components(separatedBy: "\n\n").contains { block in
                block.contains("event: \(type)\n") && (containing.isEmpty || block.contains(containing))
            }
        }
    }

    /// Forgets what was received so far (so the next wait sees only new events).
    func clear() { skipped = Self.dechunked(received).utf8.count }
}

enum RawHTTP {
    static func request(_ method: String = "GET", _ path: String, port: Int, headers: [String: String] = [:]) async throws
        -> RawResponse
    {
        try await offPool { try blockingRequest(method, path, port: port, headers: headers) }
    }

    static func blockingRequest(_ method: String, _ path: String, port: Int, headers: [String: String]) throws -> RawResponse {
        let connection = try RawConnection(port: port)
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        connection.send(text + "\r\n")
        connection.read(for: 30) { data in
            guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return false }
            let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).lowercased()
            if method == "HEAD" { return true }
            guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                  let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
            else { return false }
            return data.count - split.upperBound >= length
        }
        let data = connection.received
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw POSIXError(.EBADMSG) }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: headers, body: Data(data[split.upperBound...]))
    }
}
