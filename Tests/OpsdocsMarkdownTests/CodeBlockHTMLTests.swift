// Fenced blocks on the page: highlighted on the server, labelled with their language, a
// pasted session in a `bash` fence told apart from a script, mermaid shown as source.

import Testing
@testable import OpsdocsMarkdown

@Suite struct CodeBlockHTMLTests {
    @Test func aBashFenceIsHighlightedAndLabelled() {
        let html = MarkdownRenderer.render("```bash\nsystemctl restart kubelet # 重启\n```\n").html
        #expect(html.contains("<div class=\"code-block\" data-lang=\"bash\"><pre><code class=\"language-bash\">"))
        #expect(html.contains("<span class=\"hl-command\">systemctl</span>"))
        #expect(html.contains("<span class=\"hl-comment\"># 重启</span>"))
    }

    @Test func aSessionPastedIntoABashFenceIsAConsole() {
        let code = "[root@master-01 ~]# kubectl get nodes\nNAME       STATUS   ROLES\nmaster-01  Ready    control-plane\n"
        let html = MarkdownRenderer.render("```bash\n\(code)```\n").html
        #expect(html.contains("data-lang=\"console\""))
        #expect(html.contains("<span class=\"hl-prompt\">[root@master-01 ~]# </span>"))
        #expect(html.contains("<span class=\"hl-output\">NAME       STATUS   ROLES</span>"))
        // A script whose lines start with `# ` comments is not a session.
        let script = MarkdownRenderer.render("```bash\n# 关闭 swap\nswapoff -a\n```\n").html
        #expect(script.contains("data-lang=\"bash\""))
        #expect(script.contains("<span class=\"hl-comment\"># 关闭 swap</span>"))
        let userPrompt = MarkdownRenderer.render("```bash\nops@node1:~/k8s$ kubectl apply -f a.yaml\n```\n").html
        #expect(userPrompt.contains("<span class=\"hl-prompt\">ops@node1:~/k8s$ </span>"))
    }

    @Test func outputPastedWithoutPromptsIsDrawnAsOutput() {
        // The same reading as the snippet file: the command is typed, its table was printed.
        let code = "kubectl get pods -n kube-system\nNAME                     READY   STATUS    RESTARTS   AGE\ncoredns-5d78c9869d-4x   1/1     Running   0          3d\n"
        let html = MarkdownRenderer.render("```bash\n\(code)```\n").html
        #expect(html.contains("data-lang=\"console\""))
        #expect(html.contains("<span class=\"hl-command\">kubectl</span>"))
        #expect(html.contains("<span class=\"hl-output\">coredns-5d78c9869d-4x   1/1     Running   0          3d</span>"))
    }

    @Test func inputTypedIntoAProgramAScriptStartsIsDrawnAsItsPrompt() {
        let html = MarkdownRenderer.render("```bash\nsudo parted /dev/sdb\n(parted) mklabel gpt\nlsblk /dev/sdb\n```\n").html
        #expect(html.contains("<span class=\"hl-prompt\">(parted) </span>mklabel gpt"))
        #expect(html.contains("<span class=\"hl-command\">lsblk</span>"))
    }

    @Test func anotherProgramsPromptIsAPromptAndItsInputIsNotBash() {
        let html = MarkdownRenderer.render("```console\n$ redis-cli\n127.0.0.1:6379> get key\n\"value\"\n```\n").html
        #expect(html.contains("<span class=\"hl-prompt\">127.0.0.1:6379&gt; </span>get key"))
        #expect(html.contains("<span class=\"hl-output\">&quot;value&quot;</span>"))
    }

    @Test func aConsoleFenceWithoutPromptsIsAScriptWithComments() {
        let html = MarkdownRenderer.render("```console\n# From the CLI\nkubectl get pod -n kube-ovn\n```\n").html
        #expect(html.contains("data-lang=\"bash\""))
        #expect(html.contains("<span class=\"hl-comment\"># From the CLI</span>"))
        #expect(html.contains("<span class=\"hl-command\">kubectl</span>"))
    }

    @Test func unknownLanguagesAndBareFencesArePlainEscapedText() {
        let html = MarkdownRenderer.render("```cobol\n<b>&\n```\n\n```\nx < y\n```\n").html
        #expect(html.contains("<code class=\"language-cobol\">&lt;b&gt;&amp;\n</code>"))
        #expect(html.contains("<div class=\"code-block\"><pre><code>x &lt; y\n</code></pre></div>"))
    }

    @Test func mermaidIsShownAsLabelledSource() {
        let html = MarkdownRenderer.render("```mermaid\ngraph LR\n  A-->B\n```\n").html
        #expect(html.contains("<div class=\"code-block diagram\" data-lang=\"mermaid\"><p class=\"code-label\">Mermaid 图（源码）</p>"))
        #expect(html.contains("A--&gt;B"))
        #expect(!html.contains("<script"))
    }

    @Test func theSnippetMarkerStillPrecedesEachBlock() {
        let html = MarkdownRenderer.render("```yaml\na: 1\n```\n").html
        #expect(html.contains("\(MarkdownRenderer.codeMarkerPrefix)0-->\n<div class=\"code-block\" data-lang=\"yaml\">"))
    }
}
