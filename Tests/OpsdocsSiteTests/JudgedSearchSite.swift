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

    /// Built on first use; later tests of the run share it (the folder is left in the temporary directory).
    static let shared: Result<JudgedSearchSite, any Error> = Result { try JudgedSearchSite() }

    let output: URL
    let queries: [JudgedQuery]

    private init() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-judged-\(UUID().uuidString)")
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
