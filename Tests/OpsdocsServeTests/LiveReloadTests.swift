// Saving a note in an editor: the open page is told to reload and then gets the new text;
// a broken note shows an overlay while the last good page keeps being served.

import Foundation
import OpsdocsServe
import OpsdocsSite
import Testing

@Suite("opsdocs serve: watch, rebuild, live reload", .serialized)
struct LiveReloadTests {
    static let etcdNote = "content/k8s/etcd-backup.md"

    @Test func writingANoteInPlaceReloadsItsPageWithTheNewText() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let events = try await project.events()
        let text = ServedProject.notes[Self.etcdNote, default: ""] + "\n恢复时先停止 kube-apiserver。\n"
        try project.write(Self.etcdNote, text)
        #expect(await events.waitForEvent("reload", containing: "/k8s/etcd-backup/"))
        #expect(!events.text.contains("/k8s/kubelet/"), "an unrelated page is not reloaded")
        #expect(try await project.get("/k8s/etcd-backup/").text.contains("恢复时先停止 kube-apiserver"))
        await project.stop()
    }

    @Test func editorSavePatternsAreAllSeen() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let events = try await project.events()
        // Write to a temporary file, rename it over the note (vim's and VS Code's safe save).
        try project.write("content/k8s/kubelet.md", "---\ntitle: kubelet 参数\n---\n`--max-pods` 改成 250。\n", atomically: true)
        #expect(await events.waitForEvent("reload", containing: "/k8s/kubelet/"))
        #expect(try await project.get("/k8s/kubelet/").text.contains("改成 250"))
        events.clear()
        // Delete, then create.
        try FileManager.default.removeItem(atPath: project.path("content/linux/sysctl.md"))
        try project.write("content/linux/sysctl.md", "---\ntitle: 内核参数\n---\n`net.core.somaxconn = 65535`\n")
        #expect(await events.waitForEvent("reload", containing: "/linux/sysctl/"))
        #expect(try await project.get("/linux/sysctl/").text.contains("net.core.somaxconn"))
        await project.stop()
    }

    @Test func aNoteInANewFolderIsPickedUp() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let events = try await project.events()
        try FileManager.default.createDirectory(atPath: project.path("content/docker"), withIntermediateDirectories: true)
        try await Task.sleep(for: .milliseconds(100))
        try project.write("content/docker/dockerfile.md", "---\ntitle: Dockerfile 笔记\n---\n多阶段构建。\n")
        #expect(await events.waitForEvent("reload", containing: "/docker/dockerfile/"))
        #expect(try await project.get("/docker/dockerfile/").status == 200)
        events.clear()
        try project.write("content/docker/dockerfile.md", "---\ntitle: Dockerfile 笔记\n---\n多阶段构建，减小镜像。\n")
        #expect(await events.waitForEvent("reload", containing: "/docker/dockerfile/"), "the new folder is watched too")
        await project.stop()
    }

    @Test func brokenFrontMatterShowsTheOverlayWhileTheOldPageServes() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let events = try await project.events()
        try project.write(Self.etcdNote, "---\ntitle: [etcd 备份\n---\n新的正文\n")
        #expect(await events.waitForEvent("errors", containing: "content/k8s/etcd-backup.md:2"))
        let page = try await project.get("/k8s/etcd-backup/")
        #expect(page.status == 200)
        #expect(page.text.contains("etcdctl snapshot save"), "the last good page is still served")
        #expect(!page.text.contains("新的正文"))
        // A page opened now learns about the errors at once.
        let late = try await project.events(fresh: false)
        #expect(await late.waitForEvent("errors", containing: "etcd-backup.md"))
        events.clear()
        try project.write(Self.etcdNote, "---\ntitle: etcd 备份\n---\n新的正文\n")
        #expect(await events.waitForEvent("ok"))
        #expect(try await project.get("/k8s/etcd-backup/").text.contains("新的正文"))
        await project.stop()
    }

    @Test func aStylesheetChangeSwapsTheStylesheetWithoutAReload() async throws {
        let project = try await ServedProject(ServedProject.notes)
        let events = try await project.events()
        try project.write("theme/static/css/extra.css", "body { color: navy; }\n")
        #expect(await events.waitForEvent("css", containing: "/css/extra.css"))
        #expect(!events.text.contains("event: reload"))
        #expect(try await project.get("/css/extra.css").text.contains("navy"))
        await project.stop()
    }

    @Test func aTemplateChangeReloadsEveryPage() async throws {
        var files = ServedProject.notes
        files["theme/templates/404.mustache"] = "<html><body>没有这一页</body></html>"
        let project = try await ServedProject(files)
        let events = try await project.events()
        try project.write("theme/templates/404.mustache", "<html><body>没有这一页（新）</body></html>")
        #expect(await events.waitForEvent("reload", containing: "/404.html"))
        #expect(try await project.get("/missing/").text.contains("没有这一页（新）"))
        await project.stop()
    }
}
