// The first pass of a full index build: a run of whole pages tokenized and counted on one
// worker. Every token gets an id in the run's own vocabulary, so its string is hashed once per
// occurrence and a section's counts are flat arrays, not a dictionary per section (those
// dictionaries, grown and freed 130,000 times at 10,000 notes, were half of the index's time).

import Foundation

struct CountedRun: Sendable {
    /// Local id → token, and the token's FNV hash (which bucket and shard it goes to).
    var vocabulary: [String] = []
    var hashes: [UInt32] = []
    /// The run's first document (index into the build's documents).
    var firstDocument = 0
    /// Document `d` of the run owns entries `entryStarts[d]..<entryStarts[d + 1]`.
    var entryStarts: [Int32] = [0]
    /// Per entry: a token's local id, and (five per entry, in field order) how often it occurs:
    /// one byte each (20 million entries at 10,000 notes), the rare count past 254 kept aside.
    var entries: [Int32] = []
    var frequencies: [UInt8] = []
    var largeFrequencies: [Int: UInt32] = [:]

    /// How often entry `entry`'s token occurs in field `field`.
    @inline(__always)
    func frequency(_ entry: Int, _ field: Int) -> UInt32 {
        let small = frequencies[entry * 5 + field]
        return small < 255 ? UInt32(small) : largeFrequencies[entry * 5 + field] ?? 255
    }
    /// Five field lengths (in tokens) per document.
    var lengths: [Int32] = []

    /// Counts the documents of `pages` (consecutive ranges of `documents`, one per page). Title
    /// and tags are the same for every section of a page: tokenized once per page.
    static func count(_ documents: [SearchDocument], pages: ArraySlice<Range<Int>>) -> CountedRun {
        var run = CountedRun()
        run.firstDocument = pages.first?.lowerBound ?? 0
        var table = TokenTable()
        // Per local id: the entry it has in the current document (valid when `seenIn` matches).
        var seenIn: [Int32] = [], slot: [Int32] = []
        var document: Int32 = 0
        for range in pages {
            let title = Tokenizer.indexTokens(documents[range.lowerBound].pageTitle)
            let tags = Tokenizer.indexTokens(documents[range.lowerBound].tags)
            for index in range {
                let doc = documents[index]
                for (field, text) in [doc.pageTitle, doc.heading, doc.tags, doc.body, doc.code].enumerated() {
                    let tokens = field == 0 ? title : field == 2 ? tags : Tokenizer.indexTokens(text)
                    run.lengths.append(Int32(tokens.count))
                    for token in tokens {
                        let (id, isNew) = table.id(token)
                        if isNew {
                            run.hashes.append(FNV.hash(token))
                            seenIn.append(-1)
                            slot.append(0)
                        }
                        if seenIn[Int(id)] != document {
                            seenIn[Int(id)] = document
                            slot[Int(id)] = Int32(run.entries.count)
                            run.entries.append(id)
                            run.frequencies.append(contentsOf: [0, 0, 0, 0, 0])
                        }
                        let position = Int(slot[Int(id)]) * 5 + field
                        if run.frequencies[position] < 254 {
                            run.frequencies[position] += 1
                        } else if run.frequencies[position] == 254 {
                            run.frequencies[position] = 255
                            run.largeFrequencies[position] = 255
                        } else {
                            run.largeFrequencies[position, default: 255] += 1
                        }
                    }
                }
                run.entryStarts.append(Int32(run.entries.count))
                document += 1
            }
        }
        run.vocabulary = table.tokens
        return run
    }
}

/// Tokens → dense ids, compared by their UTF-8 bytes. Swift's String keys hash and compare by
/// canonical equivalence, which for CJK tokens means normalisation checks on every lookup;
/// index tokens are already normalised (Tokenizer.normalise), so their bytes are the identity.
struct TokenTable {
    private var byHash: [UInt64: Int32] = [:]
    /// Tokens whose 64-bit hash another token already had (almost never happens).
    private var collided: [String: Int32] = [:]
    private(set) var tokens: [String] = []

    /// The token's id, and whether it was new.
    mutating func id(_ token: String) -> (id: Int32, isNew: Bool) {
        let hash = FNV.hash64(token)
        if let id = byHash[hash] {
            if tokens[Int(id)].utf8.elementsEqual(token.utf8) { return (id, false) }
            if let id = collided[token] { return (id, false) }
            collided[token] = Int32(tokens.count)
        } else {
            byHash[hash] = Int32(tokens.count)
        }
        tokens.append(token)
        return (Int32(tokens.count - 1), true)
    }
}

/// The second pass of a full index build: one bucket's tokens and their published postings
/// (the best ones when capped), kept flat until the shards are written.
struct BucketPostings: Sendable {
    var tokens: [String]
    var hashes: [UInt32]
    /// Token `t`: how many sections hold it, and its kept postings at
    /// `postings[starts[t]..<starts[t + 1]]` as doc, weight pairs.
    var df: [Int] = []
    var starts: [Int] = [0]
    var postings: [Int32] = []
    /// Estimated bytes of all its shard entries (what sizes the shards).
    var bytes = 0
    /// Capped tokens: the next best postings after those published, `[doc, weight, …]`.
    var reserve: [(token: Int, [Int])] = []

    init(tokens: [String], hashes: [UInt32]) {
        self.tokens = tokens
        self.hashes = hashes
    }

    mutating func add(token: Int, df: Int, _ kept: [(Int, Int)], reserve spare: [(Int, Int)]) {
        self.df.append(df)
        var entryBytes = tokens[token].utf8.count + 5 + SearchIndexBuilder.decimalLength(df) + 1
        for (doc, weight) in kept {
            postings.append(Int32(doc))
            postings.append(Int32(weight))
            entryBytes += SearchIndexBuilder.decimalLength(doc) + SearchIndexBuilder.decimalLength(weight) + 2
        }
        starts.append(postings.count)
        bytes += entryBytes
        if !spare.isEmpty { reserve.append((token, spare.flatMap { [$0.0, $0.1] })) }
    }

    /// `[df, doc, weight, …]`: the token's entry in its shard.
    func flat(_ token: Int) -> [Int] {
        [df[token]] + postings[starts[token]..<starts[token + 1]].map(Int.init)
    }
}

/// Writes a shard's JSON object, `{"token":[df,doc,weight,…],…}`, entry by entry.
struct ShardWriter {
    private var out: [UInt8] = [UInt8(ascii: "{")]
    private var digits = [UInt8](repeating: 0, count: 20)

    mutating func add(_ token: String, _ values: [Int]) {
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out += [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "[")]
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            // Decimal digits, written backwards then copied (values are never negative).
            var v = max(0, value), count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            for d in stride(from: count - 1, through: 0, by: -1) { out.append(digits[d]) }
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func finish() -> Data {
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }
}
