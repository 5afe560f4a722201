// In a real browser, the copy button of a console session hands over only the commands:
// no prompts, no output, heredocs and continuation lines kept (bench/copy-browser.py).

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct CopyButtonBrowserTests {
    struct Clicks: Decodable { var copied: [String?]; var labels: [String]; var selected: String? }

    /// Builds `fixture` into `output`, clicks the copy buttons of `page` in Chromium (every
    /// code block's with `every`, else the console blocks') and returns what each handed over.
    static func clickCopyButtons(_ fixture: SiteFixture, output: URL, page: String, every: Bool = false,
                                 browser: [String] = []) throws -> Clicks {
        var options = fixture.options(output: output.path)
        options.output = output
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        let script = SearchBrowserTests.repository.appendingPathComponent("bench/copy-browser.py").path
        let run = try #require(ProcessRunner.run("/usr/bin/python3", [script, output.path, page] + (every ? ["--all"] : []) + browser,
                                                 timeout: 120))
        #expect(run.status == 0, "\(run.stderrText)")
        return try JSONDecoder().decode(Clicks.self, from: Data(run.stdoutText.utf8))
    }

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
        let result = try Self.clickCopyButtons(fixture, output: output, page: "/install/")
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

    /// Clicks the copy button of a two-command transcript in a browser set up by `browser`.
    static func clickInATranscript(browser: [String]) throws -> Clicks {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fixture = try SiteFixture(["content/install.md": "```console\n[root@master-01 ~]# swapoff -a\n"
            + "[root@master-01 ~]# lsmod | grep br_netfilter\nbr_netfilter           36864  0\n```\n"])
        defer { fixture.remove() }
        return try clickCopyButtons(fixture, output: output, page: "/install/", browser: browser)
    }

    /// Plain HTTP on a LAN address: no `navigator.clipboard`. A hidden textarea copies instead.
    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func withoutTheClipboardAPIAHiddenTextareaCopies() throws {
        let result = try Self.clickInATranscript(browser: ["--no-clipboard"])
        #expect(result.copied == ["swapoff -a\nlsmod | grep br_netfilter\n"])
        #expect(result.labels == ["已复制"])
    }

    /// When neither can copy, the button says so and the code is left selected for Ctrl+C.
    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func whenNothingCanCopyTheButtonSaysSoAndSelectsTheCode() throws {
        let result = try Self.clickInATranscript(browser: ["--nothing-copies"])
        #expect(result.copied.isEmpty)
        #expect(result.labels.first?.hasPrefix("无法复制") == true)
        #expect(result.selected?.contains("lsmod | grep br_netfilter") == true)
    }

    /// Blocks of every kind the snippet extractor once got wrong; for each, what the copy button
    /// hands over must be the snippet file's script, byte for byte.
    @Test(.enabled(if: SearchBrowserTests.available, "chromium-driver and python3-selenium are not installed"))
    func theCopyButtonCopiesTheSnippetScript() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let fence = "```"
        let fixture = try SiteFixture([
            "content/runbook.md": """
                ---
                title: 运行手册
                ---
                ## 命令和输出，没有提示符

                \(fence)
                kubectl get pods -n kube-system
                NAME                       READY   STATUS    RESTARTS   AGE
                coredns-5d78c9869d-8x2lq   1/1     Running   0          3d
                \(fence)

                ## 省略号

                \(fence)bash
                ./ezdown -D
                ./ezdown -X flannel
                ...
                \(fence)

                ## 命令之间的空行

                \(fence)console
                $ date +%F
                2024-05-01

                $ uname -r
                5.15.0-91-generic
                \(fence)

                ## 第一条命令没有提示符

                \(fence)console
                ssh k8s@172.27.132.67
                $ docker run -d --name registry \\
                    -p 5000:5000 registry:2
                \(fence)

                ## 续行里的注释

                \(fence)bash
                docker run -d \\
                  --name web \\
                  nginx:1.25   # 启动
                \(fence)

                ## heredoc

                \(fence)bash
                cat > /etc/modules-load.d/k8s.conf <<EOF
                overlay
                br_netfilter
                EOF
                \(fence)

                ## 输出的说明

                \(fence)bash
                etcdctl endpoint health

                # 预期结果
                https://192.168.1.1:2379 is healthy: successfully committed proposal
                \(fence)

                ## 命令间的说明文字

                \(fence)
                sudo lvs
                可选参数：
                ● -l 100%FREE：使用全部剩余空间
                \(fence)

                ## 被注释打断的续行

                \(fence)
                ./configure --prefix=/usr/local/nginx \\
                  --with-http_stub_status_module \\   # 监控用
                  --with-pcre
                \(fence)

                ## 版本号

                \(fence)
                mysql -V
                mysql  Ver 8.0.36 for Linux on x86_64 (MySQL Community Server - GPL)
                \(fence)
                """,
        ])
        defer { fixture.remove() }
        let copied = try Self.clickCopyButtons(fixture, output: output, page: "/runbook/", every: true).copied
        let ids = ["ming-ling-he-shu-chu-mei-you-ti-shi-fu-1", "sheng-lue-hao-1", "ming-ling-zhi-jian-de-kong-xing-1",
                   "di-yi-tiao-ming-ling-mei-you-ti-shi-fu-1", "xu-xing-li-de-zhu-shi-1", "heredoc-1",
                   "shu-chu-de-shuo-ming-1", "ming-ling-jian-de-shuo-ming-wen-zi-1", "bei-zhu-shi-da-duan-de-xu-xing-1",
                   "ban-ben-hao-1"]
        #expect(copied.count == ids.count)
        // Each block's script is where the manifest says: its file (the page's all.sh, or its
        // own file when it needs filling in) at its lines.
        let manifest = try Data(contentsOf: output.appendingPathComponent("snippets/index.json"))
        let entries = try #require(try JSONSerialization.jsonObject(with: manifest) as? [[String: Any]])
        for (text, id) in zip(copied, ids) {
            let entry = try #require(entries.first { $0["id"] as? String == id && $0["url"] as? String == "runbook/" })
            let file = try #require(entry["file"] as? String), range = try #require(entry["lines"] as? [Int])
            let lines = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            #expect(text == lines[(range[0] - 1)..<range[1]].joined(separator: "\n") + "\n", "\(id)")
        }
        #expect(copied.first == "kubectl get pods -n kube-system\n")
        #expect(copied[1] == "./ezdown -D\n./ezdown -X flannel\n")
        #expect(copied[2] == "date +%F\n\nuname -r\n")
        #expect(copied[3]?.hasPrefix("ssh k8s@172.27.132.67\ndocker run -d") == true)
        #expect(copied[6] == "etcdctl endpoint health\n")
        #expect(copied[7] == "sudo lvs\n")
        // The whole command, as its author meant it (the snippet is marked not runnable).
        #expect(copied[8] == "./configure --prefix=/usr/local/nginx \\\n  --with-http_stub_status_module \\   # 监控用\n  --with-pcre\n")
        #expect(copied[9] == "mysql -V\n")
    }
}
