// Where snippet verification results live between builds: `verification.json` in the build's
// state folder, which is `<output>/.opsdocs/` (written into the staging folder, so it is
// swapped in with the site and a failed build leaves it as it was) or a folder the user
// names with `--cache-dir` (a CI cache). Deleting it only makes the next build verify again.
// A cache that cannot be read or written is a warning, never silent.

import Foundation
import OpsdocsConfig
import OpsdocsSnippets

public enum SnippetCacheStore {
    /// The state folder inside an output folder: hidden, never part of what is deployed.
    public static let folderInOutput = ".opsdocs"
    static let fileName = "verification.json"
    /// The cache's path inside an output folder (written with the site's files).
    static let pathInOutput = folderInOutput + "/" + fileName

    /// The default state folder of a build into `output`.
    public static func defaultFolder(output: URL) -> URL {
        output.standardizedFileURL.appendingPathComponent(folderInOutput)
    }

    /// The cache in `folder`; an empty one (and a warning when a file was there but could
    /// not be used) otherwise.
    static func load(from folder: URL) -> (VerificationCache, [Diagnostic]) {
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return (VerificationCache(), []) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return (VerificationCache(), [.warning(file.path, kind: "cache", "cannot read the verification cache; every snippet is verified again")])
        }
        guard let cache = try? JSONDecoder().decode(VerificationCache.self, from: data) else {
            return (VerificationCache(), [.warning(file.path, kind: "cache", "the verification cache is not one this opsdocs can read; every snippet is verified again")])
        }
        return (cache, [])
    }

    /// The cache as bytes (sorted keys: two builds of the same notes write the same file).
    static func encode(_ cache: VerificationCache) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(cache)) ?? Data("{}".utf8)
    }

    /// Writes the cache into a folder of the user's (atomically: a reader never sees half a file).
    static func save(_ cache: VerificationCache, to folder: URL) -> [Diagnostic] {
        let file = folder.appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let data = encode(cache)
            if FileManager.default.contents(atPath: file.path) == data { return [] }
            try data.write(to: file, options: .atomic)
            return []
        } catch {
            return [.warning(file.path, kind: "cache", "cannot write the verification cache: \(error.localizedDescription)")]
        }
    }
}
