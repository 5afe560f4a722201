// Snippets of a page: ids, lines, placeholders, files, the manifest, and the cache.

import Foundation
import OpsdocsConfig
import OpsdocsMarkdown
import Testing
@testable import OpsdocsSnippets

@Suite struct SnippetExtractorTests {
    static let note = """
    # 内核调优

    ## tcp 相关

    ```shell
    net.ipv4.tcp_tw_reuse = 1
    net.ipv4.tcp_tw_recycle = 1
    ```

    ## 安装

    ```console
    [root@master-01 ~]# cd /opt
    [root@master-01 ~]# rm -rf $DIR/*
    [root@master-01 ~]# kubeadm join --token <token>
    ```

    ```bash {#fix-perms skip}
    chmod 600 /etc/kubernetes/admin.conf
    ```

    ```text
    NAME     STATUS
    ```
    """

    private func snippets(_ markdown: String = note, lineOffset: Int = 0) -> [Snippet] {
        let rendered = MarkdownRenderer.render(markdown, lineOffset: lineOffset)
        return SnippetExtractor.extract(SnippetPage(sourcePath: "linux/tuning.md", displayPath: "content/linux/tuning.md",
                                                    url: "linux/tuning/", tags: ["sysctl"], blocks: rendered.codeBlocks))
    }

    @Test func idsKindsAndFiles() {
        let s = snippets()
        #expect(s.map(\.index) == [0, 1, 2, 3])
        #expect(s.map(\.id) == ["tcp-xiang-guan-1", "an-zhuang-1", "fix-perms", "an-zhuang-3"])
        #expect(s.map(\.kind) == [.sysctl, .console, .shell, .output])
        #expect(s[0].file == "snippets/linux/tuning/tcp-xiang-guan-1.conf")
        #expect(s[1].file == "snippets/linux/tuning/an-zhuang-1.sh")
        #expect(s[2].status == .skipped && s[2].file == nil)
        #expect(s[3].file == nil)
        // `$DIR` is set nowhere on the page: a fill-in, like `<token>`.
        #expect(s[1].placeholders == ["$DIR", "<token>"])
        #expect(!s[1].runnable)
        #expect(s[0].runnable)
    }

    @Test func idsAreStableUnderEditsElsewhereInThePage() {
        let edited = Self.note.replacingOccurrences(of: "# 内核调优\n", with: "# 内核调优\n\n新增一段说明。\n\n```bash\necho new\n```\n")
        let before = snippets().map(\.id)
        let after = snippets(edited).map(\.id)
        #expect(Array(after.dropFirst()) == before)
    }

    @Test func linesCountTheFrontMatter() {
        let s = snippets(lineOffset: 4)
        #expect(s[0].line == 9)
        #expect(s[1].scriptLines == [17, 18, 19])
    }

    @Test func verificationMapsFindingsToMarkdownLinesAndCaches() throws {
        try #require(ShellTools.detect().bash != nil)
        let first = SnippetVerifier.verify(snippets(), cache: VerificationCache())
        let (verified, cache) = (first.snippets, first.cache)
        #expect(first.processesStarted > 0)
        let sysctl = verified[0]
        #expect(sysctl.status == .warning)
        #expect(sysctl.findings.first.map { sysctl.fileLine(ofScriptLine: $0.line) } == 7)
        let console = verified[1]
        if ShellTools.detect().shellcheck != nil {
            // `rm -rf $DIR/*` is the transcript's 2nd command, on line 14 of the note.
            let sc2115 = try #require(console.findings.first { $0.message.hasPrefix("SC2115") })
            #expect(console.fileLine(ofScriptLine: sc2115.line) == 14)
            let diagnostics = SnippetOutput.diagnostics(of: console)
            #expect(diagnostics.contains { $0.line == 14 && $0.file == "content/linux/tuning.md" })
        }

        // Second run: everything from the cache, not one process started.
        let second = SnippetVerifier.verify(snippets(), cache: cache)
        let (again, cacheAgain) = (second.snippets, second.cache)
        #expect(second.processesStarted == 0)
        #expect(again.map(\.status) == verified.map(\.status))
        #expect(cacheAgain == cache)
    }

    @Test func filesHaveProvenanceAndTheManifestListsEveryBlock() throws {
        let verified = SnippetVerifier.verify(snippets(), cache: VerificationCache(), tools: ShellTools(bash: nil, shellcheck: nil)).snippets
        let out = SnippetOutput.files(verified)
        let conf = try #require(out.files["snippets/linux/tuning/tcp-xiang-guan-1.conf"].map { String(decoding: $0, as: UTF8.self) })
        #expect(conf.hasPrefix("# Source: linux/tuning.md:5 (section \"tcp 相关\")\n# SHA-256 of the body: "))
        #expect(conf.hasSuffix("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_tw_recycle = 1\n"))
        let shell = try #require(out.files["snippets/linux/tuning/an-zhuang-1.sh"].map { String(decoding: $0, as: UTF8.self) })
        #expect(shell.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(out.executables.contains("snippets/linux/tuning/an-zhuang-1.sh"))
        #expect(out.files["snippets/linux/tuning/all.sh"] == nil)  // the only shell snippet needs a token

        let manifest = try JSONSerialization.jsonObject(with: try #require(out.files["snippets/index.json"])) as? [[String: Any]]
        let entries = try #require(manifest)
        #expect(entries.count == 4)
        #expect(entries[0]["kind"] as? String == "sysctl")
        #expect(entries[0]["declared"] as? String == "shell")
        #expect(entries[0]["line"] as? Int == 5)
        #expect(entries[0]["status"] as? String == "warning")
        let diagnostics = try #require(entries[0]["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { ($0["message"] as? String)?.contains("tcp_tw_recycle") == true && $0["line"] as? Int == 7 })
    }

    @Test func aScriptBashRejectsIsNotRunnableAndStaysOutOfAllSh() throws {
        try #require(ShellTools.detect().bash != nil)
        let markdown = "# 部署\n\n```bash\nsystemctl restart kubelet\n```\n\n```bash\nif [ -f /etc/hosts ]; then\n  echo ok\n```\n"
        let rendered = MarkdownRenderer.render(markdown)
        let extracted = SnippetExtractor.extract(SnippetPage(sourcePath: "k8s/deploy.md", displayPath: "k8s/deploy.md",
                                                             url: "k8s/deploy/", tags: [], blocks: rendered.codeBlocks))
        let verified = SnippetVerifier.verify(extracted, cache: VerificationCache()).snippets
        #expect(verified.map(\.runnable) == [true, false])
        let allSh = try #require(SnippetOutput.files(verified).files["snippets/k8s/deploy/all.sh"].map { String(decoding: $0, as: UTF8.self) })
        #expect(allSh.contains("systemctl restart kubelet"))
        #expect(!allSh.contains("if [ -f /etc/hosts ]"))
    }

    @Test func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}

@Suite struct VerificationDedupTests {
    @Test func theSameScriptInManyPlacesIsVerifiedOnce() throws {
        try #require(ShellTools.detect().bash != nil)
        // `$( )` is beyond ShellGrammar, so bash -n runs: once for all five copies.
        let block = "```bash\nsystemctl restart \"$(hostname)-kubelet\"\n```\n\n"
        func page(_ copies: Int) -> [Snippet] {
            let md = (1...copies).map { "## 第 \($0) 节\n\n" + block }.joined()
            return SnippetExtractor.extract(SnippetPage(sourcePath: "a.md", displayPath: "a.md", url: "a/", tags: [],
                                                        blocks: MarkdownRenderer.render(md).codeBlocks))
        }
        let tools = ShellTools(bash: ShellTools.detect().bash, shellcheck: nil)
        let once = SnippetVerifier.verify(page(1), cache: VerificationCache(), tools: tools)
        let many = SnippetVerifier.verify(page(5), cache: VerificationCache(), tools: tools)
        #expect(once.processesStarted == 1)
        #expect(many.processesStarted == 1)
        #expect(many.snippets.allSatisfy { $0.status == .ok && $0.verifiedBy == ["bash -n"] })
    }

    @Test func commandsRepeatedPerNodeAreCheckedOncePerShape() throws {
        try #require(ShellTools.detect().bash != nil)
        // `if` is beyond ShellGrammar: bash -n must run, once for all three nodes (digits alone differ).
        let md = (1...3).map { "## 节点 \($0)\n\n```bash\nif ping -c 1 10.0.0.\($0); then ssh node-\($0) uptime; fi\n```\n\n" }.joined()
            + "## 另一个\n\n```bash\nif ping -c 1 10.0.0.10; then ssh node-10 uptime; fi\n```\n"
        let snippets = SnippetExtractor.extract(SnippetPage(sourcePath: "a.md", displayPath: "a.md", url: "a/", tags: [],
                                                            blocks: MarkdownRenderer.render(md).codeBlocks))
        let result = SnippetVerifier.verify(snippets, cache: VerificationCache(),
                                            tools: ShellTools(bash: ShellTools.detect().bash, shellcheck: nil))
        #expect(result.processesStarted == 2)  // `10.0.0.10` has other digit lengths: a shape of its own
        #expect(result.snippets.allSatisfy { $0.status == .ok && $0.verifiedBy == ["bash -n"] })
        #expect(SnippetVerifier.shape("echo $HOME") == nil)
        #expect(SnippetVerifier.shape("ssh node-7 uptime") == SnippetVerifier.shape("ssh node-3 uptime"))
    }

    @Test func aScriptOfSimpleCommandsIsProvenWithoutStartingBash() throws {
        try #require(ShellTools.detect().bash != nil)
        let md = "## 重启\n\n```bash\nsystemctl restart kubelet\n```\n"
        let snippets = SnippetExtractor.extract(SnippetPage(sourcePath: "a.md", displayPath: "a.md", url: "a/", tags: [],
                                                            blocks: MarkdownRenderer.render(md).codeBlocks))
        let result = SnippetVerifier.verify(snippets, cache: VerificationCache(),
                                            tools: ShellTools(bash: ShellTools.detect().bash, shellcheck: nil))
        #expect(result.processesStarted == 0)
        #expect(result.snippets.first?.verifiedBy == ["bash grammar"])
        #expect(result.snippets.first?.status == .ok)
    }
}
