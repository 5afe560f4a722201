// Where snippet verification results live between builds: `.opsdocs-cache/snippets-<id>.json`
// beside opsdocs.toml, one file per source folder (each run keeps only what it used, so two
// source folders built in turn must not evict each other). The only files a build writes
// outside its output folder; deleting the folder just makes the next build verify everything again.

import Foundation
import OpsdocsSnippets

public enum SnippetCacheStore {
    public static func url(projectRoot: URL, source: URL) -> URL {
        let id = SHA256.hex(source.standardizedFileURL.path).prefix(12)
        return projectRoot.appendingPathComponent(".opsdocs-cache/snippets-\(id).json")
    }

    public static func load(projectRoot: URL, source: URL) -> VerificationCache {
        guard let data = FileManager.default.contents(atPath: url(projectRoot: projectRoot, source: source).path),
              let cache = try? JSONDecoder().decode(VerificationCache.self, from: data)
        else { return VerificationCache() }
        return cache
    }

    /// Writes the cache when it changed (atomically: a reader never sees half a file).
    public static func save(_ cache: VerificationCache, projectRoot: URL, source: URL, previous: VerificationCache) {
        guard cache != previous else { return }
        let target = url(projectRoot: projectRoot, source: source)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(cache) else { return }
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: target, options: .atomic)
    }
}
