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
        var texts: [String: (text: String, display: String)] = [:]
        for (path, text) in DefaultTheme.files { texts[path] = (text, "<default theme>/\(path)") }
        var diagnostics: [Diagnostic] = []
        var staticOverrides: [String: Data] = [:]  // binary-safe copies of the site's static files
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            let enumerator = FileManager.default.enumerator(atPath: folder.path)
            var found: [String] = []
            while let rel = enumerator?.nextObject() as? String { found.append(rel) }
            for rel in found.sorted() where !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                var isDirectory: ObjCBool = false
                let url = folder.appendingPathComponent(rel)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = FileManager.default.contents(atPath: url.path)
                else { continue }
                let shown = displayFolder + "/" + rel
                if rel.hasPrefix("templates/") {
                    guard let text = String(data: data, encoding: .utf8) else {
                        diagnostics.append(.error(shown, kind: "template", "template is not valid UTF-8"))
                        continue
                    }
                    texts[rel] = (text, shown)
                } else if rel.hasPrefix("static/") {
                    texts[rel] = (String(decoding: data, as: UTF8.self), shown)
                    staticOverrides[rel] = data
                }
            }
        }
        var library = MustacheLibrary()
        for name in templateNames {
            guard let entry = texts["templates/\(name).mustache"] else { continue }
            do {
                library.register(try MustacheTemplate(string: entry.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(entry.display, line: error.context.lineNumber, column: error.context.columnNumber,
                                          kind: "template", "template syntax error: \(error.error)"))
            } catch {
                diagnostics.append(.error(entry.display, kind: "template", "template syntax error: \(error)"))
            }
        }
        var statics: [String: Data] = [:]
        for (path, entry) in texts where path.hasPrefix("static/") {
            statics[String(path.dropFirst("static/".count))] = staticOverrides[path] ?? Data(entry.text.utf8)
        }
        return (Theme(library: library, staticFiles: statics), diagnostics)
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
