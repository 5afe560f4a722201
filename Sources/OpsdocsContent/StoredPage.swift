// A page as the incremental build keeps it between runs: what lists, feeds, neighbours and
// sections show of it, without the body or the raw front matter (only the page's own
// template reads those, and a page rendered again is read again from its source).

import OpsdocsConfig

public struct StoredPage: Sendable, Equatable {
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

extension StoredPage: ByteCodable {
    public func write(to out: inout ByteWriter) {
        out.string(sourcePath)
        out.string(url)
        out.bool(isFolderIndex)
        out.optional(declaredTitle) { $0.string($1) }
        out.string(fileTitle)
        out.optional(date) { $0.value($1) }
        out.optional(lastmod) { $0.value($1) }
        out.string(description)
        out.strings(authors)
        out.dictionary(terms) { $0.strings($1) }
        out.bool(draft)
        out.int(weight)
        out.strings(aliases)
        out.dictionary(keyLines) { $0.int($1) }
        out.int(bodyLineOffset)
    }

    public init(from input: inout ByteReader) throws {
        sourcePath = try input.string()
        url = try input.string()
        isFolderIndex = try input.bool()
        declaredTitle = try input.optional { try $0.string() }
        fileTitle = try input.string()
        date = try input.optional { try $0.value(PageDate.self) }
        lastmod = try input.optional { try $0.value(PageDate.self) }
        description = try input.string()
        authors = try input.strings()
        terms = try input.dictionary { try $0.strings() }
        draft = try input.bool()
        weight = try input.int()
        aliases = try input.strings()
        keyLines = try input.dictionary { try $0.int() }
        bodyLineOffset = try input.int()
    }
}

extension PageDate: ByteCodable {
    public func write(to out: inout ByteWriter) {
        for part in [year, month, day, hour, minute, second] { out.int(part) }
        out.optional(utcOffset) { $0.int($1) }
    }

    public init(from input: inout ByteReader) throws {
        self.init(year: try input.int(), month: try input.int(), day: try input.int(), hour: try input.int(),
                  minute: try input.int(), second: try input.int(), utcOffset: try input.optional { try $0.int() })
    }
}
