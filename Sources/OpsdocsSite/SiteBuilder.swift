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
        let readFolders = options.paths.inputFolders
        try OutputFolder.validate(output: options.output, source: options.source, inputs: readFolders)
        let lock = try BuildLock(output: options.output, wait: options.waitForLock, waiting: { options.onWait?($0) })
        defer { lock.release() }
        // Checked again under the lock: the build we waited for may have changed the folder.
        try OutputFolder.validate(output: options.output, source: options.source, inputs: readFolders)
        func seconds() -> Double {
            let elapsed = clock.now - start
            return elapsed.seconds
        }
        // Nothing changed since the last build, and its output is still there: done.
        let stateFile = BuildFingerprint.stateFile(options)
        let inputs = stateFile == nil ? "" : BuildFingerprint.inputs(of: options)
        if let stateFile, let last = BuildFingerprint.load(stateFile), last.fingerprint.inputs == inputs,
           FileManager.default.fileExists(atPath: options.output.appendingPathComponent(OutputFolder.markerName).path),
           BuildFingerprint.output(onDisk: options.output) == last.fingerprint.output
        {
            OutputFolder.clearLeftovers(of: options.output)  // a killed build's staging folder
            return BuildReport(diagnostics: last.diagnostics, pageCount: last.pageCount, fileCount: last.fileCount,
                               published: true, seconds: seconds(), timings: [("unchanged", seconds())], upToDate: true)
        }

        var options = options
        var cacheDiagnostics: [Diagnostic] = []
        if let folder = options.cacheFolder {
            (options.snippetCache, cacheDiagnostics) = SnippetCacheStore.load(from: folder)
        }
        var site = SiteCompiler.compile(options, progress: progress)
        if options.cacheFolder != nil, options.writesCache {
            if options.cacheIsInOutput {
                site.files[SnippetCacheStore.pathInOutput] = SnippetCacheStore.encode(site.snippetCache)
            } else if let folder = options.cacheFolder {
                cacheDiagnostics += SnippetCacheStore.save(site.snippetCache, to: folder)
            }
        }
        site.diagnostics = (site.diagnostics + cacheDiagnostics).sorted()
        let failing = site.diagnostics.errorCount > 0 || (options.strict && site.diagnostics.warningCount > 0)
        guard !failing else {
            return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount, fileCount: 0, published: false,
                               seconds: seconds(), timings: site.timings, snippetCache: site.snippetCache)
        }
        let fileCount = site.files.count + site.copies.count
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
        // The state last, once the site is in place: a build killed before this leaves none, and
        // the next build does all the work.
        if let stateFile, options.writesCache {
            let fingerprint = BuildFingerprint(inputs: inputs, output: BuildFingerprint.output(onDisk: options.output))
            let state = BuildFingerprint.encode(.init(fingerprint: fingerprint, diagnostics: site.diagnostics,
                                                      pageCount: site.pageCount, fileCount: fileCount))
            try? FileManager.default.createDirectory(at: stateFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? state.write(to: stateFile, options: .atomic)
        }
        let writing = clock.now - written
        let writeSeconds = writing.seconds
        return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount,
                           fileCount: fileCount, published: true, seconds: seconds(),
                           timings: site.timings + [("write output", writeSeconds)], snippetCache: site.snippetCache)
    }
}
