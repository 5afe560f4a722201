// GitHub alerts: `> [!NOTE]` … `> [!CAUTION]` render as callouts, anything else stays a quote.

import Testing
@testable import OpsdocsMarkdown

@Suite struct AlertsTests {
    @Test(arguments: [("NOTE", "note", "说明"), ("TIP", "tip", "提示"), ("IMPORTANT", "important", "重要"),
                      ("WARNING", "warning", "警告"), ("CAUTION", "caution", "危险")])
    func everyKindIsACallout(marker: String, kind: String, title: String) {
        let html = MarkdownRenderer.render("> [!\(marker)]\n> 升级前先备份 **etcd**。\n>\n> ```bash\n> etcdctl snapshot save a.db\n> ```\n").html
        #expect(html.contains("<div class=\"alert alert-\(kind)\" role=\"note\"><p class=\"alert-title\">\(title)</p>"))
        #expect(html.contains("<p>升级前先备份 <strong>etcd</strong>。</p>"))
        #expect(html.contains("etcdctl"), "blocks inside the alert are kept")
        #expect(!html.contains("[!\(marker)]"))
        #expect(!html.contains("<blockquote>"))
        #expect(html.contains("</div>"))
    }

    @Test func aMarkerAloneOnItsLineAndLowerCaseWork() {
        let html = MarkdownRenderer.render("> [!warning]\n\n> 普通引用\n").html
        #expect(html.contains("alert-warning"))
        #expect(html.contains("<blockquote>\n<p>普通引用</p>"), "the next quote is an ordinary quote")
    }

    @Test func otherQuotesAndUnknownMarkersStayQuotes() {
        for text in ["> [!DANGER]\n> x\n", "> 注意 [!NOTE]\n", "> [NOTE]\n> x\n"] {
            let html = MarkdownRenderer.render(text).html
            #expect(html.contains("<blockquote>"), "\(text)")
            #expect(!html.contains("class=\"alert"), "\(text)")
        }
    }

    @Test func textAfterTheMarkerIsTheCalloutsTitle() {
        // Obsidian's form, and what a Hugo callout's title becomes.
        let html = MarkdownRenderer.render("> [!TIP] 先备份 etcd & 证书\n> 再升级。\n").html
        #expect(html.contains(#"<div class="alert alert-tip" role="note"><p class="alert-title">先备份 etcd &amp; 证书</p>"#))
        #expect(html.contains("<p>再升级。</p>"))
    }
}
