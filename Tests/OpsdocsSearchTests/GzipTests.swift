// Index files are gzip members: smaller, the same bytes on every build, and read back whether
// the host inflated them already or not.

import Foundation
import Testing
@testable import OpsdocsSearch

@Suite struct GzipTests {
    let shard = Data(#"{"etcd":[3,256,91,512,40,768,12],"备份":[1,256,88],"net.ipv4.tcp_tw_reuse":[1,1024,70]}"#.utf8)

    @Test func roundTripsAndShrinksRepetitiveJSON() throws {
        let big = Data((0..<2_000).map { "{\"k\(8 * $0)\":[1,\($0),\($0 * 3)]}" }.joined(separator: ",").utf8)
        let packed = Gzip.compress(big)
        #expect(Gzip.isCompressed(packed))
        #expect(packed.count * 3 < big.count)
        #expect(Gzip.decompress(packed) == big)
        #expect(Gzip.decompress(Gzip.compress(shard)) == shard)
        #expect(Gzip.decompress(Gzip.compress(Data())) == Data())
    }

    @Test func twoBuildsWriteTheSameBytes() {
        #expect(Gzip.compress(shard) == Gzip.compress(shard))
        // No time stamp in the header (bytes 4–7).
        #expect(Gzip.compress(shard).subdata(in: 4..<8) == Data([0, 0, 0, 0]))
    }

    @Test func plainJSONIsReadAsItIsAndDamageIsNil() {
        #expect(Gzip.decompress(shard) == shard)
        let packed = Gzip.compress(shard)
        #expect(Gzip.decompress(packed.prefix(packed.count / 2)) == nil)
    }

    @Test func theCommandLineEngineReadsCompressedAndInflatedFilesAlike() throws {
        let docs = [SearchDocument(url: "etcd/", pageTitle: "etcd 备份", heading: "", tags: "", body: "备份 etcd", code: "etcdctl snapshot save")]
        let index = SearchIndexBuilder.build(docs)
        let packed = index.files
        let inflated = packed.mapValues { Gzip.decompress($0) ?? Data() }
        for files in [packed, inflated] {
            let engine = try #require(SearchEngine { files[$0] })
            #expect(engine.search("snapshot").first?.url == "etcd/")
        }
    }
}
