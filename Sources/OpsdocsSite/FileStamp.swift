// What a file on disk is, without reading it: size and modification time (and, where asked,
// the inode). One definition for every place that tells "changed" from "the same file": the
// build fingerprint, the output check and the preview's copied files.

import Foundation
import Glibc

enum FileStamp {
    /// `size:seconds.nanoseconds` (`:inode` with `inode`), or nil when there is no such file.
    static func of(_ path: String, inode: Bool = false) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return of(info, inode: inode)
    }

    /// The same stamp from a `stat` already made (FileTree).
    static func of(_ info: stat, inode: Bool = false) -> String {
        let stamp = "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        return inode ? stamp + ":\(info.st_ino)" : stamp
    }
}
