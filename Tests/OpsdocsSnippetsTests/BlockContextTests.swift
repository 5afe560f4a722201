// A bare block whose content decides nothing takes its kind from what is around it: the sentence
// introducing it, or the commands right above it.

import OpsdocsMarkdown
import Testing
@testable import OpsdocsSnippets

@Suite struct BlockContextTests {
    private func kinds(_ markdown: String) -> [(SnippetKind, String?)] {
        let blocks = MarkdownRenderer.render(markdown).codeBlocks
        return SnippetExtractor.extract(SnippetPage(sourcePath: "n.md", displayPath: "content/n.md", url: "n/", tags: [],
                                                    blocks: blocks)).map { ($0.kind, $0.kindReason) }
    }

    @Test func aSentenceThatIntroducesOutputMakesTheBlockOutput() {
        let found = kinds("""
        查看 SELinux 状态，输出如下：

        ```
        enabled 1
        ```

        You should see:

        ```
        Relabeled /data/www from unconfined_u to system_u
        ```
        """)
        #expect(found.map(\.0) == [.output, .output])
        #expect(found[0].1 == "the sentence before it introduces output")
    }

    @Test func soDoesItForLinesInAShellFenceThatAreNoCommand() {
        let found = kinds("""
        输出（结果视部署情况而定）：

        ```bash
        /kubernetes/network/subnets/172.30.80.0-24
        /kubernetes/network/subnets/172.30.32.0-24
        /kubernetes/network/subnets/172.30.184.0-24
        ```
        """)
        #expect(found.map(\.0) == [.output])
    }

    @Test func aSentenceThatIntroducesAFilesContentDoesNot() {
        let found = kinds("""
        配置文件内容如下：

        ```
        enabled 1
        ```

        Add this to the file:

        ```
        enabled 1
        ```
        """)
        #expect(found.map(\.0) == [.other, .other])
    }

    @Test func aBareBlockRightUnderCommandsIsWhatTheyPrinted() {
        let found = kinds("""
        ```bash
        getenforce
        ```
        ```
        enabled 1
        ```
        """)
        #expect(found.map(\.0) == [.shell, .output])
        #expect(found[1].1 == "right under commands, nothing between")
    }

    @Test func butNotWhenTheCommandsOpenAnEditorOrProseComesBetween() {
        let underEditor = kinds("""
        ```bash
        visudo
        ```
        ```
        deploy ALL=(ALL) NOPASSWD: ALL
        ```
        """)
        #expect(underEditor.map(\.0) == [.shell, .other])
        let proseBetween = kinds("""
        ```bash
        getenforce
        ```

        然后改成这样

        ```
        enabled 1
        ```
        """)
        #expect(proseBetween.map(\.0) == [.shell, .other])
    }

    @Test func aBlockTheContentDecidedKeepsItsKind() {
        // A declared language or content that reads as YAML is not overruled by the sentence.
        let found = kinds("""
        输出如下：

        ```yaml
        enabled: 1
        ```

        输出如下：

        ```
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        ```
        """)
        #expect(found.map(\.0) == [.yaml, .yaml])
    }

    @Test func dataShapedLinesThatACommandPrintedAreOutputNotAFile() {
        let found = kinds("""
        ```
        cat /proc/18842/io
        ```

        ```text
        rchar: 10485932
        wchar: 3662810112
        read_bytes: 0
        ```

        Example output (`-i` turns uids into names):

        ```
        ----
        type=PROCTITLE msg=audit(05/21/2024 10:41:07.231:2241) : proctitle=passwd deploy
        type=PATH msg=audit(05/21/2024 10:41:07.231:2241) : item=0 name=/etc/shadow inode=33554562 mode=file,000
        type=SYSCALL msg=audit(05/21/2024 10:41:07.231:2241) : arch=x86_64 syscall=rename success=yes exit=0
        ```
        """)
        #expect(found.map(\.0) == [.shell, .output, .output])
        #expect(found[1].1 == "right under a command that prints it")
        #expect(found[2].1 == "the sentence before it introduces output")
    }

    @Test func aFileUnderTheCommandThatWritesItOrLabelledAsDataStaysAFile() {
        let found = kinds("""
        ```bash
        mkdir -p /etc/app
        ```

        ```
        listen: 0.0.0.0:8080
        workers: 4
        ```

        ```bash
        kubectl get cm app -o yaml
        ```

        ```yaml
        apiVersion: v1
        kind: ConfigMap
        ```
        """)
        #expect(found.map(\.0) == [.shell, .yaml, .shell, .yaml], "mkdir prints nothing; a `yaml` label is the author's word")
    }

    @Test func aLeadInOfAWordOrTwoNeedsNoColon() {
        let found = kinds("""
        返回

        ```
        {"health": "true", "reason": ""}
        ```
        """)
        #expect(found.map(\.0) == [.output])
    }

    @Test func jsonRightUnderACommandThatPrintsItIsOutputWhateverItsLabel() {
        let found = kinds("""
        ```bash
        curl -s http://127.0.0.1:2379/health
        ```
        ```json
        {"health": "true", "reason": ""}
        ```
        """)
        #expect(found.map(\.0) == [.shell, .output])
        // A JSON file written with an editor above it is the file's content.
        let file = kinds("""
        ```bash
        vim /etc/docker/daemon.json
        ```
        ```json
        {"registry-mirrors": ["https://mirror.lab.local"]}
        ```
        """)
        #expect(file.map(\.0) == [.shell, .json])
    }
}
