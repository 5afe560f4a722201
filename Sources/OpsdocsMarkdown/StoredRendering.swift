// What the incremental build keeps of a note's rendering between runs: the facts lists,
// feeds, link checks and summaries use, not the HTML or the code blocks, which a page
// rendered again gets from rendering its source again. Kept small, because every build reads
// and writes it for every note: of the headings only their ids (and the first H1 whole, the
// title of a note without front matter), of the first paragraph only what a summary can show.

import OpsdocsConfig

public struct StoredRendering: Sendable, Equatable {
    var headingIDs: [String]
    var firstH1: Heading?
    var firstH1Index: Int?
    var leadingTitle: Heading?
    var firstParagraph: String
    var summaryBeforeMore: String?
    var wordCount: Int
    /// Links to a heading of another note: checked again when that note's headings change.
    var headingLinks: [LinkReference]

    /// Summaries are cut at 280 characters at most: 300 that are not white space always suffice.
    static let summaryCharacters = 300

    public init(_ rendered: RenderedMarkdown) {
        headingIDs = rendered.headings.map(\.id)
        firstH1Index = rendered.headings.firstIndex { $0.level == 1 }
        firstH1 = firstH1Index.map { rendered.headings[$0] }
        leadingTitle = rendered.leadingTitle
        firstParagraph = Self.summaryPrefix(rendered.firstParagraph)
        summaryBeforeMore = rendered.summaryBeforeMore.map(Self.summaryPrefix)
        wordCount = rendered.wordCount
        headingLinks = rendered.headingLinks
    }

    /// The rendering with no HTML, code blocks, sections or notices, only the heading links,
    /// and headings that carry just their ids (the first H1 whole).
    public var rendered: RenderedMarkdown {
        var headings = headingIDs.map { Heading(level: 2, text: "", id: $0, line: 0) }
        if let firstH1, let firstH1Index, headings.indices.contains(firstH1Index) { headings[firstH1Index] = firstH1 }
        return RenderedMarkdown(html: "", headings: headings, codeBlocks: [], links: headingLinks, leadingTitle: leadingTitle,
                                firstParagraph: firstParagraph, summaryBeforeMore: summaryBeforeMore, wordCount: wordCount)
    }

    /// `text` up to its `summaryCharacters`-th character that is not white space.
    static func summaryPrefix(_ text: String) -> String {
        var seen = 0
        for index in text.indices where !text[index].isWhitespace {
            seen += 1
            if seen > summaryCharacters { return String(text[..<index]) }
        }
        return text
    }
}

extension StoredRendering: ByteCodable {
    public func write(to out: inout ByteWriter) {
        out.strings(headingIDs)
        out.optional(firstH1) { Self.write($1, to: &$0) }
        out.optional(firstH1Index) { $0.int($1) }
        out.optional(leadingTitle) { Self.write($1, to: &$0) }
        out.string(firstParagraph)
        out.optional(summaryBeforeMore) { $0.string($1) }
        out.int(wordCount)
        out.array(headingLinks) { out, link in
            out.string(link.destination)
            out.bool(link.isImage)
            out.int(link.line)
            out.int(link.column)
            switch link.resolution {
            case .unchanged: out.int(0)
            case .page(let source, let fragment):
                out.int(1)
                out.string(source)
                out.optional(fragment) { $0.string($1) }
            case .missingPage(let target):
                out.int(2)
                out.string(target)
            case .asset(let path):
                out.int(3)
                out.string(path)
            }
        }
    }

    public init(from input: inout ByteReader) throws {
        headingIDs = try input.strings()
        firstH1 = try input.optional(Self.heading)
        firstH1Index = try input.optional { try $0.int() }
        leadingTitle = try input.optional(Self.heading)
        firstParagraph = try input.string()
        summaryBeforeMore = try input.optional { try $0.string() }
        wordCount = try input.int()
        headingLinks = try input.array { input in
            let destination = try input.string(), isImage = try input.bool(), line = try input.int(), column = try input.int()
            let resolution: LinkResolution
            switch try input.int() {
            case 0: resolution = .unchanged
            case 1: resolution = .page(sourcePath: try input.string(), fragment: try input.optional { try $0.string() })
            case 2: resolution = .missingPage(target: try input.string())
            case 3: resolution = .asset(sitePath: try input.string())
            default: throw ByteReader.Malformed()
            }
            return LinkReference(destination: destination, isImage: isImage, line: line, column: column, resolution: resolution)
        }
    }

    private static func write(_ heading: Heading, to out: inout ByteWriter) {
        out.int(heading.level)
        out.string(heading.text)
        out.string(heading.id)
        out.int(heading.line)
    }

    private static func heading(_ input: inout ByteReader) throws -> Heading {
        Heading(level: try input.int(), text: try input.string(), id: try input.string(), line: try input.int())
    }
}
