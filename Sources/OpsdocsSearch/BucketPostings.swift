// A full index build's postings between merging and writing: one bucket's tokens with their
// published postings in flat arrays (7 million at 10,000 notes), not an array per token.

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
        for (doc, weight) in kept {
            postings.append(Int32(doc))
            postings.append(Int32(weight))
        }
        starts.append(postings.count)
        bytes += SearchIndexBuilder.estimatedBytes(tokens[token], flat(token))
        if !spare.isEmpty { reserve.append((token, spare.flatMap { [$0.0, $0.1] })) }
    }

    /// `[df, doc, weight, …]`: the token's entry in its shard.
    func flat(_ token: Int) -> [Int] {
        [df[token]] + postings[starts[token]..<starts[token + 1]].map(Int.init)
    }
}
