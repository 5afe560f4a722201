// The browser (theme/static/js/search.js, run by node) and `opsdocs search` (SearchEngine)
// return the same top 10, in the same order, with the same scores, headings, excerpts and marked
// words, for the same query; the same next ten, and the same number of matching pages.

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct SearchParityTests {
    static let repository = JudgedSearchSite.repository
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let queries = [
        "证书过期", "kubeadm join", "net.ipv4.tcp_tw_reuse", "tw_reuse", "--leader-elect", "etcd 备份", "nf_conntrack_max",
        "ｋｕｂｅａｄｍ", "滚动", "docker", "镜像", "swap", "sysctl --system", "Dockerfile 多阶段构建", "apiserver 证书", "锁",
        // still being typed: the last word stands for its completions
        "kubead", "tcp_tw_re", "--leader-el", "etcd snaps", "kube-apis", "doc",
    ]

    @Test(.enabled(if: node != nil, "node is not installed"))
    func javascriptAndSwiftAgree() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-parity-\(UUID().uuidString)")
        let output = project.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        var options = BuildOptions(source: Self.repository.appendingPathComponent("content"), output: output, projectRoot: project)
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        try compare(site: output, queries: Self.queries)
    }

    /// Every judged query (bench/search-queries*.json) over the site they were judged on.
    @Test(.enabled(if: node != nil && JudgedSearchSite.available, "node or ../shared/corpus(-extra) missing"))
    func javascriptAndSwiftAgreeOnEveryJudgedQuery() throws {
        let site = try JudgedSearchSite.shared.get()
        #expect(site.queries.count >= 290)
        try compare(site: site.output, queries: site.queries.map(\.query))
    }

    private func compare(site output: URL, queries: [String]) throws {
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
            #expect(js.map(\.heading) == swift.map(\.heading), "\(query)")
            #expect(js.map(\.excerpt) == swift.map(\.excerpt), "\(query)")
            #expect(js.map(\.marks) == swift.map(\.marks), "\(query)")
        }
        #expect(nonEmpty >= queries.count - 2)
    }
}
