// One edited note applied to a kept SiteState: its page (and, when its title, date, tags or
// summary changed, its neighbours and the list, tag and feed pages) and its snippet files.

import Foundation
import OpsdocsContent
import OpsdocsSnippets

extension SiteState {
    /// Re-renders the note at `rel`. Returns false when the change needs a full build
    /// (the note is new, gone, a draft now, or has another URL).
    mutating func updateNote(_ rel: String) -> Bool {
        var timer = StageTimer()
        defer { timings += timer.stages }
        guard let index = pageIndex[rel],
              let data = FileManager.default.contents(atPath: options.source.appendingPathComponent(rel).path)
        else { return false }
        let old = model.pages[index]
        let shown = old.displayPath
        let (built, found) = ContentLoader.page(from: SourceFile(relativePath: rel, bytes: [UInt8](data)), displayPath: shown,
                                                config: config, readmeIsIndex: !foldersWithIndex.contains(old.page.sourceFolder))
        // A broken note keeps its last good page; the error is what the preview shows.
        guard let page = built else {
            replaceDiagnostics(of: shown, with: found)
            return true
        }
        guard options.includeDrafts || !page.draft, page.url == old.page.url, page.isFolderIndex == old.page.isFolderIndex,
              page.aliases == old.page.aliases
        else { return false }

        timer.lap("read + front matter")
        let (results, used) = NotePipeline.run([page], in: context, cache: snippetCache, timer: &timer)
        guard let note = results.first else { return false }
        snippetCache.entries.merge(used.entries) { _, new in new }
        var diagnostics = found + note.diagnostics
        let decorated = note.page
        let pageSnippets = note.snippets
        let listingChanged = ListingKey(old) != ListingKey(decorated)
        // Only what lists show of the note changed (its title, summary): sections, reading order
        // and neighbours stay, so its page and its neighbours' are rendered now and the lists,
        // feeds and section tree right after the page is served (`finishDeferred`).
        let orderKept = listingChanged && ListingKey(old).keepsOrder(ListingKey(decorated))
            && !model.sectionIndexPages.contains(index)
        let headingsChanged = old.rendered.headings.map(\.id) != decorated.rendered.headings.map(\.id)
        let oldNeighbours = model.neighbours[index]
        // A tag nobody uses any more loses its page.
        let oldPaths = listingChanged && !orderKept ? Set(SiteRendering(model: model, theme: theme).jobs().map(\.0)) : []
        model.pages[index] = decorated
        skeletal.remove(index)
        if listingChanged && !orderKept {
            model = SiteModel.assemble(config: config, pages: model.pages)
        }
        guard rerender(page: index, listingChanged: listingChanged, orderKept: orderKept,
                       termsChanged: old.page.terms != decorated.page.terms, oldNeighbours: oldNeighbours, oldPaths: oldPaths)
        else {
            return false
        }
        timer.lap(listingChanged ? "model + templates" : "templates")
        replaceSnippets(of: rel, with: pageSnippets)
        timer.lap("snippet files")
        // The search shards and the snippet manifest are what the open page does not show:
        // they are brought up to date right after it is served (`finishDeferred`).
        deferred.reindex[rel] = note.searchDocuments
        deferred.manifest = true
        let pages = model.pages, files = site.files, copies = site.copies, indexOf = pageIndex
        let onDisk = disk?.published ?? SortedPaths(sorted: []), written = touched
        diagnostics += LinkChecker.check(pages: [decorated],
                                         anchors: { source in indexOf[source].map { Set(pages[$0].rendered.headings.map(\.id)) } },
                                         isPublished: { files[$0] != nil || copies[$0] != nil || (onDisk.contains($0) && written[$0] == nil) })
        timer.lap("link check")
        replaceDiagnostics(of: shown, with: diagnostics)
        if headingsChanged { recheckLinks(to: rel) }
        // Tag spellings are checked across notes: a changed tag list can add or clear a warning elsewhere.
        if listingChanged {
            site.diagnostics = (site.diagnostics.filter { $0.kind != "taxonomy" } + model.termSpellingDiagnostics).sorted()
        }
        timer.lap("diagnostics")
        return true
    }

    /// What list pages, feeds and neighbours show of a note.
    private struct ListingKey: Equatable {
        var title: String, summary: String, date: String?, lastmod: String?, weight: Int, terms: [String: [String]]

        /// Whether a page listed as `self` is listed as `other` in the same places and order
        /// (sections sort by weight and path; dates and terms decide the rest).
        func keepsOrder(_ other: ListingKey) -> Bool {
            date == other.date && weight == other.weight && terms == other.terms
        }

        init(_ built: BuiltPage) {
            title = built.title
            summary = built.summary
            date = built.page.date?.rfc3339
            lastmod = built.page.lastmod?.rfc3339
            weight = built.page.weight
            terms = built.page.terms
        }
    }

    /// Renders what shows page `index` again (with `orderKept`, its page and its neighbours'
    /// now and the rest deferred). Returns false when a page it needs could not be rendered
    /// again from its source (the caller then builds everything).
    private mutating func rerender(page index: Int, listingChanged: Bool, orderKept: Bool, termsChanged: Bool,
                                   oldNeighbours: (Int?, Int?)?, oldPaths: Set<String>) -> Bool
    {
        let listing = SiteRendering(model: model, theme: theme)
        let all = listing.jobs()
        let withFeeds = listingChanged || Feeds.entries(model).contains(index)
        var jobs: [(String, SiteRendering.Job)]
        if !listingChanged {
            jobs = listing.jobs(showing: index)  // the note's own page (and the feed if it carries its text)
        } else if model.sections.values.contains(where: { $0.indexPage == index }) {
            jobs = all  // a section's title is in every breadcrumb below it
        } else {
            jobs = listJobs(showing: index, termsChanged: termsChanged, oldNeighbours: oldNeighbours, among: all)
        }
        // A restored page has no HTML until it is rendered again from its source.
        guard hydrate(pagesShown(by: jobs).union(withFeeds ? Set(Feeds.entries(model)) : [])) else { return false }
        if orderKept {
            // Its page, its neighbours' and its folder's list (in reading order, by weight and
            // path, so no title moves it) now; the lists sorted by date and title after.
            func now(_ job: SiteRendering.Job) -> Bool {
                switch job {
                case .page, .section: return true
                default: return false
                }
            }
            let later = jobs.filter { !now($0.1) }
            jobs = jobs.filter { now($0.1) }
            deferred.lists.append(contentsOf: later)
            deferred.feeds = true
        }
        let rendering = SiteRendering(model: model, theme: theme)
        if listingChanged { for path in oldPaths.subtracting(all.map(\.0)) { write(path, nil) } }
        for (path, data) in rendering.render(jobs) { write(path, data) }
        if withFeeds && !orderKept { for (path, data) in rendering.feedsAndAliases(all) { write(path, data) } }
        return true
    }

    /// The pages that list page `index`: its own, its old and new neighbours (their
    /// previous/next links), its folder's list, the home page, the archive, its tags' pages
    /// (every list page when its tags changed: a tag's page may appear or go).
    private func listJobs(showing index: Int, termsChanged: Bool, oldNeighbours: (Int?, Int?)?,
                          among all: [(String, SiteRendering.Job)]) -> [(String, SiteRendering.Job)]
    {
        var pages: Set<Int> = [index]
        for pair in [oldNeighbours, model.neighbours[index]] {
            if let (previous, next) = pair { pages.formUnion([previous, next].compactMap { $0 }) }
        }
        let folder = model.sectionFolder(of: index)
        return all.filter { _, job in
            switch job {
            case .page(let i): return pages.contains(i)
            case .section(let f): return termsChanged || f == folder
            case .home, .archive: return true
            case .taxonomy: return termsChanged
            case .term(let plural, let i): return termsChanged || model.taxonomies[plural]?[i].pages.contains(index) == true
            case .notFound, .search: return termsChanged
            }
        }
    }

    /// The pages whose HTML the jobs' templates show: their own, or the index page of a list.
    private func pagesShown(by jobs: [(String, SiteRendering.Job)]) -> Set<Int> {
        var pages: Set<Int> = []
        for (_, job) in jobs {
            switch job {
            case .page(let i): pages.insert(i)
            case .section(let folder): if let i = model.sections[folder]?.indexPage { pages.insert(i) }
            case .home: if let i = model.sections[""]?.indexPage { pages.insert(i) }
            case .archive, .taxonomy, .term, .notFound, .search: continue
            }
        }
        return pages
    }

    private mutating func replaceSnippets(of rel: String, with fresh: [Snippet]) {
        let newFiles = SnippetOutput.files(fresh)
        for path in snippetFiles[rel] ?? [] {
            write(path, nil)
            site.executables.remove(path)
        }
        for (path, data) in newFiles.files where path != SnippetOutput.manifestPath { write(path, data) }
        site.executables.formUnion(newFiles.executables)
        snippets[rel] = fresh
        snippetFiles[rel] = newFiles.filesByNote[rel]
    }
}
