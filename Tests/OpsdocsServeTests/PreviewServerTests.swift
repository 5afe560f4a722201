// The preview server, spoken to over real HTTP on an ephemeral port: what a browser and a
// writer with an editor open would see.

import Foundation
import OpsdocsServe
import OpsdocsSite
import Testing

/// A project folder in the temporary directory with a running preview of it.
final class ServedProject {
    let root: URL
    let server: PreviewServer
    let port: Int

    init(_ files: [String: String]) async throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-serve-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        var build = BuildOptions(source: root.appendingPathComponent("content"), output: root.appendingPathComponent("public"),
                                 projectRoot: root, sourceDisplay: "content")
        build.cacheFolder = nil
        server = try PreviewServer(PreviewServer.Options(build: build, port: 0))
        let url = try await server.start()
        port = url.port ?? 0
    }

    func get(_ path: String, _ method: String = "GET", headers: [String: String] = [:]) async throws -> RawResponse {
        try await RawHTTP.request(method, path, port: port, headers: headers)
    }

    /// An open page's event stream, once the server has greeted it; `fresh` forgets what came
    /// with the greeting, so a wait sees only later events.
    func events(fresh: Bool = true) async throws -> RawConnection {
        let connection = try RawConnection(port: port)
        connection.send("GET /__opsdocs/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let greeted = try await offPool { connection.read(for: 30) { RawConnection.dechunked($0).contains("live reload") } }
        #expect(greeted)
        if fresh { connection.clear() }
        return connection
    }

    func write(_ path: String, _ text: String, atomically: Bool = false) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: atomically, encoding: .utf8)
    }

    func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    static let notes: [String: String] = [
        "opsdocs.toml": "title = \"运维笔记\"\nlanguage = \"zh-CN\"\n",
        "content/_index.md": "---\ntitle: 运维笔记\n---\n首页。\n",
        "content/k8s/etcd-backup.md": """
            ---
            title: etcd 备份
            date: 2024-03-01
            tags: [etcd]
            ---
            ## 备份

            用 `etcdctl snapshot save` 备份。

            ```bash
            ETCDCTL_API=3 etcdctl snapshot save /backup/etcd.db
            ```
            """,
        "content/k8s/kubelet.md": "---\ntitle: kubelet 参数\ndate: 2024-02-01\n---\n`--max-pods` 默认 110。\n",
        "content/linux/sysctl.md": "---\ntitle: 内核参数\n---\n`net.ipv4.tcp_tw_reuse = 1`\n",
        "static/robots.txt": "User-agent: *\n",
        "theme/static/css/extra.css": "body { color: black; }\n",
    ]
}

@Suite("opsdocs serve: HTTP", .serialized)
struct PreviewHTTPTests {
    @Test func servesEveryFileTypeWithItsContentTypeAndNoCache() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let expected: [(String, String)] = [
            ("/", "text/html; charset=utf-8"), ("/k8s/etcd-backup/", "text/html; charset=utf-8"),
            ("/css/opsdocs.css", "text/css; charset=utf-8"), ("/js/search.js", "text/javascript; charset=utf-8"),
            ("/search/index.json", "application/json; charset=utf-8"), ("/atom.xml", "application/xml; charset=utf-8"),
            ("/favicon.svg", "image/svg+xml; charset=utf-8"), ("/robots.txt", "text/plain; charset=utf-8"),
            ("/snippets/k8s/etcd-backup/all.sh", "text/x-shellscript; charset=utf-8"),
        ]
        for (path, type) in expected {
            let response = try await project.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.header("Content-Type") == type, "\(path)")
            #expect(response.header("Cache-Control") == "no-cache", "\(path)")
            #expect(response.header("ETag") != nil, "\(path)")
        }
        let page = try await project.get("/k8s/etcd-backup/")
        #expect(page.text.contains("etcdctl snapshot save"))
        #expect(page.text.contains("/__opsdocs/live.js"), "served pages carry the live-reload script")
        #expect(!FileManager.default.fileExists(atPath: project.path("public")), "the preview writes nothing to disk")
        await project.stop()
    }

    @Test func anUnchangedFileCostsA304() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let first = try await project.get("/k8s/kubelet/")
        let etag = try #require(first.header("ETag"))
        let again = try await project.get("/k8s/kubelet/", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        await project.stop()
    }

    @Test func headSendsTheHeadersWithoutTheBody() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let get = try await project.get("/k8s/kubelet/")
        let head = try await project.get("/k8s/kubelet/", "HEAD")
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == "text/html; charset=utf-8")
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.body.isEmpty)
        await project.stop()
    }

    @Test func aFolderWithoutItsSlashRedirects() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let response = try await project.get("/k8s/etcd-backup")
        #expect(response.status == 301)
        #expect(response.header("Location") == "/k8s/etcd-backup/")
        let withQuery = try await project.get("/k8s?x=1")
        #expect(withQuery.header("Location") == "/k8s/?x=1")
        await project.stop()
    }

    @Test func anUnknownURLGetsTheSites404PageWithStatus404() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let response = try await project.get("/k8s/no-such-note/")
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "text/html; charset=utf-8")
        #expect(response.text.contains("运维笔记"), "the site's own 404 page, with its header")
        let post = try await project.get("/", "POST")
        #expect(post.status == 405)
        await project.stop()
    }

    @Test func noRequestReadsOutsideTheSite() async throws {
        var files = ServedProject.notes
        files["secret.txt"] = "TOPSECRET"
        let project = try await ServedProject(files)
        // A symlink in static/ to a file outside the project.
        try FileManager.default.createSymbolicLink(atPath: project.path("static/leak.txt"), withDestinationPath: project.path("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: project.path("static/passwd"), withDestinationPath: "/etc/passwd")
        let attempts = [
            "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
            "/k8s/..%2f..%2fsecret.txt", "/k8s%2f..%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
            "/index.html%00.css", "/k8s/%00", "/./secret.txt", "//etc/passwd", "/leak.txt", "/passwd",
            "/%252e%252e/secret.txt",
        ]
        // Restart so the symlinks are part of the build's static/ listing.
        await project.server.stop()
        var build = BuildOptions(source: project.root.appendingPathComponent("content"), output: project.root.appendingPathComponent("public"),
                                 projectRoot: project.root, sourceDisplay: "content")
        build.cacheFolder = nil
        let server = try PreviewServer(PreviewServer.Options(build: build, port: 0))
        let port = try await server.start().port ?? 0
        for path in attempts {
            let response = try await RawHTTP.request("GET", path, port: port)
            #expect([400, 404].contains(response.status), "\(path) → \(response.status)")
            #expect(!response.text.contains("TOPSECRET") && !response.text.contains("root:x:0:0"), "\(path)")
        }
        await server.stop()
        try? FileManager.default.removeItem(at: project.root)
    }

    @Test func aPortInUseIsAClearError() async throws {
        let project = try await ServedProject(ServedProject.notes)
        var build = BuildOptions(source: project.root.appendingPathComponent("content"), output: project.root.appendingPathComponent("public"),
                                 projectRoot: project.root, sourceDisplay: "content")
        build.cacheFolder = nil
        let second = try PreviewServer(PreviewServer.Options(build: build, port: UInt16(project.port)))
        do {
            _ = try await second.start()
            Issue.record("a second server started on a used port")
        } catch {
            #expect("\(error)".contains("port \(project.port)"))
            #expect("\(error)".contains("already in use"))
        }
        await project.stop()
    }
}
