// Each verifier on an input that passes and one that fails.

import Testing
@testable import OpsdocsSnippets

@Suite struct VerifierTests {
    @Test func sysctlKnownUnknownAndRemovedKeys() {
        #expect(SysctlVerifier.verify("net.ipv4.tcp_tw_reuse = 1\n# comment\nnet.ipv4.conf.eth0.rp_filter=0\n").isEmpty)
        let found = SysctlVerifier.verify("net.ipv4.tcp_tw_recycle = 1\nnet.ipv4.tcp_made_up = 2\nnot a setting\n")
        #expect(found.map(\.line) == [1, 2, 3])
        #expect(found[0].message.contains("4.12"))
        #expect(found[0].severity == .warning)
        #expect(found[1].message.contains("unknown key net.ipv4.tcp_made_up"))
        #expect(found[2].severity == .error)
    }

    @Test func dockerfileRules() {
        #expect(DockerfileVerifier.verify("ARG V=1\nFROM alpine:$V\nRUN apk add \\\n  curl\nCMD [\"sh\", \"-c\", \"echo hi\"]\n").isEmpty)
        let found = DockerfileVerifier.verify("RUN echo first\nFROM alpine\nCOPYY a b\nENTRYPOINT [\"/app\",]\n")
        #expect(found.map(\.line) == [1, 3, 4])
        #expect(found.allSatisfy { $0.severity == .error })
    }

    @Test func yamlParsesAndKnowsRemovedAPIs() {
        #expect(YAMLVerifier.verify("apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n").isEmpty)
        let removed = YAMLVerifier.verify("apiVersion: v1\nkind: Namespace\n---\napiVersion: extensions/v1beta1\nkind: Deployment\n")
        #expect(removed.count == 1)
        #expect(removed.first?.line == 4)
        #expect(removed.first?.message.contains("1.16") == true)
        let broken = YAMLVerifier.verify("metadata:\n  name: web\n  labels: [app\nspec: {}\n")
        #expect(broken.first?.severity == .error)
        #expect(broken.first?.line == 3 || broken.first?.line == 4)
    }

    @Test func json() {
        #expect(JSONVerifier.verify("{\"a\": [1, 2]}\n").isEmpty)
        let trailing = JSONVerifier.verify("{\n  \"a\": 1,\n}\n")
        #expect(trailing.first?.severity == .error)
        #expect(trailing.first?.line == 3)
        #expect(JSONVerifier.verify("// comment\n{}\n").first?.severity == .error)
    }

    @Test func bashAndShellcheck() throws {
        let tools = ShellTools.detect()
        try #require(tools.bash != nil)
        let (results, _, _) = ShellVerifier.verify(["echo ok\n", "if true; then\n  echo x\n", "cd /tmp\nrm -rf $DIR/*\n"], tools: tools)
        #expect(results[0].isEmpty)
        #expect(results[1].first?.tool == "bash -n")
        #expect(results[1].first?.severity == .error)
        #expect(results[1].count == 1)  // shellcheck does not repeat bash's parse error
        if tools.shellcheck != nil {
            #expect(results[2].contains { $0.tool == "shellcheck" && $0.message.hasPrefix("SC2115") && $0.line == 2 })
        }
    }

    @Test func aBackslashAndAHashInsideQuotesBreakNothing() {
        #expect(ShellVerifier.brokenContinuations("sed -i 's/^\\ #//' /etc/foo.conf\n").isEmpty)
        #expect(ShellVerifier.brokenContinuations("echo \"a\\ # b\"\n").isEmpty)
        #expect(ShellVerifier.brokenContinuations("./configure \\\n  --with-pcre \\\t# 注释\n  --with-stream\n").map(\.line) == [2])
    }

    @Test func aCommentLineOfItsOwnAfterABackslashBreaksTheCommand() {
        let code = "mqadmin resetOffsetByTime -g cg_order \\\n  # 时间戳毫秒\n  -s \"2024-06-03\"\n"
        #expect(ShellVerifier.brokenContinuations(code).map(\.line) == [2])
        // (a comment after the last line of a command breaks nothing)
        #expect(ShellVerifier.brokenContinuations("docker ps \\\n  -a\n# done\n").isEmpty)
    }

    @Test func anArgumentLineUnderACommandWithoutItsBackslashIsABreak() {
        let code = "kubectl label ns prod \\\n  environment=production\n  team=payments\n"
        #expect(ShellVerifier.brokenContinuations(code).map(\.line) == [3])
        // A script cut from a longer command: its last line ends in `\`.
        #expect(ShellVerifier.brokenContinuations("  --etcd-servers=https://10.0.0.1:2379 \\\n  --service-cluster-ip-range=10.68.0.0/16 \\\n").map(\.line) == [2])
        // Indented lines of an `if`, a heredoc body: nothing broken.
        #expect(ShellVerifier.brokenContinuations("docker run -d \\\n  --name web nginx\nif true; then\n  echo ok\nfi\n").isEmpty)
        #expect(ShellVerifier.brokenContinuations("cat > a.conf <<EOF\nx \\\n  y\nEOF\n").isEmpty)
        // (one finding per break: a comment after `\` already explains the line under it)
        #expect(ShellVerifier.brokenContinuations("./configure \\\n  --with-pcre \\  # 正则\n  --with-stream\n").count == 1)
    }
}
