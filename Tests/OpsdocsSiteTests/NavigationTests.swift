// The section tree: one nav.json every page shares (sub-folders before pages, a folder that
// only holds one folder folded into it), so a page's HTML does not grow with the site; in the
// browser, a column at 1280 px and a drawer at 390 px with the current page marked.

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct NavigationTests {
    struct Node: Decodable, Equatable { var t: String; var u: String; var c: [Node]? }

    static func notes(extra: Int = 0) -> [String: String] {
        var files = [
            "opsdocs.toml": "title = \"运维笔记\"\n",
            "content/_index.md": "---\ntitle: 运维笔记\n---\n首页。\n",
            "content/k8s/_index.md": "---\ntitle: Kubernetes\n---\n集群笔记。\n",
            "content/k8s/kubeadm.md": "---\ntitle: kubeadm 安装\n---\n正文\n",
            "content/k8s/cni/calico.md": "---\ntitle: Calico\n---\n正文\n",
            // docs/ holds nothing but network/: one entry, `docs / network`.
            "content/docs/network/sysctl.md": "---\ntitle: 内核参数\n---\n正文\n",
            "content/about.md": "---\ntitle: 关于\n---\n正文\n",
        ]
        for i in 0..<extra { files["content/more/note-\(i).md"] = "---\ntitle: 笔记 \(i)\n---\n正文\n" }
        return files
    }

    @Test func oneTreeFileWithFoldersFirstAndSingleChildFoldersFolded() throws {
        let site = try SiteFixture(Self.notes())
        defer { site.remove() }
        _ = try site.build()
        let tree = try JSONDecoder().decode([Node].self, from: Data(try #require(site.read("public/nav.json")).utf8))
        #expect(tree.map(\.t) == ["docs / network", "Kubernetes", "关于"])
        let k8s = try #require(tree.first { $0.t == "Kubernetes" })
        #expect(k8s.u == "k8s/")
        #expect(k8s.c?.map(\.t) == ["cni", "kubeadm 安装"])
        #expect(k8s.c?.first?.c?.map(\.u) == ["k8s/cni/calico/"])
        #expect(tree.first?.c?.map(\.t) == ["内核参数"])
    }

    @Test func aPageDoesNotCarryTheTreeSoItsSizeDoesNotGrowWithTheSite() throws {
        let small = try SiteFixture(Self.notes())
        let large = try SiteFixture(Self.notes(extra: 300))
        defer { small.remove(); large.remove() }
        _ = try small.build()
        _ = try large.build()
        let a = try #require(small.read("public/k8s/kubeadm/index.html")), b = try #require(large.read("public/k8s/kubeadm/index.html"))
        #expect(a.contains("id=\"site-tree\"") && a.contains("js/nav.js"))
        #expect(abs(a.utf8.count - b.utf8.count) < 200, "\(a.utf8.count) vs \(b.utf8.count) bytes")
        #expect((large.read("public/nav.json")?.utf8.count ?? 0) > (small.read("public/nav.json")?.utf8.count ?? 0) * 10)
    }

    @Test func aTitleChangeReachesTheTreeInTheIncrementalBuild() throws {
        let site = try SiteFixture(Self.notes())
        defer { site.remove() }
        _ = try site.build()
        try site.write("content/k8s/kubeadm.md", "---\ntitle: kubeadm 部署\n---\n正文\n")
        _ = try site.build()
        #expect(site.read("public/nav.json")?.contains("kubeadm 部署") == true)
        _ = try site.build(output: "clean")
        #expect(site.read("public/nav.json") == site.read("clean/nav.json"))
    }

    /// Opens `path` at `width` px in Chromium (bench/nav-browser.py).
    private func browse(_ output: URL, _ path: String, width: Int) throws -> [String: Any] {
        let script = SearchBrowserTests.repository.appendingPathComponent("bench/nav-browser.py").path
        let run = try #require(ProcessRunner.run("/usr/bin/python3", [script, output.path, path, String(width)], timeout: 120))
        #expect(run.status == 0, "\(run.stderrText)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdoutText.utf8)) as? [String: Any])
    }

    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func aColumnOnALaptopADrawerOnAPhone() throws {
        let site = try SiteFixture(Self.notes())
        defer { site.remove() }
        _ = try site.build()
        let output = site.root.appendingPathComponent("public")
        let laptop = try browse(output, "/k8s/cni/calico/", width: 1280)
        #expect(laptop["tree"] as? Bool == true)
        #expect(laptop["toggle"] as? Bool == false)
        #expect(laptop["current"] as? String == "Calico")
        #expect(laptop["open"] as? [String] == ["Kubernetes", "cni"])
        let phone = try browse(output, "/k8s/cni/calico/", width: 390)
        #expect(phone["tree"] as? Bool == false, "hidden until asked for")
        #expect(phone["toggle"] as? Bool == true)
        #expect(phone["afterToggle"] as? Bool == true)
        #expect(phone["afterEscape"] as? Bool == false)
        #expect(phone["current"] as? String == "Calico")
    }
}
