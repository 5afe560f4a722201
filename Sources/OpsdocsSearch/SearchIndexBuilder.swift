// Builds the search index files from section documents: postings with their BM25F weight
// already computed, split into shards by token hash so a query fetches only its tokens'
// shards, and document metadata in small chunks fetched only for the results shown.

import Foundation
import OpsdocsConfig

public struct SearchIndexFiles: Sendable {
    /// Path under `search/` → contents.
    public var files: [String: Data]
    public var documentCount: Int
    public var shardCount: Int
    /// Average token count per field (quantized, see `quantizedAverage`), in every posting's weight.
    public var fieldAverages: [Double]
    /// Total tokens per field over all documents: what the averages are computed from, kept so
    /// an update knows whether they moved.
    public var lengthSums: [Int] = []
    /// Estimated bytes of all postings and of all prefix-file words: what decides the number of
    /// shards and prefix files.
    public var postingBytes = 0
    public var prefixBytes = 0
    /// For a token whose postings were capped: the next best ones after those published,
    /// `[doc, weight, …]`, up to `SearchWeights.reservePostings`. An update that removes one
    /// of the published postings promotes the best of these, as a full build would.
    public var reserve: [String: [Int]] = [:]
    /// Page URL → page number (the high bits of its documents' ids).
    public var pageNumbers: [String: Int]
    /// Files under `prefix/` (PrefixIndex).
    public var prefixShardCount: Int
    /// Reads a published index file that `files` does not hold: the incremental build keeps
    /// the index on disk and loads only the files an edit touches.
    public var reader: (@Sendable (String) -> Data?)? = nil

    /// The file at `path` (under `search/`), in memory or on disk.
    public func file(_ path: String) -> Data? { files[path] ?? reader?(path) }
}

/// Everything of a built index but its files: what the incremental build keeps between runs
/// to update the published files in place.
public struct SearchIndexState: Sendable, ByteCodable {
    var documentCount: Int
    var shardCount: Int
    var fieldAverages: [Double]
    var lengthSums: [Int]
    var postingBytes: Int
    var prefixBytes: Int
    var reserve: [String: [Int]]
    var pageNumbers: [String: Int]
    var prefixShardCount: Int

    public init(_ index: SearchIndexFiles) {
        documentCount = index.documentCount
        shardCount = index.shardCount
        fieldAverages = index.fieldAverages
        lengthSums = index.lengthSums
        postingBytes = index.postingBytes
        prefixBytes = index.prefixBytes
        reserve = index.reserve
        pageNumbers = index.pageNumbers
        prefixShardCount = index.prefixShardCount
    }

    public func write(to out: inout ByteWriter) {
        for n in [documentCount, shardCount, postingBytes, prefixBytes, prefixShardCount] { out.int(n) }
        out.array(fieldAverages) { $0.double($1) }
        out.ints(lengthSums)
        out.dictionary(reserve) { $0.ints($1) }
        out.dictionary(pageNumbers) { $0.int($1) }
    }

    public init(from input: inout ByteReader) throws {
        documentCount = try input.int()
        shardCount = try input.int()
        postingBytes = try input.int()
        prefixBytes = try input.int()
        prefixShardCount = try input.int()
        fieldAverages = try input.array { try $0.double() }
        lengthSums = try input.ints()
        reserve = try input.dictionary { try $0.ints() }
        pageNumbers = try input.dictionary { try $0.int() }
    }

    /// The index with no files in memory: each is read with `reader` when needed.
    public func index(reader: @escaping @Sendable (String) -> Data?) -> SearchIndexFiles {
        SearchIndexFiles(files: [:], documentCount: documentCount, shardCount: shardCount, fieldAverages: fieldAverages,
                         lengthSums: lengthSums, postingBytes: postingBytes, prefixBytes: prefixBytes, reserve: reserve,
                         pageNumbers: pageNumbers, prefixShardCount: prefixShardCount, reader: reader)
    }
}

public enum SearchIndexBuilder {
    public static let version = 5
    /// A document's row (URL, titles, text) is in `search/docs/(id >> chunkBits).json.gz`: the
    /// rows of four consecutive pages' sections per file. Compressed, four pages' rows are about
    /// 10 KB, one request for a result as a page's alone was, and a site has a quarter as many
    /// files to create (2,500 at 10,000 pages, not 10,000: each new file costs the file system
    /// more than its bytes do).
    public static let chunkBits = sectionBits + pagesPerChunkBits
    /// log2 of the pages whose rows share a file.
    static let pagesPerChunkBits = 2
    /// A document's id is `page << sectionBits | section`, so the page of a hit is known
    /// without fetching anything (results are grouped by page before any metadata is loaded).
    public static let sectionBits = 8
    /// Target size of one shard file before compression (about 14 KB as stored): a query's
    /// few shards are one request each, and a site of 10,000 pages has 4,096 shards, not 16,384.
    static let shardBytes = 32_000
    /// Code points of a section's text kept for its excerpt (Excerpt picks the stretch shown).
    static let storedTextLength = 600

    public static func build(_ documents: [SearchDocument]) -> SearchIndexFiles {
        // Ids: sections of one page share its page number (documents arrive grouped by page).
        var ids: [Int] = []
        var page = -1, section = 0
        var previousPage: String?
        for doc in documents {
            let pageURL = pageURL(doc)
            if pageURL != previousPage || section == (1 << sectionBits) - 1 {
                page += 1
                section = 0
                previousPage = pageURL
            } else {
                section += 1
            }
            ids.append(page << sectionBits | section)
        }

        // Pages: consecutive runs of documents.
        var pageStarts: [Int] = []
        for index in ids.indices where index == 0 || ids[index] >> sectionBits != ids[index - 1] >> sectionBits {
            pageStarts.append(index)
        }
        let pageRanges = pageStarts.indices.map { pageStarts[$0]..<(pageStarts.indices.contains($0 + 1) ? pageStarts[$0 + 1] : documents.count) }
        // Counted on all cores, in runs of whole pages (CountedRun: each token's string is
        // hashed once per occurrence, into the run's own vocabulary, and nothing per section is
        // a dictionary).
        let runCount = min(pageRanges.count, 64)
        var runs: [CountedRun] = Array(0..<runCount).parallelMap { run in
            let first = pageRanges.count * run / runCount, last = pageRanges.count * (run + 1) / runCount
            return CountedRun.count(documents, pages: pageRanges[first..<last])
        }
        var lengthSums = [Int](repeating: 0, count: 5)
        for run in runs { for (i, length) in run.lengths.enumerated() { lengthSums[i % 5] += Int(length) } }
        let averages = quantizedAverages(lengthSums, documents: documents.count)

        // Postings, built on all cores: tokens go to 8 buckets by hash, each bucket gives its
        // tokens ids of its own and collects their postings from every run in document order.
        let buckets = collectPostings(runs, ids: ids, averages: averages)
        runs = []  // (the counts are in the buckets now)
        let totalBytes = buckets.reduce(0) { $0 + $1.bytes }
        let shardCount = shardCount(forBytes: totalBytes)
        var members = [[(bucket: Int, token: Int)]](repeating: [], count: shardCount)
        for (b, bucket) in buckets.enumerated() {
            for (t, hash) in bucket.hashes.enumerated() { members[Int(hash % UInt32(shardCount))].append((b, t)) }
        }

        var files: [String: Data] = [:]
        // Shards are the bulk of the index: written by hand (JSONEncoder is 20× slower here).
        let encoded = members.parallelMap { shard in
            Gzip.compress(shardJSON(shard.sorted { buckets[$0.bucket].tokens[$0.token] < buckets[$1.bucket].tokens[$1.token] }
                .map { (buckets[$0.bucket], $0.token) }))
        }
        for (i, data) in encoded.enumerated() { files[shardPath(i)] = data }
        // Rows, a chunk at a time on all cores (ids ascend, so a chunk's documents are consecutive):
        // at 10,000 pages there are 2,500 of these files, and all rows at once are 100 MB.
        var chunkStarts: [Int] = []
        for index in ids.indices where index == 0 || ids[index] >> chunkBits != ids[index - 1] >> chunkBits {
            chunkStarts.append(index)
        }
        let starts = chunkStarts, documentIDs = ids  // immutable copies for the workers
        let encodedChunks = Array(starts.indices).parallelMap { n in
            let range = starts[n]..<(n + 1 < starts.count ? starts[n + 1] : documents.count)
            var rows: [String: [String]] = [:]
            for index in range { rows[String(documentIDs[index])] = metadataRow(documents[index]) }
            return (rowsPath(documentIDs[range.lowerBound] >> chunkBits), Gzip.compress(json(rows)))
        }
        for (path, data) in encodedChunks { files[path] = data }
        let prefixes = PrefixIndex.files(buckets.flatMap(\.tokens))
        for (path, data) in prefixes.files { files[path] = data }
        let meta = SearchMeta.current(documents: documents.count, shards: shardCount, prefixShards: prefixes.count)
        files["index.json"] = json(meta)
        var pageNumbers: [String: Int] = [:]
        for (index, doc) in documents.enumerated() { pageNumbers[pageURL(doc)] = pageNumbers[pageURL(doc)] ?? ids[index] >> sectionBits }
        var reserve: [String: [Int]] = [:]
        for bucket in buckets { for (token, spare) in bucket.reserve { reserve[bucket.tokens[token]] = spare } }
        return SearchIndexFiles(files: files, documentCount: documents.count, shardCount: shardCount,
                                fieldAverages: averages, lengthSums: lengthSums, postingBytes: totalBytes,
                                prefixBytes: prefixes.bytes, reserve: reserve, pageNumbers: pageNumbers,
                                prefixShardCount: prefixes.count)
    }

    /// Per bucket (tokens by hash, 8 buckets on all cores): its tokens, with ids of its own, and
    /// their published postings (the best ones when capped), collected from every run in
    /// document order.
    static func collectPostings(_ runs: [CountedRun], ids: [Int], averages: [Double]) -> [BucketPostings] {
        let bucketCount = 8
        // Per bucket: its tokens and their published postings (the best ones when capped), flat.
        return Array(0..<bucketCount).parallelMap { bucket in
            var table = TokenTable()
            var hashes: [UInt32] = []
            // (doc, weight) as 32-bit pairs: half the memory of a site's postings while they are collected
            var postings: [[(Int32, Int32)]] = []
            var remap: [Int32] = []
            for run in runs {
                remap.removeAll(keepingCapacity: true)
                for (local, token) in run.vocabulary.enumerated() {
                    guard Int(run.hashes[local] % UInt32(bucketCount)) == bucket else { remap.append(-1); continue }
                    let (id, isNew) = table.id(token)
                    if isNew {
                        postings.append([])
                        hashes.append(run.hashes[local])
                    }
                    remap.append(id)
                }
                for doc in 0..<run.entryStarts.count - 1 {
                    let docID = ids[run.firstDocument + doc]
                    let lengths = run.lengths[doc * 5..<doc * 5 + 5]
                    for entry in Int(run.entryStarts[doc])..<Int(run.entryStarts[doc + 1]) {
                        let id = remap[Int(run.entries[entry])]
                        guard id >= 0 else { continue }
                        let weight = weight({ run.frequency(entry, $0) }, lengths: lengths, averages: averages)
                        postings[Int(id)].append((Int32(docID), Int32(weight)))
                    }
                }
            }
            var out = BucketPostings(tokens: table.tokens, hashes: hashes)
            for id in postings.indices {
                let all = postings[id].map { (Int($0.0), Int($0.1)) }
                postings[id] = []  // released as it is flattened
                let (list, spare) = capped(all)
                out.add(token: id, df: all.count, list, reserve: spare)
            }
            return out
        }
    }

    /// Shards needed for `bytes` of postings.
    static func shardCount(forBytes bytes: Int) -> Int {
        var count = 1
        while bytes / count > shardBytes { count *= 2 }
        return count
    }

    /// A field's average length, rounded to a step of 1/32 of an octave (about 2 %): the
    /// ranking cannot tell the difference, and an edit almost never moves it, so the preview
    /// and the incremental build can update postings in place and still write what a full
    /// build writes (when it does move, they index everything again).
    static func quantizedAverages(_ sums: [Int], documents: Int) -> [Double] {
        sums.map { sum in
            let average = max(1, Double(sum) / Double(max(1, documents)))
            return exp2((log2(average) * 32).rounded() / 32)
        }
    }

    /// `[df, doc, weight, …]`: a token's entry in its shard.
    static func flatPostings(df: Int, _ list: [(Int, Int)]) -> [Int] {
        var flat = [df]
        flat.reserveCapacity(list.count * 2 + 1)
        for (doc, weight) in list { flat.append(doc); flat.append(weight) }
        return flat
    }

    /// What a token's entry adds to its shard, for sizing the shards.
    static func estimatedBytes(_ token: String, _ flat: [Int]) -> Int {
        token.utf8.count + 5 + flat.reduce(0) { $0 + decimalLength($1) + 1 }
    }

    /// An index file other than a shard (metadata rows, prefix files, `index.json`): keys sorted,
    /// so two builds write the same bytes.
    static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// An index file (prefix file, rows) read back: inflated and decoded; nil when it is missing
    /// or unreadable.
    static func decodedJSON<T: Decodable>(_ stored: Data?) -> T? {
        stored.flatMap(Gzip.decompress).flatMap { try? JSONDecoder().decode(T.self, from: $0) }
    }

    /// The file holding the metadata rows of chunk `id >> chunkBits` (gzip-compressed JSON, as
    /// every index file but `index.json`).
    static func rowsPath(_ chunk: Int) -> String { "docs/\(chunk).json.gz" }
    /// Shard `number`: the postings of the tokens whose hash falls in it.
    static func shardPath(_ number: Int) -> String { "shards/\(number).json.gz" }

    /// Per field: how often each token occurs, and the field's length in tokens.
    /// SIMD8 as five inline counters: no heap allocation per distinct token.
    /// Kept for every section until the postings are built, so kept small: tokens and their
    /// five per-field counts in flat arrays, not the dictionary they were counted in (at 2,000
    /// notes the dictionaries were most of the index's memory).
    struct TermCounts: Sendable {
        var tokens: [String]
        /// Five counts per token, in field order.
        var perField: [UInt32]
        var lengths: [Int]
    }

    /// `shared`: the tokens of the title and tags (fields 0 and 2) when already known.
    static func termCounts(_ doc: SearchDocument, shared: [[String]]? = nil) -> TermCounts {
        var tf: [String: SIMD8<Int32>] = [:]
        var lengths = [Int](repeating: 0, count: 5)
        for (field, text) in doc.fields.enumerated() {
            let tokens = (field == 0 || field == 2) ? shared?[field] ?? Tokenizer.indexTokens(text) : Tokenizer.indexTokens(text)
            lengths[field] = tokens.count
            for token in tokens { tf[token, default: .zero][field] += 1 }
        }
        var counts = TermCounts(tokens: [], perField: [], lengths: lengths)
        counts.tokens.reserveCapacity(tf.count)
        counts.perField.reserveCapacity(tf.count * 5)
        for (token, perField) in tf {
            counts.tokens.append(token)
            for f in 0..<5 { counts.perField.append(UInt32(perField[f])) }
        }
        return counts
    }

    /// BM25F: each token's saturated, length-normalised weight in one document, as an integer 1…1000.
    static func weighted(_ counts: TermCounts, averages: [Double]) -> [(String, Int)] {
        var out: [(String, Int)] = []
        out.reserveCapacity(counts.tokens.count)
        let lengths = counts.lengths.map { Int32($0) }
        for (index, token) in counts.tokens.enumerated() {
            out.append((token, weight({ counts.perField[index * 5 + $0] }, lengths: lengths[...], averages: averages)))
        }
        return out
    }

    /// One token's weight in one document from its five per-field counts and the document's
    /// five field lengths (the full build and the updater compute every weight here).
    @inline(__always)
    static func weight(_ count: (Int) -> UInt32, lengths: ArraySlice<Int32>, averages: [Double]) -> Int {
        var weighted = 0.0
        for f in 0..<5 {
            let count = count(f)
            guard count > 0 else { continue }
            let norm = 1 - SearchWeights.b[f] + SearchWeights.b[f] * Double(lengths[lengths.startIndex + f]) / averages[f]
            weighted += SearchWeights.field[f] * Double(count) / norm
        }
        let saturated = weighted / (SearchWeights.k1 + weighted)
        return max(1, Int((saturated * 1000).rounded()))
    }

    /// A token's best postings (by weight, then lower id), back in id order, and the next best
    /// after them (the reserve, best first).
    static func capped(_ postings: [(Int, Int)]) -> (kept: [(Int, Int)], reserve: [(Int, Int)]) {
        guard postings.count > SearchWeights.maxPostings else { return (postings, []) }
        var list = postings
        list.sort(by: ranksBefore)
        let reserve = Array(list[SearchWeights.maxPostings..<min(list.count, SearchWeights.maxPostings + SearchWeights.reservePostings)])
        list = Array(list.prefix(SearchWeights.maxPostings))
        list.sort { $0.0 < $1.0 }
        return (list, reserve)
    }

    /// The order the cap keeps postings in: higher weight first, then lower id.
    static func ranksBefore(_ a: (Int, Int), _ b: (Int, Int)) -> Bool { (a.1, -a.0) > (b.1, -b.0) }

    static func pageURL(_ doc: SearchDocument) -> String {
        doc.url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? doc.url
    }

    static func metadataRow(_ doc: SearchDocument) -> [String] { [doc.url, doc.pageTitle, doc.headingPath, storedText(doc)] }

    static func decimalLength(_ n: Int) -> Int {
        var digits = 1, v = n
        while v >= 10 { v /= 10; digits += 1 }
        return digits
    }

    /// `{"token":[df,doc,weight,…],…}` with keys sorted, so two builds write the same bytes.
    /// Written as bytes: the index is mostly these files, and the preview rewrites them per edit.
    static func shardJSON(_ shard: [String: [Int]]) -> Data {
        var writer = ShardWriter()
        for token in shard.keys.sorted() { writer.add(token, shard[token] ?? []) }
        return writer.finish()
    }

    /// A shard from a full build's buckets: `(bucket, token)` in token order.
    static func shardJSON(_ entries: [(BucketPostings, Int)]) -> Data {
        var writer = ShardWriter()
        for (bucket, token) in entries { writer.add(bucket.tokens[token], bucket.flat(token)) }
        return writer.finish()
    }

    /// The section's prose then its code, white space collapsed, cut to `storedTextLength` code
    /// points (an ellipsis marks the cut). Not NFKC: that would turn Chinese punctuation into ASCII.
    /// Reads only as far as it keeps: sections can be long, and every one is stored.
    static func storedText(_ doc: SearchDocument) -> String {
        var out = String.UnicodeScalarView()
        var count = 0, pendingBlank = false
        for part in [doc.body, " ", doc.code] {
            for scalar in part.unicodeScalars {
                let blank = scalar.isASCII ? (scalar == " " || (scalar.value >= 9 && scalar.value <= 13)) : scalar.properties.isWhitespace
                if blank { pendingBlank = count > 0; continue }
                if count + (pendingBlank ? 1 : 0) >= storedTextLength {
                    out.append("…")
                    return String(out)
                }
                if pendingBlank {
                    out.append(" ")
                    count += 1
                    pendingBlank = false
                }
                out.append(scalar)
                count += 1
            }
        }
        return String(out)
    }
}

public struct SearchMeta: Codable, Sendable {
    public var version: Int
    public var documents: Int
    public var shards: Int
    /// SearchIndexBuilder.chunkBits.
    public var chunkBits: Int
    public var sectionBits: Int
    public var allTermsBoost: Double
    /// SearchWeights.phraseBoost: every constant the browser ranks with travels here.
    public var phraseBoost: Double
    /// Files under `prefix/`, and how a prefix is expanded (PrefixIndex).
    public var prefixShards: Int
    public var prefixKeyLength: Int
    public var prefixCompletions: Int
    /// SearchWeights.coverageExponent.
    public var coverageExponent: Int
    /// SearchWeights.secondSectionWeight.
    public var secondSectionWeight: Double

    /// The metadata this version writes.
    static func current(documents: Int, shards: Int, prefixShards: Int) -> SearchMeta {
        SearchMeta(version: SearchIndexBuilder.version, documents: documents, shards: shards,
                   chunkBits: SearchIndexBuilder.chunkBits, sectionBits: SearchIndexBuilder.sectionBits,
                   allTermsBoost: SearchWeights.allTermsBoost, phraseBoost: SearchWeights.phraseBoost,
                   prefixShards: prefixShards, prefixKeyLength: PrefixIndex.keyLength, prefixCompletions: PrefixIndex.completions,
                   coverageExponent: SearchWeights.coverageExponent, secondSectionWeight: SearchWeights.secondSectionWeight)
    }
}
