// A folder's regular files, with their stamps, from readdir and fstatat: "has anything changed?"
// at 10,000 notes walks ~100,000 output files, and FileManager's enumerator plus URL building
// cost 2 s of the 3 s such a build took. Symbolic links to files count as files; links to
// folders are not followed (as FileManager's enumerator does not).

import Glibc
import OpsdocsConfig

enum FileTree {
    struct Entry {
        /// Path below the folder, `/`-separated.
        var path: String
        var info: stat
    }

    /// Every regular file below `root`, sorted by path; names starting with `.` skipped unless
    /// `includeHidden`.
    /// `skipping`: top-level folders not walked (an output's build state).
    static func files(_ root: String, includeHidden: Bool = false, skipping: Set<String> = []) -> [Entry] {
        // The top level's folders are walked on all cores (an output folder holds a few dozen).
        var out: [Entry] = [], folders: [String] = []
        list(root, prefix: "", includeHidden: includeHidden, files: &out, folders: &folders)
        folders.removeAll { skipping.contains($0) }
        out += folders.parallelMap { walk(root + "/" + $0, prefix: $0, includeHidden: includeHidden) }.flatMap { $0 }
        out.sort { $0.path < $1.path }
        return out
    }

    /// Every file below `folder`, unsorted.
    private static func walk(_ folder: String, prefix: String, includeHidden: Bool) -> [Entry] {
        var out: [Entry] = [], folders: [String] = []
        list(folder, prefix: prefix, includeHidden: includeHidden, files: &out, folders: &folders)
        for name in folders { out += walk(folder + "/" + name, prefix: prefix + "/" + name, includeHidden: includeHidden) }
        return out
    }

    /// One level of `folder`: its files, and the names of its sub-folders.
    private static func list(_ folder: String, prefix: String, includeHidden: Bool, files: inout [Entry], folders: inout [String]) {
        guard let dir = opendir(folder) else { return }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." || (!includeHidden && name.hasPrefix(".")) { continue }
            var info = stat()
            // Not following links first: a link to a folder is not walked.
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append(name)
            case S_IFREG:
                files.append(Entry(path: prefix.isEmpty ? name : prefix + "/" + name, info: info))
            case S_IFLNK:
                var target = stat()
                if fstatat(fd, name, &target, 0) == 0, (target.st_mode & S_IFMT) == S_IFREG {
                    files.append(Entry(path: prefix.isEmpty ? name : prefix + "/" + name, info: target))
                }
            default:
                continue  // FIFOs, sockets, devices: opening a FIFO blocks forever
            }
        }
    }
}
