// `{run}` snippets run isolated, or not at all.

import Foundation
import OpsdocsMarkdown
import Testing
@testable import OpsdocsSnippets

@Suite struct SnippetSandboxTests {
    private func snippet(_ markdown: String) -> Snippet {
        let blocks = MarkdownRenderer.render(markdown).codeBlocks
        return SnippetExtractor.extract(SnippetPage(sourcePath: "a.md", displayPath: "content/a.md", url: "a/", tags: [],
                                                    blocks: blocks))[0]
    }

    @Test func refusesWhenItCannotIsolate() {
        #expect(SnippetSandbox(unshare: "/nonexistent/unshare").unavailableReason()?.contains("refusing") == true)
        // A program that exists but cannot make the namespaces (here: always fails).
        #expect(SnippetSandbox(unshare: "/bin/false").unavailableReason()?.contains("refusing") == true)
    }

    static let sandboxWorks = SnippetSandbox().unavailableReason() == nil

    @Test(.enabled(if: sandboxWorks, "user namespaces are not available on this machine"))
    func runsWithoutNetworkOrOurEnvironment() throws {
        let sandbox = SnippetSandbox()
        let s = snippet("```bash {run}\ntail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '\nenv | sort\npwd\n```\n")
        let outcome = sandbox.run(s)
        #expect(outcome.verdict == .passed)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "lo")  // only loopback: no way out
        #expect(!lines.contains { $0.hasPrefix("eth") })
        #expect(lines.contains { $0.hasPrefix("HOME=/") && $0.contains("opsdocs-run-") })
        #expect(!lines.contains { $0.hasPrefix("USER=") || $0.hasPrefix("SSH_") || $0.hasPrefix("CI=") })
    }

    @Test(.enabled(if: sandboxWorks, "user namespaces are not available on this machine"))
    func transcriptOutputIsCompared() throws {
        let sandbox = SnippetSandbox()
        let good = snippet("```console {run}\n$ printf 'a  b\\nx\\ny\\nz\\n'\na b\n...\nz\n```\n")
        #expect(sandbox.run(good).verdict == .passed)
        let bad = snippet("```console {run}\n$ echo hello\nhallo\n```\n")
        let outcome = sandbox.run(bad)
        #expect(outcome.verdict == .mismatch)
        #expect(outcome.diff == ["- hallo", "+ hello"])
        let failing = snippet("```bash {run}\nexit 3\n```\n")
        #expect(sandbox.run(failing).verdict == .failed)
        let slow = SnippetSandbox(timeout: 1).run(snippet("```bash {run}\nsleep 30\n```\n"))
        #expect(slow.verdict == .timedOut)
    }
}
