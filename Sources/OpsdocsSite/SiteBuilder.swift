// `opsdocs build`: compile the site, and only when it has no errors swap it in as the
// output folder. A failed build leaves the previous output exactly as it was.
//
// Three ways through, cheapest first: nothing changed (the stored fingerprint matches: write
// nothing); some notes changed (restore the last build's state, apply the edits as the
// preview does, publish the changed files as a new generation: OutputGenerations); anything
// else (a full build, written anew into a staging folder and swapped in).

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
        var timer = StageTimer()
        let stateFile = BuildFingerprint.stateFile(options)
        let storedFiles = StoredBuildFiles(options)
        let digests = stateFile == nil ? nil : InputDigests(options, known: storedFiles?.loadInputs())
        let inputs = digests?.overall ?? ""
        let last = stateFile.flatMap(BuildFingerprint.load)
        let onDisk = BuildFingerprint.listing(of: options.output)
        let intact = last != nil && onDisk.digest == last?.fingerprint.output
            && FileManager.default.fileExists(atPath: options.output.appendingPathComponent(OutputFolder.markerName).path)
        timer.lap("check inputs + output")
        // Nothing changed since the last build, and its output is still there: done.
        if intact, let last, last.fingerprint.inputs == inputs {
            OutputFolder.clearLeftovers(of: options.output)  // a killed build's staging folder
            return BuildReport(diagnostics: last.diagnostics, pageCount: last.pageCount, fileCount: last.fileCount,
                               published: true, seconds: seconds(), timings: [("unchanged", seconds())], upToDate: true)
        }

        var options = options
        var cacheDiagnostics: [Diagnostic] = []
        if let folder = options.cacheFolder {
            (options.snippetCache, cacheDiagnostics) = SnippetCacheStore.load(from: folder)
        }
        var state: SiteState?
        if intact, let last, let stateFile, let digests {
            switch try incremental(options, digests: digests, last: last, listing: onDisk, stateFile: stateFile,
                                   cacheDiagnostics: cacheDiagnostics, timer: &timer) {
            case .published(var report):
                report.seconds = seconds()
                return report
            case .rebuilt(let full): state = full
            case .notApplicable: break
            }
        }
        // The staging folder exists from here: a full build writes each stage's files into it as
        // they are made, so the pages are not all held in memory (OutputFolder.writeEarly).
        let output = try OutputFolder(final: options.output)
        let built = state ?? SiteState.build(options, progress: progress, releasingPageHTML: true, staging: output)
        var site = built.site
        site.timings = timer.stages + site.timings
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
            output.discard()
            return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount, fileCount: 0, published: false,
                               seconds: seconds(), timings: site.timings, snippetCache: site.snippetCache)
        }
        let generation = (OutputGenerations.generation(of: options.output) ?? 0) + 1
        site.files[OutputGenerations.generationFile] = Data("\(generation)\n".utf8)
        // What the next build starts from: in the staging folder when the state lives in the
        // output (swapped in with the site), else in the cache folder after the site is in place.
        var storedState: (StoredBuild, pack: Data, segment: String)?
        if let storedFiles, let digests, options.writesCache {
            storedState = built.stored(inputs: digests, files: storedFiles)
            if options.cacheIsInOutput, let (stored, pack, segment) = storedState {
                site.files[SnippetCacheStore.folderInOutput + "/" + storedFiles.stateName] = StoredBuildFiles.encode(stored)
                site.files[SnippetCacheStore.folderInOutput + "/" + segment] = pack
                site.files[SnippetCacheStore.folderInOutput + "/" + storedFiles.inputsName] = StoredBuildFiles.encode(digests)
            }
        }
        timer.lap("store state")
        // Published files: the build state and the generation number are not the site.
        let fileCount = site.files.keys.filter { !$0.hasPrefix(SnippetCacheStore.folderInOutput + "/") && $0 != OutputGenerations.generationFile }.count
            + site.written.count + site.copies.count
        let written = clock.now
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
        if let storedFiles, let storedState, let digests, !options.cacheIsInOutput {
            saveOutside(storedFiles, storedState.0, inputs: digests, pack: storedState.pack, segment: storedState.segment)
        }
        // The state last, once the site is in place: a build killed before this leaves none, and
        // the next build does all the work.
        if let stateFile, options.writesCache {
            writeState(stateFile, inputs: inputs, output: BuildFingerprint.output(onDisk: options.output),
                       diagnostics: site.diagnostics, pageCount: site.pageCount, fileCount: fileCount, changed: nil)
        }
        let writing = clock.now - written
        let writeSeconds = writing.seconds
        return BuildReport(diagnostics: site.diagnostics, pageCount: site.pageCount,
                           fileCount: fileCount, published: true, seconds: seconds(),
                           timings: site.timings + [("write output", writeSeconds)], snippetCache: site.snippetCache)
    }

    enum Incremental {
        case published(BuildReport)
        /// The edits needed a full build after all; this is it, to be written in full.
        case rebuilt(SiteState)
        case notApplicable
    }

    /// Some notes changed and nothing else: the last build's state restored, the edits applied
    /// as the preview applies them, and only the changed files published.
    static func incremental(_ options: BuildOptions, digests: InputDigests, last: BuildFingerprint.State,
                            listing: BuildFingerprint.Listing, stateFile: URL, cacheDiagnostics: [Diagnostic],
                            timer: inout StageTimer) throws -> Incremental
    {
        guard options.writesCache, let storedFiles = StoredBuildFiles(options), let stored = storedFiles.load(),
              let changedNotes = digests.changedNotes(since: stored.inputs), !changedNotes.isEmpty, changedNotes.count <= 50,
              var state = SiteState.restore(options, from: stored, files: storedFiles, published: listing.published,
                                            diagnostics: last.diagnostics.filter { $0.kind != "cache" }, pageCount: last.pageCount)
        else { return .notApplicable }
        timer.lap("restore state")
        let update = state.apply(Set(changedNotes.map { options.source.appendingPathComponent($0).path }))
        if update.scope == ["full build"] { return update.failure == nil ? .rebuilt(state) : .notApplicable }
        let searchUpdate = state.finishDeferred()
        timer.record(update.timings.map { ("edit: " + $0.stage, $0.seconds) } + searchUpdate.timings)
        let diagnostics = (state.site.diagnostics + cacheDiagnostics).sorted()
        let failing = diagnostics.errorCount > 0 || (options.strict && diagnostics.warningCount > 0)
        guard !failing else {
            return .published(BuildReport(diagnostics: diagnostics, pageCount: state.site.pageCount, fileCount: 0,
                                          published: false, seconds: 0, timings: timer.stages, snippetCache: state.snippetCache))
        }

        let paths = update.changedPaths.union(searchUpdate.changedPaths)
        var changes: [String: Data?] = [:]
        for path in paths { changes[path] = .some(state.site.files[path]) }
        let (next, pack, segment) = state.stored(inputs: digests, files: storedFiles)
        let stateFolder = SnippetCacheStore.folderInOutput + "/"
        if options.cacheIsInOutput {
            changes[stateFolder + storedFiles.stateName] = .some(StoredBuildFiles.encode(next))
            if state.snippetCache != options.snippetCache {
                changes[stateFolder + SnippetCacheStore.fileName] = .some(SnippetCacheStore.encode(state.snippetCache))
            }
            if !pack.isEmpty { changes[stateFolder + segment] = .some(pack) }
            changes[stateFolder + storedFiles.inputsName] = .some(StoredBuildFiles.encode(digests))
            for unused in storedFiles.unusedSegments(next, in: storedFiles.folder) { changes[stateFolder + unused] = .some(nil) }
        }
        timer.lap("store state")
        let generation = (OutputGenerations.generation(of: options.output) ?? 0) + 1
        try OutputGenerations(output: options.output)
            .publish(generation: generation, lastChanged: last.changed, changes: changes, executables: state.site.executables)
        timer.lap("publish changes")
        var all = diagnostics
        if !options.cacheIsInOutput {
            if state.snippetCache != options.snippetCache { all += SnippetCacheStore.save(state.snippetCache, to: storedFiles.folder) }
            saveOutside(storedFiles, next, inputs: digests, pack: pack, segment: segment)
        }
        let after = listing.updated(paths.union([OutputGenerations.generationFile]), in: options.output)
        writeState(stateFile, inputs: digests.overall, output: after.digest, diagnostics: all.sorted(),
                   pageCount: state.site.pageCount, fileCount: after.published.count, changed: paths.sorted())
        timer.lap("write state")
        return .published(BuildReport(diagnostics: all.sorted(), pageCount: state.site.pageCount, fileCount: after.published.count,
                                      published: true, seconds: 0, timings: timer.stages, snippetCache: state.snippetCache))
    }

    /// The stored build in a `--cache-dir`: the new pack segment, then the state naming it,
    /// then the segments nothing names any more.
    private static func saveOutside(_ files: StoredBuildFiles, _ stored: StoredBuild, inputs: InputDigests, pack: Data,
                                    segment: String)
    {
        try? FileManager.default.createDirectory(at: files.folder, withIntermediateDirectories: true)
        try? StoredBuildFiles.encode(inputs).write(to: files.folder.appendingPathComponent(files.inputsName), options: .atomic)
        if !pack.isEmpty { try? pack.write(to: files.folder.appendingPathComponent(segment), options: .atomic) }
        try? StoredBuildFiles.encode(stored).write(to: files.folder.appendingPathComponent(files.stateName), options: .atomic)
        for unused in files.unusedSegments(stored, in: files.folder) {
            try? FileManager.default.removeItem(at: files.folder.appendingPathComponent(unused))
        }
    }

    private static func writeState(_ stateFile: URL, inputs: String, output: String, diagnostics: [Diagnostic],
                                   pageCount: Int, fileCount: Int, changed: [String]?)
    {
        let fingerprint = BuildFingerprint(inputs: inputs, output: output)
        let state = BuildFingerprint.encode(.init(fingerprint: fingerprint, diagnostics: diagnostics,
                                                  pageCount: pageCount, fileCount: fileCount, changed: changed))
        try? FileManager.default.createDirectory(at: stateFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? state.write(to: stateFile, options: .atomic)
    }
}
