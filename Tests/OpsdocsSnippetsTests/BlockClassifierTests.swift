// A block's kind comes from its label and its content; contradictions are warnings.

import Testing
@testable import OpsdocsSnippets

@Suite struct BlockClassifierTests {
    private func kind(_ label: String, _ code: String) -> Classification { BlockClassifier.classify(label: label, code: code) }

    @Test func messyLabelsOfRealNotes() {
        for label in ["bash", "sh", "shell", "Shell", "zsh"] { #expect(kind(label, "ls -l\n").kind == .shell) }
        for label in ["console", "ShellSession", "commandline"] { #expect(kind(label, "$ ls\nfile\n").kind == .console) }
        #expect(kind("yml", "a: 1\nb: 2\n").kind == .yaml)
        #expect(kind("mermaid", "graph LR\n a --> b\n").kind == .mermaid)
        #expect(kind("go", "package main\n").kind == .go)
    }

    @Test func contentWinsOverAWrongLabelWithAWarning() {
        let docker = kind("bash", "FROM alpine:3.19\nRUN apk add curl\nCMD [\"sh\"]\n")
        #expect(docker.kind == .dockerfile)
        #expect(docker.declared == .shell)
        #expect(docker.mismatch?.contains("Dockerfile") == true)

        let manifest = kind("shell", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")
        #expect(manifest.kind == .yaml)
        #expect(manifest.mismatch != nil)

        let sysctl = kind("bash", "net.ipv4.tcp_tw_reuse = 1\nnet.core.somaxconn = 32768\n")
        #expect(sysctl.kind == .sysctl)

        let commands = kind("text", "kubectl get pods -A\nkubectl describe node node-01\n")
        #expect(commands.kind == .shell)
        #expect(commands.mismatch?.contains("`text`") == true)

        let json = kind("bash", "{\n  \"signing\": {\"default\": {\"expiry\": \"87600h\"}}\n}\n")
        #expect(json.kind == .json)
    }

    @Test func transcriptInABashFenceIsNotWorthAWarning() {
        let c = kind("bash", "$ kubectl get nodes\nNAME STATUS\n")
        #expect(c.kind == .console)
        #expect(c.mismatch == nil)
    }

    @Test func bareFences() {
        #expect(kind("", "$ docker ps\n").kind == .console)
        #expect(kind("", "apiVersion: apps/v1\nkind: Deployment\n").kind == .yaml)
        #expect(kind("", "just some words\n").kind == .other)
        #expect(kind("", "NAME    READY   STATUS\nweb-1   1/1     Running\n").kind == .output)
    }

    @Test func templatesAreMarked() {
        #expect(kind("yaml", "image: {{ .Values.image }}\nreplicas: 1\n").isTemplate)
        #expect(kind("", "{% if ipvs %}\nnet.ipv4.vs.conntrack = 1\n{% endif %}\n").isTemplate)
        #expect(!kind("bash", "echo '{{ not a template for bash }}'\n").isTemplate)
    }
}
