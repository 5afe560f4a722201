// One build per output folder at a time. The lock is a file beside the output
// (`.public.opsdocs-lock`) held with flock(2): the kernel drops it when its process dies, so a
// killed build's lock is stale by construction and the next build simply takes it over. The
// file is removed when the build ends, so a clean run leaves nothing beside the output folder.

import Foundation
import Glibc

public struct BuildLockBusy: Error, Sendable, CustomStringConvertible {
    public var description: String
}

final class BuildLock {
    let path: String
    private var fd: Int32

    /// The lock's path for an output folder.
    static func path(for output: URL) -> String { OutputFolder.beside(output, "lock").path }

    /// Takes the lock of `output`. When another build holds it: with `wait`, says so through
    /// `waiting` once and blocks until it is free; without, throws BuildLockBusy.
    init(output: URL, wait: Bool, waiting: (String) -> Void) throws {
        path = Self.path(for: output)
        try? FileManager.default.createDirectory(at: output.standardizedFileURL.deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        var told = false
        while true {
            // O_NOFOLLOW: a symlink planted at the lock's path must not make us write elsewhere.
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard fd >= 0 else {
                throw OutputFolderError(description: "cannot create the build lock \(path): \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard wait else {
                    let holder = Self.holder(fd)
                    close(fd)
                    throw BuildLockBusy(description: "another build\(holder) is writing \(output.path); not waiting (--no-wait)")
                }
                if !told {
                    waiting("opsdocs: waiting for another build\(Self.holder(fd)) of \(output.path) to finish…")
                    told = true
                }
                while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            }
            // The holder we waited for removes the file as it finishes; a lock on a removed
            // file guards nothing, so take the one now at the path instead.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                let pid = "\(getpid())\n"
                _ = ftruncate(fd, 0)
                _ = pwrite(fd, pid, pid.utf8.count, 0)
                self.fd = fd
                return
            }
            close(fd)
        }
    }

    /// ` (pid N)` from the lock file, when it names one.
    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0, let pid = Int(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { return "" }
        return " (pid \(pid))"
    }

    /// Removes the file, then lets go (in that order, so a waiter re-checks the path).
    func release() {
        guard fd >= 0 else { return }
        unlink(path)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
