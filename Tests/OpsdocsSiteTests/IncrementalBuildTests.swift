// `opsdocs build` after an edit: only what the edit touches is rendered and written, and the
// output is byte for byte what a clean build of the same notes writes, with the same
// diagnostics. (Build state files, which record times and generations, aside.)

import Foundation
import OpsdocsSite
import Testing

@Suite struct IncrementalBuildTests {
    /// The published site: everything but the build state and the generation number.
    func published(_ site: SiteFixture, _ folder: String) -> [String: Data] {
        site.tree(folder).filter { !$0.key.hasPrefix(".opsdocs/") && $0.key != ".opsdocs-generation" }
    }

    /// Builds into `public` (incrementally, when it can) and into a fresh folder, and compares.
    func expectSameAsCleanBuild(_ site: SiteFixture, incremental: Bool = true,
                                sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try site.build()
        #expect(report.published, sourceLocation: sourceLocation)
        let stages = report.timings.map(\.stage)
        #expect(stages.contains("publish changes") == incremental, "\(stages)", sourceLocation: sourceLocation)
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
        let clean = try site.build(output: "clean")
        let a = published(site, "public"), b = published(site, "clean")
        let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        #expect(differing == [], sourceLocation: sourceLocation)
        #expect(report.diagnostics == clean.diagnostics, sourceLocation: sourceLocation)
        #expect(report.fileCount == clean.fileCount, sourceLocation: sourceLocation)
    }

    @Test func bodyTitleTagAndHeadingEditsPublishWhatACleanBuildPublishes() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        // A paragraph added.
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n`net.ipv4.tcp_tw_reuse = 1`\n\n另见 `net.core.somaxconn`。\n")
        try expectSameAsCleanBuild(site)
        // Title, date and tags: lists, tag pages, the feed and the neighbours change.
        try site.write("content/k8s/kube-apiserver.md", """
            ---
            title: kube-apiserver 升级手册
            date: 2024-07-01
            tags: [kubernetes, upgrade]
            ---
            ## 滚动升级

            先升级 [etcd](etcd/index.md#创建快照)。

            ```bash
            kubectl -n kube-system get pods -l component=kube-apiserver
            ```
            """)
        try expectSameAsCleanBuild(site)
        // A heading another note links to is renamed: that note's link warning appears.
        try site.write("content/k8s/etcd/index.md", "---\ntitle: etcd 备份\ndate: 2024-06-02\ntags: [kubernetes]\n---\n## 快照\n\n![流程](flow.svg)\n")
        try expectSameAsCleanBuild(site)
        #expect(try site.build().diagnostics.contains { $0.kind == "anchor" && $0.file == "content/k8s/kube-apiserver.md" })
        // And back, twice in a row (the previous generation is brought up to date each time).
        try site.write("content/k8s/etcd/index.md", "---\ntitle: etcd 备份\ndate: 2024-06-02\ntags: [kubernetes]\n---\n## 创建快照\n\n![流程](flow.svg)\n")
        try expectSameAsCleanBuild(site)
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n`net.ipv4.tcp_tw_reuse = 1`\n")
        try expectSameAsCleanBuild(site)
    }

    @Test func thePreviousGenerationIsKeptInsideTheOutputAsLinksToItsFiles() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n改过。\n")
        try expectSameAsCleanBuild(site)
        // Nothing beside the output but what a build uses while it runs.
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        #expect(beside == [])
        // The previous generation holds the old page and shares the unchanged ones' files.
        #expect(site.read("public/.opsdocs/prev/linux/sysctl/index.html")?.contains("改过") == false)
        let shared = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("public/k8s/kube-apiserver/index.html").path)
        let kept = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("public/.opsdocs/prev/k8s/kube-apiserver/index.html").path)
        #expect(shared[.systemFileNumber] as? Int == kept[.systemFileNumber] as? Int)
    }

    @Test func aNewOrRemovedNoteOrAConfigChangeIsAFullBuild() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        try site.write("content/linux/ulimit.md", "---\ntitle: ulimit\n---\n`ulimit -n 65535`\n")
        try expectSameAsCleanBuild(site, incremental: false)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/linux/ulimit.md"))
        try expectSameAsCleanBuild(site, incremental: false)
        try site.write("opsdocs.toml", "title = \"运维手册\"\nbaseURL = \"https://notes.example.org/\"\n")
        try expectSameAsCleanBuild(site, incremental: false)
    }

    @Test func aBrokenEditFailsAndLeavesTheOutputAsItWas() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        let before = site.tree("public")
        try site.write("content/install/runbook.md", "+++\ntitle = \"安装手册\n+++\n正文\n")
        let report = try site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.file == "content/install/runbook.md" })
        #expect(site.tree("public") == before)
        // Fixed again: the next build is incremental and right.
        try site.write("content/install/runbook.md", "+++\ntitle = \"安装手册\"\n+++\n正文已修好。\n")
        try expectSameAsCleanBuild(site)
    }

    @Test func anOutputFileChangedByHandMeansAFullBuild() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n改过的正文。\n")
        try expectSameAsCleanBuild(site)
        // Someone edits a published page in place (it shares its file with the previous generation).
        try site.write("public/k8s/kube-apiserver/index.html", "<p>hand edited</p>")
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n再改一次。\n")
        try expectSameAsCleanBuild(site, incremental: false)
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n第三次。\n")
        try expectSameAsCleanBuild(site)
    }

    @Test func withACacheFolderOutsideTheOutput() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        var options = site.options()
        options.cacheFolder = site.root.appendingPathComponent("ci-cache")
        _ = try SiteBuilder.build(options)
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n`sysctl -w net.core.somaxconn=4096`\n")
        let report = try SiteBuilder.build(options)
        #expect(report.timings.map(\.stage).contains("publish changes"))
        let clean = try site.build(output: "clean")
        #expect(published(site, "public") == published(site, "clean"))
        #expect(report.diagnostics == clean.diagnostics)
        #expect(site.exists("ci-cache/" + (try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("ci-cache").path)
            .first { $0.hasSuffix("site-state.bin") } ?? "missing")))
        #expect(!site.exists("public/.opsdocs/site-state.bin"), "the state is in the named folder, not the output")
    }
}
