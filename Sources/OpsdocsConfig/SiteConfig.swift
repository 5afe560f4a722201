// The `opsdocs.toml` model: every key the user can set, with its default.
// Parsing lives in ConfigLoader.swift; this file is only the shape and the defaults.

public struct SiteConfig: Sendable, Equatable {
    /// Site title shown in the header and the feed.
    public var title: String = "opsdocs"
    /// Absolute URL the site is published at; its path becomes the prefix of every link.
    public var baseURL: String = "/"
    /// BCP 47 language tag for `<html lang>` (e.g. `zh-CN`).
    public var language: String = "zh-CN"
    public var author: String = ""
    public var description: String = ""
    /// Taxonomy name → front matter key (Hugo's `[taxonomies] tag = "tags"`).
    public var taxonomies: [Taxonomy] = [Taxonomy(singular: "tag", plural: "tags"),
                                         Taxonomy(singular: "category", plural: "categories")]
    /// `markdown.unsafe`: keep raw HTML from the notes (off, like Hugo).
    public var unsafeHTML: Bool = false
    /// `markdown.footnotes`
    public var footnotes: Bool = true
    /// `markdown.remote_images = "link"` (default) shows images on other hosts as links, so no
    /// page loads anything from another host; `"load"` keeps them as images.
    public var remoteImagesAsLinks: Bool = true
    /// Number of notes on the home page (the archive lists all).
    public var homeLimit: Int = 30
    /// Number of entries in the Atom feed.
    public var feedLimit: Int = 20

    public init() {}

    public struct Taxonomy: Sendable, Equatable, Hashable {
        public var singular: String
        public var plural: String
        public init(singular: String, plural: String) {
            self.singular = singular
            self.plural = plural
        }
    }

    /// The path part of `baseURL`, always starting and ending with `/` (e.g. `/docs/`).
    public var basePath: String {
        var rest = baseURL
        if let scheme = rest.range(of: "://") {
            rest = String(rest[scheme.upperBound...])
            if let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) } else { rest = "/" }
        }
        if !rest.hasPrefix("/") { rest = "/" + rest }
        if !rest.hasSuffix("/") { rest += "/" }
        return rest
    }

    /// `scheme://host` of `baseURL`, or "" when the base URL is only a path.
    public var origin: String {
        guard let scheme = baseURL.range(of: "://") else { return "" }
        let afterScheme = baseURL[scheme.upperBound...]
        let host = afterScheme.prefix { $0 != "/" }
        return String(baseURL[..<scheme.upperBound]) + host
    }
}
