// No judged query returns nothing, or leaves its best page out of the top 10, when that page
// holds every word of the query: over every judged query of bench/search-queries*.json, on the
// site they were judged on (JudgedSearchSite). "Holds" is what a reader would check with the
// browser's find: each blank-separated word of the query, case and width folded, in the page's text.

import Foundation
import Testing
@testable import OpsdocsSite
@testable import OpsdocsSearch

@Suite struct SearchRecallTests {
    @Test(.enabled(if: JudgedSearchSite.available, "../shared/corpus or corpus-extra is missing"))
    func aPageHoldingEveryQueryWordIsInTheTop10() throws {
        let site = try JudgedSearchSite.shared.get()
        let engine = try #require(SearchCommand.engine(site: site.output))
        var holding = 0
        for judged in site.queries {
            guard let best = judged.relevant.first, let text = Self.pageText(site.output, best) else { continue }
            let words = Tokenizer.normalise(judged.query).split(whereSeparator: \.isWhitespace)
            guard words.allSatisfy({ text.contains($0) }) else { continue }
            holding += 1
            let pages = engine.search(judged.query).map { $0.url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? $0.url }
            #expect(pages.contains(best.hasSuffix("/") ? best : best + "/"), "\(judged.query) → \(best): \(pages)")
        }
        print("recall: \(holding) judged queries whose best page holds every query word")
        #expect(holding > 200)
    }

    /// The page's article as text: tags dropped, entities read, normalised like a query.
    static func pageText(_ site: URL, _ page: String) -> String? {
        let path = site.appendingPathComponent(page).appendingPathComponent("index.html").path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var html = String(decoding: data, as: UTF8.self)
        if let start = html.range(of: "<article"), let end = html.range(of: "</article>") , start.lowerBound < end.lowerBound {
            html = String(html[start.lowerBound..<end.upperBound])
        }
        let text = html.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return Tokenizer.normalise(text)
    }
}
