// Replaces one page's documents in a built index without rebuilding it: the preview's and
// the incremental build's path from "a note changed" to "its search shards are current".
// Only the shards holding a token of a changed section are parsed and rewritten.
//
// The result is byte for byte what a full build of the same notes writes. Where an update
// cannot know that (the quantized field averages or the number of shards or prefix files
// would move, or a capped token ran out of reserve postings), it returns nil and the caller
// indexes everything again.

import Foundation
import OpsdocsConfig

public enum SearchIndexUpdater {
    /// Swaps the documents of the page at `url` (`old` as last indexed, `new` now) and returns
    /// the paths under `search/` it rewrote. Returns nil, with `index` untouched, when only a
    /// full build can give the exact result (see the file comment), when the page is new to
    /// the index, or when it has more sections than a document id can number.
    public static func replacePage(url: String, old: [SearchDocument], new: [SearchDocument],
                                   in index: inout SearchIndexFiles) -> [String]?
    {
        let limit = (1 << SearchIndexBuilder.sectionBits) - 1
        guard let page = index.pageNumbers[url], old.count < limit, new.count < limit, !new.isEmpty,
              index.lengthSums.count == 5 else { return nil }
        func id(_ section: Int) -> Int { page << SearchIndexBuilder.sectionBits | section }

        // Only sections whose text changed move postings; an unchanged section keeps its weights.
        var changedOld: [Int: SearchIndexBuilder.TermCounts] = [:], changedNew: [Int: SearchIndexBuilder.TermCounts] = [:]
        for section in 0..<max(old.count, new.count) {
            let before = section < old.count ? old[section] : nil, after = section < new.count ? new[section] : nil
            if before == after { continue }
            if let before { changedOld[section] = SearchIndexBuilder.termCounts(before) }
            if let after { changedNew[section] = SearchIndexBuilder.termCounts(after) }
        }
        // The averages every weight is computed with must stay what a full build would compute.
        var sums = index.lengthSums
        for counts in changedOld.values { for f in 0..<5 { sums[f] -= counts.lengths[f] } }
        for counts in changedNew.values { for f in 0..<5 { sums[f] += counts.lengths[f] } }
        let documentCount = index.documentCount - old.count + new.count
        let averages = index.fieldAverages
        guard SearchIndexBuilder.quantizedAverages(sums, documents: documentCount) == averages else { return nil }

        var removed: [String: Set<Int>] = [:], added: [String: [(Int, Int)]] = [:]
        for (section, counts) in changedOld {
            for (token, _) in SearchIndexBuilder.weighted(counts, averages: averages) { removed[token, default: []].insert(id(section)) }
        }
        for (section, counts) in changedNew {
            for (token, weight) in SearchIndexBuilder.weighted(counts, averages: averages) {
                added[token, default: []].append((id(section), weight))
            }
        }
        var byShard: [Int: Set<String>] = [:]
        for token in Set(removed.keys).union(added.keys) {
            byShard[Int(FNV.hash(token) % UInt32(index.shardCount)), default: []].insert(token)
        }

        let shards = byShard.sorted { $0.key < $1.key }
        let current = index, reserve = index.reserve, removals = removed, additions = added  // copies for the workers
        let rewritten: [ShardUpdate?] = shards.parallelMap { shard, tokens in
            let path = SearchIndexBuilder.shardPath(shard)
            var update = ShardUpdate(path: path, data: Data())
            var postings = current.file(path).flatMap(Gzip.decompress).flatMap(ShardParser.parse) ?? [:]
            for token in tokens.sorted() {
                let before = postings[token]
                guard let after = updatedPostings(before ?? [0], reserve: reserve[token] ?? [],
                                                  removing: removals[token] ?? [], adding: additions[token] ?? [])
                else { return nil }
                postings[token] = after.flat
                update.reserve[token] = after.reserve
                let bytesBefore = before.map { SearchIndexBuilder.estimatedBytes(token, $0) } ?? 0
                update.postingBytes += (after.flat.map { SearchIndexBuilder.estimatedBytes(token, $0) } ?? 0) - bytesBefore
                if before == nil && after.flat != nil { update.appeared.append(token) }
                if before != nil && after.flat == nil { update.vanished.append(token) }
            }
            update.data = Gzip.compress(SearchIndexBuilder.shardJSON(postings))
            return update
        }
        let updates = rewritten.compactMap { $0 }
        guard updates.count == rewritten.count else { return nil }
        // The numbers of shards and prefix files follow the index's size: they must not move.
        let postingBytes = index.postingBytes + updates.reduce(0) { $0 + $1.postingBytes }
        let appeared = Set(updates.flatMap(\.appeared)), vanished = Set(updates.flatMap(\.vanished))
        let prefixBytes = index.prefixBytes + appeared.reduce(0) { $0 + PrefixIndex.bytes($1) }
            - vanished.reduce(0) { $0 + PrefixIndex.bytes($1) }
        guard SearchIndexBuilder.shardCount(forBytes: postingBytes) == index.shardCount,
              PrefixIndex.fileCount(forBytes: prefixBytes) == index.prefixShardCount
        else { return nil }
        // The page's rows, in the file it shares with its neighbours (their rows kept as they are).
        guard let rowsFile = rowsFile(page: page, new: new, in: index) else { return nil }
        index.lengthSums = sums
        index.postingBytes = postingBytes
        index.prefixBytes = prefixBytes
        for update in updates {
            for (token, spare) in update.reserve { index.reserve[token] = spare.isEmpty ? nil : spare }
        }
        let rewrittenFiles = updates.map { ($0.path, $0.data) }

        var changed: [String] = []
        for (path, data) in rewrittenFiles where index.file(path) != data {
            index.files[path] = data
            changed.append(path)
        }
        // Words new to the site, or gone from it, in the prefix files.
        changed += PrefixIndex.update(appeared: appeared, vanished: vanished, in: &index)
        if index.file(rowsFile.path) != rowsFile.data {
            index.files[rowsFile.path] = rowsFile.data
            changed.append(rowsFile.path)
        }
        if new.count != old.count {
            index.documentCount = documentCount
            let meta = SearchMeta.current(documents: index.documentCount, shards: index.shardCount,
                                          prefixShards: index.prefixShardCount)
            index.files["index.json"] = SearchIndexBuilder.json(meta)
            changed.append("index.json")
        }
        return changed.sorted()
    }

    /// The rows file of `page`'s chunk with the page's rows replaced by `new`'s: the other
    /// pages' rows as read from the file, the whole encoded as a full build encodes it (sorted
    /// keys). nil when the file cannot be read.
    static func rowsFile(page: Int, new: [SearchDocument], in index: SearchIndexFiles) -> (path: String, data: Data)? {
        let sectionBits = SearchIndexBuilder.sectionBits
        let path = SearchIndexBuilder.rowsPath((page << sectionBits) >> SearchIndexBuilder.chunkBits)
        guard var rows: [String: [String]] = SearchIndexBuilder.decodedJSON(index.file(path)) else { return nil }
        rows = rows.filter { Int($0.key).map { $0 >> sectionBits != page } ?? true }
        for (section, doc) in new.enumerated() {
            rows[String(page << sectionBits | section)] = SearchIndexBuilder.metadataRow(doc)
        }
        return (path, Gzip.compress(SearchIndexBuilder.json(rows)))
    }

    /// One shard's new bytes and what changed in it.
    struct ShardUpdate: Sendable {
        var path: String
        var data: Data
        var reserve: [String: [Int]] = [:]
        var postingBytes = 0
        var appeared: [String] = []
        var vanished: [String] = []
    }

    /// A token's postings (`[df, doc, weight, …]` as published, and its reserve) with the
    /// documents `removing` taken out and `adding` put in, exactly as a full build would have
    /// them; nil when the reserve cannot say (too few postings known below the cap).
    /// `flat` nil: no document has the token any more.
    static func updatedPostings(_ flat: [Int], reserve: [Int], removing: Set<Int>, adding: [(Int, Int)])
        -> (flat: [Int]?, reserve: [Int])?
    {
        var known: [(Int, Int)] = []
        var i = 1
        while i + 1 < flat.count { known.append((flat[i], flat[i + 1])); i += 2 }
        i = 0
        while i + 1 < reserve.count { known.append((reserve[i], reserve[i + 1])); i += 2 }
        var df = flat.first ?? 0
        // Every posting ranked above `boundary` is known; below it only their number is.
        let complete = df == known.count
        known.sort(by: SearchIndexBuilder.ranksBefore)
        let boundary = known.last
        known.removeAll { removing.contains($0.0) }
        df -= removing.count
        for posting in adding {
            df += 1
            if complete || boundary.map({ SearchIndexBuilder.ranksBefore(posting, $0) }) == true { known.append(posting) }
        }
        guard df > 0 else { return (nil, []) }
        guard known.count >= min(df, SearchWeights.maxPostings) else { return nil }
        known.sort(by: SearchIndexBuilder.ranksBefore)
        let kept = known.prefix(SearchWeights.maxPostings).sorted { $0.0 < $1.0 }
        let spare = known.dropFirst(SearchWeights.maxPostings).prefix(SearchWeights.reservePostings)
        return (SearchIndexBuilder.flatPostings(df: df, Array(kept)), spare.flatMap { [$0.0, $0.1] })
    }
}
