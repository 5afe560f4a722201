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

/// An update writes exactly what a full build of the same documents writes, so the preview
/// and the incremental build publish a clean build's bytes.
@Suite struct SearchIndexUpdaterExactnessTests {
    /// `count` runbook pages that all mention `kubectl` (more than the cap keeps), of varied length.
    static func pages(_ count: Int) -> [[SearchDocument]] {
        (0..<count).map { n in
            let filler = String(repeating: "检查节点 ", count: n % 17)
            return [SearchDocument(url: "ops/\(n)/", pageTitle: "巡检 \(n)", heading: "", tags: "",
                                   body: "\(filler)执行 kubectl get pods 查看 step\(n)", code: "kubectl describe node-\(n)"),
                    SearchDocument(url: "ops/\(n)/#rollback", pageTitle: "巡检 \(n)", heading: "回滚", tags: "",
                                   body: "回滚步骤 \(n % 5)", code: "")]
        }
    }

    func expectSameAsFullBuild(_ index: SearchIndexFiles, _ pages: [[SearchDocument]],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let fresh = SearchIndexBuilder.build(pages.flatMap { $0 })
        let differing = Set(index.files.keys).union(fresh.files.keys).filter { index.files[$0] != fresh.files[$0] }
        #expect(differing.sorted() == [], sourceLocation: sourceLocation)
        // The reserve is not published; an update may know fewer of the next-best postings than
        // a build does, but never different ones.
        let wrong = index.reserve.filter { token, spare in !(fresh.reserve[token] ?? []).starts(with: spare) }
        #expect(wrong.keys.sorted() == [], sourceLocation: sourceLocation)
    }

    @Test func editsOfCappedTokensPromoteTheNextBestPostingAsAFullBuildWould() throws {
        var pages = Self.pages(700)
        var index = SearchIndexBuilder.build(pages.flatMap { $0 })
        #expect(index.reserve["kubectl"] != nil, "kubectl is on more pages than the cap keeps")
        // The shortest pages rank best for kubectl: edit some of them so their posting goes.
        for n in [0, 17, 34, 51] {
            let old = pages[n]
            pages[n][0].body = "执行 crictl ps 查看"
            pages[n][0].code = ""
            let changed = try #require(SearchIndexUpdater.replacePage(url: "ops/\(n)/", old: old, new: pages[n], in: &index))
            #expect(changed.contains { $0.hasPrefix("shards/") })
            expectSameAsFullBuild(index, pages)
        }
        // And back: the postings return to the published top.
        let old = pages[17]
        pages[17] = Self.pages(700)[17]
        _ = try #require(SearchIndexUpdater.replacePage(url: "ops/17/", old: old, new: pages[17], in: &index))
        expectSameAsFullBuild(index, pages)
    }

    @Test func anAddedOrRemovedSectionAndANewWordMatchAFullBuild() throws {
        var pages = Self.pages(400)
        var index = SearchIndexBuilder.build(pages.flatMap { $0 })
        let old = pages[3]
        pages[3].append(SearchDocument(url: "ops/3/#etcd", pageTitle: "巡检 3", heading: "etcd 备份", tags: "",
                                       body: "etcdctl snapshot save 备份", code: "etcdctl snapshot"))
        _ = try #require(SearchIndexUpdater.replacePage(url: "ops/3/", old: old, new: pages[3], in: &index))
        expectSameAsFullBuild(index, pages)
        let withSection = pages[3]
        pages[3].removeLast()
        _ = try #require(SearchIndexUpdater.replacePage(url: "ops/3/", old: withSection, new: pages[3], in: &index))
        expectSameAsFullBuild(index, pages)
    }

    @Test func whenTheAveragesWouldMoveTheUpdateDeclinesAndLeavesTheIndexAlone() throws {
        var pages = Self.pages(3)
        var index = SearchIndexBuilder.build(pages.flatMap { $0 })
        let before = index.files
        let old = pages[0]
        pages[0][0].body = String(repeating: "很长的正文 kubelet 日志 ", count: 400)
        #expect(SearchIndexUpdater.replacePage(url: "ops/0/", old: old, new: pages[0], in: &index) == nil)
        #expect(index.files == before)
    }
}
