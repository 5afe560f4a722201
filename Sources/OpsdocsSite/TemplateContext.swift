// Turns the SiteModel into the dictionaries the Mustache templates read. Every key a theme
// can use is built here (and listed in the README), so templates never compute anything.

import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown

// `@unchecked Sendable`: every stored property is immutable after init and holds only value
// types (strings, numbers, arrays, dictionaries); `[String: Any]` just cannot say so.
struct TemplateContext: @unchecked Sendable {
    let model: SiteModel
    let basePath: String

    /// The same for every page; built once.
    let site: [String: Any]
    /// The site's labels (a note with its own `lang` gets its own in `localized`).
    let strings: UIStrings

    init(model: SiteModel) {
        self.model = model
        basePath = model.config.basePath
        strings = UIStrings(language: model.config.language)
        site = Self.siteContext(model, strings: strings)
    }

    /// A template's context with the labels of `language` (the site's when nil): `strings.*`
    /// for the templates, `lang` for `<html lang>` (which js/strings.js reads).
    func localized(_ context: [String: Any], language: String? = nil) -> [String: Any] {
        let labels = language.map { UIStrings(language: $0) } ?? strings
        var out = context
        out["strings"] = labels.all
        out["lang"] = language ?? model.config.language
        return out
    }

    func href(_ url: String) -> String { Self.href(url, basePath: basePath) }

    static func href(_ url: String, basePath: String) -> String { basePath + SitePath.encode(url) }

    private static func siteContext(_ model: SiteModel, strings: UIStrings) -> [String: Any] {
        func href(_ url: String) -> String { Self.href(url, basePath: model.config.basePath) }
        let config = model.config
        let topSections: [[String: Any]] = (model.sections[""]?.subsections ?? []).compactMap { folder in
            guard let section = model.sections[folder] else { return nil }
            return ["title": section.title, "url": href(section.url)]
        }
        let taxonomies: [[String: Any]] = config.taxonomies.compactMap { taxonomy in
            guard let terms = model.taxonomies[taxonomy.plural], !terms.isEmpty else { return nil }
            return ["name": taxonomy.plural, "label": Self.label(for: taxonomy.plural, strings), "url": href(taxonomy.plural + "/")]
        }
        return [
            "title": config.title, "description": config.description, "language": config.language,
            "author": config.author, "baseURL": config.baseURL, "basePath": config.basePath,
            "sections": topSections, "taxonomies": taxonomies, "pageCount": model.byDate.count,
        ]
    }

    static func label(for taxonomy: String, _ strings: UIStrings) -> String {
        ["tags", "categories", "authors"].contains(taxonomy) ? strings[taxonomy] : taxonomy
    }

    func pageSummary(_ index: Int) -> [String: Any] {
        let built = model.pages[index]
        var item: [String: Any] = ["title": built.title, "url": href(built.url), "summary": built.summary]
        if let date = built.page.date {
            item["date"] = date.day8601
            item["dateISO"] = date.rfc3339
        }
        let folder = model.sectionFolder(of: index)
        if !folder.isEmpty, let section = model.sections[folder] { item["section"] = section.title }
        return item
    }

    func breadcrumbs(forFolder folder: String, includeSelf: Bool) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": strings["home"], "url": basePath]]
        let parts = folder.split(separator: "/").map(String.init)
        let limit = includeSelf ? parts.count : parts.count - 1
        guard limit > 0 else { return crumbs }
        for i in 1...limit {
            let path = parts[0..<i].joined(separator: "/")
            if let section = model.sections[path] { crumbs.append(["title": section.title, "url": href(section.url)]) }
        }
        return crumbs
    }

    func page(_ index: Int) -> [String: Any] {
        let built = model.pages[index]
        let page = built.page
        let minutes = max(1, (built.rendered.wordCount + 299) / 300)
        var context: [String: Any] = [
            "title": built.title, "heading": built.heading, "url": href(page.url), "permalink": model.config.origin + href(page.url),
            "content": withSectionTOC(built.rendered, folder: model.sectionFolder(of: index), except: index),
            "summary": built.summary, "description": page.description,
            "sourcePath": page.sourcePath, "wordCount": built.rendered.wordCount,
            "readingMinutes": minutes,
            "readingTime": UIStrings(language: page.language(site: model.config)).format("readingTime", ["n": String(minutes)]),
            "params": page.frontMatter.mapValues(\.templateValue),
        ]
        if !page.authors.isEmpty { context["authors"] = page.authors }
        if let date = page.date { context["date"] = date.day8601; context["dateISO"] = date.rfc3339 }
        if let lastmod = page.lastmod, lastmod != page.date {
            context["lastmod"] = lastmod.day8601
            context["lastmodISO"] = lastmod.rfc3339
        }
        let toc = built.rendered.tableOfContents.map(tocEntry)
        if toc.count > 1 || (toc.first?["hasChildren"] as? Bool ?? false) {
            context["toc"] = toc
            context["hasTOC"] = true
        }
        var terms: [[String: Any]] = []
        for taxonomy in model.config.taxonomies {
            for name in page.terms[taxonomy.plural] ?? [] {
                terms.append(["name": name, "taxonomy": taxonomy.plural,
                              "url": href(taxonomy.plural + "/" + SiteModel.termSlug(name) + "/")])
            }
        }
        if !terms.isEmpty { context["terms"] = terms; context["hasTerms"] = true }
        let folder = model.sectionFolder(of: index)
        let crumbs = breadcrumbs(forFolder: folder, includeSelf: true)
        context["breadcrumbs"] = crumbs
        context["hasBreadcrumbs"] = crumbs.count > 1
        if let (previous, next) = model.neighbours[index] {
            if let previous { context["prev"] = ["title": model.pages[previous].title, "url": href(model.pages[previous].url)] }
            if let next { context["next"] = ["title": model.pages[next].title, "url": href(model.pages[next].url)] }
        }
        return ["site": site, "page": context, "description": page.description.isEmpty ? built.summary : page.description]
    }

    /// A note's HTML with Hugo's `{{< section-toc >}}` (MarkdownRenderer.sectionTOCMarker) made
    /// the list of its folder's sub-folders and pages, each with its summary.
    func withSectionTOC(_ rendered: RenderedMarkdown, folder: String, except excluded: Int) -> String {
        let html = rendered.html
        guard rendered.hasSectionTOC, let section = model.sections[folder] else { return html }
        var list = "<ul class=\"section-toc\">"
        for sub in section.subsections {
            guard let s = model.sections[sub] else { continue }
            list += "<li><a href=\"\(HTMLEscaping.escape(href(s.url)))\">\(HTMLEscaping.escape(s.title))</a></li>"
        }
        for index in section.pages where index != excluded {
            let page = model.pages[index]
            list += "<li><a href=\"\(HTMLEscaping.escape(href(page.url)))\">\(HTMLEscaping.escape(page.title))</a>"
            if !page.summary.isEmpty { list += "<p class=\"summary\">\(HTMLEscaping.escape(page.summary))</p>" }
            list += "</li>"
        }
        return html.replacingOccurrences(of: MarkdownRenderer.sectionTOCMarker, with: list + "</ul>")
    }

    private func tocEntry(_ entry: TOCEntry) -> [String: Any] {
        [
            "id": entry.heading.id, "text": entry.heading.text, "level": entry.heading.level,
            "children": entry.children.map(tocEntry), "hasChildren": !entry.children.isEmpty,
        ]
    }

    func section(_ folder: String) -> [String: Any] {
        guard let section = model.sections[folder] else { return ["site": site] }
        var list: [String: Any] = [
            "title": section.title, "url": href(section.url),
            "pages": section.pages.map(pageSummary), "hasPages": !section.pages.isEmpty,
        ]
        let subsections: [[String: Any]] = section.subsections.compactMap { sub in
            guard let s = model.sections[sub] else { return nil }
            return ["title": s.title, "url": href(s.url), "count": s.totalPages]
        }
        list["sections"] = subsections
        list["hasSections"] = !subsections.isEmpty
        let crumbs = breadcrumbs(forFolder: folder, includeSelf: false)
        list["breadcrumbs"] = folder.isEmpty ? [] : crumbs
        list["hasBreadcrumbs"] = !folder.isEmpty
        var description = model.config.description
        if let indexPage = section.indexPage {
            list["title"] = model.pages[indexPage].heading
            list["content"] = withSectionTOC(model.pages[indexPage].rendered, folder: folder, except: indexPage)
            description = model.pages[indexPage].summary
        }
        return ["site": site, "list": list, "description": description]
    }

    func home() -> [String: Any] {
        var context = section("")
        guard var list = context["list"] as? [String: Any] else { return context }
        let latest = model.byDate.prefix(model.config.homeLimit)
        list["title"] = model.sections[""]?.indexPage.map { model.pages[$0].heading } ?? model.config.title
        list["isHome"] = true
        list["pages"] = latest.map(pageSummary)
        list["hasPages"] = !latest.isEmpty
        list["hasSections"] = false
        if model.byDate.count > latest.count {
            list["more"] = ["url": href("archive/"), "text": strings.format("allNotesMore", ["n": String(model.byDate.count)])]
        }
        context["list"] = list
        return context
    }

    func archive() -> [String: Any] {
        var groups: [[String: Any]] = []
        var current: (key: String, pages: [[String: Any]])?
        for index in model.byDate {
            let key = model.pages[index].page.date.map { String($0.year) } ?? strings["undated"]
            if current?.key != key {
                if let current { groups.append(group(current.key, current.pages)) }
                current = (key, [])
            }
            current?.pages.append(pageSummary(index))
        }
        if let current { groups.append(group(current.key, current.pages)) }
        return ["site": site, "archive": ["groups": groups, "total": model.byDate.count,
                                          "totalText": strings.format("archiveTotal", ["n": String(model.byDate.count)])]]
    }

    private func group(_ key: String, _ pages: [[String: Any]]) -> [String: Any] {
        let id = key.allSatisfy(\.isNumber) ? "y" + key : "undated"
        return ["label": key, "id": id, "pages": pages, "count": pages.count]
    }

    func taxonomyIndex(_ plural: String) -> [String: Any] {
        let terms = (model.taxonomies[plural] ?? []).sorted { ($0.pages.count, $1.slug) > ($1.pages.count, $0.slug) }
        let items: [[String: Any]] = terms.map {
            ["name": $0.name, "url": href(plural + "/" + $0.slug + "/"), "count": $0.pages.count]
        }
        let label = Self.label(for: plural, strings)
        return ["site": site, "taxonomy": ["name": plural, "label": label, "terms": items, "hasTerms": !items.isEmpty,
                                           "emptyText": strings.format("noTermsYet", ["label": label])]]
    }

    func term(_ plural: String, _ term: TaxonomyTerm) -> [String: Any] {
        let list: [String: Any] = [
            "title": strings.format("termTitle", ["label": Self.label(for: plural, strings), "name": term.name]),
            "url": href(plural + "/" + term.slug + "/"),
            "pages": term.pages.map(pageSummary), "hasPages": !term.pages.isEmpty,
            "breadcrumbs": [["title": strings["home"], "url": basePath], ["title": Self.label(for: plural, strings), "url": href(plural + "/")]],
            "hasBreadcrumbs": true,
        ]
        return ["site": site, "list": list]
    }
}
