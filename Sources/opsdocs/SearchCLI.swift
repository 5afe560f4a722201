// `opsdocs search "query"`: answers from the site's search index with the browser's ranking.

import ArgumentParser
import Foundation
import OpsdocsSite

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search the notes (Chinese, English, identifiers, flags).")

    @Argument(parsing: .allUnrecognized,
              help: "What to look for, e.g. \"证书过期\", \"kubeadm upgrade\", net.ipv4.tcp_tw_reuse, --leader-elect.")
    var words: [String]
    @Option(help: "A built site folder to read search/ from.") var site = "public"
    @Option(help: "Build this source folder in memory and search it instead of --site.") var source: String?
    @Option(help: "Number of pages to show.") var limit = 10
    @Option(help: "Skip this many pages first (--offset 10 shows results 11–20).") var offset = 0
    @Flag(help: "Print the results as JSON.") var json = false

    var query: String { words.joined(separator: " ") }

    func run() throws {
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            Terminal.error("opsdocs: what should I search for? e.g. opsdocs search \"etcd 备份\"")
            throw ExitCode(2)
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let engine: SearchEngine?
        if let source {
            let options = BuildOptions(source: URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL,
                                       output: cwd.appendingPathComponent("public"), projectRoot: cwd, sourceDisplay: source)
            engine = SearchCommand.engine(building: options)
        } else {
            engine = SearchCommand.engine(site: URL(fileURLWithPath: site, relativeTo: cwd))
        }
        guard let engine else {
            Terminal.error("opsdocs: no search index in \(site)/search (run `opsdocs build`, or use --source DIR)")
            throw ExitCode(2)
        }
        let page = engine.page(query, limit: limit, offset: offset)
        let results = page.results
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        if page.totalPages == 0 { print("no results for \(query)") }
        else if results.isEmpty { print("\(page.totalPages) pages match \(query); none after --offset \(offset)") }
        else {
            let shown = "\(offset + 1)–\(offset + results.count)"
            let more = offset + results.count < page.totalPages ? " (--offset \(offset + results.count) for more)" : ""
            print("\(page.totalPages) pages match \(query): \(shown) shown\(more)")
        }
        for (i, r) in results.enumerated() {
            let title = r.heading.isEmpty ? r.pageTitle : "\(r.pageTitle) › \(r.heading)"
            let more = r.moreSections > 0 ? "  (+\(r.moreSections) more sections)" : ""
            print("\(offset + i + 1). \(title)\(more)\n   /\(r.url)\n   \(Self.marked(r))")
        }
    }

    /// The excerpt with its marked words in bold on a terminal (plain when piped or NO_COLOR).
    static func marked(_ result: SearchResult) -> String {
        guard Terminal.colourOnStdout else { return result.excerpt }
        let scalars = Array(result.excerpt.unicodeScalars)
        var out = String.UnicodeScalarView(), at = 0
        for mark in result.marks where mark.count == 2 && mark[0] >= at && mark[1] <= scalars.count && mark[0] < mark[1] {
            out.append(contentsOf: scalars[at..<mark[0]])
            out.append(contentsOf: "\u{1B}[1m".unicodeScalars)
            out.append(contentsOf: scalars[mark[0]..<mark[1]])
            out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            at = mark[1]
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }
}
