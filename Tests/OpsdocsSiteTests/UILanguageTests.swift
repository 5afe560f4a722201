// The page's labels follow `language` (and a note's `lang`): an English site shows no Chinese
// label, and every label the theme asks for is in the strings table.

import Foundation
import Testing
@testable import OpsdocsConfig
@testable import OpsdocsSite

@Suite struct UILanguageTests {
    static let notes = [
        "content/_index.md": "---\ntitle: Ops notes\n---\nHome.\n",
        "content/k8s/kubeadm.md": """
            ---
            title: kubeadm
            tags: [k8s]
            ---
            ## Install

            > [!WARNING]
            > Back up etcd first.

            ```console
            $ kubeadm init --token <token>
            ```

            ## Join

            Text.
            """,
        "content/k8s/中文.md": "---\ntitle: 中文笔记\nlang: zh-CN\n---\n## 安装\n\n> [!NOTE]\n> 先备份。\n\n## 加入\n\n正文\n",
    ]

    /// The page without its notes' own words: what the theme and opsdocs put there.
    static func chrome(_ html: String) -> String {
        var text = html
        for (open, close) in [("<div class=\"content\">", "\n  </div>"), ("<title>", "</title>")] {
            if let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.upperBound..<end.lowerBound)
            }
        }
        return text
    }

    static func hasChinese(_ s: String) -> Bool { s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    @Test func anEnglishSiteHasEnglishLabelsAndANoteMayHaveItsOwn() throws {
        var files = Self.notes
        files["opsdocs.toml"] = "title = \"Ops notes\"\nlanguage = \"en\"\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        _ = try site.build()
        let page = try #require(site.read("public/k8s/kubeadm/index.html"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains(#"<p class="alert-title">Warning</p>"#))
        #expect(page.contains(">Contents</summary>") && page.contains("1 min read") && page.contains(">snippet file</a>"))
        for path in ["public/k8s/kubeadm/index.html", "public/index.html", "public/archive/index.html", "public/404.html",
                     "public/search/index.html", "public/tags/index.html", "public/tags/k8s/index.html"] {
            let html = try #require(site.read(path), "\(path)")
            // (the Chinese note's own title and text show in lists)
            let chrome = ["中文笔记", "正文", "先备份", "安装", "加入"].reduce(Self.chrome(html)) { $0.replacingOccurrences(of: $1, with: "") }
            #expect(!Self.hasChinese(chrome), "\(path): \(chrome.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.prefix(20))")
        }
        // `lang: zh-CN` in its front matter: that note is in Chinese.
        let chinese = try #require(site.read("public/k8s/中文/index.html"))
        #expect(chinese.contains("<html lang=\"zh-CN\">"))
        #expect(chinese.contains(#"<p class="alert-title">说明</p>"#) && chinese.contains(">目录</summary>"))
    }

    @Test func aChineseSiteHasChineseLabels() throws {
        var files = Self.notes
        files["opsdocs.toml"] = "title = \"运维笔记\"\nlanguage = \"zh-CN\"\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        _ = try site.build()
        let page = try #require(site.read("public/k8s/kubeadm/index.html"))
        #expect(page.contains(#"<p class="alert-title">警告</p>"#) && page.contains(">目录</summary>") && page.contains("约 1 分钟"))
        #expect(page.contains(">片段文件</a>"))
    }

    @Test func everyLabelTheThemeAsksForIsInTheTable() {
        for (path, text) in DefaultTheme.files {
            var asked: [String] = []
            for pattern in [#"\{\{strings\.([A-Za-z]+)\}\}"#, #"\bt\("([A-Za-z]+)""#, #"label\("([A-Za-z]+)""#] {
                let regex = try? NSRegularExpression(pattern: pattern)
                for match in regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
                    if let range = Range(match.range(at: 1), in: text) { asked.append(String(text[range])) }
                }
            }
            for key in asked { #expect(UIStrings.table[key] != nil, "\(path) asks for `\(key)`") }
            if path.hasSuffix(".js") {
                for key in asked { #expect(UIStrings.scriptKeys.contains(key), "\(path): `\(key)` is not passed to scripts") }
            }
        }
    }
}
