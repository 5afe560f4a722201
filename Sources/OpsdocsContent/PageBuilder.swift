// Builds a Page from one file's text: front matter fields, date inference from the
// file name, the URL (slug rules and escape checks). Pure: no file system.

import OpsdocsConfig

public enum PageBuilder {
    public static let indexNames: Set<String> = ["_index.md", "index.md", "readme.md"]

    /// `text` is the decoded file; `sourcePath` is relative to the source root.
    /// Returns nil and an error diagnostic when the page cannot be built.
    /// `readmeIsIndex`: false when the folder also has an `index.md` or `_index.md`, which then
    /// is the folder's page and `README.md` an ordinary note.
    public static func build(sourcePath: String, text: String, displayPath: String, config: SiteConfig,
                             readmeIsIndex: Bool = true) -> (Page?, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let frontMatter: FrontMatter
        let body: Substring
        switch FrontMatterParser.split(text) {
        case .success(let (fm, rest)):
            frontMatter = fm
            body = rest
        case .failure(let error):
            return (nil, [.error(displayPath, line: error.line, column: error.column, kind: "front-matter", error.message)])
        }
        let fields = frontMatter.fields
        func warn(_ key: String, _ message: String) {
            diagnostics.append(.warning(displayPath, line: frontMatter.line(of: key), kind: "front-matter", message))
        }

        let fileName = sourcePath.split(separator: "/").last.map(String.init) ?? sourcePath
        let isIndex = indexNames.contains(fileName.lowercased()) && (readmeIsIndex || fileName.lowercased() != "readme.md")
        let folder = sourcePath.contains("/") ? String(sourcePath[..<(sourcePath.lastIndex(of: "/") ?? sourcePath.endIndex)]) : ""
        var stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        if stem.lowercased().hasSuffix(".markdown") { stem = String(stem.dropLast(9)) }

        // Date: front matter, else a `YYYY-MM-DD-` file name prefix (which also leaves the slug).
        var date: PageDate?
        var lastmod: PageDate?
        let prefixDate = stem.count >= 10 ? PageDate(parsing: String(stem.prefix(10))) : nil
        if let prefixDate, !isIndex {
            date = prefixDate
            stem = String(stem.dropFirst(10).drop { $0 == "-" || $0 == "_" || $0 == " " })
            if stem.isEmpty { stem = prefixDate.day8601 }
        }
        for (key, assign) in [("date", 0), ("lastmod", 1)] {
            guard let value = fields[key] else { continue }
            guard let raw = value.string, let parsed = PageDate(parsing: raw) else {
                if value != .null { warn(key, "`\(key)` is not a date like 2024-03-01 or 2024-03-01T10:00:00+08:00; ignored") }
                continue
            }
            if assign == 0 { date = parsed } else { lastmod = parsed }
        }

        // URL: folder path + slug, or an explicit `url`; neither may leave the site.
        var url: String
        if let explicit = fields["url"]?.string {
            guard let clean = SitePath.normalise(explicit, allowLeadingSlash: true) else {
                return (nil, [.error(displayPath, line: frontMatter.line(of: "url"), kind: "path",
                                     "`url: \(explicit)` would leave the output folder")])
            }
            url = clean.isEmpty ? "" : clean + "/"
        } else {
            var slug = SitePath.slugifyFileStem(stem)
            if let declared = fields["slug"]?.string {
                guard let clean = SitePath.normalise(declared, allowLeadingSlash: false), !clean.isEmpty else {
                    return (nil, [.error(displayPath, line: frontMatter.line(of: "slug"), kind: "path",
                                         "`slug: \(declared)` is not a path inside the site (no `..`, no leading `/`, not empty)")])
                }
                slug = clean
            }
            if isIndex && fields["slug"] == nil {
                url = folder.isEmpty ? "" : SitePath.slugifyFolderPath(folder) + "/"
            } else {
                let parent = isIndex ? (folder.split(separator: "/").dropLast().joined(separator: "/")) : folder
                let parentURL = parent.isEmpty ? "" : SitePath.slugifyFolderPath(parent) + "/"
                url = parentURL + slug + "/"
            }
        }

        // No generated name may be longer than a file system allows.
        let urlKey = fields["url"] != nil ? "url" : fields["slug"] != nil ? "slug" : nil
        if let capped = SitePath.capped(url) {
            diagnostics.append(.warning(displayPath, line: urlKey.map(frontMatter.line(of:)) ?? 1, kind: "path",
                                        "a URL segment is longer than \(SitePath.maxSegmentBytes) bytes; shortened to /\(capped)"))
            url = capped
        } else if urlKey == nil, stem.utf8.count > SitePath.maxSegmentBytes {
            diagnostics.append(.warning(displayPath, kind: "path",
                                        "the file name is longer than \(SitePath.maxSegmentBytes) bytes; its URL is shortened to /\(url)"))
        }

        if let problem = SitePath.problem(with: url) {
            return (nil, [.error(displayPath, line: urlKey.map(frontMatter.line(of:)) ?? 1, kind: "path",
                                 "the URL /\(url) \(problem); page skipped")])
        }

        var aliases: [String] = []
        for alias in fields["aliases"]?.stringList ?? [] {
            guard var clean = SitePath.normalise(alias, allowLeadingSlash: true), !clean.isEmpty else {
                diagnostics.append(.error(displayPath, line: frontMatter.line(of: "aliases"), kind: "path",
                                          "alias `\(alias)` would leave the output folder"))
                continue
            }
            if let capped = SitePath.capped(clean) {
                diagnostics.append(.warning(displayPath, line: frontMatter.line(of: "aliases"), kind: "path",
                                            "alias segment longer than \(SitePath.maxSegmentBytes) bytes; shortened to /\(capped)/"))
                clean = capped
            }
            if let problem = SitePath.problem(with: clean) {
                diagnostics.append(.error(displayPath, line: frontMatter.line(of: "aliases"), kind: "path",
                                          "alias /\(clean) \(problem)"))
                continue
            }
            aliases.append(clean + "/")
        }

        var terms: [String: [String]] = [:]
        for taxonomy in config.taxonomies {
            guard let value = fields[taxonomy.plural] else { continue }
            guard let list = value.stringList else {
                warn(taxonomy.plural, "`\(taxonomy.plural)` should be a list of strings; ignored")
                continue
            }
            let cleaned = list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if !cleaned.isEmpty { terms[taxonomy.plural] = cleaned }
        }

        var authors = fields["authors"]?.stringList ?? []
        if authors.isEmpty, let single = fields["author"]?.string, !single.isEmpty { authors = [single] }
        let declaredTitle = fields["title"]?.string.map { $0.trimmingCharacters(in: .whitespaces) }
        let fileTitle = isIndex ? (folder.split(separator: "/").last.map(String.init) ?? config.title) : stem

        let page = Page(
            sourcePath: sourcePath, url: url, isFolderIndex: isIndex,
            declaredTitle: (declaredTitle?.isEmpty ?? true) ? nil : declaredTitle,
            fileTitle: fileTitle, date: date, lastmod: lastmod,
            description: fields["description"]?.string ?? fields["summary"]?.string ?? "",
            authors: authors, terms: terms,
            draft: fields["draft"]?.bool ?? false,
            weight: fields["weight"]?.int ?? 0,
            aliases: aliases, frontMatter: fields, keyLines: frontMatter.keyLines,
            body: String(body), bodyLineOffset: frontMatter.bodyLineOffset)
        return (page, diagnostics)
    }
}

import Foundation
