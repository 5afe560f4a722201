// The preview's first seconds: a save made while the first build runs (before the server has
// answered anything) is not lost, and the build state an `opsdocs build` keeps in the output
// folder is read but never served.

import Foundation
import OpsdocsServe
import OpsdocsSite
import Testing

@Suite("opsdocs serve: start-up", .serialized)
struct PreviewStartupTests {
    static func project() throws -> (URL, BuildOptions) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-start-\(UUID().uuidString)")
        for (path, text) in ServedProject.notes {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let options = BuildOptions(source: root.appendingPathComponent("content"), output: root.appendingPathComponent("public"),
                                   projectRoot: root, sourceDisplay: "content")
        return (root, options)
    }

    @Test func aSaveMadeDuringTheFirstBuildIsServedOnceWatchingStarts() async throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let server = try PreviewServer(PreviewServer.Options(build: options, port: 0))
        // The first build is done, nothing is served yet: the note changes now.
        try "---\ntitle: kubelet 参数\n---\n改过的正文 marker-7731\n"
            .write(to: root.appendingPathComponent("content/k8s/kubelet.md"), atomically: true, encoding: .utf8)
        let url = try await server.start()
        var seen = false
        for _ in 0..<100 where !seen {
            let page = try await RawHTTP.request("GET", "/k8s/kubelet/", port: url.port ?? 0)
            seen = page.text.contains("marker-7731")
            if !seen { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(seen, "the edit made before the server started was never applied")
        await server.stop()
    }

    @Test func theBuildStateInTheOutputFolderIsNeverServed() async throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try SiteBuilder.build(options).published)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/.opsdocs/verification.json").path))
        let stateFolder = root.appendingPathComponent("public/.opsdocs").path
        let before = try FileManager.default.contentsOfDirectory(atPath: stateFolder).sorted()
        #expect(before.contains("build.bin") && before.contains("site-state.bin"))
        let server = try PreviewServer(PreviewServer.Options(build: options, port: 0))
        let url = try await server.start()
        for path in ["/.opsdocs/verification.json", "/.opsdocs/site-state.bin", "/.opsdocs/", "/.opsdocs-output", "/.opsdocs-generation"] {
            let response = try await RawHTTP.request("GET", path, port: url.port ?? 0)
            #expect(response.status == 404, "\(path)")
        }
        await server.stop()
        // The preview read the cache and wrote nothing back.
        let after = try FileManager.default.contentsOfDirectory(atPath: stateFolder)
        #expect(after.sorted() == before)
    }
}
