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
    }

    /// Digest of every input of a build of `options`.
    static func inputs(of options: BuildOptions) -> String {
        var digest = Digest64()
        digest.add("opsdocs-build-2")
        digest.add(FileStamp.of("/proc/self/exe") ?? "unknown")  // a rebuilt opsdocs rebuilds the site
        digest.add(ShellTools.detect().fingerprint)
        digest.add("\(options.source.standardizedFileURL.path)|\(options.sourceDisplay)|\(options.includeDrafts)|\(options.strict)")
        let config = options.configFile ?? options.projectRoot.appendingPathComponent("opsdocs.toml")
        digest.add("config:" + config.path)
        digest.add(FileManager.default.contents(atPath: config.path) ?? Data("absent".utf8))
        for (label, folder) in [("notes", options.source), ("theme", options.projectRoot.appendingPathComponent("theme")),
                                ("static", options.projectRoot.appendingPathComponent("static"))] {
            digest.add(label)
            // Each file read and digested on its own, on all cores; the digests join in path order.
            let root = folder.path
            let files = SiteCompiler.listFiles(folder).parallelMap { rel -> (String, String) in
                var one = Digest64()
                one.add(FileManager.default.contents(atPath: root + "/" + rel) ?? Data())
                return (rel, one.hex)
            }
            for (rel, hex) in files {
                digest.add(rel)
                digest.add(hex)
            }
        }
        return digest.hex
    }

    /// Digest of what an output folder holds: every file's path, size and modification time
    /// (build state and marker aside), so an edit to a published file — even one that keeps its
    /// size — means the next build writes the site again.
    static func output(onDisk folder: URL) -> String {
        var digest = Digest64()
        for file in FileTree.files(folder.path, includeHidden: true)
        where !file.path.hasPrefix(SnippetCacheStore.folderInOutput + "/") && file.path != OutputFolder.markerName {
            digest.add(file.path)
            digest.add(FileStamp.of(file.info, inode: true))
        }
        return digest.hex
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
