// Renders every HTML and XML file of the site from the model, in parallel.
// Which URL each kind of page gets is decided here, in one place.

import Foundation
import OpsdocsConfig

struct SiteRendering: Sendable {
    let model: SiteModel
    let theme: Theme

    enum Job: Sendable {
        case page(Int), section(String), home, archive, taxonomy(String), term(String, Int), notFound, search
    }

    func renderAll() -> [String: Data] {
        let jobs = jobs()
        return render(jobs).merging(feedsAndAliases(jobs), uniquingKeysWith: { page, _ in page })
    }

    /// Every HTML file of the site: its path and what renders it.
    func jobs() -> [(String, Job)] {
        var jobs: [(String, Job)] = [("index.html", .home), ("archive/index.html", .archive), ("404.html", .notFound),
                                     ("search/index.html", .search)]
        for folder in model.sections.keys.sorted() where !folder.isEmpty {
            if let section = model.sections[folder] { jobs.append((section.url + "index.html", .section(folder))) }
        }
        for index in model.pages.indices where !model.sectionIndexPages.contains(index) && !model.pages[index].url.isEmpty {
            jobs.append((model.pages[index].url + "index.html", .page(index)))
        }
        for taxonomy in model.config.taxonomies {
            let terms = model.taxonomies[taxonomy.plural] ?? []
            guard !terms.isEmpty else { continue }
            jobs.append((taxonomy.plural + "/index.html", .taxonomy(taxonomy.plural)))
            for (i, term) in terms.enumerated() {
                jobs.append((taxonomy.plural + "/" + term.slug + "/index.html", .term(taxonomy.plural, i)))
            }
        }
        return jobs
    }

    /// The HTML files that show page `index`'s text: its own page, or the list page it is the
    /// index of (and the home page for the root index).
    func jobs(showing index: Int) -> [(String, Job)] {
        var jobs: [(String, Job)] = []
        if !model.sectionIndexPages.contains(index) && !model.pages[index].url.isEmpty {
            jobs.append((model.pages[index].url + "index.html", .page(index)))
        }
        for folder in model.sections.keys.sorted() where model.sections[folder]?.indexPage == index {
            if folder.isEmpty {
                jobs.append(("index.html", .home))
            } else if let section = model.sections[folder] {
                jobs.append((section.url + "index.html", .section(folder)))
            }
        }
        return jobs
    }

    func render(_ jobs: [(String, Job)]) -> [String: Data] {
        let context = TemplateContext(model: model)
        let rendered: [(String, Data)] = jobs.parallelMap { path, job in
            let html: String
            switch job {
            case .page(let i):
                html = theme.render("page", context.localized(context.page(i), language: model.pages[i].page.language(site: model.config)))
            case .section(let folder): html = theme.render("list", context.localized(context.section(folder)))
            case .home: html = theme.render("list", context.localized(context.home()))
            case .archive: html = theme.render("archive", context.localized(context.archive()))
            case .taxonomy(let plural): html = theme.render("taxonomy", context.localized(context.taxonomyIndex(plural)))
            case .term(let plural, let i):
                html = theme.render("list", context.localized(context.term(plural, model.taxonomies[plural]?[i]
                    ?? TaxonomyTerm(name: "", slug: "", pages: []))))
            case .notFound: html = theme.render("404", context.localized(["site": context.site]))
            case .search: html = theme.render("search", context.localized(["site": context.site]))
            }
            return (path, Data(html.utf8))
        }
        var files: [String: Data] = [:]
        for (path, data) in rendered where files[path] == nil { files[path] = data }
        return files
    }

    /// Alias redirects, the Atom feed, the sitemap and the section tree (Navigation), each
    /// built on its own core (at 10,000 notes each is a tenth of a second or more).
    func feedsAndAliases(_ jobs: [(String, Job)]) -> [String: Data] {
        let parts: [[String: Data]] = MachineFile.allCases.parallelMap { file in
            switch file {
            case .aliases: return aliases(jobs)
            case .atom: return ["atom.xml": Data(Feeds(model: model, context: TemplateContext(model: model)).atom().utf8)]
            case .sitemap: return ["sitemap.xml": sitemap(jobs)]
            case .sectionTree: return [Navigation.path: Navigation.file(model)]
            case .strings: return ["js/strings.js": Data(UIStrings.script.utf8)]
            }
        }
        return parts.reduce(into: [:]) { files, part in files.merge(part) { first, _ in first } }
    }

    private enum MachineFile: CaseIterable, Sendable { case aliases, atom, sitemap, sectionTree, strings }

    private func aliases(_ jobs: [(String, Job)]) -> [String: Data] {
        var files: [String: Data] = [:]
        let feeds = Feeds(model: model, context: TemplateContext(model: model))
        // An alias never replaces a page (URLConflicts reports the clash).
        let pagePaths = Set(jobs.map(\.0))
        for index in model.pages.indices {
            for alias in model.pages[index].page.aliases
            where files[alias + "index.html"] == nil && !pagePaths.contains(alias + "index.html") {
                files[alias + "index.html"] = Data(feeds.redirect(to: model.pages[index].url).utf8)
            }
        }
        return files
    }

    private func sitemap(_ jobs: [(String, Job)]) -> Data {
        var sitemapURLs: [(String, String?)] = [("", nil)]
        for (path, job) in jobs {
            let url = String(path.dropLast("index.html".count))
            switch job {
            case .page(let i):
                let page = model.pages[i].page
                sitemapURLs.append((url, (page.lastmod ?? page.date)?.day8601))
            case .section, .archive, .taxonomy, .term: sitemapURLs.append((url, nil))
            case .home, .notFound, .search: continue
            }
        }
        return Data(Feeds(model: model, context: TemplateContext(model: model)).sitemap(sitemapURLs).utf8)
    }
}
