// `opsdocs new "标题"`: writes a dated note with front matter, never overwriting one.

import ArgumentParser
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a new note with front matter.")

    @Argument(help: "Title of the note, e.g. \"etcd 备份与恢复\".") var title: String
    @Option(help: "Folder of Markdown notes.") var source = "content"
    @Option(help: "Sub-folder of the source folder to put the note in (e.g. k8s).") var section: String?
    @Option(help: "Comma-separated tags.") var tags: String?
    @Flag(help: "Mark the note as a draft.") var draft = false

    func run() throws {
        let now = Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let day = formatter.string(from: now)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxx"
        let stamp = formatter.string(from: now)

        let slug = Self.fileSlug(title)
        guard !slug.isEmpty else {
            Terminal.error("opsdocs new: the title has no letters or digits to name the file with")
            throw ExitCode(2)
        }
        if let section, section.split(separator: "/").contains(where: { $0 == ".." }) || section.hasPrefix("/") {
            Terminal.error("opsdocs new: --section must be a folder inside \(source)")
            throw ExitCode(2)
        }
        var folder = URL(fileURLWithPath: source)
        if let section { folder.appendPathComponent(section) }
        let file = folder.appendingPathComponent("\(day)-\(slug).md")
        guard !FileManager.default.fileExists(atPath: file.path) else {
            Terminal.error("opsdocs new: \(file.relativePath) already exists; not overwriting it")
            throw ExitCode(1)
        }
        let tagList = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let note = """
        ---
        title: \(Self.yamlQuoted(title))
        date: \(stamp)
        tags: [\(tagList.map(Self.yamlQuoted).joined(separator: ", "))]
        draft: \(draft)
        ---

        简要说明这篇笔记要解决的问题。

        ## 步骤

        ```bash
        # 在这里写命令
        ```

        """
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(note.utf8).write(to: file)
        print(file.relativePath)
    }

    /// Letters (any script) and digits kept, everything else collapsed to `-`.
    static func fileSlug(_ title: String) -> String {
        var out = ""
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber { out.append(ch) } else if !out.isEmpty && !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    static func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
