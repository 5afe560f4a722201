// Publishing an edit without rewriting the site. Inside the output's state folder opsdocs
// keeps the previous generation of the site (`public/.opsdocs/prev/`), whose unchanged files
// are hard links to the output's own (so it costs almost no disk). An incremental build moves
// it beside the output (where a full build stages), brings it up to the current output
// (relinking just what the last build changed), writes the files this build changed into it
// as new files (never into one the output shares), and exchanges the two folders in one
// rename; the old output then becomes the new previous generation. A reader always finds a
// complete site at the output path; a killed build leaves the site as it was (only the
// spare generation is lost, and the next edit makes it again from the output).

import Foundation
import Glibc
import Synchronization

struct OutputGenerations {
    /// Inside each generation: its number.
    static let generationFile = ".opsdocs-generation"
    /// Where the previous generation is kept, inside the output.
    static let previousPath = SnippetCacheStore.folderInOutput + "/prev"

    let output: URL
    /// The spare generation while it is being written (the full build's staging path).
    let staging: URL

    init(output: URL) {
        self.output = output.standardizedFileURL
        staging = OutputFolder.beside(output, "tmp")
    }

    /// The generation number written in `folder`, if it is a whole one.
    static func generation(of folder: URL) -> Int? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(generationFile).path) else { return nil }
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Publishes generation `generation` (the output holds `generation - 1`): the previous
    /// generation is brought up to the output (`lastChanged`: the paths the last build changed;
    /// when that build was not incremental, or the folder is not the generation before, it is
    /// made again from the output), `changes` applied to it (nil bytes: the file is removed),
    /// and the two folders exchanged. A throw before the exchange leaves the site untouched.
    func publish(generation: Int, lastChanged: [String]?, changes: [String: Data?], executables: Set<String>) throws {
        let fm = FileManager.default
        let spare = staging.path, out = output.path
        try? fm.removeItem(at: staging)
        let kept = out + "/" + Self.previousPath
        if fm.fileExists(atPath: kept) { guard rename(kept, spare) == 0 else { throw Self.failure("move", kept) } }
        if let lastChanged, Self.generation(of: staging) == generation - 2, Self.generation(of: output) == generation - 1 {
            // Unusable until this build is done with it.
            try Self.writeNew(spare + "/" + Self.generationFile, Data("writing\n".utf8), mode: 0o644)
            for path in lastChanged { try Self.relink(path, from: out, into: spare) }
        } else {
            try? fm.removeItem(at: staging)
            try Self.link(tree: out, into: spare)
            try Self.writeNew(spare + "/" + Self.generationFile, Data("writing\n".utf8), mode: 0o644)
        }
        // The build state folder (when it is in the output) is relinked whole: a few files.
        let state = SnippetCacheStore.folderInOutput
        try? fm.removeItem(atPath: spare + "/" + state)
        if fm.fileExists(atPath: out + "/" + state) { try Self.link(tree: out + "/" + state, into: spare + "/" + state) }
        for path in changes.keys.sorted() {
            guard let parts = OutputFolder.safeParts(path) else {
                throw OutputFolderError(description: "refusing to write outside the output folder: \(path)")
            }
            let target = spare + "/" + parts.joined(separator: "/")
            unlink(target)  // a new file, never a write into one the output shares
            if let data = changes[path] ?? nil {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Self.writeNew(target, data, mode: executables.contains(path) ? 0o755 : 0o644)
            } else {
                Self.removeEmptyFolders(above: target, root: spare)
            }
        }
        try Self.writeNew(spare + "/" + Self.generationFile, Data("\(generation)\n".utf8), mode: 0o644)
        guard OutputFolder.exchange(spare, out) else { throw Self.failure("exchange", spare) }
        // The old output is the next build's previous generation; kept inside the new output.
        try? fm.createDirectory(atPath: out + "/" + state, withIntermediateDirectories: true)
        if rename(spare, kept) != 0 { try? fm.removeItem(at: staging) }
    }

    private static func failure(_ what: String, _ path: String) -> OutputFolderError {
        OutputFolderError(description: "cannot \(what) \(path): \(String(cString: strerror(errno)))")
    }

    /// Makes `path` in `into` what it is in `from`: a hard link to the same file, or absent.
    private static func relink(_ path: String, from: String, into: String) throws {
        guard let parts = OutputFolder.safeParts(path) else { return }
        let rel = parts.joined(separator: "/")
        let target = into + "/" + rel
        unlink(target)
        var info = stat()
        if lstat(from + "/" + rel, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            guard Glibc.link(from + "/" + rel, target) == 0 else { throw failure("link", target) }
        } else {
            removeEmptyFolders(above: target, root: into)
        }
    }

    /// Every file of `tree` hard-linked at the same path below `into` (created), on all cores;
    /// a previous generation inside `tree` is not part of it.
    static func link(tree: String, into: String) throws {
        let files = FileTree.files(tree, includeHidden: true).filter { !$0.path.hasPrefix(previousPath + "/") }
        try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        try OutputFolder.makeFolders(OutputFolder.folders(of: files.map(\.path)), under: into)
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
        guard OutputFolder.writeFile(path, data, mode: mode) else { throw failure("write", path) }
    }
}
