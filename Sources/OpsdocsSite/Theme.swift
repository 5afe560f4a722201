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
        for rel in folder.map(SiteCompiler.listFiles) ?? [] {
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

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
