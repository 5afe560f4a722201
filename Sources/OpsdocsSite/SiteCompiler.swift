// The build's inputs (config, content) and its result in memory. SiteState.build runs the
// steps; it produces every generated file as bytes plus the list of files to copy; writing them is
// SiteBuilder's job, so a preview server can serve the same result without touching disk.

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch
import OpsdocsSnippets

public struct CompiledSite: Sendable {
    /// Site-relative path → contents of every generated file.
    public var files: [String: Data]
    /// Site-relative path → source file to copy (page bundle images, `static/`).
    public var copies: [String: URL]
    /// Generated files already in the staging folder (a full `opsdocs build` writes each stage's
    /// files as soon as they are made: OutputFolder.writeEarly); `files` holds the rest.
    var written: Set<String> = []
    /// Generated files that get the executable bit (shell snippets).
    public var executables: Set<String> = []
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    /// Verification results to keep for the next build.
    public var snippetCache: VerificationCache
    /// Every fenced block with what was extracted and found.
    public var snippets: [Snippet]
    /// Wall time of each stage, in order, for `--timings`.
    public var timings: [(stage: String, seconds: Double)]
}

/// Wall-clock stage timer for `--timings` (never written into the site).
struct StageTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var stages: [(stage: String, seconds: Double)] = []

    init() { last = clock.now }

    /// Stages timed elsewhere (an edit's own steps), in order.
    mutating func record(_ timed: [(stage: String, seconds: Double)]) {
        stages += timed
        last = clock.now
    }

    mutating func lap(_ stage: String) {
        let now = clock.now
        let d = now - last
        stages.append((stage, d.seconds))
        last = now
    }
}

public enum SiteCompiler {
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    public static func compile(_ options: BuildOptions, progress: Progress? = nil) -> CompiledSite {
        SiteState.build(options, progress: progress).site
    }

    /// `opsdocs.toml` (or the file the user named); defaults when there is none.
    static func loadConfig(_ options: BuildOptions, diagnostics: inout [Diagnostic]) -> SiteConfig {
        var config = SiteConfig()
        config.title = options.source.standardizedFileURL.lastPathComponent
        let paths = options.paths
        if let data = FileManager.default.contents(atPath: paths.configFile.path) {
            let (parsed, found) = ConfigLoader.parse(String(decoding: data, as: UTF8.self),
                                                     path: displayPath(paths.configFile, relativeTo: options.projectRoot))
            config = parsed
            diagnostics += found
        } else if paths.configNamed {
            diagnostics.append(.error(paths.configFile.path, kind: "config", "config file not found"))
        }
        return config
    }

    /// The notes folder read and parsed; a page whose URL another page already has is skipped.
    static func loadContent(_ options: BuildOptions, config: SiteConfig,
                            diagnostics: inout [Diagnostic]) -> (tree: ContentTree, pages: [Page])
    {
        let tree = ContentLoader.load(root: options.source, displayPrefix: options.sourceDisplay, config: config,
                                      includeDrafts: options.includeDrafts)
        diagnostics += tree.diagnostics
        var pages: [Page] = []
        var owner: [String: String] = [:]
        for page in tree.pages {
            let shown = ContentLoader.display(options.sourceDisplay, page.sourcePath)
            if let first = owner[page.url] {
                diagnostics.append(.error(shown, line: URLConflicts.urlLine(page), kind: "duplicate-url",
                                          "URL /\(page.url) is already produced by \(first); page skipped"))
                continue
            }
            owner[page.url] = "\(shown):\(URLConflicts.urlLine(page))"
            pages.append(page)
        }
        return (tree, pages)
    }

    /// How every note is rendered in a build of `pages`: `.md` links resolve among them.
    /// The theme's shortcode templates are loaded here; their syntax errors go to `diagnostics`.
    static func noteContext(_ options: BuildOptions, config: SiteConfig, pages: [Page],
                            diagnostics: inout [Diagnostic]) -> NoteContext
    {
        let urls = Dictionary(pages.map { ($0.sourcePath, $0.url) }, uniquingKeysWith: { a, _ in a })
        let (shortcodes, found) = ShortcodeTemplates.load(from: options.paths.theme, displayFolder: "theme")
        diagnostics += found
        return NoteContext(config: config, links: LinkResolver(pageURLs: urls, basePath: config.basePath),
                           sourceDisplay: options.sourceDisplay, shortcodes: shortcodes)
    }

    static func displayPath(_ url: URL, relativeTo root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// Every regular file below `folder` (hidden ones skipped unless `includeHidden`), relative,
    /// sorted. FIFOs, sockets and devices are not files to publish: opening a FIFO would block.
    static func listFiles(_ folder: URL, includeHidden: Bool = false) -> [String] {
        FileTree.files(folder.path, includeHidden: includeHidden).map(\.path)
    }
}
