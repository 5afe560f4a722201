// Every input of a build, file by file: what tells "nothing changed" (all of them together)
// and which notes an incremental build renders again. Kept between builds in `inputs.bin`, so
// files whose size, time and inode did not change are not read again.

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsSnippets

/// Every input of a build, digested file by file: what tells the incremental build which
/// notes changed, and (all together) whether anything did.
struct InputDigests: Sendable {
    /// The opsdocs binary, the checking tools, the options and the config file.
    var environment: String
    /// Notes-folder-relative path → digest of the file (notes and assets alike).
    var notes: [String: String]
    /// Notes-folder-relative path → size, time and inode when digested: a file whose stamp is
    /// unchanged since the last build is not read again (as make and git decide).
    var stamps: [String: String] = [:]
    /// The notes folder's files in path order.
    var order: [String] = []
    /// Digest of `theme/` and `static/` (every path and file).
    var themeAndStatic: String

    /// `known`: the last build's digests, whose files with unchanged stamps are not read.
    init(_ options: BuildOptions, known: InputDigests?) {
        var environment = Digest64()
        environment.add("opsdocs-build-3")
        environment.add(FileStamp.of("/proc/self/exe") ?? "unknown")  // a rebuilt opsdocs rebuilds the site
        environment.add(ShellTools.detect().fingerprint)
        environment.add("\(options.source.standardizedFileURL.path)|\(options.sourceDisplay)|\(options.includeDrafts)|\(options.strict)")
        let paths = options.paths
        environment.add("config:" + paths.configFile.path)
        environment.add(FileManager.default.contents(atPath: paths.configFile.path) ?? Data("absent".utf8))
        self.environment = environment.hex
        let notesFiles = Self.files(paths.notes, known: known)
        notes = Dictionary(notesFiles.map { ($0.path, $0.digest) }, uniquingKeysWith: { a, _ in a })
        stamps = Dictionary(notesFiles.map { ($0.path, $0.stamp) }, uniquingKeysWith: { a, _ in a })
        order = notesFiles.map(\.path)
        var rest = Digest64()
        for (label, folder) in [("theme", paths.theme), ("static", paths.staticFiles)] {
            rest.add(label)
            for (rel, hex, _) in Self.files(folder, known: nil) {
                rest.add(rel)
                rest.add(hex)
            }
        }
        themeAndStatic = rest.hex
    }

    /// Each file below `folder` digested on its own, on all cores, in path order (a file
    /// `known` has with the same stamp keeps its digest unread).
    static func files(_ folder: URL, known: InputDigests?) -> [(path: String, digest: String, stamp: String)] {
        let root = folder.path
        return FileTree.files(root).parallelMap { entry in
            let stamp = FileStamp.of(entry.info, inode: true)
            if let known, known.stamps[entry.path] == stamp, let digest = known.notes[entry.path] {
                return (entry.path, digest, stamp)
            }
            var one = Digest64()
            one.add(FileManager.default.contents(atPath: root + "/" + entry.path) ?? Data())
            return (entry.path, one.hex, stamp)
        }
    }

    /// One digest of everything: equal means nothing changed.
    var overall: String {
        var digest = Digest64()
        digest.add(environment)
        digest.add("notes")
        for rel in order.count == notes.count ? order : notes.keys.sorted() {
            digest.add(rel)
            digest.add(notes[rel] ?? "")
        }
        digest.add(themeAndStatic)
        return digest.hex
    }

    /// The notes whose bytes differ from `earlier`'s, or nil when more than notes changed
    /// (a file added or removed, the theme, the config, opsdocs itself).
    func changedNotes(since earlier: InputDigests) -> [String]? {
        guard environment == earlier.environment, themeAndStatic == earlier.themeAndStatic,
              notes.count == earlier.notes.count else { return nil }
        var changed: [String] = []
        for (rel, hex) in notes {
            guard let before = earlier.notes[rel] else { return nil }
            if before != hex { changed.append(rel) }
        }
        // An edited image or attachment is copied again: that is a full build.
        guard changed.allSatisfy({ ContentLoader.isNote($0) }) else { return nil }
        return changed.sorted()
    }
}

extension InputDigests: ByteCodable {
    /// Files in the order they were listed (sorted already): path, digest, stamp.
    func write(to out: inout ByteWriter) {
        out.string(environment)
        out.string(themeAndStatic)
        let paths = order.count == notes.count ? order : notes.keys.sorted()
        out.array(paths) { out, path in
            out.string(path)
            out.string(notes[path] ?? "")
            out.string(stamps[path] ?? "")
        }
    }

    init(from input: inout ByteReader) throws {
        environment = try input.string()
        themeAndStatic = try input.string()
        var notes: [String: String] = [:], stamps: [String: String] = [:]
        order = try input.array { input in
            let path = try input.string()
            notes[path] = try input.string()
            stamps[path] = try input.string()
            return path
        }
        (self.notes, self.stamps) = (notes, stamps)
    }
}
