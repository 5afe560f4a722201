// The site's pages as search documents: one per section, carrying the page's title, tags and
// description, linking to the section's anchor.

import OpsdocsSearch

enum SearchDocuments {
    static func make(from pages: [BuiltPage]) -> [SearchDocument] {
        var documents: [SearchDocument] = []
        for built in pages {
            let tags = (built.page.terms.keys.sorted().flatMap { built.page.terms[$0] ?? [] } + [built.page.description])
                .joined(separator: " ")
            for section in built.rendered.sections {
                let heading = section.heading.map { built.rendered.headings[$0] }
                let url = built.url + (heading.map { "#" + $0.id } ?? "")
                let path = section.heading.map { built.rendered.headingPath($0).map(\.text).joined(separator: " › ") }
                documents.append(SearchDocument(url: url, pageTitle: built.title, heading: heading?.text ?? "",
                                                headingPath: path, tags: tags, body: section.body, code: section.code))
            }
        }
        return documents
    }
}
