// "Nothing changed since the last build": a digest of everything a build reads — every file
// of the notes folder, the config, theme overrides, `static/`, the options, the checking tools
// and the opsdocs binary itself — kept with the build state (`.opsdocs/build.json`), written
// after the new site is in place. When it matches and the output folder still holds exactly
// what that build wrote (paths, sizes, times), `opsdocs build` reports the stored diagnostics
// and writes nothing. The file records times, so unlike the site it differs between machines.

import Foundation
import OpsdocsConfig
import OpsdocsSnippets

struct BuildFingerprint: Codable, Equatable, Sendable {
    /// Digest of the inputs.
    var inputs: String
    /// Digest of the published files' paths and sizes, checked against the output folder.
    var output: String

    static let fileName = "build.json"

    /// The state a successful build leaves: its fingerprint and what it reported.
    struct State: Codable, Sendable {
        var fingerprint: BuildFingerprint
        var diagnostics: [Diagnostic]
        var pageCount: Int
        var fileCount: Int
        /// The published paths an incremental build changed (nil after a full build): what the
        /// next incremental build relinks in the previous generation (OutputGenerations).
        var changed: [String]? = nil
    }

    /// Digest of every input of a build of `options`.
    static func inputs(of options: BuildOptions) -> String { InputDigests(options).overall }

    /// Digest of what an output folder holds: every file's path, size and modification time
    /// (build state and marker aside), so an edit to a published file — even one that keeps its
    /// size — means the next build writes the site again.
    static func output(onDisk folder: URL) -> String { listing(of: folder).digest }

    /// The output fingerprint, and every published path (build state, marker and generation
    /// number aside) for the incremental build.
    static func listing(of folder: URL) -> (digest: String, published: Set<String>) {
        var digest = Digest64()
        var published: Set<String> = []
        for file in FileTree.files(folder.path, includeHidden: true)
        where !file.path.hasPrefix(SnippetCacheStore.folderInOutput + "/") && file.path != OutputFolder.markerName {
            digest.add(file.path)
            digest.add(FileStamp.of(file.info, inode: true))
            if file.path != OutputGenerations.generationFile { published.insert(file.path) }
        }
        return (digest.hex, published)
    }

    /// Where the state of a build into `output` is kept: `build.json` inside the output's own
    /// state folder; in a folder the user names, one file per output folder, so two outputs
    /// sharing a `--cache-dir` never mistake each other's state for their own.
    static func stateFile(_ options: BuildOptions) -> URL? {
        guard let folder = options.cacheFolder else { return nil }
        if options.cacheIsInOutput { return folder.appendingPathComponent(fileName) }
        let key = SHA256.hex(options.output.standardizedFileURL.path).prefix(12)
        return folder.appendingPathComponent("build-\(key).json")
    }


    static func load(_ file: URL) -> State? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDecoder().decode(State.self, from: data)
    }

    static func encode(_ state: State) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(state)) ?? Data()
    }
}

/// Every input of a build, digested file by file: what tells the incremental build which
/// notes changed, and (all together) whether anything did.
struct InputDigests: Sendable {
    /// The opsdocs binary, the checking tools, the options and the config file.
    var environment: String
    /// Notes-folder-relative path → digest of the file (notes and assets alike).
    var notes: [String: String]
    /// Digest of `theme/` and `static/` (every path and file).
    var themeAndStatic: String

    init(_ options: BuildOptions) {
        var environment = Digest64()
        environment.add("opsdocs-build-3")
        environment.add(FileStamp.of("/proc/self/exe") ?? "unknown")  // a rebuilt opsdocs rebuilds the site
        environment.add(ShellTools.detect().fingerprint)
        environment.add("\(options.source.standardizedFileURL.path)|\(options.sourceDisplay)|\(options.includeDrafts)|\(options.strict)")
        let paths = options.paths
        environment.add("config:" + paths.configFile.path)
        environment.add(FileManager.default.contents(atPath: paths.configFile.path) ?? Data("absent".utf8))
        self.environment = environment.hex
        notes = Dictionary(Self.files(paths.notes), uniquingKeysWith: { a, _ in a })
        var rest = Digest64()
        for (label, folder) in [("theme", paths.theme), ("static", paths.staticFiles)] {
            rest.add(label)
            for (rel, hex) in Self.files(folder) {
                rest.add(rel)
                rest.add(hex)
            }
        }
        themeAndStatic = rest.hex
    }

    /// Each file below `folder` read and digested on its own, on all cores, in path order.
    static func files(_ folder: URL) -> [(String, String)] {
        let root = folder.path
        return SiteCompiler.listFiles(folder).parallelMap { rel -> (String, String) in
            var one = Digest64()
            one.add(FileManager.default.contents(atPath: root + "/" + rel) ?? Data())
            return (rel, one.hex)
        }
    }

    /// One digest of everything: equal means nothing changed.
    var overall: String {
        var digest = Digest64()
        digest.add(environment)
        digest.add("notes")
        for rel in notes.keys.sorted() {
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

extension InputDigests: Codable {}

/// FNV-1a, 64 bits, over a stream of strings and bytes (each ended by a 0xFF byte, which
/// UTF-8 never contains, so `ab`+`c` and `a`+`bc` differ).
struct Digest64 {
    private var h: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) { add(Data(text.utf8)) }

    mutating func add(_ data: Data) {
        var h = self.h
        data.withUnsafeBytes { raw in
            for byte in raw {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        h ^= 0xFF
        self.h = h &* 0x0000_0100_0000_01B3
    }

    var hex: String { String(h, radix: 16) }
}
