// What a build leaves for the next one to start from, so an edit re-renders only what it
// touches: each page as lists and neighbours show it, the search index's numbers (not its
// files: those are the published ones), which snippet files each note wrote, and each note's
// search documents (in pack segments, read only for the notes that changed).
//
// Kept in the build's state folder (`<output>/.opsdocs/`, or `--cache-dir`). Anything missing,
// unreadable or from another version means a full build, never a wrong one.

import Foundation
import OpsdocsContent
import OpsdocsMarkdown
import OpsdocsSearch

struct StoredBuild: Sendable {
    /// The state's own format, and the search index layout it restores (an index of another
    /// layout cannot be updated in place).
    static let version = 1000 + SearchIndexBuilder.version

    var version = Self.version
    /// What the build was computed from, file by file.
    var inputs: InputDigests
    /// In the model's order.
    var pages: [Page]
    var search: SearchIndexState
    /// Published path → source file, for everything copied (images beside notes, `static/`).
    var copies: [String: String]
    /// Note → the snippet files it produced.
    var snippetFiles: [String: [String]]
    /// Note → length in bytes of its entries in `snippets/index.json` (the manifest is cut
    /// back into per-note parts by these).
    var manifestLengths: [String: Int]
    /// Note → where its search documents are.
    var documents: [String: PackRange]
    /// Heading text transliterated for snippet ids (SnippetID.transliterations).
    var transliterations: [String: String]

    struct Page: Sendable {
        var page: StoredPage
        var rendering: StoredRendering
        var displayPath: String
    }

    struct PackRange: Sendable {
        var segment: String
        var offset: Int
        var length: Int
    }
}

extension StoredBuild: ByteCodable {
    /// Per-note facts are written with their page, in page order (sorting 10,000 keys per
    /// dictionary cost more than the rest of the encoding).
    func write(to out: inout ByteWriter) {
        out.int(version)
        out.value(inputs)
        let segments = Array(Set(documents.values.map(\.segment))).sorted()
        let number = Dictionary(uniqueKeysWithValues: segments.enumerated().map { ($1, $0) })
        out.strings(segments)
        out.array(pages) { out, page in
            out.value(page.page)
            out.value(page.rendering)
            out.string(page.displayPath)
            let rel = page.page.page.sourcePath
            out.strings(snippetFiles[rel] ?? [])
            out.optional(manifestLengths[rel]) { $0.int($1) }
            out.optional(documents[rel]) { out, range in
                out.int(number[range.segment] ?? 0)
                out.int(range.offset)
                out.int(range.length)
            }
        }
        out.value(search)
        out.dictionary(copies) { $0.string($1) }
        out.dictionary(transliterations) { $0.string($1) }
    }

    init(from input: inout ByteReader) throws {
        version = try input.int()
        guard version == Self.version else { throw ByteReader.Malformed() }
        inputs = try input.value()
        let segments = try input.strings()
        var snippetFiles: [String: [String]] = [:], manifestLengths: [String: Int] = [:], documents: [String: PackRange] = [:]
        pages = try input.array { input in
            let page = Page(page: try input.value(), rendering: try input.value(), displayPath: try input.string())
            let rel = page.page.page.sourcePath
            let files = try input.strings()
            if !files.isEmpty { snippetFiles[rel] = files }
            manifestLengths[rel] = try input.optional { try $0.int() }
            documents[rel] = try input.optional { input in
                let n = try input.int()
                guard segments.indices.contains(n) else { throw ByteReader.Malformed() }
                return PackRange(segment: segments[n], offset: try input.int(), length: try input.int())
            }
            return page
        }
        (self.snippetFiles, self.manifestLengths, self.documents) = (snippetFiles, manifestLengths, documents)
        search = try input.value()
        copies = try input.dictionary { try $0.string() }
        transliterations = try input.dictionary { try $0.string() }
    }
}

/// Where the stored build lives, and how it is read and written.
struct StoredBuildFiles: Sendable {
    /// The state folder: `<output>/.opsdocs/` or the `--cache-dir` folder.
    let folder: URL
    /// Names this output's files apart from other outputs sharing a `--cache-dir`.
    let prefix: String

    init?(_ options: BuildOptions) {
        guard let folder = options.cacheFolder else { return nil }
        self.folder = folder
        prefix = options.cacheIsInOutput ? "" : String(SHA256.hex(options.output.standardizedFileURL.path).prefix(12)) + "-"
    }

    var stateName: String { prefix + "site-state.bin" }
    /// The last build's input digests alone (small, read by every build): files whose stamps
    /// have not changed since are not read again.
    var inputsName: String { prefix + "inputs.bin" }

    func loadInputs() -> InputDigests? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(inputsName).path)
            .flatMap { try? InputDigests(decoding: $0) }
    }

    static func encode(_ inputs: InputDigests) -> Data { inputs.encoded }

    /// The stored build, when there is one this opsdocs can use.
    func load(in folder: URL? = nil) -> StoredBuild? {
        let base = folder ?? self.folder
        guard let data = FileManager.default.contents(atPath: base.appendingPathComponent(stateName).path),
              let stored = try? StoredBuild(decoding: data)
        else { return nil }
        return stored
    }

    static func encode(_ stored: StoredBuild) -> Data { stored.encoded }

    /// A pack segment's name, from its contents: a segment is written once and never changed
    /// (an output's previous generation may share the file), and two builds of the same notes
    /// name it the same.
    func segmentName(for pack: Data) -> String {
        var digest = Digest64()
        digest.add(pack)
        return prefix + "documents-\(digest.hex).pack"
    }

    /// The search documents of one note from its pack segment.
    func documents(_ range: StoredBuild.PackRange, in folder: URL? = nil) -> [SearchDocument]? {
        let path = (folder ?? self.folder).appendingPathComponent(range.segment).path
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(range.offset))) != nil,
              let data = try? handle.read(upToCount: range.length), data.count == range.length
        else { return nil }
        return DocumentPack.decode(data)
    }

    /// Segments no note points into any more.
    func unusedSegments(_ stored: StoredBuild, in folder: URL) -> [String] {
        let used = Set(stored.documents.values.map(\.segment))
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return present.filter { $0.hasPrefix(prefix + "documents-") && $0.hasSuffix(".pack") && !used.contains($0) }
    }
}

/// Search documents as bytes: each string as a 32-bit length and its UTF-8, seven per document.
/// (JSON would cost more than the rest of an edit at 10,000 notes.)
enum DocumentPack {
    static func encode(_ documents: [SearchDocument]) -> Data {
        var out = [UInt8]()
        func add(_ text: String) {
            let bytes = Array(text.utf8)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { out += $0 }
            out += bytes
        }
        withUnsafeBytes(of: UInt32(documents.count).littleEndian) { out += $0 }
        for doc in documents {
            for field in [doc.url, doc.pageTitle, doc.heading, doc.headingPath, doc.tags, doc.body, doc.code] { add(field) }
        }
        return Data(out)
    }

    static func decode(_ data: Data) -> [SearchDocument]? {
        let bytes = [UInt8](data)
        var at = 0
        func number() -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            let n = Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
            at += 4
            return n
        }
        func string() -> String? {
            guard let n = number(), at + n <= bytes.count else { return nil }
            defer { at += n }
            return String(decoding: bytes[at..<at + n], as: UTF8.self)
        }
        guard let count = number(), count <= bytes.count else { return nil }
        var documents: [SearchDocument] = []
        for _ in 0..<count {
            guard let url = string(), let title = string(), let heading = string(), let path = string(),
                  let tags = string(), let body = string(), let code = string() else { return nil }
            documents.append(SearchDocument(url: url, pageTitle: title, heading: heading, headingPath: path, tags: tags,
                                            body: body, code: code))
        }
        return at == bytes.count ? documents : nil
    }
}
