// The first pass of a full index build: a run of whole pages tokenized and counted on one
// worker. Every token gets an id in the run's own vocabulary, so its string is hashed once per
// occurrence and a section's counts are flat arrays, not a dictionary per section (those
// dictionaries, grown and freed 130,000 times at 10,000 notes, were half of the index's time).

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
