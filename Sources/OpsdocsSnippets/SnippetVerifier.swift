// Verifies extracted snippets, reusing cached results by content hash: only scripts (or
// tools) that changed since the cache was written start a process.

public enum SnippetVerifier {
    /// Bumped when a built-in verifier changes, so old cached results are not trusted.
    static let builtInVersion = "opsdocs-verifiers-1"

    public struct Result: Sendable {
        public var snippets: [Snippet]
        /// What to keep for next time: the entries this run used.
        public var cache: VerificationCache
        /// External processes (bash, shellcheck) this run started: 0 when everything was cached.
        public var processesStarted: Int
    }

    public static func verify(_ snippets: [Snippet], cache: VerificationCache, tools: ShellTools = .detect()) -> Result {
        var result = snippets
        var newCache = VerificationCache()
        let shellFingerprint = tools.fingerprint
        var shellJobs: [(snippet: Int, key: String, script: String)] = []
        // The same script in many places (copied notes, repeated commands) is verified once.
        var waiting: [String: [Int]] = [:]

        for (i, snippet) in snippets.enumerated() {
            guard let script = snippet.script else { continue }
            // Placeholders (`<token>`) would read as redirections; check a copy with plain words.
            var checked = script
            for placeholder in snippet.placeholders { checked = checked.replacingOccurrences(of: placeholder, with: "PLACEHOLDER") }
            let fingerprint = snippet.kind.isShell ? shellFingerprint : builtInVersion
            let key = VerificationCache.key(kind: snippet.kind, fingerprint: fingerprint, script: checked)
            if let hit = cache.entries[key] {
                newCache.entries[key] = hit
                apply(hit, to: &result[i])
                continue
            }
            let entry: VerificationCache.Entry
            switch snippet.kind {
            case .shell, .console:
                if waiting[key] == nil { shellJobs.append((i, key, checked)) }
                waiting[key, default: []].append(i)
                continue
            case .yaml: entry = .init(findings: YAMLVerifier.verify(checked), tools: ["yaml"])
            case .sysctl: entry = .init(findings: SysctlVerifier.verify(checked), tools: ["sysctl keys"])
            case .dockerfile: entry = .init(findings: DockerfileVerifier.verify(checked), tools: ["dockerfile"])
            case .json: entry = .init(findings: JSONVerifier.verify(checked), tools: ["json"])
            default: continue
            }
            newCache.entries[key] = entry
            apply(entry, to: &result[i])
        }

        var started = 0
        if !shellJobs.isEmpty {
            let (findings, checkers, processes) = ShellVerifier.verify(shellJobs.map(\.script), tools: tools)
            started = processes
            for ((job, found), checked) in zip(zip(shellJobs, findings), checkers) {
                let entry = VerificationCache.Entry(findings: found, tools: checked)
                newCache.entries[job.key] = entry
                for index in waiting[job.key] ?? [job.snippet] { apply(entry, to: &result[index]) }
            }
        }
        return Result(snippets: result, cache: newCache, processesStarted: started)
    }

    private static func apply(_ entry: VerificationCache.Entry, to snippet: inout Snippet) {
        snippet.findings = entry.findings
        snippet.verifiedBy = entry.tools
        if entry.findings.contains(where: { $0.severity == .error }) {
            snippet.status = .error
        } else if !entry.findings.isEmpty {
            snippet.status = .warning
        } else {
            snippet.status = entry.tools.isEmpty ? .unverified : .ok
        }
    }
}
