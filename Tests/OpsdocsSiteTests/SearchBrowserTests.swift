// A real browser types into the header search box of the sample site, waits for the results,
// clicks the first and must land on that section (bench/search-browser.py). Runs where
// Debian's chromium, chromium-driver and python3-selenium are installed.

import Foundation
import Testing
@testable import OpsdocsSite

@Suite struct SearchBrowserTests {
    static let repository = SearchParityTests.repository
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/selenium")

    @Test(.enabled(if: available, "chromium-driver and python3-selenium are not installed"))
    func typingAQueryFindsAndOpensTheSection() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(source: Self.repository.appendingPathComponent("content"), output: output,
                                   projectRoot: Self.repository)
        options.cacheFolder = nil
        _ = try SiteBuilder.build(options)
        let queries = ["etcd 备份", "net.ipv4.tcp_tw_reuse", "--leader-elect", "证书过期", "ｋｕｂｅａｄｍ"]
        let run = try #require(ProcessRunner.run("/usr/bin/python3",
                                                 [Self.repository.appendingPathComponent("bench/search-browser.py").path,
                                                  output.path] + queries, timeout: 180))
        #expect(run.status == 0, "\(run.stdoutText)\(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("ok ") }.count == queries.count, "\(run.stdoutText)")
        #expect(run.stdoutText.contains("/k8s/kube-apiserver/?h=leader-elect#常用启动参数"))  // --leader-elect lands on its section
        // The words are marked in the first excerpt and on the page landed on, one of them in view.
        for line in lines where line.hasPrefix("ok ") {
            #expect(!line.contains(" 0 marked in the excerpt") && !line.contains(" 0 on the page") && line.contains("(one in view)"),
                    "\(line)")
        }
    }

    /// 23 notes mention 巡检: the count says 23, ten are listed, and "more" lists the rest ten at a time.
    @Test(.enabled(if: available, "chromium-driver and python3-selenium are not installed"))
    func theCountIsEveryMatchingPageAndMoreListsTheRest() throws {
        var files: [String: String] = [:]
        for n in 1...23 { files["content/node-\(n).md"] = "---\ntitle: 节点 \(n) 巡检\n---\n每周巡检节点 \(n) 的磁盘。\n" }
        let fixture = try SiteFixture(files)
        defer { fixture.remove() }
        _ = try fixture.build()
        let run = try #require(ProcessRunner.run("/usr/bin/python3",
                                                 [Self.repository.appendingPathComponent("bench/search-browser.py").path,
                                                  fixture.root.appendingPathComponent("public").path, "more:巡检"], timeout: 180))
        #expect(run.status == 0, "\(run.stdoutText)\(run.stderrText)")
        #expect(run.stdoutText.contains("共 23 个结果"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("listed 10 → 20 → 23"), "\(run.stdoutText)")
    }
}
