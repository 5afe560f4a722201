// Applies changed source files to a kept SiteState, rebuilding only what they touch:
// an edited note re-renders its own page (and, when its title, date, tags or summary
// changed, its neighbours and the list, tag and feed pages), its snippet files and the
// search shards of its changed sections. A template edit re-renders every page from the
// kept model; a stylesheet edit replaces just that file. Anything structural (a note added,
// removed or moved to another URL, `opsdocs.toml`) is a full build.

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch
import OpsdocsSnippets

/// What one rebuild did to the published site.
public struct SiteUpdate: Sendable {
    /// Site-relative paths whose contents changed, appeared or disappeared.
    public var changedPaths: Set<String> = []
    /// How it was rebuilt, for the terminal: `content/k8s/etcd.md`, `templates`, `full build`.
    public var scope: [String] = []
    /// Set when a full build brought new errors: nothing was replaced, the last good site stays.
    public var failure: [Diagnostic]?
    /// Wall time of each step, for `opsdocs serve --timings`.
    public var timings: [(stage: String, seconds: Double)] = []
}

extension SiteState {
    /// Where a changed file sits, which decides how much is rebuilt.
    enum Change: Hashable {
        case config, note(String), asset(String), templates, themeStatic, staticFile(String)
    }

    func classify(_ path: String) -> Change? {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        func relative(to folder: URL) -> String? {
            let base = folder.standardizedFileURL.path
            guard path.hasPrefix(base + "/") else { return nil }
            let rel = String(path.dropFirst(base.count + 1))
            // Hidden files, editor swap and backup files are never part of the site.
            if rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) || rel.hasSuffix("~") { return nil }
            return rel
        }
        let paths = options.paths
        let configURL = paths.configFile
        if path == configURL.standardizedFileURL.path { return .config }
        if let rel = relative(to: paths.notes) {
            return ContentLoader.isNote(rel) ? .note(rel) : .asset(rel)
        }
        if let rel = relative(to: paths.theme) {
            if rel.hasPrefix("templates/") { return .templates }
            return rel.hasPrefix("static/") ? .themeStatic : nil
        }
        if let rel = relative(to: paths.staticFiles) { return .staticFile(rel) }
        return nil
    }

    /// Rebuilds after the files at `paths` (absolute) changed, were created or deleted.
    mutating func apply(_ paths: Set<String>) -> SiteUpdate {
        let changes = Set(paths.compactMap(classify))
        guard !changes.isEmpty else { return SiteUpdate() }
        timings = []
        var scope: [String] = []
        var fullBuildChanges: Set<String> = []
        var needsFullBuild = changes.contains(.config) || fullBuildPending
        var notes: [String] = [], themeChanged = false, templatesChanged = false
        for change in changes {
            switch change {
            case .config: break
            case .note(let rel): notes.append(rel)
            case .asset(let rel):
                // An edited image is read from disk when served; a new or deleted one changes links.
                let published = SitePath.publishedAssetPath(rel)
                if site.copies[published] == nil || !FileManager.default.fileExists(atPath: options.source.appendingPathComponent(rel).path) {
                    needsFullBuild = true
                } else if stampChanged(published, options.source.appendingPathComponent(rel)) {
                    touchedCopies.insert(published)
                }
            case .staticFile(let rel):
                let url = options.paths.staticFiles.appendingPathComponent(rel)
                // An event without a change (a file opened for writing and closed, a metadata
                // touch) must not reload every open page.
                if stampChanged(rel, url) { touchedCopies.insert(rel) }
                site.copies[rel] = FileManager.default.fileExists(atPath: url.path) && site.files[rel] == nil ? url : nil
                scope.append("static/" + rel)
            case .templates: themeChanged = true; templatesChanged = true
            case .themeStatic: themeChanged = true
            }
        }
        // A checkout of many notes at once is cheaper as one build than as many updates.
        if notes.count > 50 { needsFullBuild = true }
        if !needsFullBuild {
            for rel in notes.sorted() where !needsFullBuild {
                if updateNote(rel) { scope.append(ContentLoader.display(options.sourceDisplay, rel)) } else { needsFullBuild = true }
            }
        }
        if needsFullBuild {
            var options = options
            options.snippetCache = snippetCache
            let fresh = SiteState.build(options)
            // Errors the last good site already had (a broken note nobody is editing) do not
            // hold the preview back; new ones do, until the next change builds again.
            let known = Set(site.diagnostics.filter { $0.severity == .error })
            let introduced = fresh.site.diagnostics.filter { $0.severity == .error && !known.contains($0) }
            guard introduced.isEmpty else {
                fullBuildPending = true
                snippetCache = fresh.snippetCache
                return SiteUpdate(scope: ["full build"], failure: fresh.site.diagnostics.filter { $0.severity == .error })
            }
            fullBuildChanges = Self.difference(site, fresh.site).union(touched.keys).union(touchedCopies)
            self = fresh
            scope = ["full build"]
        } else if themeChanged {
            reloadTheme(rerenderPages: templatesChanged)
            scope.append(templatesChanged ? "templates" : "theme static files")
        }
        // After a full build every path may have changed; otherwise only the ones written.
        let changed = scope == ["full build"] ? fullBuildChanges : takeChanges()
        touched = [:]
        touchedCopies = []
        return SiteUpdate(changedPaths: changed, scope: scope, timings: timings)
    }

    /// Whether the copied file at `url` (published at `path`) differs in size or modification
    /// time from when it was last seen; remembers what it is now.
    private mutating func stampChanged(_ path: String, _ url: URL) -> Bool {
        let now = FileStamp.of(url.path) ?? "gone"
        defer { copyStamps[path] = now }
        return copyStamps[path] != now
    }

    /// Replaces (or with nil removes) one published file, remembering the path so the
    /// update can report what changed without comparing the whole site.
    /// (Keeping the old bytes per path, rather than a copy of the whole site, keeps an
    /// edit's cost independent of the site's size.)
    private mutating func write(_ path: String, _ data: Data?) {
        if touched[path] == nil { touched[path] = .some(publishedFile(path)) }
        site.files[path] = data
    }

    /// A published file's bytes now: as written in this process, else (restored state) as the
    /// output folder holds them.
    func publishedFile(_ path: String) -> Data? {
        if let data = site.files[path] { return data }
        guard touched[path] == nil, let disk, disk.published.contains(path) else { return nil }
        return FileManager.default.contents(atPath: disk.outputRoot + "/" + path)
    }

    /// The written paths whose contents really changed, and any copied file touched.
    private mutating func takeChanges() -> Set<String> {
        defer { touched = [:]; touchedCopies = [] }
        var changed = touchedCopies
        for (path, old) in touched where old != site.files[path] { changed.insert(path) }
        return changed
    }

    static func difference(_ a: CompiledSite, _ b: CompiledSite) -> Set<String> {
        var changed: Set<String> = []
        for (path, data) in b.files where a.files[path] != data { changed.insert(path) }
        for path in a.files.keys where b.files[path] == nil { changed.insert(path) }
        for (path, url) in b.copies where a.copies[path] != url { changed.insert(path) }
        for path in a.copies.keys where b.copies[path] == nil { changed.insert(path) }
        return changed
    }

    // MARK: - One note

    /// Re-renders the note at `rel`. Returns false when the change needs a full build
    /// (the note is new, gone, a draft now, or has another URL).
    private mutating func updateNote(_ rel: String) -> Bool {
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
        let headingsChanged = old.rendered.headings.map(\.id) != decorated.rendered.headings.map(\.id)
        let oldNeighbours = model.neighbours[index]
        // A tag nobody uses any more loses its page.
        let oldPaths = listingChanged ? Set(SiteRendering(model: model, theme: theme).jobs().map(\.0)) : []
        model.pages[index] = decorated
        skeletal.remove(index)
        if listingChanged {
            model = SiteModel.assemble(config: config, pages: model.pages)
        }
        guard rerender(page: index, listingChanged: listingChanged, termsChanged: old.page.terms != decorated.page.terms,
                       oldNeighbours: oldNeighbours, oldPaths: oldPaths) else {
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

        init(_ built: BuiltPage) {
            title = built.title
            summary = built.summary
            date = built.page.date?.rfc3339
            lastmod = built.page.lastmod?.rfc3339
            weight = built.page.weight
            terms = built.page.terms
        }
    }

    /// Renders what shows page `index` again. Returns false when a page it needs could not be
    /// rendered again from its source (the caller then builds everything).
    private mutating func rerender(page index: Int, listingChanged: Bool, termsChanged: Bool, oldNeighbours: (Int?, Int?)?,
                                   oldPaths: Set<String>) -> Bool
    {
        let listing = SiteRendering(model: model, theme: theme)
        let all = listing.jobs()
        let withFeeds = listingChanged || Feeds.entries(model).contains(index)
        let jobs: [(String, SiteRendering.Job)]
        if !listingChanged {
            jobs = listing.jobs(showing: index)  // the note's own page (and the feed if it carries its text)
        } else if model.sections.values.contains(where: { $0.indexPage == index }) {
            jobs = all  // a section's title is in every breadcrumb below it
        } else {
            // Its page, its old and new neighbours (their previous/next links), and the lists that
            // show it: its folder's, the home page's, the archive, its tags' pages (every list page
            // when its tags changed: a tag's page may appear or go).
            var pages: Set<Int> = [index]
            for pair in [oldNeighbours, model.neighbours[index]] {
                if let (previous, next) = pair { pages.formUnion([previous, next].compactMap { $0 }) }
            }
            let folder = model.sectionFolder(of: index)
            jobs = all.filter { _, job in
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
        // A restored page has no HTML until it is rendered again from its source.
        guard hydrate(pagesShown(by: jobs).union(withFeeds ? Set(Feeds.entries(model)) : [])) else { return false }
        let rendering = SiteRendering(model: model, theme: theme)
        if listingChanged { for path in oldPaths.subtracting(all.map(\.0)) { write(path, nil) } }
        for (path, data) in rendering.render(jobs) { write(path, data) }
        if withFeeds { for (path, data) in rendering.feedsAndAliases(all) { write(path, data) } }
        return true
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

    /// Work an edit left for after the page is served: search shards and the snippet manifest.
    struct Deferred: Sendable {
        /// Source path → the note's search documents now.
        var reindex: [String: [SearchDocument]] = [:]
        var manifest = false
        var isEmpty: Bool { reindex.isEmpty && !manifest }
    }

    mutating func finishDeferred() -> SiteUpdate {
        guard !deferred.isEmpty else { return SiteUpdate() }
        var timer = StageTimer()
        let work = deferred
        deferred = Deferred()
        for rel in work.reindex.keys.sorted() {
            if let documents = work.reindex[rel], let index = pageIndex[rel] {
                reindex(rel, url: model.pages[index].url, documents: documents)
            }
        }
        timer.lap("search shards")
        if work.manifest {
            for rel in work.reindex.keys.sorted() { replaceInSiteSnippets(rel) }
            for rel in work.reindex.keys { manifestFragments[rel] = SnippetOutput.manifestFragments(snippets[rel] ?? [])[rel] }
            write(SnippetOutput.manifestPath, SnippetOutput.manifest(joining: manifestFragments))
        }
        timer.lap("snippet manifest")
        return SiteUpdate(changedPaths: takeChanges(), scope: ["search index"], timings: timer.stages)
    }

    /// `site.snippets` is in source-path order: swap one note's run for its current snippets.
    private mutating func replaceInSiteSnippets(_ rel: String) {
        var low = 0, high = site.snippets.count
        while low < high {
            let mid = (low + high) / 2
            if site.snippets[mid].source < rel { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < site.snippets.count && site.snippets[end].source == rel { end += 1 }
        site.snippets.replaceSubrange(low..<end, with: snippets[rel] ?? [])
    }

    private mutating func reindex(_ rel: String, url: String, documents: [SearchDocument]) {
        let old = storedDocuments(rel) ?? []
        searchDocuments[rel] = documents
        guard old != documents else { return }
        if let changed = SearchIndexUpdater.replacePage(url: url, old: old, new: documents, in: &search) {
            for path in changed { write("search/" + path, search.files[path]) }
            return
        }
        // The update could not be exact (the averages or the number of shards would move, a
        // capped word ran out of reserve, too many sections for the page's ids): index everything.
        let all = model.pages.flatMap { storedDocuments($0.page.sourcePath) ?? [] }
        for path in Set(search.files.keys).union(disk?.searchIndexFiles ?? []) { write("search/" + path, nil) }
        search = SearchIndexBuilder.build(all)
        for (path, data) in search.files { write("search/" + path, data) }
    }

    /// Other notes' links to a heading of `rel`, checked again after its headings changed.
    private mutating func recheckLinks(to rel: String) {
        let linking = model.pages.filter { page in
            page.page.sourcePath != rel && page.rendered.headingLinks.contains { link in
                if case .page(let target, _) = link.resolution { return target == rel }
                return false
            }
        }
        guard !linking.isEmpty else { return }
        let pages = model.pages, indexOf = pageIndex
        let onlyHeadingLinks = linking.map { page -> BuiltPage in
            var copy = page
            copy.rendered.links = page.rendered.headingLinks
            return copy
        }
        let fresh = LinkChecker.check(pages: onlyHeadingLinks,
                                      anchors: { source in indexOf[source].map { Set(pages[$0].rendered.headings.map(\.id)) } },
                                      isPublished: { _ in true })
        let files = Set(linking.map(\.displayPath))
        let positions = Set(onlyHeadingLinks.flatMap { page in page.rendered.links.map { "\(page.displayPath):\($0.line):\($0.column)" } })
        site.diagnostics = (site.diagnostics.filter { d in
            !(d.kind == "anchor" && files.contains(d.file) && positions.contains("\(d.file):\(d.line):\(d.column)"))
        } + fresh).sorted()
    }

    private mutating func replaceDiagnostics(of file: String, with fresh: [Diagnostic]) {
        site.diagnostics = (site.diagnostics.filter { $0.file != file } + fresh).sorted()
    }

    // MARK: - Theme

    private mutating func reloadTheme(rerenderPages: Bool) {
        let (fresh, found) = Theme.load(overrides: options.paths.theme, displayFolder: "theme")
        site.diagnostics = (site.diagnostics.filter { !$0.file.hasPrefix("theme/") } + found).sorted()
        for (path, data) in theme.staticFiles where site.files[path] == data { write(path, nil) }
        for (path, data) in fresh.staticFiles where site.files[path] == nil { write(path, data) }
        theme = fresh
        guard rerenderPages, found.errorCount == 0 else { return }
        for (path, data) in SiteRendering(model: model, theme: theme).renderAll() { write(path, data) }
    }
}
