// Incremental rebuilds (what `opsdocs serve` does on save) must publish exactly what a full
// build of the same notes publishes: every page, list, feed, snippet file and search file.

import Foundation
import OpsdocsSite
import Testing

@Suite struct LiveSiteTests {
    /// Site paths whose bytes differ between the incremental result and a fresh full build.
    func mismatches(_ live: inout LiveSite, _ fixture: SiteFixture) -> [String] {
        _ = live.finishDeferred()
        let fresh = SiteCompiler.compile(fixture.options())
        let paths = Set(live.site.files.keys).union(fresh.files.keys)
        return paths.filter { live.site.files[$0] != fresh.files[$0] }.sorted()
    }

    func note(_ fixture: SiteFixture, _ rel: String) -> String { fixture.root.appendingPathComponent(rel).path }

    @Test func aBodyEditRebuildsOnlyThatPageAndMatchesAFullBuild() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        try fixture.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n`net.ipv4.tcp_tw_reuse = 1`\n\n另见 `net.core.somaxconn`。\n")
        let update = live.apply([note(fixture, "content/linux/2024-04-08-sysctl.md")])
        #expect(update.scope == ["content/linux/2024-04-08-sysctl.md"])
        let pages = update.changedPaths.filter { $0.hasSuffix(".html") }
        #expect(pages == ["linux/sysctl/index.html"], "only the edited page's HTML changed")
        #expect(mismatches(&live, fixture) == [])
    }

    @Test func aTitleOrTagChangeAlsoRebuildsListsTagsAndFeeds() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        try fixture.write("content/k8s/kube-apiserver.md", """
            ---
            title: kube-apiserver 升级手册
            date: 2024-05-20
            tags: [kubernetes, upgrade]
            ---
            ## 滚动升级

            先升级 etcd。
            """)
        let update = live.apply([note(fixture, "content/k8s/kube-apiserver.md")])
        #expect(update.changedPaths.contains("tags/upgrade/index.html"))
        #expect(update.changedPaths.contains("tags/apiserver/index.html"), "the old tag's page is gone")
        #expect(update.changedPaths.contains("atom.xml"))
        #expect(mismatches(&live, fixture) == [])
    }

    @Test func aTitleChangeRebuildsThePageFirstThenTheListsThatShowTheNoteAndTheTreeOnly() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        let apiserver = SiteFixture.opsNotes["content/k8s/kube-apiserver.md"] ?? ""
        try fixture.write("content/k8s/kube-apiserver.md", apiserver.replacingOccurrences(of: "kube-apiserver 概览", with: "API 服务器"))
        let update = live.apply([note(fixture, "content/k8s/kube-apiserver.md")])
        // What the reader of the note sees is served first: its page, its neighbours' next/previous
        // links and its folder's list; the lists sorted by title or date, the feed and the tree after.
        #expect(update.changedPaths.contains("k8s/kube-apiserver/index.html") && update.changedPaths.contains("k8s/index.html"))
        #expect(String(decoding: live.site.files["k8s/kube-apiserver/index.html"] ?? Data(), as: UTF8.self).contains("API 服务器"))
        #expect(!update.changedPaths.contains("archive/index.html") && !update.changedPaths.contains("nav.json"))
        let later = live.finishDeferred()
        #expect(later.changedPaths.contains("nav.json") && later.changedPaths.contains("atom.xml"))
        #expect(later.changedPaths.contains("archive/index.html") && later.changedPaths.contains("tags/apiserver/index.html"))
        let all = update.changedPaths.union(later.changedPaths)
        #expect(!all.contains("linux/index.html") && !all.contains("install/index.html"),
                "a folder that does not show the note is left alone")
        #expect(mismatches(&live, fixture) == [])
    }

    @Test func aTitleChangeThatReordersTheArchiveEndsAsACleanBuild() throws {
        // Undated notes are listed by title: renaming one moves it in the archive and its tag's page.
        let fixture = try SiteFixture([
            "opsdocs.toml": "title = \"运维笔记\"\n",
            "content/linux/a.md": "---\ntitle: Alpha\ntags: [linux]\n---\n正文 a\n",
            "content/linux/b.md": "---\ntitle: Bravo\ntags: [linux]\n---\n正文 b\n",
            "content/linux/c.md": "---\ntitle: Charlie\ntags: [linux]\n---\n正文 c\n",
        ])
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        try fixture.write("content/linux/a.md", "---\ntitle: Zulu\ntags: [linux]\n---\n正文 a\n")
        _ = live.apply([note(fixture, "content/linux/a.md")])
        let later = live.finishDeferred()
        #expect(later.changedPaths.contains("archive/index.html") && later.changedPaths.contains("tags/linux/index.html"))
        let archive = String(decoding: live.site.files["archive/index.html"] ?? Data(), as: UTF8.self)
        let zulu = archive.range(of: "Zulu"), bravo = archive.range(of: "Bravo")
        #expect(zulu != nil && bravo != nil && (bravo?.lowerBound ?? archive.endIndex) < (zulu?.lowerBound ?? archive.startIndex))
        #expect(mismatches(&live, fixture) == [])
    }

    @Test func aShortcodeTemplateSavedInServeRendersEveryCall() throws {
        let fixture = try SiteFixture(["content/a.md": "按 {{< kbd A >}} 键\n"])
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        #expect(live.site.diagnostics.contains { $0.kind == "shortcode" })
        try fixture.write("theme/shortcodes/kbd.mustache", "<kbd>{{#args}}{{.}}{{/args}}</kbd>\n")
        let update = live.apply([note(fixture, "theme/shortcodes/kbd.mustache")])
        #expect(update.scope == ["full build"])
        #expect(String(decoding: live.site.files["a/index.html"] ?? Data(), as: UTF8.self).contains("按 <kbd>A</kbd> 键"))
        #expect(!live.site.diagnostics.contains { $0.kind == "shortcode" })
    }

    @Test func newRemovedAndBrokenNotes() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        try fixture.write("content/linux/ulimit.md", "---\ntitle: ulimit\n---\n`ulimit -n 65535`\n")
        #expect(live.apply([note(fixture, "content/linux/ulimit.md")]).scope == ["full build"])
        #expect(live.site.files["linux/ulimit/index.html"] != nil)
        #expect(mismatches(&live, fixture) == [])

        try FileManager.default.removeItem(atPath: note(fixture, "content/linux/ulimit.md"))
        _ = live.apply([note(fixture, "content/linux/ulimit.md")])
        #expect(live.site.files["linux/ulimit/index.html"] == nil)

        // Broken front matter: an error, and the last good page stays.
        let before = live.site.files["install/runbook/index.html"]
        try fixture.write("content/install/runbook.md", "+++\ntitle = \"安装手册\n+++\n正文\n")
        let update = live.apply([note(fixture, "content/install/runbook.md")])
        #expect(update.failure == nil)
        #expect(live.site.diagnostics.contains { $0.severity == .error && $0.file == "content/install/runbook.md" })
        #expect(live.site.files["install/runbook/index.html"] == before)
        try fixture.write("content/install/runbook.md", "+++\ntitle = \"安装手册\"\n+++\n正文\n")
        _ = live.apply([note(fixture, "content/install/runbook.md")])
        #expect(!live.site.diagnostics.contains { $0.severity == .error })
    }

    @Test func aBrokenConfigKeepsTheLastGoodSite() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        let before = live.site.files
        try fixture.write("opsdocs.toml", "title = \"运维笔记\n")
        let update = live.apply([note(fixture, "opsdocs.toml")])
        #expect(update.failure?.first?.file == "opsdocs.toml")
        #expect(live.site.files == before)
    }

    @Test func theEditedTextIsFoundBySearch() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        var live = LiveSite(fixture.options())
        try fixture.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n调大 `net.core.somaxconn` 以应对突发连接。\n")
        _ = live.apply([note(fixture, "content/linux/2024-04-08-sysctl.md")])
        let later = live.finishDeferred()
        #expect(later.changedPaths.contains { $0.hasPrefix("search/shards/") })
        let files = live.site.files
        let engine = try #require(SearchEngine { path in files["search/" + path] })
        let hits = engine.search("net.core.somaxconn")
        #expect(hits.first?.url.hasPrefix("linux/sysctl/") == true)
        #expect(engine.search("tcp_tw_reuse").isEmpty, "the removed text is no longer found")
    }

    @Test func editorFilesAndTheOutputFolderAreIgnored() throws {
        let fixture = try SiteFixture(SiteFixture.opsNotes)
        defer { fixture.remove() }
        let live = LiveSite(fixture.options())
        #expect(!live.isRelevant(note(fixture, "content/k8s/.kube-apiserver.md.swp")))
        #expect(!live.isRelevant(note(fixture, "content/k8s/kube-apiserver.md~")))
        #expect(!live.isRelevant(note(fixture, "public/index.html")))
        #expect(live.isRelevant(note(fixture, "content/k8s/kube-apiserver.md")))
        #expect(live.isRelevant(note(fixture, "theme/templates/page.mustache")))
    }
}
