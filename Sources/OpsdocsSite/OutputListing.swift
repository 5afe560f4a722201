// What an output folder holds: every published path and its stamp (size, time, inode), in
// path order. Its digest is the output half of the build fingerprint; the incremental build
// looks paths up in it instead of walking the folder again.

import Foundation
import Glibc

extension BuildFingerprint {
    /// What an output folder holds, for the fingerprint and the incremental build: every
    /// published path (build state and marker aside; the generation number in) and its stamp,
    /// in path order.
    struct Listing: Sendable {
        var entries: [(path: String, stamp: String)]

        var digest: String {
            var digest = Digest64()
            for entry in entries {
                digest.add(entry.path)
                digest.add(entry.stamp)
            }
            return digest.hex
        }

        /// Every published file (the generation number aside).
        var published: SortedPaths {
            SortedPaths(sorted: entries.compactMap { $0.path == OutputGenerations.generationFile ? nil : $0.path })
        }

        /// The listing after `paths` were rewritten or removed in `folder` (every other file is
        /// the same file, linked: OutputGenerations), without walking the whole folder again.
        func updated(_ paths: some Sequence<String>, in folder: URL) -> Listing {
            var next = self
            for path in paths {
                let low = SortedPaths.position(of: path, in: next.entries, key: \.path)
                let present = low < next.entries.count && next.entries[low].path == path
                var info = stat()
                if stat(folder.path + "/" + path, &info) == 0 {
                    let entry = (path: path, stamp: FileStamp.of(info, inode: true))
                    if present { next.entries[low] = entry } else { next.entries.insert(entry, at: low) }
                } else if present {
                    next.entries.remove(at: low)
                }
            }
            return next
        }
    }

    static func listing(of folder: URL) -> Listing {
        // The build state folder is not walked: it also holds the previous generation of the site.
        Listing(entries: FileTree.files(folder.path, includeHidden: true, skipping: [SnippetCacheStore.folderInOutput]).compactMap { file in
            file.path == OutputFolder.markerName ? nil : (file.path, FileStamp.of(file.info, inode: true))
        })
    }
}

/// Paths in `<` order, looked up by binary search: the output's 100,000 paths as a Set cost
/// more to build than an edit spends looking up a few of them.
struct SortedPaths: Sendable {
    let sorted: [String]

    func contains(_ path: String) -> Bool {
        let low = Self.position(of: path, in: sorted, key: { $0 })
        return low < sorted.count && sorted[low] == path
    }

    /// Where `path` is, or would go, among `items` sorted by `key` (the first not before it).
    static func position<T>(of path: String, in items: [T], key: (T) -> String) -> Int {
        var low = 0, high = items.count
        while low < high {
            let mid = (low + high) / 2
            if key(items[mid]) < path { low = mid + 1 } else { high = mid }
        }
        return low
    }

    var count: Int { sorted.count }
}
