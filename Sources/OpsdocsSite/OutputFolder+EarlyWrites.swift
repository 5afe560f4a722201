// A full `opsdocs build` writes each stage's files into the staging folder as soon as the stage
// has made them (pages and lists, then snippet files, then the search index) instead of holding
// the whole site in memory until the end: at 10,000 notes the pages alone are 200 MB.
//
// Only a file no other path can clash with is written early (one whose path is no other's
// folder, and none of whose folders is another's file); the rest stay in memory for the
// clash check (CompiledSite.resolveClashes) and `writeAll`, as before. A failed build discards
// the staging folder, early files and all, so the previous output is untouched either way.

import Foundation
import Glibc

extension OutputFolder {
    /// Writes the files of `files` that cannot clash with any path in `files`, `known` or
    /// `written`, moves their paths from `files` to `written`, and releases their bytes. Files
    /// it cannot write stay in `files` (writeAll reports the error then).
    func writeEarly(_ files: inout [String: Data], executables: Set<String>, known: Set<String>, written: inout Set<String>) {
        var all = known.union(written)
        all.formUnion(files.keys)
        let folders = Self.folders(of: Array(all))
        func canClash(_ path: String) -> Bool {
            if folders.contains(Substring(path)) { return true }
            var slash = path.startIndex
            while let next = path[slash...].firstIndex(of: "/") {
                if all.contains(String(path[..<next])) { return true }
                slash = path.index(after: next)
            }
            return false
        }
        let safe = files.filter { !canClash($0.key) }
        guard !safe.isEmpty, (try? writeAll(safe, executables: executables)) != nil else { return }
        for path in safe.keys {
            files[path] = nil
            written.insert(path)
        }
    }

    /// Takes back a file written early that the clash check dropped.
    func removeWritten(_ relativePath: String) {
        guard let parts = Self.safeParts(relativePath) else { return }
        _ = unlink(staging.path + "/" + parts.joined(separator: "/"))
    }
}
