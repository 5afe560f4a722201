// Notes written for Hugo: shortcodes and image sizes are rendered as what they mean, never
// printed, and every line keeps its number.

import Testing
@testable import OpsdocsMarkdown

@Suite struct ShortcodesTests {
    private func render(_ markdown: String) -> RenderedMarkdown { MarkdownRenderer.render(markdown) }

    @Test func aCalloutIsAnAlertWithItsTitleAndItsMarkdownInside() {
        let out = render("""
        {{< callout note "Karmada 名称的由来" >}}
        `Karmada` 由 "Kubernetes" 和 "Armada" 组合而来。

        ```bash
        kubectl get clusters
        ```
        {{< /callout >}}

        {{% notice warning %}}
        删除 CronJob 不会删除它的 Job。
        {{% /notice %}}
        """)
        #expect(out.html.contains(#"<div class="alert alert-note" role="note"><p class="alert-title">Karmada 名称的由来</p>"#))
        #expect(out.html.contains("<code>Karmada</code> 由"))
        #expect(out.html.contains(#"<div class="alert alert-warning""#))
        #expect(!out.html.contains("{{"))
        // The fenced block inside is still a block, on its own line.
        #expect(out.codeBlocks.map(\.line) == [4])
        #expect(out.codeBlocks.first?.code == "kubectl get clusters\n")
    }

    @Test func wrappersGiveUpTheirMarkdownAndTheirTitle() {
        let out = render("""
        {{< table title="主流多集群方案" >}}

        | 类别 | 代表 |
        | --- | --- |
        | API | Gateway API |

        {{< /table >}}
        """)
        #expect(out.html.contains("<p><strong>主流多集群方案</strong></p>"))
        #expect(out.html.contains("<td>Gateway API</td>"))
        #expect(!out.html.contains("{{"))
        #expect(out.notices.isEmpty)
    }

    @Test func refsFiguresSectionTOCsAndImageSizes() {
        let out = render("""
        见[安装](  {{< ref "setup/install.md" >}}  )。

        {{< figure src="arch.png" caption="架构图" >}}

        ![证书管理流程](cert.png){width=1920 height=566}

        {{< section-toc show_summary="true" style="cards" >}}
        """)
        #expect(out.html.contains(#"<a href="setup/install.md">安装</a>"#))
        #expect(out.html.contains(#"<img src="arch.png" alt="架构图" /> <em>架构图</em>"#))
        #expect(out.html.contains(#"<img src="cert.png" alt="证书管理流程" />"#))
        #expect(!out.html.contains("width="))
        #expect(out.html.contains(MarkdownRenderer.sectionTOCMarker))
        #expect(!out.html.contains("opsdocs-section-toc-7d1f"))
    }

    @Test func anUnknownShortcodeIsAWarningAtItsLineAndItsContentIsShown() {
        let out = render("""
        正文

        {{< tabs name="安装方式" >}}
        用 `kubeadm` 安装。
        {{< /tabs >}}

        {{< mermaid-diagram >}}
        graph LR
        {{< /mermaid-diagram >}}
        看视频 {{< youtube w7Ft2ymGmfc >}}。
        """)
        #expect(out.html.contains("用 <code>kubeadm</code> 安装。"))
        #expect(out.html.contains("graph LR"))
        #expect(out.html.contains("<p>看视频 。</p>"))
        #expect(out.notices.map { "\($0.line):\($0.column) \($0.kind)" } == ["7:1 shortcode", "10:5 shortcode"])
        #expect(out.notices.first?.message == "unknown shortcode `mermaid-diagram`: its content is shown without it (theme/shortcodes/mermaid-diagram.mustache would render it)")
    }

    @Test func shortcodesInCodeAreLeftAsWritten() {
        let out = render("""
        写成 `{{< callout note >}}` 即可：

        ```markdown
        {{< callout note "注意" >}}
        内容
        {{< /callout >}}
        ![图](a.png){width=10}
        ```
        """)
        #expect(out.html.contains("<code>{{&lt; callout note &gt;}}</code>"))
        #expect(out.codeBlocks.first?.code == "{{< callout note \"注意\" >}}\n内容\n{{< /callout >}}\n![图](a.png){width=10}\n")
        #expect(!out.html.contains("alert"))
    }

    @Test func windowsLineEndingsToo() {
        let out = render("{{< callout warning >}}\r\n先备份。\r\n{{< /callout >}}\r\n")
        #expect(out.html.contains(#"<div class="alert alert-warning""#))
        #expect(!out.html.contains("{{"))
    }

    // MARK: The theme's own shortcodes

    private func render(_ markdown: String, user: Set<String>) -> RenderedMarkdown {
        var options = MarkdownOptions()
        options.userShortcodes = user
        return MarkdownRenderer.render(markdown, options: options)
    }

    @Test func aThemeShortcodeLeavesAMarkerPerCallWithItsArguments() {
        let out = render("""
        按 {{< kbd Ctrl C >}} 停止。

        {{< youtube id="abc" >}}
        """, user: ["kbd", "youtube"])
        #expect(out.shortcodeCalls.map(\.name) == ["kbd", "youtube"])
        #expect(out.shortcodeCalls.first?.positional == ["Ctrl", "C"])
        #expect(out.shortcodeCalls.last?.named == ["id": "abc"])
        #expect(out.shortcodeCalls.map(\.line) == [1, 3])
        #expect(out.html.contains("按 " + MarkdownRenderer.inlineShortcodeMarker(0) + " 停止"))
        #expect(out.html.contains(MarkdownRenderer.shortcodeMarker(1)))
        #expect(out.notices.isEmpty, "a shortcode the theme defines is not unknown")
    }

    @Test func aPairedThemeShortcodeKeepsItsInnerMarkdownBetweenTwoMarkers() {
        let out = render("""
        {{< panel title="注意" >}}
        面板里的 **文字**。
        ```bash
        kubectl get pods
        ```
        {{< /panel >}}
        """, user: ["panel"])
        let call = out.shortcodeCalls.first
        #expect(call?.paired == true && call?.endLine == 6)
        let start = out.html.range(of: MarkdownRenderer.shortcodeMarker(0))
        let end = out.html.range(of: MarkdownRenderer.shortcodeEndMarker(0))
        let strong = out.html.range(of: "<strong>文字</strong>")
        #expect(start != nil && end != nil && strong != nil)
        if let start, let end, let strong { #expect(start.upperBound <= strong.lowerBound && strong.upperBound <= end.lowerBound) }
        #expect(out.codeBlocks.map(\.line) == [3], "the block inside is a snippet at its own line")
    }

    @Test func aMarkerTheAuthorTypedIsRawHTMLAndOmitted() {
        let out = render("""
        <!--opsdocs-shortcode:0-->

        文字 <opsdocs-shortcode-0/> {{< kbd A >}}
        """, user: ["kbd"])
        #expect(!out.html.contains(MarkdownRenderer.shortcodeMarker(0)))
        #expect(out.html.components(separatedBy: MarkdownRenderer.inlineShortcodeMarker(0)).count == 2,
                "one marker for the one call")
    }

    @Test func theUnknownShortcodeWarningSaysHowToRenderIt() {
        let out = render("{{< asciinema 123 >}}\n", user: [])
        #expect(out.notices.first?.message.contains("theme/shortcodes/asciinema.mustache") == true)
    }
}
