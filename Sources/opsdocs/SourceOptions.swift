// How every command turns `--source`, `--output` and `--config` into BuildOptions: paths
// relative to the working folder, which is also where `opsdocs.toml`, `theme/` and
// `static/` are looked for.

import ArgumentParser
import Foundation
import OpsdocsSite

enum SourceOptions {
    /// Exits with status 2 when the source folder does not exist.
    static func make(source: String, output: String = "public", config: String? = nil) throws -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        // `theme/` and `static/` sit beside the config file (the current folder without one).
        let configURL = config.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let options = BuildOptions(source: URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL,
                                   output: URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL,
                                   projectRoot: configURL?.deletingLastPathComponent() ?? cwd,
                                   configFile: configURL,
                                   sourceDisplay: source.hasSuffix("/") ? String(source.dropLast()) : source)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.source.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            Terminal.error("opsdocs: source folder \(source) does not exist")
            throw ExitCode(2)
        }
        return options
    }
}
