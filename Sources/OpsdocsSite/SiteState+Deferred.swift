// What an edit leaves for right after the edited page is served: the search shards, the
// snippet manifest and, after a title change, the lists, feeds and section tree.

import Foundation
import OpsdocsSearch
import OpsdocsSnippets

extension SiteState {
    /// Work an edit left for after the page is served: search shards and the snippet manifest.
    struct Deferred: Sendable {
        /// Source path → the note's search documents now.
        var reindex: [String: [SearchDocument]] = [:]
        var manifest = false
        /// List pages to render again once the model is assembled, and whether the feeds,
        /// sitemap and section tree are (a title change).
        var lists: [(String, SiteRendering.Job)] = []
        var feeds = false
        var isEmpty: Bool { reindex.isEmpty && !manifest && lists.isEmpty && !feeds }
    }

    mutating func finishDeferred() -> SiteUpdate {
        guard !deferred.isEmpty else { return SiteUpdate() }
        var timer = StageTimer()
        let work = deferred
        deferred = Deferred()
        if !work.lists.isEmpty || work.feeds {
            model = SiteModel.assemble(config: config, pages: model.pages)
            timer.lap("model")
            let rendering = SiteRendering(model: model, theme: theme)
            var seen: Set<String> = []
            let lists = work.lists.filter { seen.insert($0.0).inserted }
            // The archive is one long page: render it beside the feeds, not before them.
            let parts: [[String: Data]] = [false, true].parallelMap { feeds in
                feeds ? (work.feeds ? rendering.feedsAndAliases(rendering.jobs()) : [:]) : rendering.render(lists)
            }
            for part in parts { for (path, data) in part { write(path, data) } }
            timer.lap("lists + feeds + section tree")
        }
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
}
