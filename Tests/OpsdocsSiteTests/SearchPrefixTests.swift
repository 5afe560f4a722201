// Search as you type: each judged query typed one keystroke at a time over the site it was
// judged on (JudgedSearchSite).
// Whenever the last word typed (three characters or more) starts a word of the notes, results
// show. (SearchEngineTests: a word typed out in full is searched as itself.)

import Foundation
import Testing
@testable import OpsdocsSite
@testable import OpsdocsSearch

@Suite struct SearchPrefixTests {
    @Test(.enabled(if: JudgedSearchSite.available, "../shared/corpus or corpus-extra is missing"))
    func everyKeystrokeOfTheJudgedQueriesShowsResultsOnceItsLastWordStartsAWord() throws {
        let site = try JudgedSearchSite.shared.get()
        let output = site.output
        let engine = try #require(SearchCommand.engine(site: output))

        // Every start (three characters or more) of every indexed word.
        var starts = Set<String>(), words = Set<String>()
        let shards = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("search/shards").path)
        for file in shards {
            let data = try #require(Gzip.decompress(try Data(contentsOf: output.appendingPathComponent("search/shards/" + file))))
            for word in try JSONDecoder().decode([String: [Int]].self, from: data).keys where word.unicodeScalars.first?.isASCII == true {
                words.insert(word)
                var start = ""
                for ch in word {
                    start.append(ch)
                    if start.count >= 3 { starts.insert(start) }
                }
            }
        }
        let queries = site.queries.map(\.query)
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
        // Typed to the end, the list is the full query's (a blank after it: no word still being
        // typed) whenever its last word is a word of the notes.
        var finals = 0
        for query in queries {
            guard let last = Tokenizer.queryTerms(query).last, words.contains(last) else { continue }
            finals += 1
            #expect(engine.search(query).map(\.url) == engine.search(query + " ").map(\.url), "\(query)")
        }
        #expect(finals > 150)
    }
}
