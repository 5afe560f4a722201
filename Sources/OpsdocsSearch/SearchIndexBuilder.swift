// Builds the search index files from section documents: postings with their BM25F weight
// already computed, split into shards by token hash so a query fetches only its tokens'
// shards, and document metadata in small chunks fetched only for the results shown.

import Foundation
import OpsdocsContent

public struct SearchIndexFiles: Sendable {
    /// Path under `search/` → contents.
    public var files: [String: Data]
    public var documentCount: Int
    public var shardCount: Int
}

public enum SearchIndexBuilder {
    public static let version = 1
    /// Documents per metadata chunk (`search/docs/N.json`).
    public static let chunkSize = 24
    /// Target size of one shard file.
    static let shardBytes = 24_000
    /// Characters of section text kept for excerpts.
    static let excerptLength = 360

    public static func build(_ documents: [SearchDocument]) -> SearchIndexFiles {
        // Per document: token frequencies per field and field lengths.
        let counted: [([String: [Int]], [Int])] = documents.parallelMap { doc in
            var tf: [String: [Int]] = [:]
            var lengths = [Int](repeating: 0, count: 5)
            for (field, text) in doc.fields.enumerated() {
                let tokens = Tokenizer.indexTokens(text)
                lengths[field] = tokens.count
                for token in tokens { tf[token, default: [0, 0, 0, 0, 0]][field] += 1 }
            }
            return (tf, lengths)
        }
        var averages = [Double](repeating: 0, count: 5)
        for (_, lengths) in counted { for f in 0..<5 { averages[f] += Double(lengths[f]) } }
        averages = averages.map { max(1, $0 / Double(max(1, documents.count))) }

        // token → [(doc, weight 1…1000)]
        var postings: [String: [(Int, Int)]] = [:]
        for (doc, (tf, lengths)) in counted.enumerated() {
            for (token, counts) in tf {
                var weighted = 0.0
                for f in 0..<5 where counts[f] > 0 {
                    let norm = 1 - SearchWeights.b[f] + SearchWeights.b[f] * Double(lengths[f]) / averages[f]
                    weighted += SearchWeights.field[f] * Double(counts[f]) / norm
                }
                let saturated = weighted / (SearchWeights.k1 + weighted)
                postings[token, default: []].append((doc, max(1, Int((saturated * 1000).rounded()))))
            }
        }

        // Shards: [df, doc, weight, doc, weight, …] per token, best postings first when capped.
        var entries: [(String, [Int])] = []
        var totalBytes = 0
        for token in postings.keys.sorted() {
            guard var list = postings[token] else { continue }
            let df = list.count
            if list.count > SearchWeights.maxPostings {
                list.sort { ($0.1, -$0.0) > ($1.1, -$1.0) }
                list = Array(list.prefix(SearchWeights.maxPostings))
            }
            list.sort { $0.0 < $1.0 }
            var flat = [df]
            for (doc, weight) in list { flat.append(doc); flat.append(weight) }
            totalBytes += token.utf8.count + flat.count * 5
            entries.append((token, flat))
        }
        var shardCount = 1
        while totalBytes / shardCount > shardBytes { shardCount *= 2 }
        var shards = [[String: [Int]]](repeating: [:], count: shardCount)
        for (token, flat) in entries { shards[Int(FNV.hash(token) % UInt32(shardCount))][token] = flat }

        var files: [String: Data] = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (i, shard) in shards.enumerated() { files["shards/\(i).json"] = (try? encoder.encode(shard)) ?? Data("{}".utf8) }
        for start in stride(from: 0, to: documents.count, by: chunkSize) {
            let chunk = documents[start..<min(start + chunkSize, documents.count)].map { doc in
                [doc.url, doc.pageTitle, doc.heading, excerpt(doc)]
            }
            files["docs/\(start / chunkSize).json"] = (try? encoder.encode(chunk)) ?? Data("[]".utf8)
        }
        let meta = SearchMeta(version: version, documents: documents.count, shards: shardCount, chunkSize: chunkSize,
                              allTermsBoost: SearchWeights.allTermsBoost)
        files["index.json"] = (try? encoder.encode(meta)) ?? Data("{}".utf8)
        return SearchIndexFiles(files: files, documentCount: documents.count, shardCount: shardCount)
    }

    /// The section's text, white space collapsed, cut to `excerptLength` characters.
    static func excerpt(_ doc: SearchDocument) -> String {
        let text = (doc.body.isEmpty ? doc.code : doc.body).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return text.count > excerptLength ? String(text.prefix(excerptLength)) + "…" : text
    }
}

public struct SearchMeta: Codable, Sendable {
    public var version: Int
    public var documents: Int
    public var shards: Int
    public var chunkSize: Int
    public var allTermsBoost: Double
}
