// Watches folders (recursively) and single files with inotify and reports batches of
// changed paths once the writing has settled. Editors save in three ways, all covered:
// writing in place (IN_CLOSE_WRITE), writing a temporary file and renaming it over the
// note (IN_MOVED_TO), and deleting then creating (IN_DELETE + IN_CREATE/IN_CLOSE_WRITE, one
// batch). Folders created later are watched as they appear.

import Foundation
import Glibc
import Synchronization

final class FileWatcher: Sendable {
    /// Quiet time after the last event before a batch is reported.
    let settle: Duration
    private let fd: Int32
    private let wake: (read: Int32, write: Int32)
    private let state = Mutex(State())

    private struct State {
        var folders: [Int32: String] = [:]
        /// Single files watched through their folder: folder → names.
        var fileFilters: [String: Set<String>] = [:]
        /// Folders watched for everything in them (not only for one file).
        var trees: Set<String> = []
        var stopped = false
    }

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
        | IN_DELETE_SELF | IN_ATTRIB)

    /// Watches each path: a folder with everything below it, or a single file (through its
    /// folder, so a file saved by rename is still seen). Missing paths are skipped.
    init(paths: [URL], settle: Duration = .milliseconds(25)) throws {
        self.settle = settle
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        wake = (ends[0], ends[1])
        for url in paths {
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                addTree(path)
            } else {
                let folder = url.deletingLastPathComponent().standardizedFileURL.path
                addFolder(folder)
                state.withLock { _ = $0.fileFilters[folder, default: []].insert(url.lastPathComponent) }
            }
        }
    }

    deinit {
        close(fd)
        close(wake.read)
        close(wake.write)
    }

    var watchedFolderCount: Int { state.withLock { $0.folders.count } }

    /// Reports batches on a thread of its own until `stop()`.
    func start(_ report: @escaping @Sendable (Set<String>) -> Void) {
        let thread = Thread { [self] in self.loop(report) }
        thread.name = "opsdocs-watch"
        thread.start()
    }

    func stop() {
        state.withLock { $0.stopped = true }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private func addTree(_ path: String) {
        addFolder(path)
        state.withLock { _ = $0.trees.insert(path) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var isDirectory: ObjCBool = false
            // Symlinked folders are not followed, as in the build.
            if let type = try? FileManager.default.attributesOfItem(atPath: child)[.type] as? FileAttributeType,
               type == .typeDirectory, FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory)
            {
                addTree(child)
            }
        }
    }

    private func addFolder(_ path: String) {
        let wd = inotify_add_watch(fd, path, Self.folderMask)
        guard wd >= 0 else { return }
        state.withLock { $0.folders[wd] = path }
    }

    private func loop(_ report: @Sendable (Set<String>) -> Void) {
        var pending: Set<String> = []
        var extended = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if state.withLock({ $0.stopped }) { return }
            // Wait for events without a time limit; once some arrived, only for the quiet time.
            let timeout: Int32 = pending.isEmpty ? -1 : Int32(settle.components.seconds * 1000
                + settle.components.attoseconds / 1_000_000_000_000_000)
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, timeout)
            if ready < 0 && errno == EINTR { continue }
            if fds[1].revents != 0 { return }
            if ready == 0 {
                // A path that is gone may be an editor between deleting and re-creating the
                // note: give it one more moment, so a save is not taken for a deletion (which
                // would mean a full build).
                if !extended, pending.contains(where: { !FileManager.default.fileExists(atPath: $0) }) {
                    extended = true
                    usleep(100_000)
                    continue
                }
                report(pending)
                pending = []
                extended = false
                continue
            }
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { continue }
            pending.formUnion(parse(buffer, count: count))
        }
    }

    /// The changed paths in one read of inotify events; new folders are watched on the way.
    private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
        var changed: Set<String> = []
        buffer.withUnsafeBytes { raw in
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                var name = ""
                if event.len > 0, let base = raw.baseAddress {
                    let bytes = UnsafeRawBufferPointer(start: base + offset + header, count: Int(event.len))
                    name = String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                offset += header + Int(event.len)
                let (folder, filter) = state.withLock { s in
                    let folder = s.folders[event.wd]
                    return (folder, folder.flatMap { s.fileFilters[$0] })
                }
                guard let folder else { continue }
                if event.mask & UInt32(IN_IGNORED) != 0 || event.mask & UInt32(IN_DELETE_SELF) != 0 {
                    _ = state.withLock { $0.folders.removeValue(forKey: event.wd) }
                    continue
                }
                guard !name.isEmpty else { continue }
                let path = folder + "/" + name
                if event.mask & UInt32(IN_ISDIR) != 0 {
                    if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") {
                        // A folder that appears with notes in it (moved in, or unpacked): watch it
                        // and report what is already there.
                        addTree(path)
                        changed.formUnion(Self.files(under: path))
                    }
                    changed.insert(path)
                    continue
                }
                if let filter, !filter.contains(name), !state.withLock({ $0.trees.contains(folder) }) { continue }
                changed.insert(path)
            }
        }
        return changed
    }

    private static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let rel = enumerator.nextObject() as? String { out.append(folder + "/" + rel) }
        return out
    }
}
