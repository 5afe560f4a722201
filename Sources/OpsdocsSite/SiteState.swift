// A whole build kept as values: the compiled site plus what it was computed from (model,
// theme, snippets and search documents per page, the search index). `opsdocs build` uses
// only `site`; the preview keeps the state so a change rebuilds just what it touches
// (SiteState+Update.swift).

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch
import OpsdocsSnippets

struct SiteState: Sendable {
    var options: BuildOptions
    var config: SiteConfig
    /// How notes are rendered (config and link resolution); an edited note uses the same.
    var context: NoteContext
    var model: SiteModel
    var theme: Theme
    /// Source path → the page's snippets, in block order.
    var snippets: [String: [Snippet]]
    var snippetCache: VerificationCache
    /// Source path → the page's search documents, as last indexed.
    var searchDocuments: [String: [SearchDocument]]
    var search: SearchIndexFiles
    var site: CompiledSite
    /// A full build failed and was not kept: the next change builds everything again.
    var fullBuildPending = false
    /// What the last edits left to do after serving (see `finishDeferred`).
    var deferred = Deferred()
    /// Published paths written since the last update was reported.
    var touched: [String: Data?] = [:]
    var touchedCopies: Set<String> = []
    /// Source path → index among `model.pages` (the model keeps the order when reassembled).
    var pageIndex: [String: Int] = [:]
    /// Folders with an `index.md`/`_index.md` (where `README.md` is an ordinary note).
    var foldersWithIndex: Set<String> = []
    /// Source path → the note's entries of `snippets/index.json`.
    var manifestFragments: [String: Data] = [:]
    /// Published path → size and time of each copied file when last seen (the preview tells
    /// open pages about a copy only when it really changed).
    var copyStamps: [String: String] = [:]
    /// Steps of the update in progress, for `SiteUpdate.timings`.
    var timings: [(stage: String, seconds: Double)] = []
    /// Note → the snippet files it produced (what an edit of it replaces).
    var snippetFiles: [String: [String]] = [:]
    /// Set when the state was restored from the last build's stored state (an incremental
    /// `opsdocs build`): unchanged published files stay on disk instead of in `site.files`.
    var disk: DiskBacking?
    /// Pages restored without their HTML (lists and neighbours need only what is stored);
    /// rendered again from their source when a template needs them (`hydrate`).
    var skeletal: Set<Int> = []

    /// The build, step by step. Each step is a function of the values before it; the per-note
    /// steps (Markdown, snippets, search documents) are NotePipeline, shared with the preview.
    /// `releasingPageHTML`: once the pages are rendered into files, their Markdown and its HTML
    /// are let go (`opsdocs build` needs no more of them; at 10,000 notes they are a third of a
    /// gigabyte), and the pages are skeletal, as a restored state's are.
    /// `staging`: a full `opsdocs build`'s staging folder, which each stage's files go into as
    /// soon as they are made (OutputFolder.writeEarly); they are then in `site.written`, not
    /// `site.files`. Without one (serve, tests), every file stays in memory.
    static func build(_ options: BuildOptions, progress: SiteCompiler.Progress? = nil,
                      releasingPageHTML: Bool = false, staging: OutputFolder? = nil) -> SiteState
    {
        var timer = StageTimer()
        var diagnostics: [Diagnostic] = []

        // 1. Inputs: the config, then every note parsed (front matter, URL).
        let config = SiteCompiler.loadConfig(options, diagnostics: &diagnostics)
        var (tree, pages) = SiteCompiler.loadContent(options, config: config, diagnostics: &diagnostics)
        timer.lap("load content")

        // 2. Each note: Markdown → snippets → decorated page → search documents.
        let context = SiteCompiler.noteContext(options, config: config, pages: pages, diagnostics: &diagnostics)
        var (notes, snippetCache) = NotePipeline.run(pages, in: context, cache: options.snippetCache, timer: &timer,
                                                     progress: progress)
        for note in notes { diagnostics += note.diagnostics }
        var built = notes.map(\.page)
        // (the notes carry their pages from here; a build that lets go of page bodies lets go of these too)
        if releasingPageHTML { pages = []; tree.pages = [] }

        // 3. The site: sections, taxonomies, orders; the theme.
        var model = SiteModel.assemble(config: config, pages: built)
        let (theme, themeDiagnostics) = Theme.load(overrides: options.paths.theme, displayFolder: "theme")
        diagnostics += themeDiagnostics
        let copies = Self.copies(options: options, tree: tree)
        timer.lap("model + theme")

        // 4. Pages, lists, feeds; theme files.
        var files = SiteRendering(model: model, theme: theme).renderAll()
        var written: Set<String> = [], executables: Set<String> = []
        let copyPaths = Set(copies.keys)
        /// A stage's files join the site's (the first at a path wins).
        func add(_ stageFiles: [String: Data], under prefix: String = "") {
            for (path, data) in stageFiles where files[prefix + path] == nil && !written.contains(prefix + path) {
                files[prefix + path] = data
            }
        }
        /// The end of a stage: a full build writes what it can into staging and hands back the
        /// memory the stage freed.
        func settle() {
            staging?.writeEarly(&files, executables: executables, known: copyPaths, written: &written)
            if releasingPageHTML { FreedMemory.giveBack() }
        }
        diagnostics += URLConflicts.check(model: model, pages: built)
        diagnostics += model.termSpellingDiagnostics
        add(theme.staticFiles)
        if releasingPageHTML {
            // Every page is rendered: its Markdown and HTML are read again only when it changes.
            for i in notes.indices { notes[i].page.rendered.html = ""; notes[i].page.page.body = "" }
            for i in built.indices { built[i].rendered.html = ""; built[i].page.body = "" }
            for i in model.pages.indices { model.pages[i].rendered.html = ""; model.pages[i].page.body = "" }
        }
        settle()
        timer.lap("templates")

        // 5. Snippet files and their manifest.
        let snippets = notes.flatMap(\.snippets)
        var snippetFiles = SnippetOutput.files(snippets)
        add(snippetFiles.files)
        snippetFiles.files = [:]  // (the site's files hold them now)
        executables = snippetFiles.executables
        settle()
        timer.lap("snippet files")

        // 6. The search index.
        var search = SearchIndexBuilder.build(notes.flatMap(\.searchDocuments))
        add(search.files, under: "search/")
        // (what an update reads; a build that writes early never updates)
        if staging != nil { search.files = [:] }
        settle()
        timer.lap("search index")

        // 7. What is published: generated files win over copies; clashes and broken links reported.
        var site = CompiledSite(files: files, copies: copies, executables: executables,
                                diagnostics: [], pageCount: built.count, snippetCache: snippetCache,
                                snippets: snippets, timings: [])
        site.written = written
        diagnostics += site.resolveClashes(options: options, pages: built, staging: staging)
        diagnostics += LinkChecker.check(pages: built, publishedFiles: site.publishedPaths)
        timer.lap("link check")
        site.diagnostics = diagnostics.sorted()
        site.timings = timer.stages

        var state = SiteState(options: options, config: config, context: context, model: model,
                              theme: theme, snippets: [:], snippetCache: snippetCache,
                              searchDocuments: [:], search: search, site: site)
        for note in notes {
            state.snippets[note.page.page.sourcePath] = note.snippets
            state.searchDocuments[note.page.page.sourcePath] = note.searchDocuments
        }
        state.manifestFragments = snippetFiles.manifestFragments
        state.snippetFiles = snippetFiles.filesByNote
        for (path, url) in site.copies { state.copyStamps[path] = FileStamp.of(url.path) ?? "gone" }
        state.indexPages()
        if releasingPageHTML { state.skeletal = Set(model.pages.indices) }
        return state
    }

    /// Fills `pageIndex` and `foldersWithIndex` from the model's pages.
    mutating func indexPages() {
        pageIndex = [:]
        foldersWithIndex = []
        for (index, built) in model.pages.enumerated() {
            pageIndex[built.page.sourcePath] = index
            let name = built.page.sourcePath.split(separator: "/").last?.lowercased() ?? ""
            if name == "index.md" || name == "_index.md" { foldersWithIndex.insert(built.page.sourceFolder) }
        }
    }

    /// Files to copy: content assets beside their pages, then the site's `static/` folder.
    static func copies(options: BuildOptions, tree: ContentTree) -> [String: URL] {
        var copies: [String: URL] = [:]
        for asset in tree.assets {
            copies[SitePath.publishedAssetPath(asset)] = options.source.appendingPathComponent(asset)
        }
        let staticFolder = options.paths.staticFiles
        for rel in SiteCompiler.listFiles(staticFolder) { copies[rel] = staticFolder.appendingPathComponent(rel) }
        return copies
    }
}

extension CompiledSite {
    /// Generated files win over copies of the same path (a warning says which copy lost), and
    /// a file where another needs a folder is dropped. Returns what was reported.
    mutating func resolveClashes(options: BuildOptions, pages: [BuiltPage], staging: OutputFolder? = nil) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for path in copies.keys.sorted() where files[path] != nil || written.contains(path) {
            let source = copies[path].map { SiteCompiler.displayPath($0, relativeTo: options.projectRoot) } ?? path
            diagnostics.append(.warning(source, kind: "duplicate-url",
                                        "not published: opsdocs writes /\(path) itself (a generated page, feed or alias)"))
        }
        for path in files.keys { copies[path] = nil }
        for path in written { copies[path] = nil }
        let clashes = URLConflicts.fileFolderClashes(publishedPaths, origins: URLConflicts.origins(of: pages))
        for path in clashes.drop {
            files[path] = nil
            copies[path] = nil
            if written.remove(path) != nil { staging?.removeWritten(path) }
        }
        return diagnostics + clashes.diagnostics
    }

    var publishedPaths: Set<String> { Set(files.keys).union(written).union(copies.keys) }
}
