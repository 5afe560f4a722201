// Replaces one page's documents in a built index without rebuilding it: the preview
// server's path from "a note was saved" to "its search shards are current". Only the
// shards holding a token of a changed section are parsed and rewritten.
//
// Field averages and the shard count stay as the last full build left them, and a token
// whose postings were capped does not get back the ones the cap dropped. So an updated
// index can rank a little differently from a fresh build of the same notes; the next full
// build (any `opsdocs build`) is exact.

import Foundation
import OpsdocsConfig

public enum SearchIndexUpdater {
    /// Swaps the documents of the page at `url` (`old` as last indexed, `new` now) and returns
    /// the paths under `search/` it rewrote. Returns nil when only a full build can do it: the
    /// page is new to the index or has more sections than a document id can number.
    public static func replacePage(url: String, old: [SearchDocument], new: [SearchDocument],
                                   in index: inout SearchIndexFiles) -> [String]?
    {
        let limit = 1 << SearchIndexBuilder.sectionBits
        guard let page = index.pageNumbers[url], old.count < limit, new.count < limit, !new.isEmpty else { return nil }
        let averages = index.fieldAverages
        func id(_ section: Int) -> Int { page << SearchIndexBuilder.sectionBits | section }

        // Only sections whose text changed move postings; an unchanged section keeps its weights.
        var removed: [String: Set<Int>] = [:], added: [String: [(Int, Int)]] = [:]
        for section in 0..<max(old.count, new.count) {
            let before = section < old.count ? old[section] : nil, after = section < new.count ? new[section] : nil
            if before == after { continue }
            if let before {
                for (token, _) in SearchIndexBuilder.weighted(SearchIndexBuilder.termCounts(before), averages: averages) {
                    removed[token, default: []].insert(id(section))
                }
            }
            if let after {
                for (token, weight) in SearchIndexBuilder.weighted(SearchIndexBuilder.termCounts(after), averages: averages) {
                    added[token, default: []].append((id(section), weight))
                }
            }
        }
        var byShard: [Int: Set<String>] = [:]
        for token in Set(removed.keys).union(added.keys) {
            byShard[Int(FNV.hash(token) % UInt32(index.shardCount)), default: []].insert(token)
        }

        let shards = byShard.sorted { $0.key < $1.key }
        let current = index.files, removals = removed, additions = added  // immutable copies for the workers
        let rewritten: [(String, Data, appeared: [String], vanished: [String])] = shards.parallelMap { shard, tokens in
            let path = "shards/\(shard).json"
            var postings = current[path].flatMap(ShardParser.parse) ?? [:]
            var appeared: [String] = [], vanished: [String] = []
            for token in tokens {
                let existed = postings[token] != nil
                defer {
                    if existed && postings[token] == nil { vanished.append(token) }
                    if !existed && postings[token] != nil { appeared.append(token) }
                }
                let flat = postings[token] ?? [0]
                var df = flat.first ?? 0
                var list: [(Int, Int)] = []
                var i = 1
                while i + 1 < flat.count {
                    if !(removals[token]?.contains(flat[i]) ?? false) { list.append((flat[i], flat[i + 1])) }
                    i += 2
                }
                df -= removals[token]?.count ?? 0
                let fresh = additions[token] ?? []
                df += fresh.count
                list = SearchIndexBuilder.capped((list + fresh).sorted { $0.0 < $1.0 })
                if df <= 0 || list.isEmpty {
                    postings[token] = nil
                } else {
                    postings[token] = [df] + list.flatMap { [$0.0, $0.1] }
                }
            }
            return (path, SearchIndexBuilder.shardJSON(postings), appeared, vanished)
        }

        var changed: [String] = []
        for (path, data, _, _) in rewritten where index.files[path] != data {
            index.files[path] = data
            changed.append(path)
        }
        // Words new to the site, or gone from it, in the prefix files.
        changed += PrefixIndex.update(appeared: Set(rewritten.flatMap(\.appeared)), vanished: Set(rewritten.flatMap(\.vanished)),
                                      in: &index)
        // The page's rows: every chunk its old or new sections fall in (chunks hold one page's rows only).
        var rows: [Int: [String: [String]]] = [:]
        for section in 0..<max(old.count, new.count) { rows[id(section) >> SearchIndexBuilder.chunkBits] = [:] }
        for (section, doc) in new.enumerated() {
            rows[id(section) >> SearchIndexBuilder.chunkBits, default: [:]][String(id(section))] = SearchIndexBuilder.metadataRow(doc)
        }
        for (chunk, chunkRows) in rows.sorted(by: { $0.key < $1.key }) {
            let path = SearchIndexBuilder.rowsPath(chunk)
            let data = SearchIndexBuilder.json(chunkRows)
            if index.files[path] != data {
                index.files[path] = data
                changed.append(path)
            }
        }
        if new.count != old.count {
            index.documentCount += new.count - old.count
            let meta = SearchMeta.current(documents: index.documentCount, shards: index.shardCount,
                                          prefixShards: index.prefixShardCount)
            index.files["index.json"] = SearchIndexBuilder.json(meta)
            changed.append("index.json")
        }
        return changed.sorted()
    }
}
