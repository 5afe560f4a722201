// In a real browser, the copy button of a console session hands over only the commands:
// no prompts, no output, heredocs and continuation lines kept (bench/copy-browser.py).

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct CopyButtonBrowserTests {
    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func copyingAConsoleBlockCopiesOnlyTheCommands() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fixture = try SiteFixture([
            "content/install.md": """
                ---
                title: 安装
                ---
                ```console
                [root@master-01 ~]# swapoff -a
                [root@master-01 ~]# lsmod | grep br_netfilter
                br_netfilter           36864  0
                [root@master-01 ~]# cat <<EOF > /etc/sysctl.d/k8s.conf
                net.ipv4.ip_forward = 1
                EOF
                [root@master-01 ~]# kubeadm init \\
                >   --pod-network-cidr=10.244.0.0/16
                Your Kubernetes control-plane has initialized successfully!
                ```
                """,
        ])
        defer { fixture.remove() }
        var options = fixture.options(output: output.path)
        options.output = output
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        let run = try #require(ProcessRunner.run("/usr/bin/python3",
                                                 [SearchBrowserTests.repository.appendingPathComponent("bench/copy-browser.py").path,
                                                  output.path, "/install/"], timeout: 120))
        #expect(run.status == 0, "\(run.stderrText)")
        struct Result: Decodable { var copied: [String]; var labels: [String] }
        let result = try JSONDecoder().decode(Result.self, from: Data(run.stdoutText.utf8))
        #expect(result.copied == ["""
            swapoff -a
            lsmod | grep br_netfilter
            cat <<EOF > /etc/sysctl.d/k8s.conf
            net.ipv4.ip_forward = 1
            EOF
            kubeadm init \\
              --pod-network-cidr=10.244.0.0/16

            """])
        #expect(result.labels == ["已复制"])
    }
}
