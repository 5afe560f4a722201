// What the incremental build keeps of a note's rendering between runs: the facts lists,
// feeds, link checks and summaries use (headings, first paragraph, word count, links to other
// notes' headings), not the HTML or the code blocks, which a page rendered again gets from
// rendering its source again.

public struct StoredRendering: Codable, Sendable, Equatable {
    var headings: [Heading]
    var leadingTitle: Heading?
    var firstParagraph: String
    var summaryBeforeMore: String?
    var wordCount: Int
    /// Links to a heading of another note: checked again when that note's headings change.
    var headingLinks: [LinkReference]

    public init(_ rendered: RenderedMarkdown) {
        headings = rendered.headings
        leadingTitle = rendered.leadingTitle
        firstParagraph = rendered.firstParagraph
        summaryBeforeMore = rendered.summaryBeforeMore
        wordCount = rendered.wordCount
        headingLinks = rendered.headingLinks
    }

    /// The rendering with no HTML, code blocks, sections or notices, and only the heading links.
    public var rendered: RenderedMarkdown {
        RenderedMarkdown(html: "", headings: headings, codeBlocks: [], links: headingLinks, leadingTitle: leadingTitle,
                         firstParagraph: firstParagraph, summaryBeforeMore: summaryBeforeMore, wordCount: wordCount)
    }
}
