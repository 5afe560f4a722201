// What a build is asked to do, as the CLI (or a test, or the preview server) states it.

import Foundation
@_exported import OpsdocsConfig
@_exported import OpsdocsSearch
@_exported import OpsdocsSnippets

public struct BuildOptions: Sendable {
    /// The folder of notes (`content/`).
    public var source: URL
    /// The published folder (`public/`).
    public var output: URL
    /// `opsdocs.toml`; nil means "use `opsdocs.toml` in `projectRoot` if there is one".
    public var configFile: URL?
    /// Where `opsdocs.toml`, `theme/` and `static/` are looked for.
    public var projectRoot: URL
    public var includeDrafts: Bool = false
    /// Warnings fail the build.
    public var strict: Bool = false
    /// How the source folder is named in diagnostics (as the user typed it).
    public var sourceDisplay: String
    /// Snippet verification results from earlier builds (see SnippetCacheStore).
    public var snippetCache = VerificationCache()
    /// Where build state (the verification cache) is kept between runs: `<output>/.opsdocs/`
    /// unless the user names a folder (`--cache-dir`); nil keeps none.
    public var cacheFolder: URL?
    /// False: the cache is only read (the preview never writes).
    public var writesCache = true
    /// A second build into the same output waits for the first (false: fails at once).
    public var waitForLock = true
    /// Told once when the build waits for another one.
    public var onWait: (@Sendable (String) -> Void)? = nil

    /// True when the cache lives inside the output folder (and is swapped in with the site).
    public var cacheIsInOutput: Bool {
        cacheFolder?.standardizedFileURL.path == SnippetCacheStore.defaultFolder(output: output).path
    }

    public init(source: URL, output: URL, projectRoot: URL, configFile: URL? = nil, sourceDisplay: String? = nil) {
        self.source = source
        self.output = output
        self.projectRoot = projectRoot
        self.configFile = configFile
        self.sourceDisplay = sourceDisplay ?? source.path
        self.cacheFolder = SnippetCacheStore.defaultFolder(output: output)
    }
}

public struct BuildReport: Sendable {
    /// Sorted: errors and warnings by file, line, column.
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    /// Files published in the output folder (its build state aside).
    public var fileCount: Int
    /// True when the new site replaced the output folder.
    public var published: Bool
    public var seconds: Double
    /// Wall time of each stage, for `--timings`.
    public var timings: [(stage: String, seconds: Double)] = []
    /// Verification results to keep for the next build.
    public var snippetCache = VerificationCache()
    /// Nothing had changed since the last build: the output was left as it was.
    public var upToDate = false

    public var failed: Bool { !published }
}
