// Verification results by content hash: a build re-verifies only scripts (or tools) that
// changed. A value: the Site reads and writes it; nothing here touches the disk.

import OpsdocsConfig

public struct VerificationCache: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var findings: [Finding]
        public var tools: [String]
    }

    public var entries: [String: Entry]
    /// Headings' runs of Chinese transliterated for snippet ids (SnippetID.transliterations), kept
    /// by `opsdocs snippets`, which has no build state to keep them in: a warm run makes no ICU
    /// call for headings it knew. (nil, and not written, in a build's cache: its state keeps them.)
    public var transliterations: [String: String]?

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    static func key(kind: SnippetKind, fingerprint: String, script: String) -> String {
        SHA256.hex("\(kind.rawValue)\u{0}\(fingerprint)\u{0}\(script)")
    }
}
