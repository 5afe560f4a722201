// Verification results by content hash: a build re-verifies only scripts (or tools) that
// changed. A value: the Site reads and writes it; nothing here touches the disk.

import OpsdocsConfig

public struct VerificationCache: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var findings: [Finding]
        public var tools: [String]
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    static func key(kind: SnippetKind, fingerprint: String, script: String) -> String {
        SHA256.hex("\(kind.rawValue)\u{0}\(fingerprint)\u{0}\(script)")
    }
}
