// A note as the Content stage knows it: where it came from, where it will live,
// and what its front matter says. The Markdown body is untouched; rendering is a later stage.

public struct Page: Sendable {
    /// Path relative to the source folder, with `/` separators: `k8s/sysctl-guide.md`.
    public var sourcePath: String
    /// Site-relative URL path without the base path: `k8s/sysctl-guide/` (`""` is the home page).
    public var url: String
    /// `index.md`, `_index.md` or `README.md`: the page of its folder.
    public var isFolderIndex: Bool
    /// The title from front matter, if the author gave one.
    public var declaredTitle: String?
    /// File (or folder, for index pages) name: the title of last resort.
    public var fileTitle: String
    public var date: PageDate?
    public var lastmod: PageDate?
    public var description: String
    public var authors: [String]
    /// Taxonomy plural (`tags`, `categories`) → terms, in the order written.
    public var terms: [String: [String]]
    public var draft: Bool
    public var weight: Int
    /// Other site-relative paths that should redirect here.
    public var aliases: [String]
    /// Every front matter key, including the ones opsdocs does not interpret.
    public var frontMatter: [String: FrontMatterValue]
    /// Front matter key → its 1-based line in the file, for diagnostics about that key.
    public var keyLines: [String: Int] = [:]
    public var body: String
    /// Lines before the body in the source file (front matter), so body line N is file line N + offset.
    public var bodyLineOffset: Int

    /// The folder of the source file relative to the source root (`""` at the root).
    public var sourceFolder: String {
        guard let slash = sourcePath.lastIndex(of: "/") else { return "" }
        return String(sourcePath[..<slash])
    }

    /// The line of a front matter key (1 when the key is absent).
    public func line(of key: String) -> Int { keyLines[key] ?? 1 }
}
