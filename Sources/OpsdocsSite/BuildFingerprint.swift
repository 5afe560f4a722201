// "Nothing changed since the last build": a digest of everything a build reads — every file
// of the notes folder, the config, theme overrides, `static/`, the options, the checking tools
// and the opsdocs binary itself — kept with the build state (`.opsdocs/build.json`). When it
// matches and the output folder still holds exactly what that build wrote, `opsdocs build`
// reports the stored diagnostics and writes nothing.

import Foundation
import Glibc
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
        digest.add("opsdocs-build-1")
        digest.add(executableIdentity())
        digest.add(ShellTools.detect().fingerprint)
        digest.add("\(options.source.standardizedFileURL.path)|\(options.sourceDisplay)|\(options.includeDrafts)|\(options.strict)")
        let config = options.configFile ?? options.projectRoot.appendingPathComponent("opsdocs.toml")
        digest.add("config:" + config.path)
        digest.add(FileManager.default.contents(atPath: config.path) ?? Data("absent".utf8))
        for (label, folder) in [("notes", options.source), ("theme", options.projectRoot.appendingPathComponent("theme")),
                                ("static", options.projectRoot.appendingPathComponent("static"))] {
            digest.add(label)
            for rel in allFiles(folder) {
                digest.add(rel)
                digest.add(FileManager.default.contents(atPath: folder.appendingPathComponent(rel).path) ?? Data())
            }
        }
        return digest.hex
    }

    /// Digest of a site's published paths and sizes (build state and marker excluded).
    static func output(files: [String: Data], copies: [String: URL]) -> String {
        var sizes: [String: Int] = [:]
        for (path, data) in files { sizes[path] = data.count }
        for (path, source) in copies {
            sizes[path] = (try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int) ?? -1
        }
        return digest(of: sizes)
    }

    /// The same digest, read back from an output folder on disk.
    static func output(onDisk folder: URL) -> String {
        var sizes: [String: Int] = [:]
        for rel in allFiles(folder, includeHidden: true) where !rel.hasPrefix(SnippetCacheStore.folderInOutput + "/")
            && rel != OutputFolder.markerName
        {
            var info = stat()
            sizes[rel] = stat(folder.appendingPathComponent(rel).path, &info) == 0 ? Int(info.st_size) : -1
        }
        return digest(of: sizes)
    }

    private static func digest(of sizes: [String: Int]) -> String {
        var digest = Digest64()
        for path in sizes.keys.sorted() where !path.hasPrefix(SnippetCacheStore.folderInOutput + "/") {
            digest.add(path)
            digest.add(String(sizes[path] ?? 0))
        }
        return digest.hex
    }

    /// Every regular file below `folder`, relative and sorted (hidden ones skipped unless asked).
    private static func allFiles(_ folder: URL, includeHidden: Bool = false) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [String] = []
        while let rel = enumerator.nextObject() as? String {
            if !includeHidden, rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var info = stat()
            if stat(folder.appendingPathComponent(rel).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { out.append(rel) }
        }
        return out.sorted()
    }

    /// The running binary's size and modification time: a rebuilt opsdocs rebuilds the site.
    private static func executableIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown" }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    static func load(from folder: URL) -> State? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else { return nil }
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
