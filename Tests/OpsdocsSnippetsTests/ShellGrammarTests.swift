// ShellGrammar lets a script skip `bash -n` only when it can prove bash parses it. Held to
// bash itself: every fenced block of the corpora it calls plainly valid, and thousands of
// mutations of them, must pass `bash -n`; the scripts it hands to bash are listed below.

import Foundation
import OpsdocsMarkdown
import Testing
@testable import OpsdocsSnippets

@Suite struct ShellGrammarTests {
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    static func bashAccepts(_ script: String) -> Bool {
        ProcessRunner.run("/bin/bash", ["-n"], stdin: Array(script.utf8), environment: [:], timeout: 10)?.status == 0
    }

    @Test(arguments: [
        "kubectl get pods -n kube-system -o wide\n",
        "systemctl daemon-reload && systemctl enable --now kubelet\n",
        "ssh root@10.0.0.1 'hostnamectl set-hostname master-01'\n",
        "echo \"net.ipv4.ip_forward = 1\" >> /etc/sysctl.conf 2>&1\n",
        "docker run -d --name web \\\n  -p 80:80 \\\n  nginx:1.25   # 启动\n",
        "A=1 B=2 env | grep -E 'A|B' || true\n",
        "export KUBECONFIG=/etc/kubernetes/admin.conf; kubectl get nodes &\n",
        "curl -sSL https://example.com/install.sh |\n  bash -s -- --version 1.2\n",
        "cat /etc/hosts >&2\nexec 3<>/tmp/x\n",
    ])
    func simpleCommandsAreProven(script: String) {
        #expect(ShellGrammar.isPlainlyValid(script))
        #expect(Self.bashAccepts(script))
    }

    @Test(arguments: [
        "if true; then\n  echo x\n", "for i in 1 2; do echo $i; done\n", "echo $(hostname)\n", "echo `date`\n",
        "echo ${HOME}\n", "cat <<EOF\nx\nEOF\n", "f() { echo; }\n", "[[ -f x ]] && echo\n", "echo 'open\n",
        "echo a |\n", "&& echo\n", "echo a ;;\n", "echo >\n", "(cd /tmp)\n", "echo a \\", "diff <(ls) <(ls)\n",
        "a=(1 2)\n", "ARRAY[INDEX=value\n", "A[\"x y\"]=1 cmd\n", "echo \"$(id)\"\n", "{ echo; }\n", "fi\n", "echo $'a\\tb'\n", "echo $[2+2\n", "cat <| x\n",
    ])
    func anythingElseGoesToBash(script: String) {
        #expect(!ShellGrammar.isPlainlyValid(script))
    }

    /// Every fenced block of the corpora, as written and as extracted.
    static func corpusScripts() -> [String] {
        var out: [String] = []
        for folder in ["corpus", "corpus-extra"] {
            let root = shared.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let rel = files.nextObject() as? String {
                guard rel.hasSuffix(".md"), let text = try? String(contentsOf: root.appendingPathComponent(rel), encoding: .utf8)
                else { continue }
                let blocks = MarkdownRenderer.render(text).codeBlocks
                out += blocks.map(\.code)
                let page = SnippetPage(sourcePath: rel, displayPath: rel, url: rel, tags: [], blocks: blocks)
                out += SnippetExtractor.extract(page).compactMap(\.script)
            }
        }
        return out
    }

    @Test func neverProvesAScriptBashRejects() throws {
        let scripts = Self.corpusScripts()
        guard !scripts.isEmpty else {
            print("skipped: ../shared/corpus is not beside the repository")
            return
        }
        // Mutations: each proven script with one character of shell syntax inserted or one removed.
        var candidates = scripts
        var generator = SplitMix(seed: 20261201)
        let syntax = Array("|&;<>()'\"\\`${}#\n ")
        for script in scripts where ShellGrammar.isPlainlyValid(script) && !script.isEmpty {
            let characters = Array(script)
            for _ in 0..<4 {
                var mutated = characters
                let position = Int(generator.next() % UInt64(mutated.count))
                if generator.next() % 2 == 0 {
                    mutated.insert(syntax[Int(generator.next() % UInt64(syntax.count))], at: position)
                } else {
                    mutated.remove(at: position)
                }
                candidates.append(String(mutated))
            }
        }
        let proven = candidates.filter(ShellGrammar.isPlainlyValid)
        let rejected = proven.parallelMap { Self.bashAccepts($0) ? nil : $0 }.compactMap { $0 }
        print("ShellGrammar: \(scripts.count) corpus scripts, \(scripts.filter(ShellGrammar.isPlainlyValid).count) proven; "
            + "\(candidates.count - scripts.count) mutations, \(proven.count) proven in all, \(rejected.count) rejected by bash")
        #expect(proven.count > 1000)
        #expect(rejected.count == 0, "bash -n rejects: \(rejected.prefix(3))")
    }
}

/// A small seeded generator, so the mutations are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
