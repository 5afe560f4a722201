// Spec of what the Markdown stage does with hostile or broken notes: script URLs never reach
// an href or src, a fence left open is reported, a table too wide for cmark-gfm is shown as
// text, and the nesting refusal points at the line it names. Inputs: Tests/Fixtures/hostile/.

import Foundation
import Testing
@testable import OpsdocsMarkdown

enum HostileFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")
    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Every `href="…"` and `src="…"` value in `html`.
func urlAttributes(_ html: String) -> [String] {
    var out: [String] = []
    for attribute in ["href=\"", "src=\""] {
        var rest = html[...]
        while let start = rest.range(of: attribute) {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            out.append(String(rest[..<end]))
            rest = rest[end...]
        }
    }
    return out
}

@Suite struct UnsafeURLTests {
    @Test func noScriptURLReachesAnAttributeInAnyForm() throws {
        let out = MarkdownRenderer.render(try HostileFixture.text("unsafe-urls.md"))
        let values = urlAttributes(out.html)
        for value in values {
            let folded = value.lowercased().filter { !$0.isWhitespace }
            #expect(!folded.contains("script:"), "\(value)")
            #expect(!folded.hasPrefix("data:text"), "\(value)")
            #expect(!folded.hasPrefix("file:"), "\(value)")
            #expect(!folded.contains("&#"), "\(value)")
        }
        // lower, mixed, entity, autolink, image, vb, html, file, reference, tab, space: 11.
        #expect(out.notices.filter { $0.kind == "unsafe-url" }.count == 11)
        #expect(out.notices.allSatisfy { !$0.isError })
    }

    @Test func eachRemovedURLIsReportedAtItsLineAndColumn() throws {
        let out = MarkdownRenderer.render(try HostileFixture.text("unsafe-urls.md"), lineOffset: 3)
        let positions = out.notices.map { "\($0.line):\($0.column)" }
        #expect(positions.prefix(3) == ["6:1", "6:30", "6:59"])
        #expect(out.notices.first?.message == "link to a `javascript:` URL removed")
        #expect(out.notices.contains { $0.message == "image to a `javascript:` URL removed" && $0.line == 7 })
    }

    @Test func safeImagesAndLinksAreKept() throws {
        let values = urlAttributes(MarkdownRenderer.render(try HostileFixture.text("unsafe-urls.md")).html)
        #expect(values.contains("data:image/png;base64,iVBORw0KGgo="))
        #expect(values.contains("https://kubernetes.io/"))
        #expect(values.contains("other.md"))
    }

    @Test(arguments: [
        ("javascript:x", "javascript"), ("  JAVASCRIPT:x", "javascript"), ("java\tscript:x", "javascript"),
        ("\u{01}javascript:x", "javascript"), ("VBScript:x", "vbscript"), ("FILE:///etc", "file"),
        ("data:text/html,x", "data"), ("data:image/svg+xml,x", "data"),
    ])
    func dangerousSchemes(url: String, scheme: String) {
        #expect(URLSafety.dangerousScheme(url) == scheme)
    }

    @Test(arguments: ["https://x", "mailto:a@b", "../a.md", "#锚点", "data:image/jpeg;base64,x", "data:image/webp,x",
                      "javascript", "/javascript:x"])
    func safeDestinations(url: String) {
        #expect(URLSafety.dangerousScheme(url) == nil)
    }
}

@Suite struct UnterminatedFenceTests {
    @Test func aFenceNeverClosedIsReportedAtItsOpeningLine() throws {
        let out = MarkdownRenderer.render(try HostileFixture.text("unterminated-fence.md"), lineOffset: 2)
        let fences = out.notices.filter { $0.kind == "fence" }
        #expect(fences.count == 1)
        #expect(fences.first?.line == 17 + 2)
        #expect(fences.first?.message.contains("never closed") == true)
        // What the author meant as a heading is swallowed: that is why it is reported.
        #expect(!out.headings.contains { $0.text == "这一节被吞进了代码块" })
    }

    @Test func closedFencesInQuotesAndLongerClosingRunsAreFine() {
        let md = "> ```yaml\n> a: 1\n> ```\n\n~~~~sh\necho\n~~~~~\n\n- item\n\n  ```\n  code\n  ```\n"
        #expect(MarkdownRenderer.render(md).notices.isEmpty)
    }

    @Test func aFenceOnTheLastLineIsNeverClosedEither() {
        let out = MarkdownRenderer.render("text\n\n```bash")
        #expect(out.notices.map(\.line) == [3])
    }
}

@Suite struct WideTableTests {
    static func table(columns: Int) -> String {
        let header = "|" + (0..<columns).map { "c\($0)" }.joined(separator: "|") + "|"
        let rule = "|" + Array(repeating: "-", count: columns).joined(separator: "|") + "|"
        let row = "|" + Array(repeating: "v", count: columns).joined(separator: "|") + "|"
        return "# 宽表\n\n\(header)\n\(rule)\n\(row)\n\n之后的段落。\n"
    }

    @Test func aTableOfSixteenThousandColumnsIsShownAsItsSource() {
        let out = MarkdownRenderer.render(Self.table(columns: 16_000))
        #expect(!out.html.contains("<table>"))
        #expect(out.html.contains("<pre class=\"table-source\">|c0|c1|c2|"))
        #expect(out.html.contains("<p>之后的段落。</p>"))
        #expect(out.notices.map(\.kind) == ["table"])
        #expect(out.notices.first?.line == 3)
    }

    @Test func aTableAtTheLimitIsStillATable() {
        let out = MarkdownRenderer.render(Self.table(columns: WideTableGuard.maxColumns))
        #expect(out.html.contains("<table>"))
        #expect(out.notices.isEmpty)
    }
}

@Suite struct NestingRefusalTests {
    @Test func theRefusalIsReportedAtTheLineItNames() {
        let md = "# 标题\n\n正文\n" + String(repeating: ">", count: 500) + " x\n"
        let out = MarkdownRenderer.render(md, lineOffset: 4)
        #expect(out.notices.count == 1)
        #expect(out.notices.first?.isError == true)
        #expect(out.notices.first?.line == 4 + 4)
    }
}
