// With DocumentWalk.swift, the only code that touches cmark-gfm. Parses under a process-wide lock (cmark-gfm 0.29's
// inline parser mutates a global table, so concurrent parses lose autolinks), walks the AST
// to collect headings, fenced blocks and links, edits the tree (heading ids, anchors, link
// rewriting, raw HTML omission) and renders HTML outside the lock. C pointers never leave.

import CCmarkGFM
import Foundation
import Synchronization
import OpsdocsConfig

enum CmarkDocument {
    private static let parseLock = Mutex<Void>(())
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    /// Placed right after `<hN>` during rendering, then replaced by ` id="…"`.
    private static let headingMarker = "<!--opsdocs-heading:"
    private static let omittedHTML = "<!-- raw HTML omitted -->"

    static func render(_ markdown: String, lineOffset: Int, sourcePath: String, links: LinkResolver?,
                       options: MarkdownOptions) -> RenderedMarkdown
    {
        _ = extensionsRegistered
        // Hugo shortcodes and image sizes, rewritten line for line (Shortcodes).
        let rewrite = Shortcodes.rewrite(markdown, user: options.userShortcodes)
        let (markdown, shortcodeNotices, sectionTOCPlaceholders) = (rewrite.text, rewrite.notices, rewrite.sectionTOC)
        // Raw HTML is always let through cmark so our own inserted HTML survives;
        // the author's raw HTML is blanked below unless `unsafeHTML`.
        var cmarkOptions = CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE
        if options.footnotes { cmarkOptions |= CMARK_OPT_FOOTNOTES }
        let empty = RenderedMarkdown(html: "", headings: [], codeBlocks: [], links: [], leadingTitle: nil,
                                     firstParagraph: "", wordCount: 0)
        if let refusal = NestingGuard.refusal(for: markdown) {
            var refused = empty
            refused.refusal = refusal.message
            refused.notices = [MarkdownNotice(isError: true, line: refusal.line + lineOffset, column: 1, kind: "markdown",
                                              message: refusal.message)]
            return refused
        }
        let (parsedText, wideTableLines) = WideTableGuard.defuse(markdown)
        guard let parser = cmark_parser_new(cmarkOptions) else { return empty }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var parsed: OpaquePointer?
        parseLock.withLock { _ in
            var text = parsedText
            text.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            parsed = cmark_parser_finish(parser)
        }
        guard let document = parsed else { return empty }
        defer { cmark_node_free(document) }
        let hasSectionTOC = sectionTOCPlaceholders && markSectionTOCs(document)

        var walk = DocumentWalk(lineOffset: lineOffset, wideTableLines: Set(wideTableLines))
        for (index, call) in rewrite.calls.enumerated() {
            walk.shortcodeMarkers[call.line, default: []].append(index)
            if let end = call.endLine { walk.shortcodeMarkers[end, default: []].append(index) }
        }
        walk.run(document)
        // `**编解码（Codec）**将`: emphasis CommonMark left as text beside Chinese. First, while every
        // node the walk saw still exists (later steps free images, fences and alert markers).
        CJKEmphasis.apply(walk.asteriskContainers)
        var notices: [MarkdownNotice] = shortcodeNotices.map {
            MarkdownNotice(isError: false, line: $0.line + lineOffset, column: $0.column, kind: "shortcode", message: $0.message)
        }
        let sourceLines = walk.fences.isEmpty && walk.wideTables.isEmpty ? [] : Self.lines(of: markdown)
        for fence in walk.fences where !FenceCheck.isClosed(fence, lines: sourceLines) {
            notices.append(MarkdownNotice(isError: false, line: fence.startLine + lineOffset, column: 1, kind: "fence",
                                          message: "this code fence is never closed, so everything after it"
                                              + " (to line \(fence.endLine + lineOffset)) is shown as code"))
        }
        for table in walk.wideTables {
            let source = sourceLines[max(table.startLine - 1, 0)..<min(table.endLine, sourceLines.count)].joined(separator: "\n")
            insertHTMLBlock("<pre class=\"table-source\">\(HTMLEscaping.escape(source))</pre>", before: table.node)
            cmark_node_unlink(table.node)
            cmark_node_free(table.node)
            notices.append(MarkdownNotice(isError: false, line: table.startLine + lineOffset, column: 1, kind: "table",
                                          message: "table with more than \(WideTableGuard.maxColumns) columns is shown as its source text"))
        }

        // Headings: a marker for the id (the renderer cannot add attributes) and an anchor link.
        var ids = HeadingIDGenerator()
        var headings: [Heading] = []
        var leadingTitle: Heading?
        for (i, found) in walk.headings.enumerated() {
            let id = ids.next(for: found.text)
            headings.append(Heading(level: found.level, text: found.text, id: id, line: found.line))
            if i == 0, options.liftLeadingTitle, found.level == 1, cmark_node_first_child(document) == found.node {
                leadingTitle = headings[0]
                continue  // unlinked below, after links inside it are handled
            }
            insertHTML("\(headingMarker)\(i)-->", into: found.node, atStart: true)
            insertHTML("<a class=\"anchor\" href=\"#\(HTMLEscaping.escape(id))\" aria-label=\"\(HTMLEscaping.escape(options.strings["headingLink"]))\">#</a>",
                       into: found.node, atStart: false)
        }
        // Code blocks learn their section only now that heading ids exist.
        var codeBlocks = walk.codeBlocks
        for i in codeBlocks.indices {
            if let h = walk.sectionOfCode[i] {
                codeBlocks[i].section = headings[h].text
                codeBlocks[i].sectionID = headings[h].id
            }
        }

        // Before links: replacing a remote image frees its children, raw HTML among them.
        for node in walk.placeholderTags {
            guard let literal = cmark_node_get_literal(node), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, literal)
            cmark_node_insert_before(node, text)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        if !options.unsafeHTML {
            for node in walk.rawHTML { cmark_node_set_literal(node, omittedHTML) }
        }
        var references: [LinkReference] = []
        let lineStarts = walk.links.isEmpty ? [] : Self.lineStarts(markdown)
        for link in walk.links {
            if let scheme = URLSafety.dangerousScheme(link.destination) {
                cmark_node_set_url(link.node, "")
                notices.append(MarkdownNotice(isError: false, line: link.line,
                                              column: characterColumn(link.column, line: link.line - lineOffset, in: markdown,
                                                                      lineStarts: lineStarts),
                                              kind: "unsafe-url",
                                              message: "\(link.isImage ? "image" : "link") to a `\(scheme):` URL removed"))
                continue
            }
            let resolution = links?.resolve(link.destination, from: sourcePath) ?? .unchanged
            if link.isImage, options.remoteImagesAsLinks, isRemote(link.destination) {
                replaceWithLink(link.node, href: link.destination, strings: options.strings)
            } else if let links, let href = links.href(for: resolution, original: link.destination) {
                cmark_node_set_url(link.node, href)
            }
            references.append(LinkReference(destination: link.destination, isImage: link.isImage, line: link.line,
                                            column: characterColumn(link.column, line: link.line - lineOffset,
                                                                    in: markdown, lineStarts: lineStarts),
                                            resolution: resolution))
        }

        // A marker before each fenced block, where later stages put its kind and badge.
        for (index, node) in walk.fencedNodes.enumerated() {
            guard let marker = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            cmark_node_set_literal(marker, "\(MarkdownRenderer.codeMarkerPrefix)\(index)-->")
            cmark_node_insert_before(node, marker)
        }
        // Fenced blocks: opsdocs' own highlighted HTML in place of cmark's.
        for (index, node) in walk.fencedNodes.enumerated() where index < codeBlocks.count {
            codeBlocks[index].shellReading = CodeBlockHTML.shellReading(codeBlocks[index])
            insertHTMLBlock(CodeBlockHTML.render(codeBlocks[index], strings: options.strings), before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        // `> [!NOTE]` … block quotes become callouts.
        for quote in walk.blockQuotes { makeAlert(quote, strings: options.strings) }
        if leadingTitle != nil, let node = walk.headings.first?.node {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        guard let rendered = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return empty
        }
        let raw = String(cString: rendered)
        free(rendered)
        let html = headings.isEmpty ? raw : applyHeadingIDs(raw, headings: headings)
        var result = RenderedMarkdown(html: html, headings: headings, codeBlocks: codeBlocks, links: references,
                                        leadingTitle: leadingTitle, firstParagraph: walk.firstParagraph,
                                        wordCount: walk.wordCount)
        result.notices = notices.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        result.summaryBeforeMore = walk.summaryBeforeMore
        result.hasSectionTOC = hasSectionTOC
        result.shortcodeCalls = rewrite.calls
        result.sections = walk.sections.filter { $0.heading != nil || !$0.body.isEmpty || !$0.code.isEmpty }
        return result
    }

    /// Top-level paragraphs that are a `section-toc` placeholder become the site stage's marker.
    private static func markSectionTOCs(_ document: OpaquePointer) -> Bool {
        var marked = false
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
                  cmark_node_next(text) == nil, cmark_node_get_type(text) == CMARK_NODE_TEXT,
                  let literal = cmark_node_get_literal(text), String(cString: literal) == Shortcodes.sectionTOCPlaceholder
            else { continue }
            insertHTMLBlock(Shortcodes.sectionTOCMarker, before: node)
            cmark_node_unlink(node)
            cmark_node_free(node)
            marked = true
        }
        return marked
    }

    private static func insertHTMLBlock(_ html: String, before node: OpaquePointer) {
        guard let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { return }
        cmark_node_set_literal(block, html)
        cmark_node_insert_before(node, block)
    }

    /// A block quote whose first line is `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION)
    /// becomes `<div class="alert alert-note">` with a title, holding the quote's blocks.
    private static func makeAlert(_ quote: OpaquePointer, strings: UIStrings) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else { return }
        var firstLine = ""
        var markerNodes: [OpaquePointer] = []
        var lineBreak: OpaquePointer?
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                lineBreak = node
                break
            }
            guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else { return }
            firstLine += String(cString: literal)
            markerNodes.append(node)
            child = cmark_node_next(node)
        }
        guard let (kind, title) = AlertKind.parse(firstLine[...]) else { return }
        for node in markerNodes + (lineBreak.map { [$0] } ?? []) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        insertHTMLBlock(kind.openingHTML(title: title, strings: strings), before: quote)
        while let inner = cmark_node_first_child(quote) { cmark_node_insert_before(quote, inner) }
        insertHTMLBlock("</div>", before: quote)
        cmark_node_unlink(quote)
        cmark_node_free(quote)
    }

    /// On another host: any `http:`/`https:` URL (browsers read `https:evil.example/x.png` and
    /// `https:/evil.example` as other hosts too) and scheme-relative `//host/…`.
    private static func isRemote(_ url: String) -> Bool {
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased().filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        return lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("\\\\")
            || lower.hasPrefix("/\\") || lower.hasPrefix("\\/")
    }

    /// `![alt](https://host/x.png)` → a link to the image, labelled with its alt text.
    private static func replaceWithLink(_ image: OpaquePointer, href: String, strings: UIStrings) {
        let alt = DocumentWalk.plainText(of: image)
        let label = alt.isEmpty ? strings["externalImage"] : strings.format("externalImageNamed", ["alt": alt])
        let html = "<a class=\"remote-image\" href=\"\(HTMLEscaping.escape(href))\" rel=\"noopener\">\(HTMLEscaping.escape(label))</a>"
        guard let replacement = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(replacement, html)
        cmark_node_insert_before(image, replacement)
        cmark_node_unlink(image)
        cmark_node_free(image)
    }

    /// The text's lines (without their newlines), for quoting source and checking fences.
    private static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// UTF-8 offset at which each line starts.
    private static func lineStarts(_ text: String) -> [Int] {
        var starts = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        return starts
    }

    /// cmark counts columns in bytes; editors count characters.
    private static func characterColumn(_ byteColumn: Int, line: Int, in text: String, lineStarts: [Int]) -> Int {
        guard lineStarts.indices.contains(line - 1), byteColumn > 1 else { return byteColumn }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        let end = utf8.index(start, offsetBy: byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
        return String(decoding: utf8[start..<end], as: UTF8.self).count + 1
    }

    private static func insertHTML(_ literal: String, into node: OpaquePointer, atStart: Bool) {
        guard let inline = cmark_node_new(CMARK_NODE_HTML_INLINE) else { return }
        cmark_node_set_literal(inline, literal)
        if atStart { cmark_node_prepend_child(node, inline) } else { cmark_node_append_child(node, inline) }
    }

    /// `<h2><!--opsdocs-heading:3-->` → `<h2 id="…">`, in one pass over the HTML bytes.
    private static func applyHeadingIDs(_ html: String, headings: [Heading]) -> String {
        let marker = Array(headingMarker.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count + headings.count * 24)
        html.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count
            scan: while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "<"), i + marker.count < n, out.last == UInt8(ascii: ">"),
                   bytes[i..<(i + marker.count)].elementsEqual(marker)
                {
                    var j = i + marker.count
                    var index = 0
                    while j < n, bytes[j] >= 48, bytes[j] <= 57 {
                        index = index * 10 + Int(bytes[j] - 48)
                        j += 1
                    }
                    if j + 3 <= n, bytes[j] == UInt8(ascii: "-"), bytes[j + 1] == UInt8(ascii: "-"),
                       bytes[j + 2] == UInt8(ascii: ">"), headings.indices.contains(index)
                    {
                        out.removeLast()
                        out.append(contentsOf: " id=\"\(HTMLEscaping.escape(headings[index].id))\">".utf8)
                        i = j + 3
                        continue scan
                    }
                }
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

}
