// `opsdocs build` end to end on a fixture: the pages a reader gets, the warnings an author
// gets, and the guarantees around the output folder.

import Foundation
import Testing
@testable import OpsdocsSite
import OpsdocsSnippets

@Suite struct SiteBuilderTests {
    @Test func buildsPrettyURLsListsFeedsAndAssets() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.published)
        #expect(report.diagnostics.errorCount == 0)
        #expect(report.pageCount == 5)  // the draft is skipped

        let api = try #require(site.read("public/k8s/kube-apiserver/index.html"))
        #expect(api.contains("<title>kube-apiserver 概览 · 运维笔记</title>"))
        #expect(api.contains("<h2 id=\"滚动升级\">"))
        #expect(api.contains("href=\"/k8s/etcd/#%E5%88%9B%E5%BB%BA%E5%BF%AB%E7%85%A7\""))
        #expect(api.contains("href=\"/linux/sysctl/\""))
        #expect(!api.contains("<script>alert"))
        #expect(api.contains("lang=\"zh-CN\""))

        // No front matter: title from the first H1, date from the file name.
        let sysctl = try #require(site.read("public/linux/sysctl/index.html"))
        #expect(sysctl.contains("<title>内核参数调优 · 运维笔记</title>"))
        #expect(sysctl.components(separatedBy: "<h1").count == 2)  // the note's H1 is the page heading, once
        #expect(sysctl.contains("datetime=\"2024-04-08T00:00:00Z\""))

        #expect(site.exists("public/k8s/etcd/flow.svg"))
        #expect(try #require(site.read("public/k8s/etcd/index.html")).contains("src=\"/k8s/etcd/flow.svg\""))
        #expect(!site.exists("public/drafts/wip/index.html"))

        // Home: newest first, undated after dated.
        let home = try #require(site.read("public/index.html"))
        let order = ["etcd 备份", "kube-apiserver 概览", "内核参数调优", "安装手册"].map { home.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { a, b in a! < b! })

        let tag = try #require(site.read("public/tags/kubernetes/index.html"))
        #expect(tag.contains("etcd 备份") && tag.contains("kube-apiserver 概览"))
        #expect(try #require(site.read("public/tags/index.html")).contains("apiserver"))
        #expect(try #require(site.read("public/archive/index.html")).contains("2024"))
        let atom = try #require(site.read("public/atom.xml"))
        #expect(atom.contains("<link href=\"https://notes.example.org/k8s/etcd/\"/>"))
        #expect(atom.contains("&lt;h2 id=&quot;创建快照&quot;&gt;"))
        #expect(try #require(site.read("public/sitemap.xml")).contains("<loc>https://notes.example.org/linux/sysctl/</loc>"))
        #expect(site.exists("public/404.html"))
        #expect(site.exists("public/css/opsdocs.css"))
        #expect(site.exists("public/k8s/index.html"))
    }

    @Test func noPageLoadsAnythingFromAnotherHost() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build()
        for (path, data) in site.tree("public") where path.hasSuffix(".html") || path.hasSuffix(".css") {
            let text = String(decoding: data, as: UTF8.self)
            for pattern in ["src=\"http", "src=\"//", "href=\"//", "@import", "url(http"] {
                #expect(!text.contains(pattern), "\(path) contains \(pattern)")
            }
            for match in text.matches(of: /<link[^>]*href="(https?:[^"]*)"/) {
                Issue.record("\(path) links a resource on another host: \(match.1)")
            }
        }
    }

    @Test func brokenLinksAreWarningsAtTheirLine() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        let report = try site.build()
        let warnings = report.diagnostics.filter { $0.file == "content/install/runbook.md" }
        #expect(warnings.map(\.kind) == ["link", "anchor"])
        #expect(warnings.allSatisfy { $0.line == 4 && $0.severity == .warning })
        #expect(warnings.first?.column == 3)
    }

    @Test func draftsAreBuiltOnRequest() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        var options = site.options()
        options.includeDrafts = true
        _ = try SiteBuilder.build(options)
        #expect(site.exists("public/drafts/wip/index.html"))
    }

    @Test func aFailingBuildKeepsThePreviousOutputExactly() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        let before = site.tree("public")

        try site.write("content/k8s/broken.md", "---\ntitle: [未闭合\n---\n正文\n")
        try site.write("content/new-note.md", "# 新笔记\n")
        let report = try site.build()
        #expect(!report.published)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.file == "content/k8s/broken.md")
        #expect(error.line == 2)
        #expect(error.kind == "front-matter")
        // The rest of the site was still compiled (its warnings are reported)…
        #expect(report.pageCount == 6)
        // …but the output folder is byte-for-byte what it was, and no staging folder is left.
        #expect(site.tree("public") == before)
        #expect(!site.exists(".public.opsdocs-tmp"))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        _ = try site.build(output: "out-a")
        // Whatever else the process did in between (a preview server's other site, tests
        // running beside this one) does not reach the second build's files or its state.
        _ = SnippetID.base(forSection: "与本站无关的标题")
        _ = try site.build(output: "out-b")
        // The site, byte for byte; `.opsdocs/build.bin` is build state that records file times.
        let a = site.tree("out-a").filter { $0.key != ".opsdocs/build.bin" }
        let b = site.tree("out-b").filter { $0.key != ".opsdocs/build.bin" }
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test func refusesOutputFoldersItMustNotReplace() throws {
        let site = try SiteFixture(SiteFixture.opsNotes.merging(["mine/notes.txt": "keep me"]) { a, _ in a })
        defer { site.remove() }
        for output in [site.root, site.root.appendingPathComponent("content"),
                       site.root.appendingPathComponent("content/k8s"), URL(fileURLWithPath: "/"),
                       site.root.appendingPathComponent("mine")] {
            var options = site.options()
            options.output = output
            #expect(throws: OutputFolderError.self) { try SiteBuilder.build(options) }
        }
        #expect(site.read("mine/notes.txt") == "keep me")
        #expect(site.exists("content/k8s/kube-apiserver.md"))
    }

    @Test func duplicateURLsAndBadFilesAreErrorsAndTheRestIsCompiled() throws {
        var files = SiteFixture.opsNotes
        files["content/k8s/api.md"] = "---\nslug: kube-apiserver\n---\n重复\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        try site.write("content/gbk.md", Data([0x23, 0x20, 0xD6, 0xD0, 0xCE, 0xC4]))
        let compiled = SiteCompiler.compile(site.options())
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.kind).sorted() == ["duplicate-url", "encoding"])
        #expect(errors.first { $0.kind == "encoding" }?.column == 3)
        #expect(compiled.files["k8s/kube-apiserver/index.html"] != nil)
        #expect(compiled.files["linux/sysctl/index.html"] != nil)
    }

    @Test func aSiteThemeOverridesSingleTemplates() throws {
        var files = SiteFixture.opsNotes
        files["theme/templates/page.mustache"] = "<p class=\"mine\">{{page.title}}</p>{{{page.content}}}"
        let site = try SiteFixture(files)
        defer { site.remove() }
        _ = try site.build()
        #expect(site.read("public/linux/sysctl/index.html")?.hasPrefix("<p class=\"mine\">内核参数调优</p>") == true)
        #expect(site.read("public/index.html")?.contains("<!DOCTYPE html>") == true)  // list still from the default theme
    }

    @Test func aTemplateSyntaxErrorIsReportedInTheTemplate() throws {
        var files = SiteFixture.opsNotes
        files["theme/templates/list.mustache"] = "line one\n{{#list}}never closed\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.published)
        #expect(report.diagnostics.contains { $0.file == "theme/templates/list.mustache" && $0.kind == "template" })
    }
}

@Suite struct SiteSnippetTests {
    @Test func buildPublishesSnippetsAndDecoratesCodeBlocks() throws {
        var files = SiteFixture.opsNotes
        files["content/install/runbook.md"] = "+++\ntitle = \"安装手册\"\n+++\n## 准备\n\n```console\n[root@m1 ~]# swapoff -a\n[root@m1 ~]# lsmod | grep br_netfilter\nbr_netfilter 36864 0\n```\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.published)
        // The transcript runs as written: its commands are a part of the page's all.sh.
        let script = try #require(site.read("public/snippets/install/runbook/all.sh"))
        #expect(script.contains("\n# --- 准备 (install/runbook.md:6, zhun-bei-1) · "))
        #expect(script.hasSuffix(" → ok\nswapoff -a\nlsmod | grep br_netfilter\n"))
        let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("public/snippets/install/runbook/all.sh").path)
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o111 != 0)
        #expect(!site.exists("public/snippets/install/runbook/zhun-bei-1.sh"))
        #expect(site.exists("public/snippets/index.json"))
        let page = try #require(site.read("public/install/runbook/index.html"))
        #expect(page.contains("<span class=\"code-kind\">console</span>"))
        #expect(page.contains("href=\"/snippets/install/runbook/all.sh\""))
        #expect(!page.contains("opsdocs-code:"))
        // The verification cache lives inside the output folder, nothing beside opsdocs.toml.
        #expect(site.exists("public/.opsdocs/verification.json"))
        #expect(!site.exists(".opsdocs-cache"))
    }

    @Test func aBrokenSnippetWarnsInTheBuildAndFailsTheCheck() throws {
        var files = SiteFixture.opsNotes
        files["content/install/runbook.md"] = "# 手册\n\n```bash\nif true; then\n  echo x\n```\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.published)  // a snippet problem never blocks the site
        let warning = try #require(report.diagnostics.first { $0.kind == "bash -n" })
        #expect(warning.severity == .warning && warning.file == "content/install/runbook.md")
        let check = SnippetCommand.collect(site.options(), query: SnippetQuery())
        #expect(check.diagnostics.contains { $0.kind == "bash -n" && $0.severity == .error && $0.line == 6 })  // EOF: the closing fence
    }
}
