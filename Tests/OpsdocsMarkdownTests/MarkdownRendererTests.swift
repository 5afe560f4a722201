// Spec of the Markdown stage: GFM rendering, heading ids, raw HTML policy, fenced block facts.

import Testing
@testable import OpsdocsMarkdown

@Suite struct MarkdownRendererTests {
    @Test func rendersGFMExtensions() {
        let md = """
        | 参数 | 默认值 |
        | --- | --- |
        | `net.core.somaxconn` | 4096 |

        ~~旧参数~~ 见 https://kubernetes.io 与 www.example.com

        - [x] 备份 etcd
        - [ ] 升级 kubelet

        内核说明[^1]

        [^1]: 见 sysctl 文档
        """
        let html = MarkdownRenderer.render(md).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>旧参数</del>"))
        #expect(html.contains("<a href=\"https://kubernetes.io\">"))
        #expect(html.contains("<a href=\"http://www.example.com\">"))
        #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
        #expect(html.contains("class=\"footnotes\""))
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        let md = "<script>alert(1)</script>\n\n段落 <b onclick=\"x()\">粗</b>\n"
        let safe = MarkdownRenderer.render(md).html
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("onclick"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = MarkdownRenderer.render(md, options: MarkdownOptions(unsafeHTML: true)).html
        #expect(unsafe.contains("<b onclick=\"x()\">粗</b>"))
        // tagfilter still neutralises <script> even in unsafe mode.
        #expect(unsafe.contains("&lt;script>"))
    }

    @Test func headingIDsFollowGitHubWithCJKKept() {
        let md = """
        # 安装指南
        ## 滚动升级
        ## 滚动升级
        ## Step 1: 配置 `kube-proxy` (IPVS)
        ### 滚动升级
        """
        let out = MarkdownRenderer.render(md)
        #expect(out.headings.map(\.id) == ["安装指南", "滚动升级", "滚动升级-1", "step-1-配置-kube-proxy-ipvs", "滚动升级-2"])
        #expect(out.html.contains("<h2 id=\"滚动升级\">滚动升级<a class=\"anchor\" href=\"#滚动升级\""))
        #expect(out.html.contains("<h2 id=\"滚动升级-1\">"))
        #expect(!out.html.contains("opsdocs-heading"))
        #expect(out.firstH1?.text == "安装指南")
        #expect(out.tableOfContents.map(\.heading.id) == ["滚动升级", "滚动升级-1", "step-1-配置-kube-proxy-ipvs"])
        #expect(out.tableOfContents[2].children.map(\.heading.id) == ["滚动升级-2"])
    }

    @Test func headingSlugDropsFullWidthPunctuation() {
        #expect(HeadingIDGenerator.slug("证书（CA）与密钥：说明") == "证书ca与密钥说明")
        #expect(HeadingIDGenerator.slug("net.ipv4.tcp_tw_reuse") == "netipv4tcp_tw_reuse")
        #expect(HeadingIDGenerator.slug("A - B") == "a---b")
    }

    @Test func fencedBlocksReportInfoLineIndexAndSection() {
        let md = """
        # 标题

        ## 安装

        ```bash title="install.sh"
        apt-get install -y kubelet
        ```

            indented code is not a fenced block

        ~~~
        bare
        ~~~
        """
        let out = MarkdownRenderer.render(md, lineOffset: 4)
        #expect(out.codeBlocks.count == 2)
        #expect(out.codeBlocks[0].index == 0)
        #expect(out.codeBlocks[0].info == "bash title=\"install.sh\"")
        #expect(out.codeBlocks[0].language == "bash")
        #expect(out.codeBlocks[0].line == 9)
        #expect(out.codeBlocks[0].code == "apt-get install -y kubelet\n")
        #expect(out.codeBlocks[0].section == "安装")
        #expect(out.codeBlocks[1].index == 1)
        #expect(out.codeBlocks[1].language == "")
        #expect(out.codeBlocks[1].line == 15)
    }

    @Test func linksReportTheirLineAndColumn() {
        let md = "第一行\n\n见 [证书](../setup/ca.md#创建-ca-证书) 一节\n"
        let out = MarkdownRenderer.render(md, lineOffset: 2)
        #expect(out.links.count == 1)
        #expect(out.links[0].line == 5)
        #expect(out.links[0].column == 3)
    }
}

@Suite struct RemoteImageTests {
    @Test func remoteImagesBecomeLinksSoPagesWorkOffline() {
        let md = "![部署速查表 <b>x</b>](https://assets.example.com/cheatsheet.webp) 与 ![本地](flow.svg)"
        let html = MarkdownRenderer.render(md).html
        #expect(!html.contains("<img src=\"https://"))
        #expect(html.contains("<a class=\"remote-image\" href=\"https://assets.example.com/cheatsheet.webp\" rel=\"noopener\">外部图片：部署速查表"))
        #expect(html.contains("<img src=\"flow.svg\""))
        let loaded = MarkdownRenderer.render(md, options: MarkdownOptions(remoteImagesAsLinks: false)).html
        #expect(loaded.contains("<img src=\"https://assets.example.com/cheatsheet.webp\""))
    }
}

@Suite struct LeadingTitleTests {
    @Test func anOpeningH1IsLiftedOutOfTheBody() {
        let out = MarkdownRenderer.render("# 内核参数调优\n\n正文\n\n# 第二个一级标题\n", options: MarkdownOptions(liftLeadingTitle: true))
        #expect(out.leadingTitle?.text == "内核参数调优")
        #expect(!out.html.contains("内核参数调优"))
        #expect(out.html.contains("<h1 id=\"第二个一级标题\">"))
    }

    @Test func anH1AfterTextStaysInTheBody() {
        let out = MarkdownRenderer.render("前言\n\n# 标题\n", options: MarkdownOptions(liftLeadingTitle: true))
        #expect(out.leadingTitle == nil)
        #expect(out.firstH1?.text == "标题")
        #expect(out.html.contains("<h1 id=\"标题\">"))
    }
}

@Suite struct PathologicalInputTests {
    @Test func absurdNestingIsRefusedInsteadOfHanging() {
        // cmark-gfm 0.29 takes minutes on this; real notes never nest 100 deep.
        let md = String(repeating: ">", count: 50_000) + " x\n" + String(repeating: "[", count: 50_000) + "\n"
        let out = MarkdownRenderer.render(md)
        #expect(out.refusal?.contains("100 levels") == true)
        #expect(out.html.isEmpty)
    }

    @Test func ordinaryNestingIsRendered() {
        let md = "> 引用\n> > 嵌套\n\n- a\n  - b\n    - c\n\n" + String(repeating: "-", count: 300) + "\n\n" + String(repeating: "*", count: 300) + "\n"
        let out = MarkdownRenderer.render(md)
        #expect(out.refusal == nil)
        #expect(out.html.contains("<blockquote>"))
    }
}

@Suite struct SectionTextTests {
    @Test func theNoteIsCutAtEveryHeadingFromH2DownWithRenderedText() {
        let md = """
        # 标题

        开头 max\\_user\\_watches 说明。

        ## 安装

        运行 **kubeadm**：

        ```bash
        kubeadm init
        ```

        #### 细节

        - 一
        - 二

        ### 参数

        `--leader-elect`
        """
        let out = MarkdownRenderer.render(md)
        #expect(out.sections.count == 4)
        #expect(out.sections[0].heading == nil)
        #expect(out.sections[0].body.contains("max_user_watches"))
        #expect(out.sections[1].heading.map { out.headings[$0].text } == "安装")
        #expect(out.sections[1].body.contains("运行 kubeadm："))
        #expect(out.sections[1].code == "kubeadm init\n")
        #expect(out.sections[2].heading.map { out.headings[$0].text } == "细节")
        #expect(out.sections[2].body.contains("一") && !out.sections[2].body.contains("kubeadm"))
        #expect(out.sections[3].body.contains("--leader-elect"))
    }

    @Test func aDeepHeadingIsShownUnderTheH2AndH3ItSitsIn() {
        let md = """
        ## 内核参数

        ### TCP

        #### net.ipv4.tcp_fin_timeout = 30

        缩短 FIN_WAIT_2。

        ##### 注意

        ## 其他
        """
        let out = MarkdownRenderer.render(md)
        let paths = out.headings.indices.map { out.headingPath($0).map(\.text).joined(separator: " › ") }
        #expect(paths == ["内核参数", "内核参数 › TCP", "内核参数 › TCP › net.ipv4.tcp_fin_timeout = 30",
                          "内核参数 › TCP › 注意", "其他"])
    }
}
