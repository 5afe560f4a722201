// The theme a build renders with: the default theme compiled into the binary, with any file
// of the site's own `theme/` folder replacing the default file of the same path.

import Foundation
import Mustache
import OpsdocsConfig

struct Theme: Sendable {
    static let templateNames = ["base", "page", "list", "archive", "taxonomy", "404", "search"]

    let library: MustacheLibrary
    /// Site-relative path → bytes of every static file (`css/opsdocs.css`).
    let staticFiles: [String: Data]

    /// Loads the theme; template syntax errors are diagnostics at the template's line.
    static func load(overrides folder: URL?, displayFolder: String) -> (Theme, [Diagnostic]) {
        // Templates as text (with where they came from, for diagnostics); static files as bytes.
        var templates: [String: (text: String, display: String)] = [:]
        var statics: [String: Data] = [:]
        for (path, text) in DefaultTheme.files {
            if path.hasPrefix("templates/") { templates[path] = (text, "<default theme>/\(path)") }
            if path.hasPrefix("static/") { statics[String(path.dropFirst("static/".count))] = Data(text.utf8) }
        }
        var diagnostics: [Diagnostic] = []
        for rel in folder.map({ SiteCompiler.listFiles($0) }) ?? [] {
            guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent(rel).path)
            else { continue }
            let shown = displayFolder + "/" + rel
            if rel.hasPrefix("templates/") {
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error(shown, kind: "template", "template is not valid UTF-8"))
                    continue
                }
                templates[rel] = (text, shown)
            } else if rel.hasPrefix("static/") {
                statics[String(rel.dropFirst("static/".count))] = data
            }
        }
        // A template that includes or extends itself, directly or through others, would recurse
        // until the stack runs out (a crash, not an error): such a cycle is an error, and the
        // default theme's templates are used for it.
        for cycle in Self.cycles(templates) {
            for name in cycle {
                let key = "templates/\(name).mustache"
                guard let entry = templates[key] else { continue }
                let line = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { Self.references(in: String($0)).contains { cycle.contains($0) } }.map { $0 + 1 } ?? 1
                diagnostics.append(.error(entry.display, line: line, kind: "template",
                                          "template `\(name)` includes itself (\((cycle + [cycle[0]]).joined(separator: " → "))); "
                                              + "the default template is used"))
                if let original = DefaultTheme.files[key] { templates[key] = (original, "<default theme>/\(key)") }
            }
        }
        var library = MustacheLibrary()
        for name in templateNames {
            guard let entry = templates["templates/\(name).mustache"] else { continue }
            do {
                library.register(try MustacheTemplate(string: entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(entry.display, line: error.context.lineNumber, column: error.context.columnNumber,
                                          kind: "template", "template syntax error: \(error.error)"))
            } catch {
                diagnostics.append(.error(entry.display, kind: "template", "template syntax error: \(error)"))
            }
        }
        return (Theme(library: library, staticFiles: statics), diagnostics)
    }

    /// Names a template pulls in: partials `{{> name}}` and parents `{{< name}}`.
    static func references(in text: String) -> [String] {
        var out: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let mark = rest.first, mark == ">" || mark == "<" else { continue }
            let name = rest.dropFirst().prefix { $0 != "}" }.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { out.append(name) }
        }
        return out
    }

    /// Every cycle of template references, each as the names in it (in order, from the smallest).
    static func cycles(_ templates: [String: (text: String, display: String)]) -> [[String]] {
        var edges: [String: [String]] = [:]
        for (key, entry) in templates where key.hasPrefix("templates/") && key.hasSuffix(".mustache") {
            let name = String(key.dropFirst("templates/".count).dropLast(".mustache".count))
            edges[name] = references(in: entry.text)
        }
        var found: Set<[String]> = []
        func visit(_ name: String, _ path: [String]) {
            if let start = path.firstIndex(of: name) {
                var cycle = Array(path[start...])
                if let smallest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                    cycle = Array(cycle[smallest...] + cycle[..<smallest])
                }
                found.insert(cycle)
                return
            }
            guard path.count < 32 else { return }
            for next in edges[name] ?? [] where edges[next] != nil { visit(next, path + [name]) }
        }
        for name in edges.keys.sorted() { visit(name, []) }
        return found.sorted { $0.joined() < $1.joined() }
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
