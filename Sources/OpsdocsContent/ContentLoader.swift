// Walks the source folder: every `.md` file becomes a Page (or a diagnostic), every other
// file is an asset copied beside its page (page bundles, images). Hidden files are skipped,
// symlinks are not followed, and the walk is sorted so two builds see the same order.

import Foundation
import OpsdocsConfig

public struct ContentTree: Sendable {
    public var pages: [Page]
    /// Source-relative paths of non-Markdown files to publish at the same relative path.
    public var assets: [String]
    public var diagnostics: [Diagnostic]
}

public struct SourceFile: Sendable {
    public var relativePath: String
    public var bytes: [UInt8]
    public init(relativePath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.bytes = bytes
    }
}

public enum ContentLoader {
    /// Loads every note under `root`. `displayPrefix` is how the user spelled the folder,
    /// so diagnostics name files the way the user can open them.
    public static func load(root: URL, displayPrefix: String, config: SiteConfig, includeDrafts: Bool) -> ContentTree {
        var markdown: [String] = []
        var assets: [String] = []
        var diagnostics: [Diagnostic] = []
        walk(root: root, relative: "", markdown: &markdown, assets: &assets, diagnostics: &diagnostics,
             displayPrefix: displayPrefix)
        let files: [SourceFile] = markdown.compactMap { rel in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(rel).path) else {
                diagnostics.append(.error(display(displayPrefix, rel), kind: "io", "cannot read file"))
                return nil
            }
            return SourceFile(relativePath: rel, bytes: [UInt8](data))
        }
        var tree = build(files: files, displayPrefix: displayPrefix, config: config, includeDrafts: includeDrafts)
        tree.assets = assets
        tree.diagnostics = diagnostics + tree.diagnostics
        return tree
    }

    /// The pure half of loading, for callers (and tests) that already hold the bytes.
    public static func build(files: [SourceFile], displayPrefix: String, config: SiteConfig, includeDrafts: Bool)
        -> ContentTree
    {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        let foldersWithIndex = Set(files.compactMap { file -> String? in
            let parts = file.relativePath.split(separator: "/")
            guard let name = parts.last?.lowercased(), name == "index.md" || name == "_index.md" else { return nil }
            return parts.dropLast().joined(separator: "/")
        })
        // Front matter parsing (YAML especially) is the costly part: spread it over the cores.
        let results: [(Page?, [Diagnostic])] = files.sorted(by: { $0.relativePath < $1.relativePath }).parallelMap { file in
            let folder = file.relativePath.split(separator: "/").dropLast().joined(separator: "/")
            return page(from: file, displayPath: display(displayPrefix, file.relativePath), config: config,
                        readmeIsIndex: !foldersWithIndex.contains(folder))
        }
        for (page, found) in results {
            diagnostics += found
            guard let page, includeDrafts || !page.draft else { continue }
            pages.append(page)
        }
        return ContentTree(pages: pages, assets: [], diagnostics: diagnostics)
    }

    /// One note's bytes → its Page, or the diagnostics that explain why there is none.
    /// (The preview re-reads a single edited note through this too.)
    /// A Markdown note (`.md`, `.markdown`, any case) rather than an asset to copy.
    public static func isNote(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
    }

    public static func page(from file: SourceFile, displayPath: String, config: SiteConfig, readmeIsIndex: Bool)
        -> (Page?, [Diagnostic])
    {
        switch SourceText.decode(file.bytes) {
        case .success(let text):
            return PageBuilder.build(sourcePath: file.relativePath, text: text, displayPath: displayPath,
                                     config: config, readmeIsIndex: readmeIsIndex)
        case .failure(let e):
            return (nil, [.error(displayPath, line: e.line, column: e.column, kind: "encoding",
                                 "file is not valid UTF-8 (first bad byte here); page skipped")])
        }
    }

    public static func display(_ prefix: String, _ relative: String) -> String {
        prefix.isEmpty ? relative : (prefix.hasSuffix("/") ? prefix + relative : prefix + "/" + relative)
    }

    private static func walk(root: URL, relative: String, markdown: inout [String], assets: inout [String],
                             diagnostics: inout [Diagnostic], displayPrefix: String)
    {
        let folder = relative.isEmpty ? root : root.appendingPathComponent(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            diagnostics.append(.error(display(displayPrefix, relative), kind: "io", "cannot list folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let rel = relative.isEmpty ? name : relative + "/" + name
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let type = attributes[.type] as? FileAttributeType
            else { continue }
            switch type {
            case .typeDirectory:
                walk(root: root, relative: rel, markdown: &markdown, assets: &assets, diagnostics: &diagnostics,
                     displayPrefix: displayPrefix)
            case .typeRegular:
                if Self.isNote(name) { markdown.append(rel) } else { assets.append(rel) }
            case .typeSymbolicLink:
                diagnostics.append(.warning(display(displayPrefix, rel), kind: "io",
                                            "symbolic link not followed (copy the file instead)"))
            default:
                continue
            }
        }
    }
}
