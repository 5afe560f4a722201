// Answers a query from the index files (the same files the browser reads, through a loader
// so the files can come from disk or memory): fetch the shards of the query's terms, score
// with BM25 (weights precomputed at index time), boost documents with every term, keep the
// best section per page, then fetch metadata for the results shown.

import Foundation

public struct SearchResult: Sendable, Equatable, Codable {
    public var url: String
    public var pageTitle: String
    public var heading: String
    /// The stretch of the section around the longest run of query words (Excerpt).
    public var excerpt: String
    /// The query's words in `excerpt`, as `[start, end)` code-point offsets.
    public var marks: [[Int]]
    public var score: Double
    /// Other sections of the same page that matched.
    public var moreSections: Int
}

/// One page of results and how many pages match in all.
public struct SearchResultPage: Sendable, Equatable {
    public var results: [SearchResult]
    /// Pages with at least one matching section (each shown once, as its best section).
    public var totalPages: Int
}

public struct SearchEngine: Sendable {
    public typealias Loader = @Sendable (String) -> Data?

    let meta: SearchMeta
    let load: Loader

    /// `load` returns a file under `search/` by relative path (`index.json`, `shards/3.json.gz`).
    public init?(load: @escaping Loader) {
        guard let meta: SearchMeta = Self.decoded("index.json", load) else { return nil }
        self.meta = meta
        self.load = load
    }

    /// A file of the index, read and decoded; nil when missing or malformed.
    private static func decoded<T: Decodable>(_ path: String, _ load: Loader) -> T? {
        SearchIndexBuilder.decodedJSON(load(path))
    }

    /// The shard files a query needs (what the browser downloads before ranking).
    public func shards(for query: String) -> [Int] {
        Array(Set(Tokenizer.queryTerms(query).map { Int(FNV.hash($0) % UInt32(meta.shards)) })).sorted()
    }

    /// The query as one phrase (white space collapsed, normalised) when it has more than one term.
    static func phrase(_ query: String) -> String? {
        guard Tokenizer.queryTerms(query).count > 1 else { return nil }
        return Tokenizer.normalise(query).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The query's last term is a word still being typed: Latin, at least a key long, and the
    /// query does not end in a blank.
    static func isBeingTyped(_ term: String, in query: String, keyLength: Int) -> Bool {
        guard let lastCharacter = query.last, !lastCharacter.isWhitespace, term.count >= keyLength,
              PrefixIndex.startsLatin(term) else { return false }
        return Tokenizer.normalise(query).hasSuffix(term)
    }

    public func search(_ query: String, limit: Int = 10) -> [SearchResult] {
        page(query, limit: limit).results
    }

    /// Results `offset + 1` to `offset + limit`, and the number of matching pages.
    public func page(_ query: String, limit: Int = 10, offset: Int = 0) -> SearchResultPage {
        let terms = Tokenizer.queryTerms(query)
        guard !terms.isEmpty else { return SearchResultPage(results: [], totalPages: 0) }
        var shardCache: [Int: [String: [Int]]] = [:]
        func postings(_ term: String) -> [Int]? {
            let shard = Int(FNV.hash(term) % UInt32(meta.shards))
            if shardCache[shard] == nil {
                shardCache[shard] = Self.decoded(SearchIndexBuilder.shardPath(shard), load) ?? [:]
            }
            return shardCache[shard]?[term]
        }
        // Each query term is a group of words a document may hold; the last, still being typed,
        // stands for its completions when no word is spelled so (PrefixIndex).
        var groups = terms.map { [$0] }
        if let last = terms.last, Self.isBeingTyped(last, in: query, keyLength: meta.prefixKeyLength), postings(last) == nil {
            let key = String(last.prefix(meta.prefixKeyLength))
            let shard: [String: [String]] = Self.decoded(PrefixIndex.path(PrefixIndex.shard(key, meta.prefixShards)), load) ?? [:]
            let completions = PrefixIndex.completions(of: last, in: shard, keyLength: meta.prefixKeyLength,
                                                      limit: meta.prefixCompletions)
            if !completions.isEmpty { groups[groups.count - 1] = completions }
        }
        var scores: [Int: Double] = [:]
        var matched: [Int: Int] = [:]
        // How much of the query a document covers, each group weighed by its rarity (idf): a
        // section with the one rare identifier and the common words beats sections that repeat
        // the common words.
        var covered: [Int: Double] = [:]
        var queryWeight = 0.0
        let n = Double(meta.documents)
        for group in groups {
            // A document counts once per group, with its best word of the group.
            var best: [Int: Double] = [:]
            var groupIDF = 0.0
            for term in group {
                guard let flat = postings(term), let df = flat.first else { continue }
                let idf = log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
                if idf > groupIDF { groupIDF = idf }
                var i = 1
                while i + 1 < flat.count {
                    let contribution = idf * Double(flat[i + 1]) / 1000
                    if contribution > best[flat[i], default: -1] { best[flat[i]] = contribution }
                    i += 2
                }
            }
            queryWeight += groupIDF
            for (doc, contribution) in best {
                scores[doc, default: 0] += contribution
                matched[doc, default: 0] += 1
                covered[doc, default: 0] += groupIDF
            }
        }
        if groups.count > 1, queryWeight > 0 {
            for (doc, part) in covered {
                let coverage = part / queryWeight
                var factor = 1.0
                for _ in 0..<meta.coverageExponent { factor *= coverage }
                scores[doc, default: 0] *= factor
            }
        }
        if groups.count > 1 {
            for (doc, count) in matched where count == groups.count { scores[doc, default: 0] *= meta.allTermsBoost }
        }
        // Best first; ties by document id so every implementation agrees. Then one result
        // per page (its best section), counting the page's other matching sections. A page
        // about the query has more than one section on it: its second best adds a share.
        let ranked = scores.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        var best: [(doc: Int, score: Double)] = []
        var position: [Int: Int] = [:]
        var more: [Int: Int] = [:]
        for (doc, score) in ranked {
            let page = doc >> meta.sectionBits
            if let at = position[page] {
                if more[page] == nil { best[at].score += meta.secondSectionWeight * score }
                more[page, default: 0] += 1
                continue
            }
            position[page] = best.count
            best.append((doc, score))
        }
        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        var results: [SearchResult] = []
        var chunks: [Int: [String: [String]]] = [:]
        for (doc, score) in best.dropFirst(max(0, offset)).prefix(limit) {
            let page = doc >> meta.sectionBits
            let chunk = doc >> meta.chunkBits
            if chunks[chunk] == nil {
                chunks[chunk] = Self.decoded(SearchIndexBuilder.rowsPath(chunk), load) ?? [:]
            }
            let row: [String] = chunks[chunk]?[String(doc)] ?? []
            guard row.count == 4 else { continue }
            // Exact phrase: the whole query, as typed, in the title, heading or section text.
            var boosted = score
            if let phrase = Self.phrase(query), Tokenizer.normalise(row[1] + " " + row[2] + " " + row[3]).contains(phrase) {
                boosted *= meta.phraseBoost
            }
            let excerpt = Excerpt(stored: row[3], words: groups.flatMap { $0 })
            results.append(SearchResult(url: row[0], pageTitle: row[1], heading: row[2], excerpt: excerpt.text, marks: excerpt.marks,
                                        score: (boosted * 1000).rounded() / 1000, moreSections: more[page] ?? 0))
        }
        // Stable: equal scores keep their order.
        results = results.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        return SearchResultPage(results: results, totalPages: best.count)
    }
}
