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
            // A variable nobody sets (`$DIR`) is shell as it stands, and shellcheck has things to say about it.
            var checked = script
            for placeholder in snippet.placeholders where !placeholder.hasPrefix("$") {
                checked = checked.replacingOccurrences(of: placeholder, with: "PLACEHOLDER")
            }
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
            // Runbooks repeat one command per node (`ssh root@10.0.0.7 …`, `kubectl get node node-7`):
            // scripts that differ only in their digits (same positions, same lengths) and use no
            // variables parse and check alike, so one of each shape goes to bash and shellcheck.
            // Its findings are shared only when no message mentions a digit; otherwise every
            // script of the shape is checked on its own.
            var representative: [String: Int] = [:]
            var firsts: [Int] = []
            var shapeOf: [Int] = []
            for (i, job) in shellJobs.enumerated() {
                guard let shape = Self.shape(job.script) else { shapeOf.append(firsts.count); firsts.append(i); continue }
                if let known = representative[shape] { shapeOf.append(known); continue }
                representative[shape] = firsts.count
                shapeOf.append(firsts.count)
                firsts.append(i)
            }
            let (findings, checkers, processes) = ShellVerifier.verify(firsts.map { shellJobs[$0].script }, tools: tools)
            started = processes
            var own: [Int] = []
            var entries = [VerificationCache.Entry?](repeating: nil, count: shellJobs.count)
            for (i, group) in shapeOf.enumerated() {
                let found = findings[group]
                if firsts[group] == i || !found.contains(where: { $0.message.contains(where: \.isNumber) }) {
                    entries[i] = VerificationCache.Entry(findings: found, tools: checkers[group])
                } else {
                    own.append(i)
                }
            }
            if !own.isEmpty {
                let (ownFindings, ownCheckers, more) = ShellVerifier.verify(own.map { shellJobs[$0].script }, tools: tools)
                started += more
                for (position, i) in own.enumerated() {
                    entries[i] = VerificationCache.Entry(findings: ownFindings[position], tools: ownCheckers[position])
                }
            }
            for (job, entry) in zip(shellJobs, entries) {
                guard let entry else { continue }
                newCache.entries[job.key] = entry
                for index in waiting[job.key] ?? [job.snippet] { apply(entry, to: &result[index]) }
            }
        }
        return Result(snippets: result, cache: newCache, processesStarted: started)
    }

    /// The script with every digit as `0`, when it uses no variables, substitutions or globs
    /// whose meaning could depend on the digits; nil otherwise (the script is its own shape).
    static func shape(_ script: String) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(script.utf8.count)
        for byte in script.utf8 {
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: "[") { return nil }
            out.append(byte >= 0x30 && byte <= 0x39 ? 0x30 : byte)
        }
        return String(decoding: out, as: UTF8.self)
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
