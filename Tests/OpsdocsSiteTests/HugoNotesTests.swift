// Notes written for Hugo, on the site: `section-toc` lists the folder's notes, and no page of
// the corpus site shows a raw shortcode or image size outside code.

import Foundation
import Testing
@testable import OpsdocsSite

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
