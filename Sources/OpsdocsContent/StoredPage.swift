// A page as the incremental build keeps it between runs: what lists, feeds, neighbours and
// sections show of it, without the body or the raw front matter (only the page's own
// template reads those, and a page rendered again is read again from its source).

public struct StoredPage: Codable, Sendable, Equatable {
    var sourcePath: String
    var url: String
    var isFolderIndex: Bool
    var declaredTitle: String?
    var fileTitle: String
    var date: PageDate?
    var lastmod: PageDate?
    var description: String
    var authors: [String]
    var terms: [String: [String]]
    var draft: Bool
    var weight: Int
    var aliases: [String]
    var keyLines: [String: Int]
    var bodyLineOffset: Int

    public init(_ page: Page) {
        sourcePath = page.sourcePath
        url = page.url
        isFolderIndex = page.isFolderIndex
        declaredTitle = page.declaredTitle
        fileTitle = page.fileTitle
        date = page.date
        lastmod = page.lastmod
        description = page.description
        authors = page.authors
        terms = page.terms
        draft = page.draft
        weight = page.weight
        aliases = page.aliases
        keyLines = page.keyLines
        bodyLineOffset = page.bodyLineOffset
    }

    /// The page with an empty body and no raw front matter.
    public var page: Page {
        Page(sourcePath: sourcePath, url: url, isFolderIndex: isFolderIndex, declaredTitle: declaredTitle,
             fileTitle: fileTitle, date: date, lastmod: lastmod, description: description, authors: authors,
             terms: terms, draft: draft, weight: weight, aliases: aliases, frontMatter: [:], keyLines: keyLines,
             body: "", bodyLineOffset: bodyLineOffset)
    }
}
