// Two things that want one URL: a note whose URL is a generated page (`tags/`, a folder's
// list), an alias that is another page or a generated file, and any path that must be both a
// file and a folder (`atom.xml` and an alias `atom.xml/`). Each is a `duplicate-url` error
// naming both sides; the clashing file is left out instead of aborting the build.

import Foundation
import OpsdocsConfig
import OpsdocsContent

enum URLConflicts {
    /// Notes and aliases whose URL is also something else of the site.
    static func check(model: SiteModel, pages: [BuiltPage]) -> [Diagnostic] {
        var reserved: [String: String] = ["archive/": "the archive", "": "the home page", "search/": "the search page",
                                          "snippets/": "the snippet files"]
        for taxonomy in model.config.taxonomies where model.taxonomies[taxonomy.plural]?.isEmpty == false {
            reserved[taxonomy.plural + "/"] = "the \(taxonomy.plural) index"
            for term in model.taxonomies[taxonomy.plural] ?? [] {
                reserved[taxonomy.plural + "/" + term.slug + "/"] = "the page of \(taxonomy.plural) `\(term.name)`"
            }
        }
        for section in model.sections.values where section.indexPage == nil && !section.folder.isEmpty {
            reserved[section.url] = "the list page of folder \(section.folder)/"
        }
        var out: [Diagnostic] = []
        for (index, built) in pages.enumerated() where !model.sectionIndexPages.contains(index) {
            guard let what = reserved[built.url], !(built.url.isEmpty && built.page.isFolderIndex) else { continue }
            out.append(.error(built.displayPath, line: urlLine(built.page), kind: "duplicate-url",
                              "URL /\(built.url) is also \(what); rename the note or set `slug`"))
        }
        // Aliases: not a page's URL, not a generated page, not another note's alias.
        var pageAt: [String: BuiltPage] = [:]
        for built in pages { pageAt[built.url] = pageAt[built.url] ?? built }
        var aliasOwner: [String: String] = [:]
        for built in pages {
            let line = built.page.line(of: "aliases")
            for alias in built.page.aliases {
                let what: String?
                if let other = pageAt[alias] {
                    what = "the URL of \(other.displayPath):\(urlLine(other.page))"
                } else if let generated = reserved[alias] {
                    what = generated
                } else if let first = aliasOwner[alias] {
                    what = "already an alias in \(first)"
                } else {
                    what = nil
                }
                if let what {
                    out.append(.error(built.displayPath, line: line, kind: "duplicate-url",
                                      "alias /\(alias) is \(what); no redirect written"))
                } else {
                    aliasOwner[alias] = "\(built.displayPath):\(line)"
                }
            }
        }
        return out
    }

    /// Where a published path came from, when a note asked for it.
    struct Origin: Sendable {
        var file: String
        var line: Int
        /// `page` or `alias`.
        var what: String
    }

    /// The folder URLs the notes asked for: their pages and their aliases.
    static func origins(of pages: [BuiltPage]) -> [String: Origin] {
        var out: [String: Origin] = [:]
        for built in pages {
            out[built.url] = out[built.url] ?? Origin(file: built.displayPath, line: urlLine(built.page), what: "page")
            for alias in built.page.aliases {
                out[alias] = out[alias] ?? Origin(file: built.displayPath, line: built.page.line(of: "aliases"), what: "alias")
            }
        }
        return out
    }

    /// Paths that cannot all exist because one is a file and another needs it as a folder
    /// (`favicon.svg` and an alias's `favicon.svg/index.html`). The deeper path is dropped and
    /// reported at the note that asked for it (`origins`: folder URL → where it came from).
    static func fileFolderClashes(_ paths: Set<String>, origins: [String: Origin]) -> (drop: Set<String>, diagnostics: [Diagnostic]) {
        var drop: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            let ownFolder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            var prefix = path[...]
            while let slash = prefix.lastIndex(of: "/") {
                prefix = prefix[..<slash]
                let file = String(prefix)
                guard paths.contains(file) else { continue }
                drop.insert(path)
                let folder = file + "/"
                let origin = origins[ownFolder] ?? origins[folder]
                let message = "/\(folder) cannot be a folder because /\(file) is a file of the site; /\(path)"
                    + (origin.map { " (\($0.what))" } ?? "") + " not written"
                diagnostics.append(.error(origin?.file ?? file, line: origin?.line ?? 1, kind: "duplicate-url", message))
                break
            }
        }
        return (drop, diagnostics)
    }

    /// The line a URL comes from: `url`, else `slug`, else the top of the file.
    static func urlLine(_ page: Page) -> Int {
        page.line(of: page.frontMatter["url"] != nil ? "url" : "slug")
    }
}
