// Inputs the fuzzers (bench/fuzz.sh) found, kept as cases: Tests/Fixtures/fuzz/<target>-*.
// Each must now pass the property its fuzz target checks.

import Foundation
import Testing
@testable import OpsdocsMarkdown

@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    @Test func highlightingNeverChangesTheText() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasPrefix("highlighter-") }
        #expect(!names.isEmpty)
        for name in names {
            let code = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(name)), as: UTF8.self)
            for language in ["bash", "console", "yaml", "dockerfile", "ini", "sysctl", "json", "toml", "go", "python",
                             "nginx", "diff", "hcl"] {
                guard let html = SyntaxHighlighter.highlight(code, language: language) else { continue }
                let back = HTMLEscaping.text(ofMarkup: html)
                if back != code {
                    let a = Array(back), b = Array(code)
                    let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                    let got = String(a[max(0, at - 20)..<min(a.count, at + 20)])
                    let want = String(b[max(0, at - 20)..<min(b.count, at + 20)])
                    Issue.record("\(name) as \(language): text differs at \(at): …\(got)… vs …\(want)…")
                }
            }
        }
    }
}
