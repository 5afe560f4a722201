// sysctl blocks: every line `key = value`, every key one the kernel has, and keys that
// were removed named with the kernel version that removed them.

enum SysctlVerifier {
    static let tool = "sysctl"

    /// Removed keys → the Linux version that removed them and what to do instead.
    static let removed: [String: String] = [
        "net.ipv4.tcp_tw_recycle": "removed in Linux 4.12; it broke clients behind NAT",
        "net.ipv4.tcp_low_latency": "removed in Linux 4.14 (no effect since 4.14)",
        "net.ipv4.tcp_frto_response": "removed in Linux 3.10",
        "net.ipv4.tcp_dma_copybreak": "removed in Linux 3.13",
        "net.ipv4.route.gc_interval": "removed in Linux 3.6",
        "net.ipv4.ipfrag_secret_interval": "removed in Linux 3.18",
        "net.ipv4.tcp_fack": "removed in Linux 4.15",
        "net.ipv4.tcp_abc": "removed in Linux 3.9",
        "net.ipv4.tcp_max_ssthresh": "removed in Linux 3.9",
        "net.ipv4.tcp_cookie_size": "removed in Linux 3.10",
        "net.ipv4.tcp_thin_dupack": "removed in Linux 4.18",
        "net.core.netdev_tstamp_prequeue_disabled": "never existed; see net.core.netdev_tstamp_prequeue",
        "kernel.sched_migration_cost_ns": "moved to debugfs in Linux 5.13",
        "kernel.sched_min_granularity_ns": "moved to debugfs in Linux 5.13",
        "kernel.sched_wakeup_granularity_ns": "moved to debugfs in Linux 5.13",
        "kernel.sched_latency_ns": "moved to debugfs in Linux 5.13",
        "fs.may_detach_mounts": "removed in RHEL 8 kernels (present only on RHEL/CentOS 7)",
        "vm.nr_pdflush_threads": "removed in Linux 3.5",
    ]

    static func verify(_ script: String) -> [Finding] {
        var findings: [Finding] = []
        for (i, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmedBlanks
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("-") { line.removeFirst() }  // `-key = v`: ignore errors on this key
            guard let eq = line.firstIndex(of: "=") else {
                findings.append(Finding(line: i + 1, .error, tool: tool, "not a `key = value` line: \(line)"))
                continue
            }
            let key = line[..<eq].trimmedBlanks.replacingOccurrences(of: "/", with: ".")
            if let why = removed[key] {
                findings.append(Finding(line: i + 1, .warning, tool: tool, "unknown key \(key) (\(why))"))
            } else if !isKnown(key) {
                findings.append(Finding(line: i + 1, .warning, tool: tool, "unknown key \(key)"))
            }
        }
        return findings
    }

    static func isKnown(_ key: String) -> Bool {
        if SysctlKeys.known.contains(key) { return true }
        // net.ipv4.conf.eth0.rp_filter → net.ipv4.conf.*.rp_filter
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 5, parts[0] == "net", parts[1] == "ipv4" || parts[1] == "ipv6",
           parts[2] == "conf" || parts[2] == "neigh"
        {
            var generic = parts.map(String.init)
            generic[3] = "*"
            return SysctlKeys.known.contains(generic.joined(separator: "."))
        }
        return false
    }
}

import Foundation
