// The info string of a fence: `bash title="install.sh" {#install-repo skip run}`.
// The first word is the label; `{…}` holds opsdocs attributes: `#id`, `skip`, `run`.

public struct InfoString: Sendable, Equatable {
    public var label: String
    /// Explicit snippet id from `{#id}`.
    public var id: String?
    /// `{skip}`: keep the block out of snippet files.
    public var skip: Bool
    /// `{run}`: execute it with `opsdocs snippets --run`.
    public var run: Bool

    public init(_ raw: String) {
        var label = ""
        var id: String?
        var skip = false, run = false
        var rest = Substring(raw.trimmingCharacters(in: .whitespaces))
        // Label: up to white space, `{` or `,`; `{.bash}` (Pandoc style) also names the label.
        let end = rest.firstIndex { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," } ?? rest.endIndex
        label = String(rest[..<end])
        rest = rest[end...]
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            for word in rest[rest.index(after: open)..<close].split(whereSeparator: { $0 == " " || $0 == "," }) {
                if word.hasPrefix("#"), word.count > 1 {
                    id = String(word.dropFirst())
                } else if word == "skip" || word == ".skip" {
                    skip = true
                } else if word == "run" || word == ".run" {
                    run = true
                } else if word.hasPrefix("."), label.isEmpty {
                    label = String(word.dropFirst())
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        self.label = label.lowercased()
        self.id = id.flatMap { SnippetID.isValid($0) ? $0 : nil }
        self.skip = skip
        self.run = run
    }
}

import Foundation
