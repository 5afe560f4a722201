// The incremental `opsdocs build`: a SiteState restored from what the last build stored and
// the output folder it published, instead of built from every note. Edits then go through
// the same `apply` as the preview's; pages are rendered again from their source only when a
// template needs their HTML (`hydrate`), and search documents are read only for the notes
// that changed. What comes out is what a full build writes (SiteBuilderTests compare them).

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch
import OpsdocsSnippets

/// A restored state's link to what is on disk.
struct DiskBacking: Sendable {
    /// The output folder holding the last build's site.
    var outputRoot: String
    /// Every file in it (site-relative).
    var published: SortedPaths
    var stored: StoredBuild
    var files: StoredBuildFiles

    /// The published search index files (paths under `search/`, the search page aside).
    var searchIndexFiles: [String] {
        published.sorted.compactMap { path in
            guard path.hasPrefix("search/"), path != "search/index.html" else { return nil }
            return String(path.dropFirst("search/".count))
        }
    }
}

extension SiteState {
    /// The last build as `stored` describes it, its site in the output folder (`published`
    /// lists what is there). nil when the stored parts do not fit together (then: a full build).
    static func restore(_ options: BuildOptions, from stored: StoredBuild, files: StoredBuildFiles,
                        published: SortedPaths, diagnostics: [Diagnostic], pageCount: Int) -> SiteState?
    {
        var found: [Diagnostic] = []
        let config = SiteCompiler.loadConfig(options, diagnostics: &found)
        SnippetID.transliterations = stored.transliterations
        let pages = stored.pages.map { BuiltPage(page: $0.page.page, rendered: $0.rendering.rendered, displayPath: $0.displayPath) }
        let context = SiteCompiler.noteContext(options, config: config, pages: pages.map(\.page), diagnostics: &found)
        let model = SiteModel.assemble(config: config, pages: pages)
        let (theme, _) = Theme.load(overrides: options.paths.theme, displayFolder: "theme")
        let root = options.output.standardizedFileURL.path
        let search = stored.search.index { path in FileManager.default.contents(atPath: root + "/search/" + path) }
        let site = CompiledSite(files: [:], copies: stored.copies.mapValues { URL(fileURLWithPath: $0) },
                                executables: [], diagnostics: diagnostics, pageCount: pageCount,
                                snippetCache: options.snippetCache, snippets: [], timings: [])
        var state = SiteState(options: options, config: config, context: context, model: model, theme: theme,
                              snippets: [:], snippetCache: options.snippetCache, searchDocuments: [:], search: search,
                              site: site)
        state.disk = DiskBacking(outputRoot: root, published: published, stored: stored, files: files)
        state.skeletal = Set(pages.indices)
        state.snippetFiles = stored.snippetFiles
        guard let manifest = FileManager.default.contents(atPath: root + "/" + SnippetOutput.manifestPath),
              let fragments = Self.manifestFragments(manifest, lengths: stored.manifestLengths)
        else { return nil }
        state.manifestFragments = fragments
        state.indexPages()
        return state
    }

    /// `snippets/index.json` cut back into each note's entries (SnippetOutput.manifest joins
    /// them, in source order, with `,\n` between); nil when the lengths do not fit the file.
    static func manifestFragments(_ manifest: Data, lengths: [String: Int]) -> [String: Data]? {
        let bytes = [UInt8](manifest)
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == newline else { return nil }
        var fragments: [String: Data] = [:]
        var at = 2  // "[\n"
        for note in lengths.keys.sorted() {
            guard let length = lengths[note], length > 0 else { continue }
            // Each part is followed by ",\n" (or by "\n]" at the end): a cut that lands
            // anywhere else means the lengths are not this file's.
            if !fragments.isEmpty {
                guard at + 2 <= bytes.count, bytes[at] == comma, bytes[at + 1] == newline else { return nil }
                at += 2
            }
            guard at + length <= bytes.count else { return nil }
            fragments[note] = Data(bytes[at..<at + length])
            at += length
        }
        let end = at + 2
        guard end == bytes.count, bytes[end - 2] == newline, bytes[end - 1] == UInt8(ascii: "]") else { return nil }
        return fragments
    }

    /// A note's search documents as last indexed: in memory, or read from the stored pack.
    func storedDocuments(_ rel: String) -> [SearchDocument]? {
        if let documents = searchDocuments[rel] { return documents }
        guard let disk, let range = disk.stored.documents[rel] else { return nil }
        return disk.files.documents(range)
    }

    /// Renders the restored pages among `wanted` again from their source (their bytes are as
    /// the last build read them: only changed notes are edited, and those are rendered anyway).
    /// False when one cannot be read or parsed any more.
    mutating func hydrate(_ wanted: Set<Int>) -> Bool {
        let missing = wanted.intersection(skeletal).sorted()
        guard !missing.isEmpty else { return true }
        var pages: [Page] = []
        for index in missing {
            let old = model.pages[index]
            let rel = old.page.sourcePath
            guard let data = FileManager.default.contents(atPath: options.source.appendingPathComponent(rel).path) else { return false }
            let (page, _) = ContentLoader.page(from: SourceFile(relativePath: rel, bytes: [UInt8](data)), displayPath: old.displayPath,
                                               config: config, readmeIsIndex: !foldersWithIndex.contains(old.page.sourceFolder))
            guard let page, page.url == old.page.url else { return false }
            pages.append(page)
        }
        var timer = StageTimer()
        let (notes, used) = NotePipeline.run(pages, in: context, cache: snippetCache, timer: &timer)
        snippetCache.entries.merge(used.entries) { _, new in new }
        for note in notes {
            guard let index = pageIndex[note.page.page.sourcePath] else { return false }
            model.pages[index] = note.page
            skeletal.remove(index)
        }
        return true
    }

    /// What the next build needs of this one, and a new pack segment (its name and bytes)
    /// with the search documents of the notes indexed in this process.
    func stored(inputs: InputDigests, files: StoredBuildFiles) -> (StoredBuild, pack: Data, segment: String) {
        var pack = Data()
        var documents = disk?.stored.documents ?? [:]
        let fresh = searchDocuments.keys.sorted()
        let encoded = fresh.parallelMap { DocumentPack.encode(searchDocuments[$0] ?? []) }
        var ranges: [(String, Int, Int)] = []
        for (rel, data) in zip(fresh, encoded) {
            ranges.append((rel, pack.count, data.count))
            pack.append(data)
        }
        let segment = files.segmentName(for: pack)
        for (rel, offset, length) in ranges {
            documents[rel] = StoredBuild.PackRange(segment: segment, offset: offset, length: length)
        }
        // A page still as restored is stored as it was read.
        let restored = disk?.stored.pages ?? []
        let pages = model.pages.indices.map { index in
            if skeletal.contains(index), restored.indices.contains(index) { return restored[index] }
            let page = model.pages[index]
            return StoredBuild.Page(page: StoredPage(page.page), rendering: StoredRendering(page.rendered), displayPath: page.displayPath)
        }
        // Runs of the headings rendered here, and the stored ones the restored pages used.
        let sections = model.pages.indices.filter { !skeletal.contains($0) }
            .flatMap { model.pages[$0].rendered.codeBlocks.map(\.section) }
        let transliterations = (skeletal.isEmpty ? [:] : disk?.stored.transliterations ?? [:])
            .merging(SnippetID.transliterations(of: sections)) { _, new in new }
        let stored = StoredBuild(inputs: inputs, pages: pages, search: SearchIndexState(search),
                                 copies: site.copies.mapValues(\.path),
                                 snippetFiles: snippetFiles, manifestLengths: manifestFragments.mapValues(\.count),
                                 documents: documents, transliterations: transliterations)
        return (stored, pack, segment)
    }
}
