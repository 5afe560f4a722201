// The preview's in-place index update: a saved note's new words are found at once, by their
// start too (the prefix files follow), and words it no longer has are gone.

import Foundation
import Testing
@testable import OpsdocsSearch

@Suite struct SearchIndexUpdaterTests {
    @Test func aNewWordIsFoundByItsStartAndARemovedOneIsGone() throws {
        let before = [SearchDocument(url: "ops/", pageTitle: "巡检", heading: "", tags: "", body: "每天检查 zookeeper 状态", code: "")]
        let other = [SearchDocument(url: "misc/", pageTitle: "其他", heading: "", tags: "", body: "kubectl get pods", code: "")]
        var index = SearchIndexBuilder.build(before + other)
        let built = index.files
        let first = try #require(SearchEngine { built[$0] })
        #expect(!first.search("zookee").isEmpty)

        let after = [SearchDocument(url: "ops/", pageTitle: "巡检", heading: "", tags: "", body: "每天检查 prometheus 状态", code: "")]
        let changed = try #require(SearchIndexUpdater.replacePage(url: "ops/", old: before, new: after, in: &index))
        #expect(changed.contains { $0.hasPrefix("prefix/") })
        let files = index.files
        let engine = try #require(SearchEngine { files[$0] })
        #expect(engine.search("promet").map(\.url) == ["ops/"])
        #expect(engine.search("zookee").isEmpty)
        #expect(engine.search("zookeeper").isEmpty)
    }
}
