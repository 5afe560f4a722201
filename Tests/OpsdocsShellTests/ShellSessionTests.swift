// Console transcripts become scripts: prompts go, output goes, multi-line commands stay whole.

import Testing
@testable import OpsdocsShell

@Suite struct ShellSessionTests {
    private func script(_ code: String) -> String { ShellSession.readPrompted(code).script }

    @Test func rootPromptsWithHostAndOutput() {
        let code = """
        [root@master-01 ~]# kubeadm certs check-expiration
        CERTIFICATE   EXPIRES                  RESIDUAL TIME
        apiserver     May 20, 2025 08:00 UTC   179d
        [root@master-01 ~]# kubeadm certs renew all
        """
        #expect(script(code) == "kubeadm certs check-expiration\nkubeadm certs renew all\n")
    }

    @Test func everyPromptStyle() {
        let code = """
        $ kubectl get nodes
        root@node-01:~# systemctl restart kubelet
        ops@bastion:/etc/kubernetes$ ls
        ➜  ~ docker ps
        ➜  kubeasz git:(master) ✗ ./ezctl list
        bash-4.2# cat /etc/os-release
        (venv) $ pip install ansible
        node1:~ # zypper refresh
        """
        #expect(script(code) == """
            kubectl get nodes
            systemctl restart kubelet
            ls
            docker ps
            ./ezctl list
            cat /etc/os-release
            pip install ansible
            zypper refresh

            """)
    }

    @Test func continuationQuotesAndHeredocsStayWithTheirCommand() {
        let code = """
        $ kubeadm join 10.0.0.1:6443 --token abc \\
            --discovery-token-ca-cert-hash sha256:123
        This node has joined the cluster.
        $ cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf
        > overlay
        > br_netfilter
        > EOF
        overlay
        br_netfilter
        $ echo 'multi
        line'
        multi
        """
        #expect(script(code) == """
            kubeadm join 10.0.0.1:6443 --token abc \\
                --discovery-token-ca-cert-hash sha256:123
            cat <<EOF | sudo tee /etc/modules-load.d/k8s.conf
            overlay
            br_netfilter
            EOF
            echo 'multi
            line'

            """)
    }

    @Test func rootPromptIsToldFromAComment() {
        // `#` as the root prompt: commands are stripped, prose comments are kept as comments.
        let root = "# 查看模块\n# lsmod | grep br_netfilter\nbr_netfilter   36864  0\n# sysctl -p\n"
        #expect(ShellSession.isTranscript(root))
        #expect(script(root) == "# 查看模块\nlsmod | grep br_netfilter\nsysctl -p\n")
        // With `$` prompts, `#` lines are comments.
        let dollar = "# list the pods\n$ kubectl get pods\nNAME READY\n"
        #expect(script(dollar) == "# list the pods\nkubectl get pods\n")
        // A shell script with comments is not a transcript.
        #expect(!ShellSession.isTranscript("# 安装 docker\nyum install -y docker\n# if set 'false', keep\n"))
        #expect(!ShellSession.isTranscript("# if set 'false', you need to put certs\nHARBOR_TLS_PORT: 8443\n"))
    }

    @Test func editorSessionIsNotCommands() {
        let transcript = ShellSession.readPrompted("$ vim /etc/docker/daemon.json\n{\n  \"log-driver\": \"json-file\"\n}\n$ systemctl restart docker\n")
        #expect(transcript.script == "vim /etc/docker/daemon.json\nsystemctl restart docker\n")
        #expect(transcript.opensEditor)
    }

    @Test func sourceLinesMapScriptLinesBackToTheBlock() {
        let transcript = ShellSession.readPrompted("$ a \\\n  b\noutput\n$ c\n")
        #expect(transcript.scriptLineIndices == [0, 1, 3])
    }
}
