// A throwaway project folder (content/, opsdocs.toml, theme/) for site tests.

import Foundation
import OpsdocsSite

struct SiteFixture {
    let root: URL

    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-test-\(UUID().uuidString)")
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func options(output: String = "public") -> BuildOptions {
        BuildOptions(source: root.appendingPathComponent("content"), output: root.appendingPathComponent(output),
                     projectRoot: root, sourceDisplay: "content")
    }

    func build(output: String = "public") throws -> BuildReport {
        try SiteBuilder.build(options(output: output))
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    /// Relative path → bytes of every file below `folder`.
    func tree(_ folder: String) -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        while let rel = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = base.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[rel] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A small site in the style of real ops notes.
    static let opsNotes: [String: String] = [
        "opsdocs.toml": "title = \"运维笔记\"\nbaseURL = \"https://notes.example.org/\"\nlanguage = \"zh-CN\"\n",
        "content/_index.md": "---\ntitle: 运维笔记\n---\n首页介绍。\n",
        "content/k8s/kube-apiserver.md": """
            ---
            title: kube-apiserver 概览
            date: 2024-05-20
            tags: [kubernetes, apiserver]
            ---
            ## 滚动升级

            先升级 [etcd](etcd/index.md#创建快照)，再看 [内核参数](../linux/2024-04-08-sysctl.md)。

            <script>alert("x")</script>
            """,
        "content/k8s/etcd/index.md": "---\ntitle: etcd 备份\ndate: 2024-06-02\ntags: [kubernetes]\n---\n## 创建快照\n\n![流程](flow.svg)\n\n![速查表](https://cdn.example.com/x.webp)\n",
        "content/k8s/etcd/flow.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "content/linux/2024-04-08-sysctl.md": "# 内核参数调优\n\n`net.ipv4.tcp_tw_reuse = 1`\n",
        "content/install/runbook.md": "+++\ntitle = \"安装手册\"\n+++\n见 [不存在](missing.md) 与 [锚点](../k8s/kube-apiserver.md#不存在)。\n",
        "content/drafts/wip.md": "---\ntitle: 草稿\ndraft: true\n---\n未完成\n",
    ]
}
