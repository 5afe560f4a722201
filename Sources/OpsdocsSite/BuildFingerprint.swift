// "Nothing changed since the last build": a digest of everything a build reads — every file
// of the notes folder, the config, theme overrides, `static/`, the options, the checking tools
// and the opsdocs binary itself — kept with the build state (`.opsdocs/build.bin`), written
// after the new site is in place. When it matches and the output folder still holds exactly
// what that build wrote (paths, sizes, times), `opsdocs build` reports the stored diagnostics
// and writes nothing. The file records times, so unlike the site it differs between machines.

import Foundation
import OpsdocsConfig
import OpsdocsSnippets

struct BuildFingerprint: Equatable, Sendable {
    /// Digest of the inputs.
    var inputs: String
    /// Digest of the published files' paths and sizes, checked against the output folder.
    var output: String

    static let fileName = "build.bin"

    /// The state a successful build leaves: its fingerprint and what it reported.
    struct State: Sendable {
        var fingerprint: BuildFingerprint
        var diagnostics: [Diagnostic]
        var pageCount: Int
        var fileCount: Int
        /// The published paths an incremental build changed (nil after a full build): what the
        /// next incremental build relinks in the previous generation (OutputGenerations).
        var changed: [String]? = nil
    }

    /// Digest of every input of a build of `options`.
    static func inputs(of options: BuildOptions) -> String { InputDigests(options, known: nil).overall }

    /// Digest of what an output folder holds: every file's path, size and modification time
    /// (build state and marker aside), so an edit to a published file — even one that keeps its
    /// size — means the next build writes the site again.
    static func output(onDisk folder: URL) -> String { listing(of: folder).digest }

    /// What an output folder holds, for the fingerprint and the incremental build: every
    /// published path (build state and marker aside; the generation number in) and its stamp,
    /// in path order.
    struct Listing: Sendable {
        var entries: [(path: String, stamp: String)]

        var digest: String {
            var digest = Digest64()
            for entry in entries {
                digest.add(entry.path)
                digest.add(entry.stamp)
            }
            return digest.hex
        }

        /// Every published file (the generation number aside).
        var published: SortedPaths {
            SortedPaths(sorted: entries.compactMap { $0.path == OutputGenerations.generationFile ? nil : $0.path })
        }

        /// The listing after `paths` were rewritten or removed in `folder` (every other file is
        /// the same file, linked: OutputGenerations), without walking the whole folder again.
        func updated(_ paths: some Sequence<String>, in folder: URL) -> Listing {
            var next = self
            for path in paths {
                var low = 0, high = next.entries.count
                while low < high {
                    let mid = (low + high) / 2
                    if next.entries[mid].path < path { low = mid + 1 } else { high = mid }
                }
                let present = low < next.entries.count && next.entries[low].path == path
                var info = stat()
                if stat(folder.path + "/" + path, &info) == 0 {
                    let entry = (path: path, stamp: FileStamp.of(info, inode: true))
                    if present { next.entries[low] = entry } else { next.entries.insert(entry, at: low) }
                } else if present {
                    next.entries.remove(at: low)
                }
            }
            return next
        }
    }

    static func listing(of folder: URL) -> Listing {
        // The build state folder is not walked: it also holds the previous generation of the site.
        Listing(entries: FileTree.files(folder.path, includeHidden: true, skipping: [SnippetCacheStore.folderInOutput]).compactMap { file in
            file.path == OutputFolder.markerName ? nil : (file.path, FileStamp.of(file.info, inode: true))
        })
    }

    /// Where the state of a build into `output` is kept: `build.bin` inside the output's own
    /// state folder; in a folder the user names, one file per output folder, so two outputs
    /// sharing a `--cache-dir` never mistake each other's state for their own.
    static func stateFile(_ options: BuildOptions) -> URL? {
        guard let folder = options.cacheFolder else { return nil }
        if options.cacheIsInOutput { return folder.appendingPathComponent(fileName) }
        let key = SHA256.hex(options.output.standardizedFileURL.path).prefix(12)
        return folder.appendingPathComponent("build-\(key).bin")
    }
    static func load(_ file: URL) -> State? {
        FileManager.default.contents(atPath: file.path).flatMap { try? State(decoding: $0) }
    }

    static func encode(_ state: State) -> Data { state.encoded }
}

extension BuildFingerprint.State: ByteCodable {
    static let version = 1

    func write(to out: inout ByteWriter) {
        out.int(Self.version)
        out.string(fingerprint.inputs)
        out.string(fingerprint.output)
        out.array(diagnostics) { $0.value($1) }
        out.int(pageCount)
        out.int(fileCount)
        out.optional(changed) { $0.strings($1) }
    }

    init(from input: inout ByteReader) throws {
        guard try input.int() == Self.version else { throw ByteReader.Malformed() }
        fingerprint = BuildFingerprint(inputs: try input.string(), output: try input.string())
        diagnostics = try input.array { try $0.value(Diagnostic.self) }
        pageCount = try input.int()
        fileCount = try input.int()
        changed = try input.optional { try $0.strings() }
    }
}

/// Paths in `<` order, looked up by binary search: the output's 100,000 paths as a Set cost
/// more to build than an edit spends looking up a few of them.
struct SortedPaths: Sendable {
    let sorted: [String]

    func contains(_ path: String) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < path { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == path
    }

    var count: Int { sorted.count }
}

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
        let lower = changed.map { $0.lowercased() }
        // An edited image or attachment is copied again: that is a full build.
        guard lower.allSatisfy({ $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }) else { return nil }
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

/// FNV-1a, 64 bits, over a stream of strings and bytes (each ended by a 0xFF byte, which
/// UTF-8 never contains, so `ab`+`c` and `a`+`bc` differ).
struct Digest64 {
    private var h: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        var h = self.h
        for byte in raw {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        h ^= 0xFF
        self.h = h &* 0x0000_0100_0000_01B3
    }

    var hex: String { String(h, radix: 16) }
}
