// The build in memory: config → content → Markdown (parallel) → model → templates (parallel).
// Produces every generated file as bytes plus the list of files to copy; writing them is
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

    mutating func lap(_ stage: String) {
        let now = clock.now
        let d = now - last
        stages.append((stage, d.seconds))
        last = now
    }
}

public enum SiteCompiler {
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    /// Config, content and Markdown: what both `opsdocs build` and `opsdocs snippets` need.
    struct Rendered {
        var config: SiteConfig
        var tree: ContentTree
        var pages: [BuiltPage]
        var diagnostics: [Diagnostic]
        /// How `.md` links were resolved; an edited page is rendered with the same one.
        var resolver: LinkResolver
    }

    static func render(_ options: BuildOptions, timer: inout StageTimer, progress: Progress? = nil) -> Rendered {
        var diagnostics: [Diagnostic] = []

        // Config
        var config = SiteConfig()
        config.title = options.source.standardizedFileURL.lastPathComponent
        let configURL = options.configFile ?? options.projectRoot.appendingPathComponent("opsdocs.toml")
        if let data = FileManager.default.contents(atPath: configURL.path) {
            let (parsed, found) = ConfigLoader.parse(String(decoding: data, as: UTF8.self),
                                                     path: displayPath(configURL, relativeTo: options.projectRoot))
            config = parsed
            diagnostics += found
        } else if options.configFile != nil {
            diagnostics.append(.error(configURL.path, kind: "config", "config file not found"))
        }

        // Content
        let tree = ContentLoader.load(root: options.source, displayPrefix: options.sourceDisplay, config: config,
                                      includeDrafts: options.includeDrafts)
        diagnostics += tree.diagnostics
        timer.lap("load content")
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

        // Markdown, in parallel (cmark parses are serialised inside the Markdown stage).
        let resolver = LinkResolver(pageURLs: Dictionary(uniqueKeysWithValues: pages.map { ($0.sourcePath, $0.url) }),
                                    basePath: config.basePath)
        let markdownOptions = Self.markdownOptions(config)
        let total = pages.count
        let counter = ProgressCounter()
        let sourceDisplay = options.sourceDisplay
        let built: [BuiltPage] = pages.parallelMap { page in
            let rendered = MarkdownRenderer.render(page.body, lineOffset: page.bodyLineOffset, sourcePath: page.sourcePath,
                                                   links: resolver, options: markdownOptions)
            if let progress { progress(counter.increment(), total) }
            return BuiltPage(page: page, rendered: rendered,
                             displayPath: ContentLoader.display(sourceDisplay, page.sourcePath))
        }
        for page in built { diagnostics += page.markdownDiagnostics }
        timer.lap("markdown")
        return Rendered(config: config, tree: tree, pages: built, diagnostics: diagnostics, resolver: resolver)
    }

    /// Every fenced block of the rendered pages, classified, extracted and verified.
    static func snippets(of pages: [BuiltPage], cache: VerificationCache) -> ([Snippet], VerificationCache) {
        let snippetPages = pages.map { page in
            SnippetPage(sourcePath: page.page.sourcePath, displayPath: page.displayPath, url: page.url,
                        tags: page.page.terms["tags"] ?? [], blocks: page.rendered.codeBlocks)
        }
        // One transliteration call for every heading of the site (ICU's set-up dominates per call).
        SnippetID.prepare(sections: snippetPages.flatMap { $0.blocks.map(\.section) })
        let extracted = snippetPages.parallelMap(SnippetExtractor.extract).flatMap { $0 }
        let verified = SnippetVerifier.verify(extracted, cache: cache)
        return (verified.snippets, verified.cache)
    }

    public static func compile(_ options: BuildOptions, progress: Progress? = nil) -> CompiledSite {
        SiteState.build(options, progress: progress).site
    }

    static func markdownOptions(_ config: SiteConfig) -> MarkdownOptions {
        MarkdownOptions(unsafeHTML: config.unsafeHTML, footnotes: config.footnotes,
                        remoteImagesAsLinks: config.remoteImagesAsLinks, liftLeadingTitle: true)
    }

    /// A page with its snippets' kind, badge and link placed above each block.
    static func decorate(_ page: BuiltPage, with snippets: [Snippet], basePath: String) -> BuiltPage {
        var decorated = page
        let byIndex = Dictionary(snippets.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        decorated.rendered.html = SnippetDecorations.apply(to: page.rendered.html, snippets: byIndex, basePath: basePath)
        return decorated
    }

    /// In a site build a broken snippet is a warning (the site still publishes);
    /// `opsdocs snippets --check` is where snippet errors fail.
    static func siteDiagnostics(of snippets: [Snippet]) -> [Diagnostic] {
        snippets.flatMap(SnippetOutput.diagnostics).map { d in
            var warning = d
            warning.severity = .warning
            return warning
        }
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

/// Counts finished pages across worker threads for the progress bar.
final class ProgressCounter: Sendable {
    private let value = Mutex<Int>(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}

import Synchronization
