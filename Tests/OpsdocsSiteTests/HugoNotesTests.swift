// Notes written for Hugo, on the site: `section-toc` lists the folder's notes, and no page of
// the corpus site shows a raw shortcode or image size outside code.

import Foundation
import Testing
@testable import OpsdocsSite
import OpsdocsSnippets

@Suite struct HugoNotesTests {
    @Test func sectionTOCListsTheFoldersSubFoldersAndNotes() throws {
        let site = try SiteFixture([
            "content/k8s/_index.md": "---\ntitle: Kubernetes\n---\n本章目录：\n\n{{< section-toc show_summary=\"true\" style=\"cards\" >}}\n",
            "content/k8s/kubeadm.md": "---\ntitle: kubeadm 安装\n---\n用 kubeadm 搭一个集群。\n",
            "content/k8s/etcd.md": "---\ntitle: etcd <备份>\n---\n快照与恢复。\n",
            "content/k8s/cni/calico.md": "---\ntitle: Calico\n---\n正文\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.errorCount == 0)
        let html = try #require(site.read("public/k8s/index.html"))
        let list = try #require(html.range(of: #"<ul class="section-toc">"#).map { html[$0.lowerBound...] })
        #expect(list.contains(#"<li><a href="/k8s/cni/">cni</a></li>"#))
        #expect(list.contains(#"<a href="/k8s/kubeadm/">kubeadm 安装</a><p class="summary">用 kubeadm 搭一个集群。</p>"#))
        #expect(list.contains("etcd &lt;备份&gt;"))
        #expect(!html.contains("section-toc show_summary"))
    }

    @Test func theThemesShortcodeTemplatesRenderTheirCallsWithArgumentsEscaped() throws {
        let site = try SiteFixture([
            "theme/shortcodes/kbd.mustache": "<kbd>{{#args}}<span>{{.}}</span>{{/args}}</kbd>\n",
            "theme/shortcodes/panel.mustache": "<section class=\"panel\"><h4>{{title}}</h4>\n{{{body}}}\n</section>\n",
            "theme/shortcodes/callout.mustache": "<aside class=\"mine\">{{{body}}}</aside>\n",
            "content/k8s/etcd.md": """
                ---
                title: etcd 备份
                ---
                按 {{< kbd Ctrl "<C>" >}} 停止 etcdctl。

                {{< panel title="注意 <b>快照</b>" >}}
                快照前先 **停写**。

                ```bash
                ETCDCTL_API=3 etcdctl snapshot save /backup/etcd.db
                ```
                {{< /panel >}}

                {{< callout note >}}
                主题的 callout 优先。
                {{< /callout >}}
                """,
        ])
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.filter { $0.kind == "shortcode" }.isEmpty)
        let html = try #require(site.read("public/k8s/etcd/index.html"))
        #expect(html.contains("按 <kbd><span>Ctrl</span><span>&lt;C&gt;</span></kbd> 停止"))
        #expect(html.contains("<h4>注意 &lt;b&gt;快照&lt;/b&gt;</h4>"), "arguments from the note are escaped")
        let panel = try #require(html.range(of: #"<section class="panel">"#).map { html[$0.lowerBound...] })
        let body = panel[..<(panel.range(of: "</section>")?.lowerBound ?? panel.endIndex)]
        #expect(body.contains("<strong>停写</strong>") && body.contains("etcdctl snapshot save"))
        #expect(body.contains(#"class="code-meta""#), "the block inside still carries its snippet badge")
        #expect(html.contains(#"<aside class="mine"><p>主题的 callout 优先。</p></aside>"#))
        #expect(!html.contains("{{<") && !html.contains("opsdocs-shortcode"))
        let script = try #require(site.read("public/snippets/k8s/etcd/all.sh"))
        #expect(script.contains("etcdctl snapshot save"))
    }

    @Test func aShortcodeTemplateWithASyntaxErrorIsAnErrorInTheTemplate() throws {
        let site = try SiteFixture([
            "theme/shortcodes/kbd.mustache": "<kbd>\n{{#args}}{{.}}\n</kbd>\n",
            "content/a.md": "按 {{< kbd A >}}\n",
        ])
        defer { site.remove() }
        let report = try site.build()
        let error = report.diagnostics.first { $0.kind == "template" }
        #expect(error?.file == "theme/shortcodes/kbd.mustache" && error?.severity == .error)
        #expect(!report.published, "an error keeps the last good output, as any template error does")
        #expect(report.diagnostics.contains { $0.kind == "shortcode" && $0.file == "content/a.md" },
                "the call falls back to the default handling: an unknown shortcode")
    }

    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func inABrowserShortcodesShowAsCalloutsListsAndTheThemesMarkupNeverAsText() throws {
        let site = try SiteFixture([
            "theme/shortcodes/kbd.mustache": "<kbd>{{#args}}{{.}}{{/args}}</kbd>\n",
            "content/k8s/_index.md": "---\ntitle: Kubernetes\n---\n本章：\n\n{{< section-toc >}}\n",
            "content/k8s/etcd.md": """
                ---
                title: etcd 备份
                ---
                {{< callout warning "先停写" >}}
                快照前按 {{< kbd Ctrl >}} 退出写入程序。
                {{< /callout >}}

                {{< table title="命令对比" >}}
                | 命令 | 作用 |
                | --- | --- |
                | `etcdctl snapshot save` | 快照 |
                {{< /table >}}

                ![拓扑](topology.png){width=1920 height=566}

                {{% notice tip %}}
                恢复前检查 `member list`。
                {{% /notice %}}

                {{< asciinema 1234 >}}
                """,
            "content/k8s/kubeadm.md": "---\ntitle: kubeadm 安装\n---\n正文\n",
        ])
        defer { site.remove() }
        _ = try site.build()
        let script = SearchBrowserTests.repository.appendingPathComponent("bench/shortcodes-browser.py").path
        let output = site.root.appendingPathComponent("public").path
        let run = try #require(ProcessRunner.run("/usr/bin/python3", [script, output, "kbd", "/k8s/etcd/", "/k8s/"], timeout: 120))
        #expect(run.status == 0, "\(run.stderrText)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.stdoutText.utf8)) as? [String: [String: Any]])
        let note = try #require(seen["/k8s/etcd/"])
        #expect(note["raw"] as? [String] == [], "no shortcode or image size shows as text")
        let callouts = note["callouts"] as? [[String: Any]] ?? []
        #expect(callouts.map { $0["title"] as? String } == ["先停写", "提示"])
        #expect(callouts.allSatisfy { $0["boxed"] as? Bool == true })
        #expect(note["themeElements"] as? [String] == ["Ctrl"], "the theme's shortcode inside a callout")
        let list = try #require(seen["/k8s/"])
        #expect(list["sectionTOC"] as? [String] == ["etcd 备份", "kubeadm 安装"])
        #expect(list["raw"] as? [String] == [])
    }

    /// What a reader sees as text: the page without its code.
    static func prose(_ html: String) -> String {
        var text = html
        for (open, close) in [("<pre", "</pre>"), ("<code", "</code>"), ("data-script=\"", "\"")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return text
    }

    @Test(.enabled(if: JudgedSearchSite.available, "../shared/corpus(-extra) missing"))
    func theCorpusSiteShowsNoRawShortcodeOrImageSize() throws {
        let site = try JudgedSearchSite.shared.get()
        var pages = 0
        var raw: [String] = []
        let files = FileManager.default.enumerator(atPath: site.output.path)
        while let path = files?.nextObject() as? String {
            guard path.hasSuffix(".html"), let data = FileManager.default.contents(atPath: site.output.appendingPathComponent(path).path)
            else { continue }
            pages += 1
            let text = Self.prose(String(decoding: data, as: UTF8.self))
            for needle in ["{{&lt;", "{{<", "{{%", "{width=", "{height="] where text.contains(needle) { raw.append("\(path): \(needle)") }
        }
        #expect(pages > 400)
        #expect(raw.isEmpty, "\(raw.prefix(10))")
    }
}
