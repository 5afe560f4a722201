// Runs an external tool (bash, shellcheck, unshare) with posix_spawn: stdin written and
// stdout/stderr read through one poll() loop, so no pipe can fill up and deadlock, and no
// Foundation.Process.waitUntilExit() (30 ms per child on this platform). A timeout kills it.

import Foundation
import Glibc

public enum ProcessRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: [UInt8]
        public var timedOut: Bool
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }


    /// Finds an executable on PATH.
    public static func which(_ name: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`; `environment` nil inherits ours.
    public static func run(_ executable: String, _ arguments: [String], stdin: [UInt8] = [],
                           environment: [String: String]? = nil, timeout: Double = 30) -> Result?
    {
        var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&inPipe) == 0 else { return nil }
        guard pipe(&outPipe) == 0 else { close(inPipe[0]); close(inPipe[1]); return nil }
        guard pipe(&errPipe) == 0 else {
            for fd in inPipe + outPipe { close(fd) }
            return nil
        }
        // Our ends must not leak into other children (else they never see EOF).
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let envStrings = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }.sorted()
        let envp = envStrings.map { strdup($0) }
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envBuffer in
                posix_spawn(&pid, executable, &actions, nil,
                            UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                            UnsafeMutablePointer(mutating: envBuffer.baseAddress!))
            }
        }
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        guard status == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            return nil
        }

        var out: [UInt8] = [], err: [UInt8] = []
        var written = 0
        var stdinFD: Int32 = inPipe[1]
        if stdin.isEmpty { close(stdinFD); stdinFD = -1 } else { _ = fcntl(stdinFD, F_SETFL, O_NONBLOCK) }
        var openReaders = 2
        var outFD = outPipe[0], errFD = errPipe[0]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var buffer = [UInt8](repeating: 0, count: 65536)
        while openReaders > 0 || stdinFD >= 0 {
            var fds: [pollfd] = []
            if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
            if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
            if stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { timedOut = true; kill(pid, SIGKILL); break }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 { if errno == EINTR { continue }; break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdinFD {
                    let n = stdin.withUnsafeBytes { raw in
                        Glibc.write(stdinFD, raw.baseAddress! + written, stdin.count - written)
                    }
                    if n > 0 { written += n }
                    if n < 0 && errno != EAGAIN && errno != EINTR || written >= stdin.count {
                        close(stdinFD)
                        stdinFD = -1
                    }
                } else {
                    let n = read(entry.fd, &buffer, buffer.count)
                    if n > 0 {
                        if entry.fd == outFD { out += buffer[0..<n] } else { err += buffer[0..<n] }
                    } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                        close(entry.fd)
                        if entry.fd == outFD { outFD = -1 } else { errFD = -1 }
                        openReaders -= 1
                    }
                }
            }
        }
        for fd in [stdinFD, outFD, errFD] where fd >= 0 { close(fd) }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
        let exited = (waitStatus & 0x7f) == 0
        let code: Int32 = exited ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f)
        return Result(status: code, stdout: out, stderr: err, timedOut: timedOut)
    }
}
