import OpsdocsShell
// What the Markdown stage hands to later stages: HTML plus the facts about the document
// that snippets, search and the site need, as plain Sendable values (no C pointers).

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var codeBlocks: [CodeBlock]
    public var links: [LinkReference]
    /// The level-1 heading that opened the note, removed from `html` (only with `liftLeadingTitle`).
    public var leadingTitle: Heading?
    /// Plain text of the first paragraph, for summaries and descriptions.
    public var firstParagraph: String
    /// Plain text before a `<!--more-->` line, the summary the author chose; nil without one.
    public var summaryBeforeMore: String? = nil
    /// Where the note had `{{< section-toc >}}`, the HTML holds `MarkdownRenderer.sectionTOCMarker`.
    public var hasSectionTOC = false
    /// The theme's shortcodes the note calls: the HTML holds `MarkdownRenderer.shortcodeMarker(N)`
    /// for call N (and `shortcodeEndMarker(N)` after a paired call's inner HTML).
    public var shortcodeCalls: [ShortcodeCall] = []
    /// Word count where each CJK character counts as one word (for reading time).
    public var wordCount: Int
    /// The note's text cut at every heading from h2 down, for search. The first section
    /// (before any of them) has no heading.
    public var sections: [SectionText] = []
    /// Why the note was not rendered (input cmark-gfm cannot parse in reasonable time); nil normally.
    public var refusal: String? = nil
    /// Problems found while rendering (an unsafe URL removed, a fence never closed, a table
    /// too wide to lay out, the refusal above), at their lines; the Site stage reports them.
    public var notices: [MarkdownNotice] = []

    /// Links to a heading of another note (`etcd.md#备份`).
    public var headingLinks: [LinkReference] {
        links.filter { link in
            if case .page(_, let fragment) = link.resolution { return fragment != nil }
            return false
        }
    }

    /// The first level-1 heading, the title of a note without front matter.
    public var firstH1: Heading? { headings.first { $0.level == 1 } }

    /// The h2/h3 headings a heading sits under, then the heading itself (`["内核参数", "TCP",
    /// "net.ipv4.tcp_fin_timeout = 30"]` for a `####` under a `###` under a `##`).
    public func headingPath(_ index: Int) -> [Heading] {
        guard headings.indices.contains(index) else { return [] }
        var path = [headings[index]]
        var level = headings[index].level
        for heading in headings[..<index].reversed() where heading.level < level && heading.level >= 2 {
            level = heading.level
            if level <= 3 { path.insert(heading, at: 0) }
        }
        return path
    }

    /// h2–h3, nested: h3s sit under the h2 before them.
    public var tableOfContents: [TOCEntry] {
        var entries: [TOCEntry] = []
        for heading in headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, !entries.isEmpty {
                entries[entries.count - 1].children.append(TOCEntry(heading: heading, children: []))
            } else {
                entries.append(TOCEntry(heading: heading, children: []))
            }
        }
        return entries
    }
}

/// A problem the Markdown stage found in a note, without the note's path (the Site stage adds it).
public struct MarkdownNotice: Sendable, Equatable {
    public var isError: Bool
    /// 1-based line in the source file (front matter counted) and character column.
    public var line: Int
    public var column: Int
    /// Diagnostic kind: `unsafe-url`, `fence`, `table`, `markdown`.
    public var kind: String
    public var message: String
}

public struct SectionText: Sendable, Equatable {
    /// Index into `headings` of the heading that opens the section (nil: the page's opening text).
    public var heading: Int?
    /// Rendered text (inline code included, markup dropped), paragraphs separated by newlines.
    public var body: String
    /// Text of the fenced and indented code blocks.
    public var code: String
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// Plain text of the heading (inline code kept, markup dropped).
    public var text: String
    /// GitHub-style id, unique in the page.
    public var id: String
    /// 1-based line in the source file (front matter counted).
    public var line: Int
}

public struct TOCEntry: Sendable, Equatable {
    public var heading: Heading
    public var children: [TOCEntry]
}

public struct CodeBlock: Sendable, Equatable {
    /// 0-based position among the page's fenced blocks (indented code does not count).
    public var index: Int
    /// The whole info string as written (`bash title="x" {#id}`).
    public var info: String
    /// First word of the info string, lower-cased (`""` for a bare fence).
    public var language: String
    public var code: String
    /// 1-based line of the opening fence in the source file.
    public var line: Int
    public var endLine: Int
    /// 1-based column where the opening fence starts (after list or quote markers): the block's
    /// text begins that far in, so a column inside the code maps back to the note.
    public var column: Int = 1
    /// Text of the nearest heading above the block (`""` before the first heading).
    public var section: String
    public var sectionID: String
    /// The end of the paragraph right before the block (`输出如下：`, `It prints:`; at most 120
    /// characters), or `""`: authors say there what the block is.
    public var leadIn: String = ""
    /// Only blank lines between this block and the fenced block before it: a block right
    /// after a command is often what that command printed.
    public var followsFence = false
    /// For a shell-labelled block, the shell-session reading the highlighter drew it from (the
    /// snippet stage reads the same one instead of reading the block again).
    package var shellReading: ShellReading?
}

public struct LinkReference: Sendable, Equatable {
    public var destination: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
    public var resolution: LinkResolution
}

/// A call of one of the theme's shortcodes: `{{< youtube id="x" >}}`, `{{< kbd Ctrl C >}}`.
public struct ShortcodeCall: Sendable, Equatable {
    public var name: String
    /// Arguments without a name, in order.
    public var positional: [String]
    /// `key="value"` arguments (keys lower-cased).
    public var named: [String: String]
    /// 1-based line of the call in the note's body.
    public var line: Int
    /// Closed by `{{< /name >}}`: the HTML between its markers is its body.
    public var paired: Bool
    /// 1-based line of the closing `{{< /name >}}` (a paired call's end marker).
    public var endLine: Int?

    init(_ code: Shortcodes.Shortcode, line: Int, paired: Bool) {
        name = code.name
        positional = code.positional
        named = code.named
        self.line = line
        self.paired = paired
    }
}
