// The full build's postings: every weight is what the section's own counts give (the same
// computation the preview's in-place update makes), however often a word repeats.

import Foundation
import Testing
@testable import OpsdocsSearch

@Suite struct SearchIndexBuilderTests {
    @Test func aWordRepeatedHundredsOfTimesWeighsWhatItsCountSays() throws {
        // Counts around the one-byte limit the build stores them in (254, 255, 256 and past).
        let body = ["etcd": 300, "raft": 255, "wal": 254, "snapshot": 256].map { String(repeating: $0.key + " ", count: $0.value) }
            .joined() + "compaction"
        let docs = [SearchDocument(url: "etcd/", pageTitle: "etcd 运维", heading: "", tags: "", body: body, code: ""),
                    SearchDocument(url: "misc/", pageTitle: "其他", heading: "", tags: "", body: "etcd raft wal snapshot", code: "")]
        let index = SearchIndexBuilder.build(docs)
        let expected = SearchIndexBuilder.weighted(SearchIndexBuilder.termCounts(docs[0]), averages: index.fieldAverages)
        let page = try #require(index.pageNumbers["etcd/"]) << SearchIndexBuilder.sectionBits
        var checked = 0
        for (token, weight) in expected where ["etcd", "raft", "wal", "snapshot", "compaction"].contains(token) {
            let path = "shards/\(FNV.hash(token) % UInt32(index.shardCount)).json.gz"
            let data = try #require(index.files[path].flatMap(Gzip.decompress))
            let shard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [Int]])
            let postings = try #require(shard[token])
            let pairs = stride(from: 1, to: postings.count, by: 2).map { (postings[$0], postings[$0 + 1]) }
            #expect(pairs.first { $0.0 == page }?.1 == weight, "\(token)")
            checked += 1
        }
        #expect(checked == 5)
        // And the counts differ in weight: 300 repeats weigh more than 254.
        let weights = Dictionary(expected, uniquingKeysWith: { a, _ in a })
        #expect((weights["etcd"] ?? 0) > (weights["wal"] ?? 0))
    }
}
