// Applies changed source files to a kept SiteState, rebuilding only what they touch:
// an edited note (SiteState+NoteEdit) re-renders what shows it, and what no open page
// shows waits for `finishDeferred` (SiteState+Deferred). A template edit re-renders every page from the
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
            // (a shortcode template changes how notes render: like the config, a full build)
            if rel.hasPrefix("shortcodes/") { return .config }
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
    mutating func write(_ path: String, _ data: Data?) {
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
    mutating func takeChanges() -> Set<String> {
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

    /// Other notes' links to a heading of `rel`, checked again after its headings changed.
    mutating func recheckLinks(to rel: String) {
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

    mutating func replaceDiagnostics(of file: String, with fresh: [Diagnostic]) {
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
