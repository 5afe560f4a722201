// `opsdocs build`: compile the site, and only when it has no errors swap it in as the
// output folder. A failed build leaves the previous output exactly as it was.

import Foundation
import OpsdocsConfig

public enum SiteBuilder {
    public static func build(_ options: BuildOptions, progress: SiteCompiler.Progress? = nil) throws
        -> BuildReport
    {
        let clock = ContinuousClock()
        let start = clock.now
        try OutputFolder.validate(output: options.output, source: options.source)
        var options = options
        let previousCache = options.useSnippetCache ? SnippetCacheStore.load(projectRoot: options.projectRoot, source: options.source) : VerificationCache()
        options.snippetCache = previousCache
        let site = SiteCompiler.compile(options, progress: progress)
        if options.useSnippetCache {
            SnippetCacheStore.save(site.snippetCache, projectRoot: options.projectRoot, source: options.source, previous: previousCache)
        }
        let failing = site.diagnostics.errorCount > 0 || (options.strict && site.diagnostics.warningCount > 0)
        func seconds() -> Double {
            let elapsed = clock.now - start
            return elapsed.seconds
        }
        guard !failing else {
            return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount, fileCount: 0, published: false,
                               seconds: seconds(), timings: site.timings, snippetCache: site.snippetCache)
        }
        let written = clock.now
        let output = try OutputFolder(final: options.output)
        do {
            try output.writeAll(site.files, executables: site.executables)
            for path in site.copies.keys.sorted() {
                if let source = site.copies[path] { try output.copyFile(from: source, to: path) }
            }
            try output.publish()
        } catch {
            output.discard()
            throw error
        }
        let writing = clock.now - written
        let writeSeconds = writing.seconds
        return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount,
                           fileCount: site.files.count + site.copies.count, published: true, seconds: seconds(),
                           timings: site.timings + [("write output", writeSeconds)], snippetCache: site.snippetCache)
    }
}
