// The public face of an incremental build for the preview server: build once, then hand it
// the files that changed and get back which published paths changed.

import Foundation
import OpsdocsConfig

public struct LiveSite: Sendable {
    private var state: SiteState

    /// Builds everything once (in memory; nothing is written).
    /// The verification cache of the last `opsdocs build` (`options.cacheFolder`) is read, never written.
    public init(_ options: BuildOptions, progress: SiteCompiler.Progress? = nil) {
        var options = options
        if let folder = options.cacheFolder { options.snippetCache = SnippetCacheStore.load(from: folder).0 }
        state = SiteState.build(options, progress: progress)
    }

    /// The path the site is served under (`/`, or `/docs/` from `base_url`).
    public var basePath: String { state.config.basePath }

    /// The site as currently built.
    public var site: CompiledSite { state.site }

    /// Rebuilds what the changed files (absolute paths) touch.
    public mutating func apply(_ changedFiles: Set<String>) -> SiteUpdate { state.apply(changedFiles) }

    /// Brings the search index and snippet manifest up to date after `apply` (which leaves
    /// them for later so the edited page is served sooner).
    public mutating func finishDeferred() -> SiteUpdate { state.finishDeferred() }

    /// The folders and files whose changes matter: the notes, `theme/`, `static/` and the config file.
    public var watchedPaths: [URL] { Self.watchedPaths(state.options) }

    /// What a preview of `options` watches, known before the first build.
    public static func watchedPaths(_ options: BuildOptions) -> [URL] {
        options.paths.watched
    }

    /// Whether a changed path can affect the site (editor swap files and the output folder cannot).
    public func isRelevant(_ path: String) -> Bool { state.classify(path) != nil }
}
