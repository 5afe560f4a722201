// `opsdocs snippets`: the Snippets stage without building the site — collect every fenced
// block, verify, filter, and optionally publish the snippet files into a folder of their own.

import Foundation
import OpsdocsSnippets

public struct SnippetQuery: Sendable {
    /// Only notes whose source path starts with this (`k8s/` or `k8s/sysctl-guide.md`).
    public var page: String?
    public var kind: SnippetKind?
    public var tag: String?
    public init(page: String? = nil, kind: SnippetKind? = nil, tag: String? = nil) {
        self.page = page
        self.kind = kind
        self.tag = tag
    }

    func matches(_ snippet: Snippet) -> Bool {
        if let page, !(snippet.source == page || snippet.source.hasPrefix(page.hasSuffix("/") ? page : page + "/")
                      || snippet.pageURL == page || "/" + snippet.pageURL == page) { return false }
        if let kind, snippet.kind != kind { return false }
        if let tag, !snippet.tags.contains(where: { $0.lowercased() == tag.lowercased() }) { return false }
        return true
    }
}

public struct SnippetReport: Sendable {
    public var snippets: [Snippet]
    /// Content problems and, in snippet severity, every verifier finding.
    public var diagnostics: [Diagnostic]
    public var seconds: Double
    /// The verification cache to publish with the files (`--out` without `--cache-dir`).
    public var cache: VerificationCache?
}

public enum SnippetCommand {
    public static func collect(_ options: BuildOptions, query: SnippetQuery) -> SnippetReport {
        let clock = ContinuousClock()
        let start = clock.now
        var found: [Diagnostic] = []
        let config = SiteCompiler.loadConfig(options, diagnostics: &found)
        let (_, pages) = SiteCompiler.loadContent(options, config: config, diagnostics: &found)
        let built = NotePipeline.markdown(pages, in: SiteCompiler.noteContext(options, config: config, pages: pages,
                                                                              diagnostics: &found))
        for page in built { found += page.markdownDiagnostics }
        var (previous, cacheDiagnostics) = (VerificationCache(), [Diagnostic]())
        if let folder = options.cacheFolder { (previous, cacheDiagnostics) = SnippetCacheStore.load(from: folder) }
        if let known = previous.transliterations { SnippetID.transliterations = known }
        let (all, verified) = NotePipeline.snippets(of: built, cache: previous)
        var cache = verified
        cache.transliterations = SnippetID.transliterations(of: NotePipeline.snippetSections(of: built))
        // A cache inside the output folder is written with the snippet files (`publish`).
        if let folder = options.cacheFolder, options.writesCache, !options.cacheIsInOutput {
            cacheDiagnostics += SnippetCacheStore.save(cache, to: folder)
        }
        let chosen = all.filter(query.matches)
        let diagnostics = (found.filter { $0.severity == .error } + cacheDiagnostics
            + chosen.flatMap(SnippetOutput.diagnostics)).sorted()
        let elapsed = clock.now - start
        return SnippetReport(snippets: chosen, diagnostics: diagnostics, seconds: elapsed.seconds,
                             cache: options.cacheIsInOutput ? cache : nil)
    }

    /// Writes the snippet files (as under `public/snippets/`) into `folder`, replacing it,
    /// with the verification cache in its `.opsdocs/` when the report carries one.
    public static func publish(_ report: SnippetReport, to folder: URL, source: URL) throws {
        try OutputFolder.validate(output: folder, source: source)
        let lock = try BuildLock(output: folder, wait: true, waiting: { _ in })
        defer { lock.release() }
        let output = try OutputFolder(final: folder)
        let files = SnippetOutput.files(report.snippets)
        var relative: [String: Data] = [:]
        for (path, data) in files.files { relative[String(path.dropFirst("snippets/".count))] = data }
        if let cache = report.cache {
            relative[SnippetCacheStore.pathInOutput] = SnippetCacheStore.encode(cache)
        }
        let executables = Set(files.executables.map { String($0.dropFirst("snippets/".count)) })
        do {
            try output.writeAll(relative, executables: executables)
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
    }

    /// `PAGE#ID`: the page by source path or URL, then the snippet id.
    public static func find(_ reference: String, in snippets: [Snippet]) -> Snippet? {
        guard let hash = reference.lastIndex(of: "#") else { return nil }
        let page = String(reference[..<hash])
        let id = String(reference[reference.index(after: hash)...])
        let query = SnippetQuery(page: page)
        return snippets.first { $0.id == id && $0.script != nil && (query.matches($0) || $0.pageURL == page + "/") }
    }
}
