// Fill-ins written as tags in a sentence stay in the sentence, as text.

import Testing
@testable import OpsdocsMarkdown

@Suite struct ProsePlaceholdersTests {
    @Test func aTagNoHTMLElementHasIsShownAsText() {
        let html = MarkdownRenderer.render("执行 docker rmi <image_id>，再在 <node-name> 上检查 </src>。\n").html
        #expect(html.contains("docker rmi &lt;image_id&gt;，再在 &lt;node-name&gt; 上检查 &lt;/src&gt;。"))
    }

    @Test func realElementsAreStillRawHTMLAndOmittedUnlessAllowed() {
        let safe = MarkdownRenderer.render("换行<br>和 <b>粗</b>\n").html
        #expect(!safe.contains("&lt;br&gt;") && !safe.contains("<b>"))
        let unsafe = MarkdownRenderer.render("换行<br>和 <b>粗</b> 与 <image_id>\n", options: MarkdownOptions(unsafeHTML: true)).html
        #expect(unsafe.contains("<br>") && unsafe.contains("<b>粗</b>") && unsafe.contains("&lt;image_id&gt;"))
    }

    @Test func theRule() {
        #expect(ProsePlaceholders.isPlaceholder("<image_id>"))
        #expect(ProsePlaceholders.isPlaceholder("<YOUR-TOKEN>"))
        #expect(!ProsePlaceholders.isPlaceholder("<span class=\"x\">"))
        #expect(!ProsePlaceholders.isPlaceholder("</div>"))
        #expect(!ProsePlaceholders.isPlaceholder("<!-- note -->"))
    }
}
