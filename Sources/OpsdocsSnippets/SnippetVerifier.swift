// Verifies extracted snippets, reusing cached results by content hash: only scripts (or
// tools) that changed since the cache was written start a process.

import OpsdocsConfig

public enum SnippetVerifier {
    /// Bumped when a built-in verifier changes, so old cached results are not trusted.
    static let builtInVersion = "opsdocs-verifiers-3"

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
        // (ShellVerifier's own checks change with opsdocs, the tools' with the tools)
        let shellFingerprint = tools.fingerprint + "|" + builtInVersion
        var shellJobs: [(snippet: Int, key: String, script: String)] = []
        // The same script in many places (copied notes, repeated commands) is verified once.
        var waiting: [String: [Int]] = [:]

        // Keys on all cores: each is the SHA-256 of the script as checked.
        let keys: [(key: String, checked: String)?] = snippets.parallelMap { snippet in
            guard let script = snippet.script else { return nil }
            // Placeholders (`<token>`) would read as redirections; check a copy with plain words.
            // A variable nobody sets (`$DIR`) is shell as it stands, and shellcheck has things to say about it.
            var checked = script
            for placeholder in snippet.placeholders where !placeholder.hasPrefix("$") {
                // (its quotes stay: `JAVA_OPTS="-XX` as `PLACEHOLDER"` still opens a string)
                checked = checked.replacingOccurrences(of: placeholder, with: "PLACEHOLDER" + placeholder.filter { "\"'`".contains($0) })
            }
            let fingerprint = snippet.kind.isShell ? shellFingerprint : builtInVersion
            return (VerificationCache.key(kind: snippet.kind, fingerprint: fingerprint, script: checked), checked)
        }
        var builtInJobs: [(kind: SnippetKind, key: String, checked: String)] = []
        for (i, snippet) in snippets.enumerated() {
            guard let (key, checked) = keys[i] else { continue }
            if let hit = cache.entries[key] {
                newCache.entries[key] = hit
                apply(hit, to: &result[i])
                continue
            }
            switch snippet.kind {
            case .shell, .console:
                if waiting[key] == nil { shellJobs.append((i, key, checked)) }
            case .yaml, .sysctl, .dockerfile, .json:
                if waiting[key] == nil { builtInJobs.append((snippet.kind, key, checked)) }
            default: continue
            }
            waiting[key, default: []].append(i)
        }
        // The built-in verifiers run in this process, on all cores.
        let builtIn: [VerificationCache.Entry?] = builtInJobs.parallelMap { job in
            switch job.kind {
            case .yaml: return .init(findings: YAMLVerifier.verify(job.checked), tools: ["yaml"])
            case .sysctl: return .init(findings: SysctlVerifier.verify(job.checked), tools: ["sysctl keys"])
            case .dockerfile: return .init(findings: DockerfileVerifier.verify(job.checked), tools: ["dockerfile"])
            case .json: return .init(findings: JSONVerifier.verify(job.checked), tools: ["json"])
            default: return nil
            }
        }
        for (job, entry) in zip(builtInJobs, builtIn) {
            guard let entry else { continue }
            newCache.entries[job.key] = entry
            for index in waiting[job.key] ?? [] { apply(entry, to: &result[index]) }
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
