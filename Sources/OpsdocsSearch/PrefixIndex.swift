// Search as you type: the last word of a query matches as a prefix (`kubead` finds kubeadm)
// when no indexed word is spelled exactly so. The index keeps every Latin word of four or
// more characters under its first three (`prefix/N.json.gz`: `{"kub":["kubeadm","kubectl",…]}`,
// N = FNV(first three) mod the prefix shard count), so a query fetches one small file more.

import Foundation

enum PrefixIndex {
    /// Characters a prefix must have before it is expanded (and the length of the file key).
    static let keyLength = 3
    /// Completions a prefix stands for: the shortest words that start with it.
    static let completions = 4
    /// Target size of one prefix file before compression (about 9 KB as stored).
    static let shardBytes = 32_000

    /// Words worth completing: they start with a Latin letter or digit and are longer than a key.
    static func isCompletable(_ token: String) -> Bool { startsLatin(token) && token.count > keyLength }

    static func key(_ token: String) -> String { String(token.prefix(keyLength)) }

    /// Prefix shard files for `tokens` (every indexed token), and how many there are.
    static func files(_ tokens: [String]) -> (files: [String: Data], count: Int, bytes: Int) {
        var byKey: [String: [String]] = [:]
        var bytes = 0
        for token in tokens where isCompletable(token) {
            byKey[key(token), default: []].append(token)
            bytes += Self.bytes(token)
        }
        let count = fileCount(forBytes: bytes)
        var shards = [[String: [String]]](repeating: [:], count: count)
        for (key, words) in byKey { shards[shard(key, count)][key] = words.sorted() }
        var files: [String: Data] = [:]
        for (i, shard) in shards.enumerated() { files[path(i)] = Gzip.compress(SearchIndexBuilder.json(shard)) }
        return (files, count, bytes)
    }

    /// Prefix files needed for `bytes` of words.
    static func fileCount(forBytes bytes: Int) -> Int {
        var count = 1
        while bytes / count > shardBytes { count *= 2 }
        return count
    }

    /// What a word adds to its prefix file, for sizing the files.
    static func bytes(_ token: String) -> Int { isCompletable(token) ? token.utf8.count + 3 : 0 }

    /// Prefix file `number` (gzip-compressed JSON).
    static func path(_ number: Int) -> String { "prefix/\(number).json.gz" }

    static func shard(_ key: String, _ count: Int) -> Int { Int(FNV.hash(key) % UInt32(count)) }

    /// The completions of `prefix` in a prefix file: the `limit` shortest, then alphabetical.
    /// `keyLength` and `limit` come from the index's metadata (the browser reads the same).
    static func completions(of prefix: String, in shard: [String: [String]], keyLength: Int, limit: Int) -> [String] {
        let words = (shard[String(prefix.prefix(keyLength))] ?? []).filter { $0.hasPrefix(prefix) && $0 != prefix }
        return Array(words.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit))
    }

    /// A word that starts like one the index completes: a Latin letter or a digit first.
    static func startsLatin(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.isASCII else { return false }
        return first.properties.isAlphabetic || ("0"..."9").contains(first)
    }

    /// Adds and removes words in the prefix files of an index (the preview's in-place update).
    static func update(appeared: Set<String>, vanished: Set<String>, in index: inout SearchIndexFiles) -> [String] {
        var byShard: [Int: (add: [String], remove: [String])] = [:]
        for token in appeared where isCompletable(token) { byShard[shard(key(token), index.prefixShardCount), default: ([], [])].add.append(token) }
        for token in vanished where isCompletable(token) { byShard[shard(key(token), index.prefixShardCount), default: ([], [])].remove.append(token) }
        var changed: [String] = []
        for (number, change) in byShard.sorted(by: { $0.key < $1.key }) {
            let path = path(number)
            var shard: [String: [String]] = SearchIndexBuilder.decodedJSON(index.file(path)) ?? [:]
            for token in change.add where !(shard[key(token)] ?? []).contains(token) { shard[key(token), default: []].append(token) }
            for token in change.remove { shard[key(token)]?.removeAll { $0 == token } }
            for (k, words) in shard { shard[k] = words.isEmpty ? nil : words.sorted() }
            let data = Gzip.compress(SearchIndexBuilder.json(shard))
            if index.file(path) != data {
                index.files[path] = data
                changed.append(path)
            }
        }
        return changed
    }
}
