// Where snippet verification results live between builds: `.opsdocs-cache/snippets.json`
// beside opsdocs.toml. The one file a build writes outside its output folder, and only
// this one; deleting the folder just makes the next build verify everything again.

import Foundation
import OpsdocsSnippets

public enum SnippetCacheStore {
    public static func url(projectRoot: URL) -> URL {
        projectRoot.appendingPathComponent(".opsdocs-cache/snippets.json")
    }

    public static func load(projectRoot: URL) -> VerificationCache {
        guard let data = FileManager.default.contents(atPath: url(projectRoot: projectRoot).path),
              let cache = try? JSONDecoder().decode(VerificationCache.self, from: data)
        else { return VerificationCache() }
        return cache
    }

    /// Writes the cache when it changed (atomically: a reader never sees half a file).
    public static func save(_ cache: VerificationCache, projectRoot: URL, previous: VerificationCache) {
        guard cache != previous else { return }
        let target = url(projectRoot: projectRoot)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(cache) else { return }
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: target, options: .atomic)
    }
}
