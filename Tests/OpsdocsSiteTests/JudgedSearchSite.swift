// The site the judged search queries were written over: every folder of ../shared/corpus and
// ../shared/corpus-extra side by side (kubeasz/, bash-tutorial/, …), built once per test run
// into a temporary folder, with the judged queries of bench/search-queries*.json.

import Foundation
import OpsdocsSite

struct JudgedQuery: Decodable, Sendable {
    var query: String
    /// Page paths (`kubeasz/docs/setup/ezctl/`), the best first.
    var relevant: [String]
}

struct JudgedSearchSite: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpora = ["corpus", "corpus-extra"].map {
        repository.deletingLastPathComponent().appendingPathComponent("shared/" + $0)
    }
    static var available: Bool { corpora.allSatisfy { FileManager.default.fileExists(atPath: $0.path) } }
    static let queryFiles = ["search-queries.json", "search-queries-tuning.json", "search-queries-heldout.json"]

    /// Built on first use; later tests of the run share it. The folder goes when the test process exits.
    static let shared: Result<JudgedSearchSite, any Error> = Result { try JudgedSearchSite() }
    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-judged-\(UUID().uuidString)")

    let output: URL
    let queries: [JudgedQuery]

    private init() throws {
        let project = Self.folder
        atexit { try? FileManager.default.removeItem(at: JudgedSearchSite.folder) }
        // Not every test runner exits through atexit: earlier runs' sites older than an hour go too.
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("opsdocs-judged-") {
            let old = temporary.appendingPathComponent(name)
            if let date = try? old.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate,
               date < Date(timeIntervalSinceNow: -3600) {
                try? FileManager.default.removeItem(at: old)
            }
        }
        let source = project.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        for corpus in Self.corpora {
            for folder in try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted() {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: corpus.appendingPathComponent(folder).path, isDirectory: &isFolder),
                      isFolder.boolValue else { continue }
                try FileManager.default.copyItem(at: corpus.appendingPathComponent(folder), to: source.appendingPathComponent(folder))
            }
        }
        output = project.appendingPathComponent("public")
        var options = BuildOptions(source: source, output: output, projectRoot: project)
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        var queries: [JudgedQuery] = []
        for name in Self.queryFiles {
            let data = try Data(contentsOf: Self.repository.appendingPathComponent("bench/" + name))
            queries += try JSONDecoder().decode([JudgedQuery].self, from: data)
        }
        self.queries = queries
    }
}
