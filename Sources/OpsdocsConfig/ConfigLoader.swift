// Reads `opsdocs.toml` into a SiteConfig. Unknown keys and wrong types are warnings
// (the default is kept), so a typo never stops a build; a file that is not TOML is an error.

import TOMLKit

public enum ConfigLoader {
    public static let knownTopLevel: Set<String> = [
        "title", "baseURL", "base_url", "languageCode", "language", "author", "description",
        "taxonomies", "markdown", "home", "feed",
    ]

    /// Parses TOML text. `path` only names the file in diagnostics.
    public static func parse(_ text: String, path: String) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let diag = Diagnostic.error(path, line: error.source.begin.line, column: error.source.begin.column,
                                        kind: "config", "invalid TOML: \(error.description)")
            return (config, [diag])
        } catch {
            return (config, [.error(path, kind: "config", "invalid TOML: \(error)")])
        }

        func lineOf(_ key: String) -> Int { lineNumber(ofKey: key, in: text) }
        func warnType(_ key: String, _ expected: String) {
            diagnostics.append(.warning(path, line: lineOf(key), kind: "config",
                                        "`\(key)` should be \(expected); using the default"))
        }
        func string(_ key: String, _ apply: (String) -> Void) {
            guard let value = table[key] else { return }
            if let s = value.string { apply(s) } else { warnType(key, "a string") }
        }

        for key in table.keys.sorted() where !knownTopLevel.contains(key) {
            diagnostics.append(.warning(path, line: lineOf(key), kind: "config", "unknown key `\(key)` (ignored)"))
        }
        string("title") { config.title = $0 }
        string("baseURL") { config.baseURL = $0 }
        string("base_url") { config.baseURL = $0 }
        string("language") { config.language = $0 }
        string("languageCode") { config.language = $0 }
        string("author") { config.author = $0 }
        string("description") { config.description = $0 }

        if let value = table["taxonomies"] {
            if let taxa = value.table {
                config.taxonomies = taxa.keys.sorted().compactMap { singular in
                    guard let plural = taxa[singular]?.string, !plural.isEmpty else {
                        warnType("taxonomies.\(singular)", "a string (the front matter key)")
                        return nil
                    }
                    // The name is a folder of the site: one plain segment, not a page opsdocs makes.
                    let plain = plural.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                    let generated: Set<String> = ["archive", "search", "snippets", "css", "js", "404.html", "index.html"]
                    guard plain, !generated.contains(plural.lowercased()), plural.utf8.count <= 100 else {
                        diagnostics.append(.error(path, line: lineOf("taxonomies.\(singular)"), kind: "config",
                                                  "taxonomy name `\(plural)` must be one plain word (letters, digits, - _) "
                                                      + "that is not a folder opsdocs writes (archive, search, snippets, css, js)"))
                        return nil
                    }
                    return SiteConfig.Taxonomy(singular: singular, plural: plural)
                }
            } else {
                warnType("taxonomies", "a table like `tag = \"tags\"`")
            }
        }

        for (key, value) in section("markdown", in: table, known: ["unsafe", "footnotes", "remote_images"], path: path,
                                    text: text, diagnostics: &diagnostics) {
            if key == "remote_images" {
                switch value.string {
                case "link": config.remoteImagesAsLinks = true
                case "load": config.remoteImagesAsLinks = false
                default: warnType("markdown.remote_images", "\"link\" or \"load\"")
                }
                continue
            }
            guard let flag = value.bool else { warnType("markdown.\(key)", "true or false"); continue }
            if key == "unsafe" { config.unsafeHTML = flag } else { config.footnotes = flag }
        }
        for (key, value) in section("home", in: table, known: ["limit"], path: path, text: text, diagnostics: &diagnostics) {
            guard let n = value.int, n >= 0 else { warnType("home.\(key)", "a whole number"); continue }
            config.homeLimit = n
        }
        for (key, value) in section("feed", in: table, known: ["limit"], path: path, text: text, diagnostics: &diagnostics) {
            guard let n = value.int, n >= 0 else { warnType("feed.\(key)", "a whole number"); continue }
            config.feedLimit = n
        }
        return (config, diagnostics)
    }

    /// The known keys of table `name`, in key order; unknown keys become warnings.
    private static func section(
        _ name: String, in table: TOMLTable, known: Set<String>, path: String, text: String,
        diagnostics: inout [Diagnostic]
    ) -> [(String, TOMLValueConvertible)] {
        guard let value = table[name] else { return [] }
        guard let sub = value.table else {
            diagnostics.append(.warning(path, line: lineNumber(ofKey: name, in: text), kind: "config",
                                        "`\(name)` should be a table (`[\(name)]`); ignored"))
            return []
        }
        var found: [(String, TOMLValueConvertible)] = []
        for key in sub.keys.sorted() {
            guard known.contains(key), let v = sub[key] else {
                diagnostics.append(.warning(path, line: lineNumber(ofKey: key, in: text), kind: "config",
                                            "unknown key `\(name).\(key)` (ignored)"))
                continue
            }
            found.append((key, v))
        }
        return found
    }

    /// TOMLKit does not keep positions of keys; find the first line that assigns `key`
    /// so a warning still points at the right place.
    static func lineNumber(ofKey key: String, in text: String) -> Int {
        let bare = key.split(separator: ".").last.map(String.init) ?? key
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(bare + " ") || trimmed.hasPrefix(bare + "=") || trimmed.hasPrefix("[\(bare)]") {
                return i + 1
            }
        }
        return 1
    }
}
