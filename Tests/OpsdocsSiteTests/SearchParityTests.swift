// The browser (theme/static/js/search.js, run by node) and `opsdocs search` (SearchEngine)
// return the same top 10, in the same order, with the same scores, for the same query; the same
// next ten, and the same number of matching pages.

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct SearchParityTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let queries = [
        "证书过期", "kubeadm join", "net.ipv4.tcp_tw_reuse", "tw_reuse", "--leader-elect", "etcd 备份", "nf_conntrack_max",
        "ｋｕｂｅａｄｍ", "滚动", "docker", "镜像", "swap", "sysctl --system", "Dockerfile 多阶段构建", "apiserver 证书", "锁",
        // still being typed: the last word stands for its completions
        "kubead", "tcp_tw_re", "--leader-el", "etcd snaps", "kube-apis", "doc",
    ]

    @Test(.enabled(if: node != nil, "node is not installed"))
    func javascriptAndSwiftAgree() throws {
        try compare(source: Self.repository.appendingPathComponent("content"), queries: Self.queries)
    }

    /// The judged query set of bench/search-queries.json over ../shared/corpus.
    static let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    @Test(.enabled(if: node != nil && FileManager.default.fileExists(atPath: corpus.path), "node or ../shared/corpus missing"))
    func javascriptAndSwiftAgreeOnTheJudgedQueriesOverTheCorpus() throws {
        struct Judged: Decodable { var query: String }
        let data = try Data(contentsOf: Self.repository.appendingPathComponent("bench/search-queries.json"))
        let queries = try JSONDecoder().decode([Judged].self, from: data).map(\.query)
        #expect(queries.count >= 40)
        try compare(source: Self.corpus, queries: queries)
    }

    private func compare(source: URL, queries: [String]) throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-parity-\(UUID().uuidString)")
        let output = project.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        var options = BuildOptions(source: source, output: output, projectRoot: project)
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        let engine = try #require(SearchCommand.engine(site: output))

        let node = try #require(Self.node)
        let run = try #require(ProcessRunner.run(node, [
            Self.repository.appendingPathComponent("Tests/Fixtures/search/parity.mjs").path,
            Self.repository.appendingPathComponent("theme/static/js/search.js").path, output.path,
        ] + queries, timeout: 120))
        #expect(run.status == 0, "\(run.stderrText)")
        struct Answer: Decodable { var first: [SearchResult]; var next: [SearchResult]; var total: Int }
        let fromJS = try JSONDecoder().decode([String: Answer].self, from: Data(run.stdout))
        var nonEmpty = 0
        for query in queries {
            let page = engine.page(query, limit: 10)
            let swift = page.results
            let js = fromJS[query]?.first ?? []
            #expect(fromJS[query]?.total == page.totalPages, "\(query)")
            #expect(fromJS[query]?.next.map(\.url) == engine.page(query, limit: 10, offset: 10).results.map(\.url), "\(query)")
            if !swift.isEmpty { nonEmpty += 1 }
            #expect(js.map(\.url) == swift.map(\.url), "\(query)")
            #expect(js.map(\.score) == swift.map(\.score), "\(query)")
            #expect(js.map(\.moreSections) == swift.map(\.moreSections), "\(query)")
        }
        #expect(nonEmpty >= queries.count - 2)
    }
}
