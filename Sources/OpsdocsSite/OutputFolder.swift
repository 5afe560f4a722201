// The only place a build writes files. Everything goes into a staging folder beside the
// output; `publish()` swaps it in at the end, so a failed build leaves the old output exactly
// as it was. Paths are checked so nothing lands outside the output folder, and an output
// folder that opsdocs did not create is never replaced.

import Foundation
import Dispatch
import Synchronization
import Glibc
import OpsdocsConfig

public struct OutputFolderError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

struct OutputFolder {
    /// Written into every output so a later build knows the folder is its own to replace.
    static let markerName = ".opsdocs-output"
    static let markerText = "This folder is written by `opsdocs build` and replaced on every build.\n"

    let final: URL
    let staging: URL
    private let retired: URL

    /// `url` with symlinks resolved as far as the path exists (`link/out` where only `link`
    /// exists is resolved through `link`), so an output cannot hide inside an input.
    static func realPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath()
        for part in rest { resolved.appendPathComponent(part) }
        return resolved.standardizedFileURL.path
    }

    /// Checks that `output` is a folder opsdocs may replace, given the source folder and the
    /// other folders a build reads (`static/`, `theme/`): it may be inside none of them.
    static func validate(output: URL, source: URL, inputs: [URL] = []) throws {
        let out = realPath(output)
        let src = realPath(source)
        for input in inputs {
            let folder = realPath(input)
            if out == folder || out.hasPrefix(folder + "/") {
                throw OutputFolderError(description: "refusing output folder \(output.path): it is inside \(input.path), which the build reads")
            }
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        func isAncestor(_ a: String, of b: String) -> Bool { b == a || b.hasPrefix(a == "/" ? "/" : a + "/") }
        if out == "/" { throw OutputFolderError(description: "refusing to use `/` as the output folder") }
        if out == home { throw OutputFolderError(description: "refusing to use the home folder \(out) as the output folder") }
        if isAncestor(out, of: src) {
            throw OutputFolderError(description: "refusing output folder \(output.path): it is the source folder or contains it")
        }
        if isAncestor(src, of: out) {
            throw OutputFolderError(description: "refusing output folder \(output.path): it is inside the source folder \(source.path)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw OutputFolderError(description: "output \(output.path) exists and is not a folder")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        if !entries.isEmpty && !entries.contains(markerName) {
            throw OutputFolderError(description:
                "output folder \(output.path) already holds files that opsdocs did not write (no \(markerName)); remove it or choose another --output")
        }
    }

    /// What a build keeps beside `output` while it runs, named after it so that it is ours:
    /// `.public.opsdocs-tmp` (staging), `.public.opsdocs-old` (retired), `.public.opsdocs-lock`.
    static func beside(_ output: URL, _ suffix: String) -> URL {
        let out = output.standardizedFileURL
        return out.deletingLastPathComponent().appendingPathComponent(".\(out.lastPathComponent).opsdocs-\(suffix)")
    }

    init(final: URL) throws {
        self.final = final.standardizedFileURL
        let parent = self.final.deletingLastPathComponent()
        staging = Self.beside(self.final, "tmp")
        retired = Self.beside(self.final, "old")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            // Leftovers of an interrupted build: ours by name, safe to clear.
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputFolderError(description: "cannot create staging folder \(staging.path): \(error.localizedDescription)")
        }
    }

    /// Writes many files: folders created once each, files written on all cores with plain
    /// POSIX calls (Foundation's Data.write costs several extra syscalls per file). Each folder's
    /// files go to one worker: two threads creating files in one folder wait on its lock
    /// (`search/docs/` holds tens of thousands).
    func writeAll(_ files: [String: Data], executables: Set<String> = []) throws {
        var byFolder: [String: [(path: String, data: Data, executable: Bool)]] = [:]
        var relativePaths: [String] = []
        let root = staging.path
        for (path, data) in files {
            guard let parts = Self.safeParts(path) else {
                throw OutputFolderError(description: "refusing to write outside the output folder: \(path)")
            }
            let relative = parts.joined(separator: "/")
            relativePaths.append(relative)
            let folder = parts.count == 1 ? root : root + "/" + parts.dropLast().joined(separator: "/")
            byFolder[folder, default: []].append((root + "/" + relative, data, executables.contains(path)))
        }
        try Self.makeFolders(Self.folders(of: relativePaths), under: root)
        // Largest folders first, handed out one at a time, so no worker is left with the biggest last.
        let groups = byFolder.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }.map(\.value)
        let failed = Mutex<(path: String, error: Int32)?>(nil)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            for file in groups[index] where !Self.writeFile(file.path, file.data, mode: file.executable ? 0o755 : 0o644) {
                let error = errno
                failed.withLock { if $0 == nil { $0 = (file.path, error) } }
                return
            }
        }
        if let failure = failed.withLock({ $0 }) {
            throw OutputFolderError(description: "cannot write \(failure.path): \(String(cString: strerror(failure.error)))")
        }
    }

    /// Every folder the relative `paths` need, parents included (`a` and `a/b` for `a/b/index.html`).
    static func folders(of paths: [String]) -> Set<Substring> {
        var folders = Set<Substring>()
        for path in paths {
            guard var slash = path.lastIndex(of: "/") else { continue }
            // (a folder already in the set brought its parents with it)
            while folders.insert(path[..<slash]).inserted, let up = path[..<slash].lastIndex(of: "/") { slash = up }
        }
        return folders
    }

    /// Creates `folders` (relative, parents included, as `folders(of:)` lists them) below the
    /// existing folder `root`: plain mkdir, a level at a time, each level's folders on all cores.
    /// (Tens of thousands at 10,000 notes: FileManager's checks of every parent cost more than
    /// the folders.) A folder that is already there is fine.
    static func makeFolders(_ folders: Set<Substring>, under root: String) throws {
        let levels = Dictionary(grouping: folders) { $0.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }
        let failed = Mutex<(path: String, error: Int32)?>(nil)
        for depth in levels.keys.sorted() {
            let level = levels[depth] ?? []
            DispatchQueue.concurrentPerform(iterations: min(8, level.count)) { part in
                var i = part
                while i < level.count {
                    let path = root + "/" + level[i]
                    // (0o777 less the umask, as FileManager creates folders)
                    if mkdir(path, 0o777) != 0, errno != EEXIST {
                        let error = errno
                        failed.withLock { if $0 == nil { $0 = (path, error) } }
                    }
                    i += 8
                }
            }
            if let failure = failed.withLock({ $0 }) {
                throw OutputFolderError(description: "cannot create \(failure.path): \(String(cString: strerror(failure.error)))")
            }
        }
    }

    static func writeFile(_ path: String, _ data: Data, mode: mode_t) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return false }
        _ = fchmod(fd, mode)  // the umask must not take the executable bit away
        defer { close(fd) }
        return data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return true }
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
    }

    func copyFile(from source: URL, to relativePath: String) throws {
        guard let target = resolve(relativePath) else {
            throw OutputFolderError(description: "refusing to write outside the output folder: \(relativePath)")
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw OutputFolderError(description: "cannot copy \(source.path): \(error.localizedDescription)")
        }
    }

    /// Swaps the staging folder in as the output. With renameat2(RENAME_EXCHANGE) the two
    /// folders trade places in one step, so a reader (or a web server) always finds a complete
    /// site at the output path; the old one, now at the staging path, is removed after.
    func publish() throws {
        let fm = FileManager.default
        do {
            try Data(Self.markerText.utf8).write(to: staging.appendingPathComponent(Self.markerName))
            if fm.fileExists(atPath: final.path), Self.exchange(staging.path, final.path) {
                try fm.removeItem(at: staging)
                return
            }
            if fm.fileExists(atPath: retired.path) { try fm.removeItem(at: retired) }
            if fm.fileExists(atPath: final.path) { try fm.moveItem(at: final, to: retired) }
            try fm.moveItem(at: staging, to: final)
            if fm.fileExists(atPath: retired.path) { try fm.removeItem(at: retired) }
        } catch {
            throw OutputFolderError(description: "cannot publish \(final.path): \(error.localizedDescription)")
        }
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// glibc's renameat2, looked up at run time: Swift's Glibc module does not declare it
    /// (it is a _GNU_SOURCE function). nil where the C library lacks it.
    private static let renameat2: Renameat2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }

    /// Atomically exchanges two paths; false where the kernel or file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        let renameExchange: UInt32 = 2
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Removes what an interrupted build left beside `output` (its staging and retired folders;
    /// ours by name). Only called with the build lock held.
    static func clearLeftovers(of output: URL) {
        for suffix in ["tmp", "old"] { try? FileManager.default.removeItem(at: beside(output, suffix)) }
    }

    /// Drops the staging folder; the previous output is untouched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func resolve(_ relativePath: String) -> URL? {
        Self.safeParts(relativePath).map { staging.appendingPathComponent($0.joined(separator: "/")) }
    }

    /// The path's parts inside the output folder, or nil when it would leave it (`..`, a
    /// backslash, a NUL) or names nothing.
    static func safeParts(_ relativePath: String) -> [Substring]? {
        var parts: [Substring] = []
        for part in relativePath.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." || part.contains("\\") || part.contains("\0") { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts
    }
}
