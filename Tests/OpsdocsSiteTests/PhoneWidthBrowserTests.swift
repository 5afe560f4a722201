// At a phone's width (390 px) no page of the corpus site scrolls sideways: long URLs and
// `A/B/C/D` words wrap, code and tables scroll inside their own box (bench/overflow-browser.py).

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct PhoneWidthBrowserTests {
    struct Report: Decodable {
        struct Wide: Decodable { var page: String; var scrollWidth: Int; var widest: String? }
        var pages: Int
        var wide: [Wide]
    }

    @Test(.enabled(if: SearchBrowserTests.available && JudgedSearchSite.available,
                   "chromium-driver, python3-selenium or ../shared/corpus(-extra) missing"))
    func noPageOfTheCorpusSiteScrollsSidewaysAt390Pixels() throws {
        let site = try JudgedSearchSite.shared.get()
        let script = SearchBrowserTests.repository.appendingPathComponent("bench/overflow-browser.py").path
        let run = try #require(ProcessRunner.run("/usr/bin/python3", [script, site.output.path, "390"], timeout: 900))
        #expect(run.status == 0, "\(run.stderrText)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdoutText.utf8))
        #expect(report.pages > 500)
        #expect(report.wide.isEmpty, "\(report.wide.prefix(5).map { "\($0.page) \($0.scrollWidth)px \($0.widest ?? "")" })")
    }
}
