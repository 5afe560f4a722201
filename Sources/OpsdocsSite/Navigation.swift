// The section tree every page shows beside its text, written once as `nav.json` and shared by
// all pages (the browser caches it), instead of into each page as MkDocs Material does: a
// page's HTML stays the same size at 10,000 notes, and a title change rewrites one file.
// The page marks itself in the tree on the client; without scripts, breadcrumbs and folder
// pages remain the way around.

import Foundation
import OpsdocsContent

enum Navigation {
    /// Where the tree is published.
    static let path = "nav.json"

    /// One entry: a folder (with children) or a page. Short keys: the file is fetched whole.
    struct Node: Encodable, Equatable {
        /// Title.
        var t: String
        /// URL under the site root, percent-encoded as in links (`kubeasz/docs/setup/`).
        var u: String
        /// Sub-folders first, then pages, in reading order; nil for a page.
        var c: [Node]?
    }

    /// The tree under the home page: its folders and pages.
    static func tree(_ model: SiteModel) -> [Node] {
        guard let root = model.sections[""] else { return [] }
        return children(of: root, in: model)
    }

    /// `nav.json`'s bytes (keys sorted: two builds write the same file).
    static func file(_ model: SiteModel) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(tree(model))) ?? Data("[]".utf8)
    }

    private static func children(of section: Section, in model: SiteModel) -> [Node] {
        let folders = section.subsections.compactMap { model.sections[$0] }.map { folder(folder: $0, in: model) }
        let pages = section.pages.map { Node(t: model.pages[$0].title, u: SitePath.encode(model.pages[$0].url), c: nil) }
        return folders + pages
    }

    /// A folder's node. A folder that holds nothing but one sub-folder (no note of its own, not
    /// even an index note) is folded into it (`docs / CNI`), so reaching a note does not take a
    /// click per level of nesting.
    private static func folder(folder section: Section, in model: SiteModel) -> Node {
        var titles = [section.title]
        var current = section
        while current.pages.isEmpty, current.indexPage == nil, current.subsections.count == 1,
              let only = model.sections[current.subsections[0]] {
            current = only
            titles.append(only.title)
        }
        return Node(t: titles.joined(separator: " / "), u: SitePath.encode(current.url), c: children(of: current, in: model))
    }
}
