// Search as you type: each judged query typed one keystroke at a time over ../shared/corpus.
// Whenever the last word typed (three characters or more) starts a word of the notes, results
// show. (SearchEngineTests: a word typed out in full is searched as itself.)

import Foundation
import Testing
@testable import OpsdocsSite
@testable import OpsdocsSearch

@Suite struct SearchPrefixTests {
    static let corpus = SearchParityTests.corpus

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path), "../shared/corpus is missing"))
    func everyKeystrokeOfTheJudgedQueriesShowsResultsOnceItsLastWordStartsAWord() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-prefix-\(UUID().uuidString)")
        let output = project.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        var options = BuildOptions(source: Self.corpus, output: output, projectRoot: project)
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        let engine = try #require(SearchCommand.engine(site: output))

        // Every start (three characters or more) of every indexed word.
        var starts = Set<String>()
        let shards = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search/shards").path)
        for file in shards {
            let data = try Data(contentsOf: output.appendingPathComponent("search/shards/" + file))
            for word in try JSONDecoder().decode([String: [Int]].self, from: data).keys where word.unicodeScalars.first?.isASCII == true {
                var start = ""
                for ch in word {
                    start.append(ch)
                    if start.count >= 3 { starts.insert(start) }
                }
            }
        }
        struct Judged: Decodable { var query: String }
        var queries: [String] = []
        for name in ["search-queries.json", "search-queries-tuning.json", "search-queries-heldout.json"] {
            let data = try Data(contentsOf: SearchParityTests.repository.appendingPathComponent("bench/" + name))
            queries += try JSONDecoder().decode([Judged].self, from: data).map(\.query)
        }
        #expect(queries.count >= 250)
        var checked = 0, completed = 0
        for query in queries {
            var typed = ""
            for ch in query {
                typed.append(ch)
                guard !ch.isWhitespace, let last = Tokenizer.queryTerms(typed).last,
                      SearchEngine.isBeingTyped(last, in: typed, keyLength: 3), starts.contains(last) else { continue }
                checked += 1
                if !engine.search(typed).isEmpty { completed += 1 } else { Issue.record("no results for \(typed)") }
            }
        }
        print("prefix: \(checked) keystrokes whose last word starts a word of the notes, \(completed) with results")
        #expect(checked > 500)
    }
}
