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

    @Test func aPageLoadsLessThan45KBOfCSSAndJavaScript() {
        // (36 KB before the section tree and the copy fallback; Material's are ten times that)
        let bytes = ["css/opsdocs.css", "js/search.js", "js/theme.js", "js/nav.js"].reduce(UIStrings.script.utf8.count) { total, path in
            total + (DefaultTheme.files["static/" + path]?.utf8.count ?? 0)
        }
        #expect(bytes > 10_000 && bytes < 45_000, "\(bytes) bytes")
        let base = DefaultTheme.files["templates/base.mustache"] ?? ""
        #expect(!base.contains("http://") && !base.contains("https://"), "nothing from another host")
    }

    /// WCAG AA (4.5:1) for text colours of both themes, code tokens on the code background.
    @Test(arguments: ["light", "dark"])
    func textColoursMeetContrastAA(theme: String) throws {
        let css = DefaultTheme.files["static/css/opsdocs.css"] ?? ""
        let light = Self.variables(css.components(separatedBy: "@media (prefers-color-scheme: dark)")[0])
        let darkBlock = try #require(css.range(of: ":root[data-theme=\"dark\"] {")).upperBound
        let dark = light.merging(Self.variables(String(css[darkBlock...].prefix { $0 != "}" }))) { _, new in new }
        let colours = theme == "light" ? light : dark
        func check(_ fg: String, on bg: String) throws {
            let ratio = try Self.contrast(#require(colours[fg]), #require(colours[bg]))
            #expect(ratio >= 4.5, "\(theme): --\(fg) on --\(bg) is \(ratio)")
        }
        for fg in ["fg", "muted", "link", "ok", "warn", "err"] { try check(fg, on: "bg"); try check(fg, on: "bg-soft") }
        for token in ["hl-comment", "hl-string", "hl-keyword", "hl-command", "hl-option", "hl-variable", "hl-key",
                      "hl-prompt", "hl-output", "fg"] {
            try check(token, on: "code-bg")
        }
    }

    static func variables(_ css: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in css.components(separatedBy: "--").dropFirst() {
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard pieces.count == 2 else { continue }
            let value = pieces[1].split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("#"), value.count == 7 { out[String(pieces[0])] = value }
        }
        return out
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex.dropFirst(), radix: 16) ?? 0
            let channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (l1, l2) = (luminance(a), luminance(b))
        return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
    }
}
