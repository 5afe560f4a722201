// Publishing an edit without rewriting the site: beside the output folder opsdocs keeps the
// previous generation of it (`.public.opsdocs-prev`), whose unchanged files are hard links to
// the output's (so it costs almost no disk). An incremental build brings that folder up to
// the current output (relinking just what the last build changed), writes the files this
// build changed into it as new files (never into a shared one), and exchanges the two
// folders in one rename. A reader always finds a complete site at the output path; a killed
// build leaves the output as it was and the previous generation marked unusable, so the next
// build makes it again from the output. A full build removes the folder (it shares nothing
// with a site written anew); the first edit after it makes it again.

import Foundation
import Glibc
import Synchronization

struct OutputGenerations {
    /// Inside each generation: its number (the output's is the stored build's).
    static let generationFile = ".opsdocs-generation"

    let output: URL
    let previous: URL

    /// After a full build: the previous generation shares nothing with the new output.
    func discardPrevious() { try? FileManager.default.removeItem(at: previous) }

    init(output: URL) {
        self.output = output.standardizedFileURL
        previous = OutputFolder.beside(output, "prev")
    }

    /// The generation number written in `folder`, if it is a whole one.
    static func generation(of folder: URL) -> Int? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(generationFile).path) else { return nil }
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Publishes generation `generation` (the output holds `generation - 1`): the previous
    /// folder is brought up to the output (`lastChanged`: the paths the last build changed;
    /// when that build was not incremental, or the folder is not the generation before, it is
    /// made again from the output), `changes` applied to it (nil bytes: the file is removed),
    /// and the two folders exchanged. A throw before the exchange leaves the output untouched.
    func publish(generation: Int, lastChanged: [String]?, changes: [String: Data?], executables: Set<String>) throws {
        let prev = previous.path, out = output.path
        if let lastChanged, Self.generation(of: previous) == generation - 2, Self.generation(of: output) == generation - 1 {
            // Unusable until this build is done with it.
            try Self.writeNew(prev + "/" + Self.generationFile, Data("writing\n".utf8), mode: 0o644)
            for path in lastChanged { try Self.relink(path, from: out, into: prev) }
        } else {
            try? FileManager.default.removeItem(at: previous)
            try Self.link(tree: out, into: prev)
            try Self.writeNew(prev + "/" + Self.generationFile, Data("writing\n".utf8), mode: 0o644)
        }
        // The build state folder (when it is in the output) is relinked whole: a few files.
        try? FileManager.default.removeItem(atPath: prev + "/" + SnippetCacheStore.folderInOutput)
        if FileManager.default.fileExists(atPath: out + "/" + SnippetCacheStore.folderInOutput) {
            try Self.link(tree: out + "/" + SnippetCacheStore.folderInOutput, into: prev + "/" + SnippetCacheStore.folderInOutput)
        }
        for path in changes.keys.sorted() {
            guard let parts = OutputFolder.safeParts(path) else {
                throw OutputFolderError(description: "refusing to write outside the output folder: \(path)")
            }
            let target = prev + "/" + parts.joined(separator: "/")
            unlink(target)  // a new file, never a write into one the output shares
            if let data = changes[path] ?? nil {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Self.writeNew(target, data, mode: executables.contains(path) ? 0o755 : 0o644)
            } else {
                Self.removeEmptyFolders(above: target, root: prev)
            }
        }
        try Self.writeNew(prev + "/" + Self.generationFile, Data("\(generation)\n".utf8), mode: 0o644)
        guard OutputFolder.exchange(prev, out) else {
            throw OutputFolderError(description: "cannot exchange \(prev) and \(out)")
        }
    }

    /// Makes `root/path` in `into` what it is in `from`: a hard link to the same file, or absent.
    private static func relink(_ path: String, from: String, into: String) throws {
        guard let parts = OutputFolder.safeParts(path) else { return }
        let rel = parts.joined(separator: "/")
        let target = into + "/" + rel
        unlink(target)
        var info = stat()
        if lstat(from + "/" + rel, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            guard Glibc.link(from + "/" + rel, target) == 0 else {
                throw OutputFolderError(description: "cannot link \(target): \(String(cString: strerror(errno)))")
            }
        } else {
            removeEmptyFolders(above: target, root: into)
        }
    }

    /// Every file of `tree` hard-linked at the same path below `into` (created), on all cores.
    static func link(tree: String, into: String) throws {
        let files = FileTree.files(tree, includeHidden: true)
        var folders: Set<String> = [into]
        for file in files {
            if let slash = file.path.lastIndex(of: "/") { folders.insert(into + "/" + file.path[..<slash]) }
        }
        for folder in folders.sorted() { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let failed = Mutex<String?>(nil)
        DispatchQueue.concurrentPerform(iterations: 8) { part in
            var i = part
            while i < files.count {
                let path = files[i].path
                if Glibc.link(tree + "/" + path, into + "/" + path) != 0 { failed.withLock { $0 = $0 ?? path } }
                i += 8
            }
        }
        if let path = failed.withLock({ $0 }) { throw OutputFolderError(description: "cannot link \(into)/\(path)") }
    }

    /// Removes the folders above `path` that are empty now, up to (not including) `root`.
    private static func removeEmptyFolders(above path: String, root: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while folder.count > root.count, folder.hasPrefix(root + "/"), rmdir(folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Writes a new file at `path` (whatever was there is unlinked first).
    private static func writeNew(_ path: String, _ data: Data, mode: mode_t) throws {
        unlink(path)
        guard OutputFolder.writeFile(path, data, mode: mode) else {
            throw OutputFolderError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
