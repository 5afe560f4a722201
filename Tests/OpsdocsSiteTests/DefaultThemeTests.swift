// The theme compiled into the binary must be the one in theme/ (scripts/embed-theme.py).

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct DefaultThemeTests {
    @Test func embeddedThemeMatchesThemeFolder() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let theme = repo.appendingPathComponent("theme")
        var onDisk: [String: String] = [:]
        for rel in SiteCompiler.listFiles(theme) {
            onDisk[rel] = String(decoding: try Data(contentsOf: theme.appendingPathComponent(rel)), as: UTF8.self)
        }
        #expect(Set(onDisk.keys) == Set(DefaultTheme.files.keys), "run `make theme`")
        for (path, text) in onDisk { #expect(DefaultTheme.files[path] == text, "\(path) changed: run `make theme`") }
    }

    @Test func everyTemplateParses() {
        let (theme, diagnostics) = Theme.load(overrides: nil, displayFolder: "theme")
        #expect(diagnostics.isEmpty)
        for name in Theme.templateNames { #expect(theme.library.getTemplate(named: name) != nil) }
    }
}
