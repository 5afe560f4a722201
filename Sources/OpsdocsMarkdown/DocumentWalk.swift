// One pass over a parsed cmark document, collecting what later stages need: headings,
// fenced blocks (with their fences, for the never-closed check), links, raw HTML, quotes,
// over-wide tables, section text and word counts. Only CmarkDocument uses it; no C pointer
// it holds leaves this module.

import CCmarkGFM
import Foundation

/// One pass over the AST collecting what later stages need. Nodes are only recorded here;
/// the tree is edited after the iterator is done, as cmark requires.
struct DocumentWalk {
    struct FoundHeading { var node: OpaquePointer; var level: Int; var text: String; var line: Int }
    struct FoundLink { var node: OpaquePointer; var destination: String; var isImage: Bool; var line: Int; var column: Int }

    let lineOffset: Int
    /// Lines (in the parsed text) of table delimiter rows WideTableGuard escaped.
    let wideTableLines: Set<Int>
    /// Line of the note → the theme shortcode calls whose markers the rewriter put on it.
    var shortcodeMarkers: [Int: [Int]] = [:]
    /// Each marker is taken once: a copy the author typed beside the call is raw HTML.
    private var acceptedShortcodeMarkers: Set<String> = []
    /// Paragraphs holding such a row: they are replaced by the table's source text.
    var wideTables: [(node: OpaquePointer, startLine: Int, endLine: Int)] = []
    var fences: [FenceCheck.Fence] = []
    var headings: [FoundHeading] = []
    var codeBlocks: [CodeBlock] = []
    /// Code block index → index of the heading above it.
    var sectionOfCode: [Int: Int] = [:]
    var links: [FoundLink] = []
    var rawHTML: [OpaquePointer] = []
    /// Inline containers with a text child that holds `*` (CJKEmphasis pairs what cmark left).
    var asteriskContainers: [OpaquePointer] = []
    /// Inline "tags" that are fill-ins (`<image_id>`): shown as text (ProsePlaceholders).
    var placeholderTags: [OpaquePointer] = []
    var fencedNodes: [OpaquePointer] = []
    var blockQuotes: [OpaquePointer] = []
    /// Body text up to `<!--more-->`, once that marker has been seen.
    var summaryBeforeMore: String?
    var firstParagraph = ""
    var wordCount = 0
    var sections: [SectionText] = [SectionText(heading: nil, body: "", code: "")]

    init(lineOffset: Int, wideTableLines: Set<Int>) {
        self.lineOffset = lineOffset
        self.wideTableLines = wideTableLines
    }

    mutating func run(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var headingDepth = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER
            let line = Int(cmark_node_get_start_line(node)) + lineOffset

            switch type {
            case CMARK_NODE_HEADING:
                if entering {
                    headingDepth += 1
                    let level = Int(cmark_node_get_heading_level(node))
                    headings.append(FoundHeading(node: node, level: level, text: Self.plainText(of: node), line: line))
                    // Every heading below the title opens a section: a guide whose `####`
                    // headings are each a setting is searched setting by setting.
                    if level >= 2 { sections.append(SectionText(heading: headings.count - 1, body: "", code: "")) }
                } else {
                    headingDepth -= 1
                }
            case CMARK_NODE_CODE_BLOCK:
                var length: Int32 = 0, offset: Int32 = 0
                var character: CChar = 0
                let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                sections[sections.count - 1].code += code
                guard cmark_node_get_fenced(node, &length, &offset, &character) != 0 else {
                    wordCount += 1
                    continue
                }
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                let language = info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "\t" || $0 == "," })
                    .first.map { $0.lowercased() } ?? ""
                let index = codeBlocks.count
                if !headings.isEmpty { sectionOfCode[index] = headings.count - 1 }
                fences.append(FenceCheck.Fence(character: UInt8(bitPattern: character), length: Int(length),
                                               startLine: Int(cmark_node_get_start_line(node)),
                                               endLine: Int(cmark_node_get_end_line(node))))
                fencedNodes.append(node)
                codeBlocks.append(CodeBlock(index: index, info: info, language: language, code: code, line: line,
                                            endLine: Int(cmark_node_get_end_line(node)) + lineOffset,
                                            column: Int(cmark_node_get_start_column(node)),
                                            section: "", sectionID: ""))
                if let previous = cmark_node_previous(node) {
                    let previousType = cmark_node_get_type(previous)
                    if previousType == CMARK_NODE_PARAGRAPH {
                        codeBlocks[index].leadIn = String(Self.plainText(of: previous).suffix(120))
                    } else if previousType == CMARK_NODE_CODE_BLOCK {
                        var previousLength: Int32 = 0, previousOffset: Int32 = 0
                        var previousCharacter: CChar = 0
                        codeBlocks[index].followsFence = cmark_node_get_fenced(previous, &previousLength, &previousOffset,
                                                                               &previousCharacter) != 0
                    }
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard entering else { continue }
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                links.append(FoundLink(node: node, destination: url, isImage: type == CMARK_NODE_IMAGE, line: line,
                                       column: Int(cmark_node_get_start_column(node))))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // (the site stage's own marker where a `section-toc` shortcode was)
                if let literal = cmark_node_get_literal(node), String(cString: literal) == Shortcodes.sectionTOCMarker { continue }
                // (a theme shortcode's marker, where the rewriter put it: the same comment
                // anywhere else is the author's raw HTML)
                if !shortcodeMarkers.isEmpty, let calls = shortcodeMarkers[Int(cmark_node_get_start_line(node))],
                   let literal = cmark_node_get_literal(node) {
                    let text = String(cString: literal).trimmingCharacters(in: .whitespacesAndNewlines)
                    if calls.contains(where: {
                        text == Shortcodes.marker($0) || text == Shortcodes.endMarker($0) || text == Shortcodes.inlineMarker($0)
                    }), acceptedShortcodeMarkers.insert(text).inserted { continue }
                }
                if type == CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(node),
                   ProsePlaceholders.isPlaceholder(String(cString: literal)) {
                    placeholderTags.append(node)
                    continue
                }
                rawHTML.append(node)
                if summaryBeforeMore == nil, let literal = cmark_node_get_literal(node),
                   String(cString: literal).contains("<!--more-->")
                {
                    summaryBeforeMore = sections.map(\.body).joined(separator: " ")
                        .split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE:
                if entering, type == CMARK_NODE_BLOCK_QUOTE { blockQuotes.append(node) }
                if entering, type == CMARK_NODE_PARAGRAPH, !wideTableLines.isEmpty {
                    let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
                    if wideTableLines.contains(where: { $0 >= start && $0 <= end }) {
                        wideTables.append((node, start, end))
                    }
                }
                if !entering, headingDepth == 0, !(sections.last?.body.hasSuffix("\n") ?? true) {
                    sections[sections.count - 1].body += "\n"
                }
                if entering, type == CMARK_NODE_PARAGRAPH, firstParagraph.isEmpty, headingDepth == 0,
                   let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT
                {
                    firstParagraph = Self.plainText(of: node)
                }
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(node) {
                    let text = String(cString: literal)
                    if type == CMARK_NODE_TEXT, text.utf8.contains(UInt8(ascii: "*")), let parent = cmark_node_parent(node),
                       asteriskContainers.last != parent, cmark_node_get_type(parent) != CMARK_NODE_IMAGE {
                        asteriskContainers.append(parent)
                    }
                    wordCount += Self.countWords(text)
                    if headingDepth == 0 { sections[sections.count - 1].body += text }
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if headingDepth == 0 { sections[sections.count - 1].body += " " }
            default:
                continue
            }
        }
    }

    /// Text content of a node's subtree: text and inline code, breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var out = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { out += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    /// Latin words by white space; every CJK ideograph or kana counts as a word.
    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {  // ASCII: no Unicode property look-ups
                let separator = v == 0x20 || v == 0x0A || v == 0x09 || v == 0x0D
                if separator { inWord = false } else if !inWord { inWord = true; count += 1 }
                continue
            }
            let isCJK = (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
                || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v)
            if isCJK {
                count += 1
                inWord = false
            } else if (0x3000...0x303F).contains(v) || (0xFF00...0xFF0F).contains(v) || scalar.properties.isWhitespace {
                inWord = false  // CJK punctuation and full-width separators
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
