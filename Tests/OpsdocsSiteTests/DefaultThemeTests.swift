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
        let enumerator = FileManager.default.enumerator(atPath: theme.path)
        while let rel = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = theme.appendingPathComponent(rel).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                onDisk[rel] = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            }
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
