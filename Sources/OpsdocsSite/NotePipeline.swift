// A note's path from parsed page to everything the site needs of it, written once:
// Markdown → snippets (classified, extracted, verified) → the page decorated with them →
// its search documents. The full build runs it on every note at once (Markdown on all
// cores, verification batched across them); the preview and the incremental build run it
// on the notes that changed. Same function, so an edited note comes out as a clean build's.

import Foundation
import OpsdocsConfig
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch
import OpsdocsSnippets

/// What one note contributes to the site.
struct NoteResult: Sendable {
    /// The page, its HTML decorated with each block's snippet badge.
    var page: BuiltPage
    /// Its fenced blocks, in order, as extracted and verified.
    var snippets: [Snippet]
    /// One per section.
    var searchDocuments: [SearchDocument]
    /// What Markdown and the snippet checks found (snippet findings as warnings).
    var diagnostics: [Diagnostic]
}

/// What every note is rendered with: the same for all notes of one build.
struct NoteContext: Sendable {
    var config: SiteConfig
    var links: LinkResolver
    var sourceDisplay: String
    /// The theme's shortcodes (`theme/shortcodes/NAME.mustache`).
    var shortcodes: ShortcodeTemplates = .none

    /// A note is rendered in its own language (`lang` front matter) or the site's.
    func markdownOptions(for page: Page) -> MarkdownOptions {
        var options = MarkdownOptions(unsafeHTML: config.unsafeHTML, footnotes: config.footnotes,
                                      remoteImagesAsLinks: config.remoteImagesAsLinks, liftLeadingTitle: true,
                                      strings: UIStrings(language: page.language(site: config)))
        options.userShortcodes = shortcodes.names
        return options
    }
}

enum NotePipeline {
    typealias Progress = SiteCompiler.Progress

    /// Runs `pages` through the whole per-note path.
    static func run(_ pages: [Page], in context: NoteContext, cache: VerificationCache, timer: inout StageTimer,
                    progress: Progress? = nil) -> (notes: [NoteResult], cache: VerificationCache)
    {
        let built = markdown(pages, in: context, progress: progress)
        timer.lap("markdown")
        let (snippets, used) = self.snippets(of: built, cache: cache)
        timer.lap("snippets")
        let byPage = Dictionary(grouping: snippets, by: \.source)
        let notes: [NoteResult] = built.parallelMap { page in
            let own = byPage[page.page.sourcePath] ?? []
            let decorated = decorate(page, with: own, basePath: context.config.basePath,
                                     strings: UIStrings(language: page.page.language(site: context.config)))
            return NoteResult(page: decorated, snippets: own, searchDocuments: SearchDocuments.make(from: [decorated]),
                              diagnostics: page.markdownDiagnostics + siteDiagnostics(of: own))
        }
        timer.lap("decorate + search documents")
        return (notes, used)
    }

    /// Step 1: Markdown to HTML, on all cores (cmark parses are serialised inside the Markdown stage).
    static func markdown(_ pages: [Page], in context: NoteContext, progress: Progress? = nil) -> [BuiltPage] {
        let total = pages.count
        let counter = ProgressCounter()
        return pages.parallelMap { page in
            var rendered = MarkdownRenderer.render(page.body, lineOffset: page.bodyLineOffset, sourcePath: page.sourcePath,
                                                   links: context.links, options: context.markdownOptions(for: page))
            rendered.html = context.shortcodes.expand(rendered.html, calls: rendered.shortcodeCalls)
            if let progress { progress(counter.increment(), total) }
            return BuiltPage(page: page, rendered: rendered,
                             displayPath: ContentLoader.display(context.sourceDisplay, page.sourcePath))
        }
    }

    /// Step 2: every fenced block of the rendered pages, classified, extracted and verified.
    static func snippets(of pages: [BuiltPage], cache: VerificationCache) -> ([Snippet], VerificationCache) {
        let snippetPages = pages.map { page in
            SnippetPage(sourcePath: page.page.sourcePath, displayPath: page.displayPath, url: page.url,
                        tags: page.page.terms["tags"] ?? [], blocks: page.rendered.codeBlocks)
        }
        // One transliteration call for every heading of the site (ICU's set-up dominates per call).
        SnippetID.prepare(sections: snippetSections(of: pages))
        let extracted = snippetPages.parallelMap(SnippetExtractor.extract).flatMap { $0 }
        let verified = SnippetVerifier.verify(extracted, cache: cache)
        return (verified.snippets, verified.cache)
    }

    /// The heading each fenced block sits under, for every page: what snippet ids are made from.
    static func snippetSections(of pages: [BuiltPage]) -> [String] {
        pages.flatMap { $0.rendered.codeBlocks.map(\.section) }
    }

    /// Step 3: the page with its snippets' kind, badge and link placed above each block.
    static func decorate(_ page: BuiltPage, with snippets: [Snippet], basePath: String, strings: UIStrings) -> BuiltPage {
        var decorated = page
        let byIndex = Dictionary(snippets.map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        decorated.rendered.html = SnippetDecorations.apply(to: page.rendered.html, snippets: byIndex, basePath: basePath,
                                                           strings: strings)
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
}

/// Counts finished pages across worker threads for the progress bar.
final class ProgressCounter: Sendable {
    private let value = Mutex<Int>(0)
    func increment() -> Int { value.withLock { $0 += 1; return $0 } }
}

import Synchronization

extension Page {
    /// The note's own language (`lang` or `language` front matter), else the site's `language`.
    func language(site config: SiteConfig) -> String {
        (frontMatter["lang"] ?? frontMatter["language"])?.string ?? config.language
    }
}
