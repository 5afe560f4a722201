// The theme's own shortcodes, Zola's model: `theme/shortcodes/NAME.mustache` renders every
// `{{< NAME … >}}` of the notes (a name the default handling knows, `callout` say, included:
// the theme's wins). The Markdown stage leaves a marker per call (ShortcodeCall); this
// replaces each marker with the template's output. A template sees `args` (the positional
// arguments), each `key="value"` argument as `key`, `name`, and for a paired call `body`:
// the inner Markdown already rendered (`{{{body}}}`). Arguments come from the notes, so
// `{{key}}` escapes them; only a template that writes `{{{key}}}` opts out.

import Foundation
import Mustache
import OpsdocsConfig
import OpsdocsMarkdown

struct ShortcodeTemplates: Sendable {
    let library: MustacheLibrary
    /// Names with a template that parsed.
    let names: Set<String>

    static let none = ShortcodeTemplates(library: MustacheLibrary(), names: [])

    /// `theme/shortcodes/**/*.mustache` (a name may hold `/`: `blocks/section`); syntax errors
    /// are diagnostics at the template's line, and that shortcode is then left to the default handling.
    static func load(from theme: URL?, displayFolder: String) -> (ShortcodeTemplates, [Diagnostic]) {
        guard let theme else { return (.none, []) }
        let folder = theme.appendingPathComponent("shortcodes")
        var library = MustacheLibrary()
        var names: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for rel in SiteCompiler.listFiles(folder) where rel.hasSuffix(".mustache") {
            let shown = "\(displayFolder)/shortcodes/\(rel)"
            let name = String(rel.dropLast(".mustache".count)).lowercased()
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(rel).path),
                  let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(.error(shown, kind: "template", "shortcode template is not valid UTF-8"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(shown, line: error.context.lineNumber, column: error.context.columnNumber,
                                          kind: "template", "shortcode template syntax error: \(error.error)"))
            } catch {
                diagnostics.append(.error(shown, kind: "template", "shortcode template syntax error: \(error)"))
            }
        }
        return (ShortcodeTemplates(library: library, names: names), diagnostics)
    }

    /// `html` with every call's marker (a paired call's markers and what is between them)
    /// replaced by its template's output.
    func expand(_ html: String, calls: [ShortcodeCall]) -> String {
        guard !calls.isEmpty else { return html }
        var out = html
        // Last call first: a paired call's body holds the calls after it already expanded.
        for index in calls.indices.reversed() {
            let call = calls[index]
            guard let start = out.range(of: MarkdownRenderer.shortcodeMarker(index))
                ?? out.range(of: MarkdownRenderer.inlineShortcodeMarker(index)) else { continue }
            var replaced = start
            var body = ""
            if call.paired, let end = out.range(of: MarkdownRenderer.shortcodeEndMarker(index), range: start.upperBound..<out.endIndex) {
                body = String(out[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)
                replaced = start.lowerBound..<end.upperBound
            }
            var context: [String: Any] = [:]
            for (key, value) in call.named { context[key] = value }
            context["args"] = call.positional
            context["name"] = call.name
            context["body"] = body
            // (a template file ends with a newline, which inside a sentence would be a space)
            let rendered = (library.render(context, withTemplate: call.name) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            out.replaceSubrange(replaced, with: rendered)
        }
        return out
    }
}
