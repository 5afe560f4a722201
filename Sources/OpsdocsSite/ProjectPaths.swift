// Where a build reads and writes, computed in one place from what the user named: the notes,
// the config file, theme overrides, `static/`, the output folder and its build state.
// Every stage asks this value instead of joining folder names itself.

import Foundation

public struct ProjectPaths: Sendable {
    /// The folder of notes (`content/`).
    public var notes: URL
    /// `opsdocs.toml`, whether or not it exists.
    public var configFile: URL
    /// True when the user named the config file (a missing one is then an error).
    public var configNamed: Bool
    /// Template and static-file overrides (`theme/`).
    public var theme: URL
    /// Files published as they are (`static/`).
    public var staticFiles: URL
    /// The published folder (`public/`).
    public var output: URL

    init(_ options: BuildOptions) {
        notes = options.source
        configFile = options.configFile ?? options.projectRoot.appendingPathComponent("opsdocs.toml")
        configNamed = options.configFile != nil
        theme = options.projectRoot.appendingPathComponent("theme")
        staticFiles = options.projectRoot.appendingPathComponent("static")
        output = options.output
    }

    /// The folders and files a build reads besides the notes.
    var inputFolders: [URL] { [staticFiles, theme] }

    /// What a preview watches: the notes, `theme/`, `static/` and the config file.
    var watched: [URL] { [notes, theme, staticFiles, configFile] }
}

extension BuildOptions {
    /// Every path of this build, derived once from the options.
    public var paths: ProjectPaths { ProjectPaths(self) }
}
