// Relative links between notes keep working after notes become pretty URLs.

import Testing
@testable import OpsdocsMarkdown

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        pageURLs: ["k8s/kube-apiserver.md": "k8s/kube-apiserver/", "install/kubeadm.md": "install/kubeadm/",
                   "k8s/etcd/index.md": "k8s/etcd/", "docs/setup/ha.md": "docs/setup/ha/", "guide/README.md": "guide/"],
        basePath: "/notes/")

    @Test func relativeNoteLinksBecomePageURLs() {
        let md = "见 [安装](../install/kubeadm.md#初始化控制平面)、[etcd](etcd/index.md) 和 [外部](https://kubernetes.io/a.md)"
        let out = MarkdownRenderer.render(md, sourcePath: "k8s/kube-apiserver.md", links: resolver)
        #expect(out.html.contains("href=\"/notes/install/kubeadm/#%E5%88%9D%E5%A7%8B%E5%8C%96%E6%8E%A7%E5%88%B6%E5%B9%B3%E9%9D%A2\""))
        #expect(out.html.contains("href=\"/notes/k8s/etcd/\""))
        #expect(out.html.contains("href=\"https://kubernetes.io/a.md\""))
        #expect(out.links[0].resolution == .page(sourcePath: "install/kubeadm.md", fragment: "初始化控制平面"))
    }

    @Test func missingNoteIsReportedAndLeftAsWritten() {
        let out = MarkdownRenderer.render("[旧文档](old.md)", sourcePath: "k8s/a.md", links: resolver)
        #expect(out.links[0].resolution == .missingPage(target: "old.md"))
        #expect(out.html.contains("href=\"old.md\""))
    }

    @Test func rootAbsoluteLinksFromACopiedRepository() {
        // kubespray's docs link `/docs/setup/ha.md` from their repository root.
        let resolution = resolver.resolve("/docs/setup/ha.md", from: "docs/advanced/x.md")
        #expect(resolution == .page(sourcePath: "docs/setup/ha.md", fragment: nil))
    }

    @Test func assetsNextToANoteGetASitePath() {
        let out = MarkdownRenderer.render("![图](img/flow.png)", sourcePath: "k8s/kube-apiserver.md", links: resolver)
        #expect(out.links[0].resolution == .asset(sitePath: "k8s/img/flow.png"))
        #expect(out.html.contains("src=\"/notes/k8s/img/flow.png\""))
    }

    @Test func folderLinksFindTheirIndexNote() {
        #expect(resolver.resolve("../guide/", from: "k8s/a.md") == .page(sourcePath: "guide/README.md", fragment: nil))
        #expect(resolver.resolve("#本节", from: "k8s/a.md") == .unchanged)
        #expect(resolver.resolve("mailto:ops@example.com", from: "k8s/a.md") == .unchanged)
    }

    @Test func linksCannotClimbAboveTheSourceFolder() {
        #expect(resolver.resolve("../../../etc/passwd.md", from: "k8s/a.md") == .missingPage(target: "../../../etc/passwd.md"))
        #expect(resolver.resolve("../../../etc/passwd", from: "k8s/a.md") == .unchanged)
    }
}
