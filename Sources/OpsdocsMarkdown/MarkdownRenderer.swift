// The public face of the Markdown stage: options in, RenderedMarkdown out.
// All cmark-gfm work happens in CmarkDocument.swift; nothing here sees a C pointer.

import OpsdocsConfig

public struct MarkdownOptions: Sendable, Equatable {
    /// Keep raw HTML from the notes (`markdown.unsafe`); otherwise it is omitted.
    public var unsafeHTML: Bool
    public var footnotes: Bool
    /// Images on other hosts become links, so a page never loads anything from another host.
    public var remoteImagesAsLinks: Bool

    /// The theme's shortcodes (`theme/shortcodes/NAME.mustache`): calls of these are left as
    /// markers for the site stage (`RenderedMarkdown.shortcodeCalls`) instead of rewritten.
    public var userShortcodes: Set<String> = []

    /// A level-1 heading that opens the note is taken out of the HTML and reported as
    /// `leadingTitle`, so a page template can show it as the page title (once).
    public var liftLeadingTitle: Bool
    /// The labels the rendered HTML carries (callout titles, heading-link labels), in the note's language.
    public var strings: UIStrings

    public init(unsafeHTML: Bool = false, footnotes: Bool = true, remoteImagesAsLinks: Bool = true,
                liftLeadingTitle: Bool = false, strings: UIStrings = UIStrings(language: "zh-CN")) {
        self.strings = strings
        self.unsafeHTML = unsafeHTML
        self.footnotes = footnotes
        self.remoteImagesAsLinks = remoteImagesAsLinks
        self.liftLeadingTitle = liftLeadingTitle
    }
}

public enum MarkdownRenderer {
    /// Each fenced block's HTML is preceded by `<!--opsdocs-code:N-->` (N = its index), an
    /// HTML comment that later stages may replace with the block's kind, badge and links.
    public static let codeMarkerPrefix = "<!--opsdocs-code:"
    /// Where a note had Hugo's `{{< section-toc >}}`: the site stage puts the folder's pages there.
    public static let sectionTOCMarker = Shortcodes.sectionTOCMarker
    /// Where the theme's shortcode call N was (RenderedMarkdown.shortcodeCalls): alone on its
    /// line, or inside one.
    public static func shortcodeMarker(_ index: Int) -> String { Shortcodes.marker(index) }
    public static func inlineShortcodeMarker(_ index: Int) -> String { Shortcodes.inlineMarker(index) }
    /// After the inner HTML of paired call N.
    public static func shortcodeEndMarker(_ index: Int) -> String { Shortcodes.endMarker(index) }

    /// Renders one note body.
    /// - Parameters:
    ///   - lineOffset: lines before `markdown` in the source file (front matter), added to every line reported.
    ///   - sourcePath: the note's source path, the base for relative links.
    ///   - links: rewrites `.md` and asset links; nil leaves every link as written.
    public static func render(
        _ markdown: String, lineOffset: Int = 0, sourcePath: String = "", links: LinkResolver? = nil,
        options: MarkdownOptions = MarkdownOptions()
    ) -> RenderedMarkdown {
        CmarkDocument.render(markdown, lineOffset: lineOffset, sourcePath: sourcePath, links: links, options: options)
    }
}
