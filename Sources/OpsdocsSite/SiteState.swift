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
    var tree: ContentTree
    var resolver: LinkResolver
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

    static func build(_ options: BuildOptions, progress: SiteCompiler.Progress? = nil) -> SiteState {
        var timer = StageTimer()
        let rendered = SiteCompiler.render(options, timer: &timer, progress: progress)
        let config = rendered.config
        let tree = rendered.tree
        var built = rendered.pages
        var diagnostics = rendered.diagnostics

        // Snippets: classify, extract and verify every fenced block, then decorate the pages.
        let (snippets, snippetCache) = SiteCompiler.snippets(of: built, cache: options.snippetCache)
        timer.lap("snippets")
        diagnostics += SiteCompiler.siteDiagnostics(of: snippets)
        let snippetsByPage = Dictionary(grouping: snippets, by: \.source)
        built = built.map { SiteCompiler.decorate($0, with: snippetsByPage[$0.page.sourcePath] ?? [], basePath: config.basePath) }
        let snippetFiles = SnippetOutput.files(snippets)
        timer.lap("snippet files")

        let model = SiteModel.assemble(config: config, pages: built)
        let (theme, themeDiagnostics) = Theme.load(overrides: options.projectRoot.appendingPathComponent("theme"),
                                                   displayFolder: "theme")
        diagnostics += themeDiagnostics
        let copies = Self.copies(options: options, tree: tree)
        timer.lap("model + theme")

        let rendering = SiteRendering(model: model, theme: theme)
        var files = rendering.renderAll()
        timer.lap("templates")
        diagnostics += URLConflicts.check(model: model, pages: built)
        diagnostics += model.termSpellingDiagnostics
        for (path, data) in theme.staticFiles where files[path] == nil { files[path] = data }
        for (path, data) in snippetFiles.files where files[path] == nil { files[path] = data }
        let documents = built.map { SearchDocuments.make(from: [$0]) }
        let search = SearchIndexBuilder.build(documents.flatMap { $0 })
        for (path, data) in search.files where files["search/" + path] == nil { files["search/" + path] = data }
        timer.lap("search index")

        var site = CompiledSite(files: files, copies: copies, executables: snippetFiles.executables,
                                diagnostics: [], pageCount: built.count, snippetCache: snippetCache,
                                snippets: snippets, timings: [])
        // A copied file (an image, `static/…`) at a path opsdocs generates is not published: say so.
        for path in site.copies.keys.sorted() where site.files[path] != nil {
            let source = site.copies[path].map { SiteCompiler.displayPath($0, relativeTo: options.projectRoot) } ?? path
            diagnostics.append(.warning(source, kind: "duplicate-url",
                                        "not published: opsdocs writes /\(path) itself (a generated page, feed or alias)"))
        }
        site.dropCopiesShadowedByFiles()
        let clashes = URLConflicts.fileFolderClashes(site.publishedPaths, origins: URLConflicts.origins(of: built))
        for path in clashes.drop {
            site.files[path] = nil
            site.copies[path] = nil
        }
        diagnostics += clashes.diagnostics
        diagnostics += LinkChecker.check(pages: built, publishedFiles: site.publishedPaths)
        timer.lap("link check")
        site.diagnostics = diagnostics.sorted()
        site.timings = timer.stages

        var searchDocuments: [String: [SearchDocument]] = [:]
        for (page, docs) in zip(built, documents) { searchDocuments[page.page.sourcePath] = docs }
        var state = SiteState(options: options, config: config, tree: tree, resolver: rendered.resolver, model: model,
                              theme: theme, snippets: snippetsByPage, snippetCache: snippetCache,
                              searchDocuments: searchDocuments, search: search, site: site)
        state.manifestFragments = snippetFiles.manifestFragments
        for (path, url) in site.copies { state.copyStamps[path] = FileStamp.of(url.path) ?? "gone" }
        for (index, built) in model.pages.enumerated() {
            state.pageIndex[built.page.sourcePath] = index
            let name = built.page.sourcePath.split(separator: "/").last?.lowercased() ?? ""
            if name == "index.md" || name == "_index.md" { state.foldersWithIndex.insert(built.page.sourceFolder) }
        }
        return state
    }

    /// Files to copy: content assets beside their pages, then the site's `static/` folder.
    static func copies(options: BuildOptions, tree: ContentTree) -> [String: URL] {
        var copies: [String: URL] = [:]
        for asset in tree.assets {
            copies[SitePath.publishedAssetPath(asset)] = options.source.appendingPathComponent(asset)
        }
        let staticFolder = options.projectRoot.appendingPathComponent("static")
        for rel in SiteCompiler.listFiles(staticFolder) { copies[rel] = staticFolder.appendingPathComponent(rel) }
        return copies
    }
}

extension CompiledSite {
    /// Generated files win over copies of the same path.
    mutating func dropCopiesShadowedByFiles() {
        for path in files.keys { copies[path] = nil }
    }

    var publishedPaths: Set<String> { Set(files.keys).union(copies.keys) }
}
