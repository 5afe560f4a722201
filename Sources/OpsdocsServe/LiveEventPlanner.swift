// Decides what the open pages are told after a rebuild, from the published paths that
// changed: a page reloads only when its own HTML changed; a stylesheet is swapped in place;
// a script or image change reloads every page. Search shards, snippet files and feeds
// change on most edits and are fetched fresh anyway, so they reload nothing.

enum LiveEventPlanner {
    static func events(for changed: Set<String>, basePath: String) -> [LiveEvent] {
        var pages: [String] = [], stylesheets: [String] = []
        var everything = false
        for path in changed.sorted() {
            if path.hasPrefix("search/") || path.hasPrefix("snippets/") || path == "sitemap.xml" || path == "atom.xml"
                || path == "nav.json" {
                continue
            }
            if path == "index.html" {
                pages.append(basePath)
            } else if path.hasSuffix("/index.html") {
                pages.append(basePath + path.dropLast("index.html".count))
            } else if path.hasSuffix(".html") {
                pages.append(basePath + path)
            } else if path.hasSuffix(".css") {
                stylesheets.append(basePath + path)
            } else {
                everything = true
            }
        }
        var events: [LiveEvent] = []
        if !stylesheets.isEmpty { events.append(.css(paths: stylesheets)) }
        if !pages.isEmpty || everything { events.append(.reload(paths: pages, all: everything)) }
        return events
    }
}
