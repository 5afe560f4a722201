// Emphasis next to Chinese text closes where a reader sees it close, as markdown-it's
// cjk-friendly rule has it; ASCII text keeps CommonMark's rules.

import Testing
@testable import OpsdocsMarkdown

@Suite struct CJKEmphasisTests {
    private func html(_ markdown: String) -> String { MarkdownRenderer.render(markdown).html }

    @Test func strongAndEmphasisBesideFullWidthPunctuationAndChineseClose() {
        #expect(html("**编解码 API（Codec API）**将数据\n") == "<p><strong>编解码 API（Codec API）</strong>将数据</p>\n")
        #expect(html("使用**“引号”**来\n") == "<p>使用<strong>“引号”</strong>来</p>\n")
        #expect(html("以及 *斜体（注）*呢\n") == "<p>以及 <em>斜体（注）</em>呢</p>\n")
        #expect(html("- 列表 **项目（一）**里 `a*b`\n").contains("<li>列表 <strong>项目（一）</strong>里 <code>a*b</code></li>"))
    }

    @Test func asciiTextAndStrayAsterisksAreLeftAlone() {
        #expect(html("2 * 3 * 4 与 a**b**c\n") == "<p>2 * 3 * 4 与 a<strong>b</strong>c</p>\n")
        #expect(html("文件 *.log 和 *.txt\n") == "<p>文件 *.log 和 *.txt</p>\n")
        #expect(html("only **(brackets)**here\n") == "<p>only **(brackets)**here</p>\n")
    }

    @Test func aParagraphOfThousandsOfPairsStillRenders() {
        let text = String(repeating: "乙**（甲）**乙 ", count: 5_000) + "\n"
        let out = html(text)
        #expect(out.hasPrefix("<p>") && out.components(separatedBy: "（甲）").count == 5_001)
    }
}
