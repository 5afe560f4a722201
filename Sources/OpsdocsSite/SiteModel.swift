// The site as a graph of values, after content is loaded and Markdown rendered:
// pages with their final titles, the folder sections they sit in, taxonomy terms and the
// orders (home, archive, sections, prev/next). Templates only read from this.

import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown

struct BuiltPage: Sendable {
    var page: Page
    var rendered: RenderedMarkdown
    var displayPath: String

    var url: String { page.url }
    /// What the Markdown stage found wrong in the note, as diagnostics at their lines.
    var markdownDiagnostics: [Diagnostic] {
        rendered.notices.map { notice in
            Diagnostic(notice.isError ? .error : .warning, file: displayPath, line: notice.line, column: notice.column,
                       kind: notice.kind, notice.message)
        }
    }
    /// For `<title>`, lists and feeds: front matter, else the note's first H1, else the file name.
    var title: String { page.declaredTitle ?? rendered.firstH1?.text ?? page.fileTitle }
    /// The visible page heading: the H1 the note opens with (lifted out of the body), else the title.
    var heading: String { rendered.leadingTitle?.text ?? title }
    /// The front matter's description, else the text before `<!--more-->`, else the first paragraph.
    var summary: String {
        if !page.description.isEmpty { return PlainText.truncate(page.description, limit: 140) }
        if let chosen = rendered.summaryBeforeMore, !chosen.isEmpty { return PlainText.truncate(chosen, limit: 280) }
        return PlainText.truncate(rendered.firstParagraph, limit: 140)
    }
}

struct Section: Sendable {
    /// Source folder (`kubeasz/docs/setup`).
    var folder: String
    var url: String
    var title: String
    /// Index of the folder's `_index.md`/`index.md`/`README.md` among the site's pages.
    var indexPage: Int?
    /// Pages directly in this section (not the index), in reading order.
    var pages: [Int]
    /// Folders of direct subsections, in reading order.
    var subsections: [String]
    /// Pages in this section and below.
    var totalPages: Int
}

struct TaxonomyTerm: Sendable {
    var name: String
    var slug: String
    var pages: [Int]
    /// Other spellings that share this slug (`K8s` beside `k8s`), each with the first page using it.
    var otherSpellings: [(name: String, page: Int)] = []
}

struct SiteModel: Sendable {
    var config: SiteConfig
    var pages: [BuiltPage]
    /// Keyed by folder; the root folder `""` is the home page.
    var sections: [String: Section]
    /// Taxonomy plural → terms sorted by slug.
    var taxonomies: [String: [TaxonomyTerm]]
    /// Page index → (previous, next) in its section.
    var neighbours: [Int: (Int?, Int?)]
    /// All notes newest first; undated notes after dated ones, by title. Section index pages
    /// are not notes: they are the text of their section's list page.
    var byDate: [Int]
    var sectionIndexPages: Set<Int> = []

    static func assemble(config: SiteConfig, pages: [BuiltPage]) -> SiteModel {
        var model = SiteModel(config: config, pages: pages, sections: [:], taxonomies: [:], neighbours: [:], byDate: [])
        model.buildSections()
        model.sectionIndexPages = Set(model.sections.values.compactMap(\.indexPage))
        let newestFirst = model.dateOrder()
        model.byDate = newestFirst.filter { !model.sectionIndexPages.contains($0) }
        model.buildTaxonomies(newestFirst: newestFirst)
        return model
    }

    /// Every page, newer first; undated after dated; then title, then path, so the order is
    /// total. Sorted once, on keys computed once (titles are looked up, not stored).
    func dateOrder() -> [Int] {
        let keys = pages.map { (date: $0.page.date?.epochSeconds, title: $0.title, path: $0.page.sourcePath) }
        return pages.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            switch (ka.date, kb.date) {
            case let (da?, db?) where da != db: return da > db
            case (.some, .none): return true
            case (.none, .some): return false
            default: return (ka.title, ka.path) < (kb.title, kb.path)
            }
        }
    }

    /// Weighted pages first (by weight), then by file name: runbooks are numbered `01-…`, `02-…`.
    func readingOrder(_ a: Int, _ b: Int) -> Bool {
        let wa = pages[a].page.weight, wb = pages[b].page.weight
        if wa != wb { return wa == 0 ? false : (wb == 0 ? true : wa < wb) }
        return pages[a].page.sourcePath < pages[b].page.sourcePath
    }

    private mutating func buildSections() {
        // A folder is a section when it holds pages other than its own index page.
        var folderPages: [String: [Int]] = [:]
        var folderIndex: [String: Int] = [:]
        for (i, built) in pages.enumerated() {
            let folder = built.page.sourceFolder
            if built.page.isFolderIndex {
                if folderIndex[folder] == nil { folderIndex[folder] = i }
            } else {
                folderPages[folder, default: []].append(i)
            }
        }
        var sectionFolders: Set<String> = [""]
        for folder in folderPages.keys {
            var parts = folder.split(separator: "/").map(String.init)
            while !parts.isEmpty {
                sectionFolders.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        // Subsection folders contain other sections; an index-only folder (a leaf bundle) is a page.
        for folder in folderIndex.keys where !folder.isEmpty {
            var parts = folder.split(separator: "/").map(String.init)
            parts.removeLast()
            while !parts.isEmpty {
                sectionFolders.insert(parts.joined(separator: "/"))
                parts.removeLast()
            }
        }
        // Leaf bundles (index-only folders) are pages of their parent's section.
        var bundlesByParent: [String: [Int]] = [:]
        for (child, index) in folderIndex where !child.isEmpty && !sectionFolders.contains(child) {
            bundlesByParent[parentFolder(child), default: []].append(index)
        }
        for folder in sectionFolders.sorted() {
            var direct = (folderPages[folder] ?? []) + (bundlesByParent[folder] ?? [])
            direct.sort { readingOrder($0, $1) }
            let indexPage = folderIndex[folder].flatMap { sectionFolders.contains(folder) ? $0 : nil }
            let name = folder.split(separator: "/").last.map(String.init) ?? config.title
            let title = indexPage.map { pages[$0].title } ?? name
            let url = indexPage.map { pages[$0].url } ?? (folder.isEmpty ? "" : SitePath.slugifyFolderPath(folder) + "/")
            sections[folder] = Section(folder: folder, url: url, title: title, indexPage: indexPage, pages: direct,
                                       subsections: [], totalPages: 0)
        }
        // `setup.md` beside a `setup/` folder with no index note is that folder's index
        // (its URL is the folder's URL anyway).
        let pageByURL = Dictionary(pages.indices.map { (pages[$0].url, $0) }, uniquingKeysWith: { a, _ in a })
        for folder in sections.keys.sorted() where !folder.isEmpty && sections[folder]?.indexPage == nil {
            guard let url = sections[folder]?.url, let index = pageByURL[url], !pages[index].page.isFolderIndex else { continue }
            sections[folder]?.indexPage = index
            sections[folder]?.title = pages[index].title
            sections[parentFolder(folder)]?.pages.removeAll { $0 == index }
        }
        for folder in sections.keys.sorted() where !folder.isEmpty {
            sections[parentFolder(folder)]?.subsections.append(folder)
        }
        let weights = sections.mapValues { $0.indexPage.map { pages[$0].page.weight } ?? 0 }
        for folder in sections.keys.sorted() {
            sections[folder]?.subsections.sort { a, b in
                let wa = weights[a] ?? 0, wb = weights[b] ?? 0
                if wa != wb { return wa == 0 ? false : (wb == 0 ? true : wa < wb) }
                return a < b
            }
        }
        // Deepest folders first, so each total can add its subsections' totals.
        let depth = sections.keys.map { folder in (folder, folder.utf8.filter { $0 == UInt8(ascii: "/") }.count) }
        for (folder, _) in depth.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }) {
            guard let section = sections[folder] else { continue }
            let below = section.subsections.reduce(0) { $0 + (sections[$1]?.totalPages ?? 0) }
            sections[folder]?.totalPages = section.pages.count + below
        }
        for section in sections.values {
            for (position, index) in section.pages.enumerated() {
                let previous: Int? = position > 0 ? section.pages[position - 1] : nil
                let next: Int? = position + 1 < section.pages.count ? section.pages[position + 1] : nil
                neighbours[index] = (previous, next)
            }
        }
    }

    private mutating func buildTaxonomies(newestFirst: [Int]) {
        for taxonomy in config.taxonomies {
            var terms: [String: TaxonomyTerm] = [:]
            // Section index pages carry terms too (a tagged `_index.md` is a real page).
            for index in newestFirst {
                for name in pages[index].page.terms[taxonomy.plural] ?? [] {
                    let slug = Self.termSlug(name)
                    if terms[slug] == nil { terms[slug] = TaxonomyTerm(name: name, slug: slug, pages: []) }
                    if terms[slug]?.pages.last != index { terms[slug]?.pages.append(index) }
                    if let term = terms[slug], term.name != name, !term.otherSpellings.contains(where: { $0.name == name }) {
                        terms[slug]?.otherSpellings.append((name, index))
                    }
                }
            }
            taxonomies[taxonomy.plural] = terms.values.sorted { $0.slug < $1.slug }
        }
    }

    /// `Kubernetes 升级` → `kubernetes-升级`: lower-case, letters of every script and digits
    /// kept, everything else (white space, `/ \\ < > .` and other punctuation) folded to one `-`,
    /// so no tag can make a path or markup. `_` and `+` stay (`c++`, `node_exporter`).
    static func termSlug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark || scalar == "_" || scalar == "+" {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "term" : SitePath.capSegment(out)
    }

    /// A warning for each spelling of a term that shares another's page, at the note that uses it.
    var termSpellingDiagnostics: [Diagnostic] {
        var out: [Diagnostic] = []
        for taxonomy in config.taxonomies {
            for term in taxonomies[taxonomy.plural] ?? [] {
                for (name, index) in term.otherSpellings {
                    let page = pages[index]
                    out.append(.warning(page.displayPath, line: page.page.line(of: taxonomy.plural), kind: "taxonomy",
                                        "\(taxonomy.plural) `\(name)` and `\(term.name)` share the page /\(taxonomy.plural)/\(term.slug)/"))
                }
            }
        }
        return out
    }

    func parentFolder(_ folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }

    /// The section a page is listed in.
    func sectionFolder(of index: Int) -> String {
        let page = pages[index].page
        let folder = page.sourceFolder
        if page.isFolderIndex, sections[folder] == nil { return parentFolder(folder) }
        return folder
    }
}
