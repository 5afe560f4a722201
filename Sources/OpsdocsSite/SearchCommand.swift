// `opsdocs search`: the same index files and the same ranking code as the browser, read
// from a built site folder, or from an in-memory build of a source folder.

import Foundation
import OpsdocsSearch

public enum SearchCommand {
    /// An engine over a built site's `search/` folder.
    public static func engine(site: URL) -> SearchEngine? {
        let folder = site.appendingPathComponent("search")
        return SearchEngine { path in FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
    }

    /// An engine over a build of `options.source` kept in memory (nothing is written).
    public static func engine(building options: BuildOptions) -> SearchEngine? {
        let site = SiteCompiler.compile(options)
        let files = site.files
        return SearchEngine { path in files["search/" + path] }
    }
}
