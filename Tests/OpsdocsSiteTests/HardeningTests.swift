// Spec of a build facing hostile input and hostile timing: names that collide or are too long
// for a file system, tags that would make paths or markup, the verification cache kept inside
// the output folder, one build per output at a time, and nothing written anywhere else
// whatever the current folder. Notes come from Tests/Fixtures/hostile/.

import Foundation
import Glibc
import Testing
@testable import OpsdocsSite
import OpsdocsSnippets

private let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/hostile")
private func fixture(_ name: String) throws -> String {
    try String(contentsOf: hostile.appendingPathComponent(name), encoding: .utf8)
}

@Suite struct ScriptURLTests {
    @Test func noOutputOfTheSiteCarriesAScriptURL() throws {
        var files = SiteFixture.opsNotes
        files["content/evil.md"] = "---\ntitle: 链接\ndate: 2024-07-01\n---\n" + (try fixture("unsafe-urls.md"))
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.published)
        let warnings = report.diagnostics.filter { $0.kind == "unsafe-url" }
        #expect(warnings.count == 11 && warnings.allSatisfy { $0.file == "content/evil.md" && $0.severity == .warning })
        for (path, data) in site.tree("public") where !path.hasPrefix(".opsdocs/") {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            for attribute in ["href=\"javascript", "src=\"javascript", "href=\"vbscript", "href=\"data:text",
                              "href=\"file:", "href=\"&#106;", "href=&quot;javascript", "src=&quot;javascript"] {
                #expect(!text.contains(attribute), "\(path) has \(attribute)")
            }
        }
        // The feed carries the note's text, made safe the same way.
        #expect(site.read("public/atom.xml")?.contains("安全的：") == true)
    }
}

@Suite struct CollidingURLTests {
    @Test func aliasesOntoGeneratedFilesOrOtherPagesAreErrorsAndTheOldSiteStays() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        let before = site.tree("public")
        try site.write("content/thief.md", try fixture("aliases.md"))
        let report = try site.build()  // must not throw: a bad alias is a note's error, not the build's
        #expect(!report.published)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 5)
        #expect(errors.allSatisfy { $0.file == "content/thief.md" && $0.line == 3 && $0.kind == "duplicate-url" })
        #expect(errors.contains { $0.message.contains("/atom.xml is a file of the site") })
        #expect(errors.contains { $0.message.contains("/css/opsdocs.css is a file of the site") })
        #expect(errors.contains { $0.message.contains("/index.html is a file of the site") })
        #expect(errors.contains { $0.message.contains("alias /tags/ is the tags index") })
        #expect(errors.contains { $0.message.contains("alias /k8s/kube-apiserver/ is the URL of content/k8s/kube-apiserver.md:1") })
        #expect(site.tree("public") == before)
    }

    @Test func twoNotesOnOneURLNameBothLines() throws {
        var files = SiteFixture.opsNotes
        files["content/k8s/copy.md"] = "---\ntitle: 副本\nslug: kube-apiserver\n---\n正文\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        let error = try #require(report.diagnostics.first { $0.kind == "duplicate-url" })
        // Notes are taken in path order: copy.md claims the URL first.
        #expect(error.file == "content/k8s/kube-apiserver.md" && error.line == 1)
        #expect(error.message.contains("already produced by content/k8s/copy.md:3"))
    }
}

@Suite struct LongAndOddNameTests {
    @Test func longSlugsTagsAndAliasesAreShortenedWithAWarningAndTheSiteIsBuilt() throws {
        var files = SiteFixture.opsNotes
        files["content/names.md"] = try fixture("names.md")
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.published, "\(report.diagnostics.filter { $0.severity == .error })")
        let paths = site.tree("public").keys
        let longest = paths.flatMap { $0.split(separator: "/") }.map(\.utf8.count).max() ?? 0
        #expect(longest <= 200)
        let warnings = report.diagnostics.filter { $0.file == "content/names.md" && $0.kind == "path" }
        #expect(warnings.map(\.line).sorted() == [11, 13])
        // The shortened names keep a readable beginning and a hash that keeps them apart.
        #expect(paths.contains { $0.hasPrefix("这是一个非常非常非常长的网址") && $0.hasSuffix("/index.html") })
        #expect(paths.contains { $0.hasPrefix("tags/这是一个非常非常非常长的标签") && $0.hasSuffix("/index.html") })
    }

    @Test func tagsBecomeSlugsThatCannotMakePathsOrMarkup() throws {
        var files = SiteFixture.opsNotes
        files["content/names.md"] = try fixture("names.md")
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(site.exists("public/tags/b-tag-b/index.html"))
        #expect(site.exists("public/tags/a-b/index.html"))
        #expect(site.exists("public/tags/term/index.html"))
        #expect(!site.tree("public").keys.contains { $0.contains("<") || $0.contains("\\") || $0.contains("/../") })
        // Two spellings on one slug share one page, and the author is told.
        let merged = report.diagnostics.filter { $0.kind == "taxonomy" }.map(\.message)
        #expect(merged.contains("tags `a\\b` and `a/b` share the page /tags/a-b/"))
        #expect(merged.contains("tags `.` and `..` share the page /tags/term/"))
        // `Kubernetes` here and `kubernetes` in another note are one term.
        #expect(merged.contains { $0.contains("`kubernetes`") && $0.contains("`Kubernetes`") })
        let tagPage = try #require(site.read("public/tags/b-tag-b/index.html"))
        #expect(tagPage.contains("&lt;b&gt;tag&lt;/b&gt;"))
        #expect(!tagPage.contains("<b>tag</b>"))
    }
}

@Suite struct BuildStateTests {
    @Test func theVerificationCacheLivesInTheOutputAndSurvivesTheSwap() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        let cache = try #require(site.read("public/.opsdocs/verification.json"))
        #expect(try site.build().published)
        #expect(site.read("public/.opsdocs/verification.json") == cache)
        #expect(!site.exists(".opsdocs-cache"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "opsdocs.toml", "public"])
    }

    @Test func aBuildWithNothingChangedWritesNothingAndReportsTheSameDiagnostics() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.published && !first.upToDate)
        let index = site.root.appendingPathComponent("public/index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let again = try site.build()
        #expect(again.upToDate)
        #expect(again.diagnostics == first.diagnostics)
        #expect(again.pageCount == first.pageCount)
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == before)
        // Any change of input builds again: a note, a removed output file, the options.
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n`net.core.somaxconn = 4096`\n")
        #expect(try !site.build().upToDate)
        #expect(try site.build().upToDate)
        try FileManager.default.removeItem(atPath: site.root.appendingPathComponent("public/archive/index.html").path)
        #expect(try !site.build().upToDate)
        #expect(site.exists("public/archive/index.html"))
        var drafts = site.options()
        drafts.includeDrafts = true
        #expect(try !SiteBuilder.build(drafts).upToDate)
    }

    @Test func aCacheFolderTheUserNamesIsUsedInstead() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        var options = site.options()
        options.cacheFolder = site.root.appendingPathComponent("ci-cache")
        #expect(try SiteBuilder.build(options).published)
        #expect(site.exists("ci-cache/verification.json"))
        #expect(!site.exists("public/.opsdocs"))
    }

    @Test func snippetsKeepsTheHeadingsTransliterationsInItsCache() throws {
        // `opsdocs snippets` has no build state: its cache folder keeps what ICU made of the
        // headings, so a warm run (a CI job) does not transliterate them again.
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        var options = site.options()
        options.cacheFolder = site.root.appendingPathComponent("ci-cache")
        try site.write("content/k8s/upgrade.md", "# 升级\n\n## 滚动升级\n\n```bash\nkubectl drain node-01 --ignore-daemonsets\n```\n")
        let cold = SnippetCommand.collect(options, query: SnippetQuery())
        let saved = try #require(site.read("ci-cache/verification.json"))
        let cache = try JSONDecoder().decode(VerificationCache.self, from: Data(saved.utf8))
        #expect(cache.transliterations?.keys.contains { $0.contains("滚动升级") } == true)
        let warm = SnippetCommand.collect(options, query: SnippetQuery())
        #expect(warm.snippets.map(\.id) == cold.snippets.map(\.id))
        #expect(warm.snippets.contains { $0.id.hasPrefix("gun-dong-sheng-ji") })
        // A cache written before it kept them still loads, without a warning.
        try site.write("ci-cache/verification.json",
                       String(decoding: SnippetCacheStore.encode(VerificationCache(entries: cache.entries)), as: UTF8.self))
        #expect(!SnippetCommand.collect(options, query: SnippetQuery()).diagnostics.contains { $0.kind == "cache" })
    }

    @Test func anUnreadableCacheIsAWarningNotSilence() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        try site.write("public/.opsdocs/verification.json", "{not json")
        try site.write("content/linux/new.md", "# 新笔记\n\n```bash\nuname -r\n```\n")  // so the build has work to do
        let report = try site.build()
        #expect(report.published)
        #expect(report.diagnostics.contains { $0.kind == "cache" && $0.message.contains("verified again") })
        #expect(site.read("public/.opsdocs/verification.json")?.hasPrefix("{\"") == true)
    }

    @Test func anUnwritableCacheFolderIsAWarning() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        try site.write("blocked", "a file where the cache folder should be")
        var options = site.options()
        options.cacheFolder = site.root.appendingPathComponent("blocked/cache")
        let report = try SiteBuilder.build(options)
        #expect(report.published)
        #expect(report.diagnostics.contains { $0.kind == "cache" && $0.message.contains("cannot write") })
    }

    @Test func snippetsWithoutAnOutputFolderKeepNoCache() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        var options = site.options()
        options.cacheFolder = nil
        _ = SnippetCommand.collect(options, query: SnippetQuery())
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == ["content", "opsdocs.toml"])
    }
}

@Suite struct BuildLockTests {
    @Test func aSecondBuildThatWillNotWaitIsRefusedWhileTheFirstHoldsTheLock() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        let held = try BuildLock(output: site.root.appendingPathComponent("public"), wait: false, waiting: { _ in })
        var options = site.options()
        options.waitForLock = false
        #expect(throws: BuildLockBusy.self) { try SiteBuilder.build(options) }
        held.release()
        #expect(try SiteBuilder.build(options).published)
        // A clean run leaves nothing beside the output folder.
        #expect(!site.exists(".public.opsdocs-lock"))
        #expect(!site.exists(".public.opsdocs-tmp"))
    }

    @Test func aStaleLockFromAKilledBuildIsTakenOver() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        try site.write(".public.opsdocs-lock", "999999\n")  // its process is gone: nobody holds it
        var options = site.options()
        options.waitForLock = false
        #expect(try SiteBuilder.build(options).published)
        #expect(!site.exists(".public.opsdocs-lock"))
    }

    @Test func overlappingBuildsLeaveOneCompleteSite() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        let expected = site.tree("public")
        let waits = WaitCounter()
        var options = site.options()
        options.onWait = { _ in waits.add() }
        let opts = options
        // Real threads, not tasks; and the lock held here until all four have started, so every
        // one of them meets a build in progress, however busy the machine is.
        let held = try BuildLock(output: site.root.appendingPathComponent("public"), wait: false, waiting: { _ in })
        let published = WaitCounter()
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread {
                if (try? SiteBuilder.build(opts).published) == true { published.add() }
                group.leave()
            }.start()
        }
        Thread.sleep(forTimeInterval: 0.5)
        held.release()
        group.wait()
        #expect(published.count == 4)
        #expect(site.tree("public") == expected)
        #expect(waits.count >= 1)
    }
}

final class WaitCounter: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

import Synchronization

@Suite struct NothingOutsideTheOutputTests {
    /// The `opsdocs` binary built beside the tests.
    static var binary: URL? {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                              .deletingLastPathComponent().appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("opsdocs") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Names in `folder` (one level), or every path below it with `deep`.
    static func snapshot(_ folder: String, deep: Bool) -> Set<String> {
        if !deep { return Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []) }
        var out: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let rel = enumerator?.nextObject() as? String { out.insert(rel) }
        return out
    }

    @Test(arguments: ["/", "HOME", "unrelated"])
    func aBuildRunFromAnyFolderWritesOnlyItsOutput(from place: String) throws {
        guard let binary = Self.binary else {
            Issue.record("the opsdocs binary is not built beside the tests")
            return
        }
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        let unrelated = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: unrelated, withIntermediateDirectories: true)
        let cwd = place == "/" ? "/" : place == "HOME" ? FileManager.default.homeDirectoryForCurrentUser.path : unrelated.path
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("opsdocs-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var watched: [String: Bool] = [:]
        for folder in ["/", FileManager.default.homeDirectoryForCurrentUser.path, cwd, FileManager.default.temporaryDirectory.path] {
            watched[folder] = false
        }
        watched[site.root.path] = true
        var before: [String: Set<String>] = [:]
        for (folder, deep) in watched { before[folder] = Self.snapshot(folder, deep: deep) }

        for _ in 0..<2 {  // the second build reads the cache and replaces the first output
            let process = Process()
            process.executableURL = binary
            process.arguments = ["build", "--quiet", "--source", site.root.appendingPathComponent("content").path,
                                 "--output", output.path]
            process.currentDirectoryURL = URL(fileURLWithPath: cwd)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".opsdocs/verification.json").path))
        for (folder, deep) in watched {
            var after = Self.snapshot(folder, deep: deep)
            if folder == FileManager.default.temporaryDirectory.path {
                // Other tests come and go in the temporary folder: only look for ours.
                after = after.filter { $0.contains(output.lastPathComponent) && $0 != output.lastPathComponent }
                #expect(after.isEmpty, "beside the output: \(after)")
                continue
            }
            #expect(after == before[folder], "\(folder) changed: \(after.symmetricDifference(before[folder] ?? []))")
        }
    }
}

/// Each defect a hostile run found (a helper trying to break the build), kept as a case.
@Suite struct HostileRunTests {
    @Test func aTemplateThatIncludesItselfIsAnErrorNotACrash() throws {
        var files = SiteFixture.opsNotes
        files["theme/templates/page.mustache"] = "{{>page}}"
        files["theme/templates/base.mustache"] = "{{<base}}{{/base}}"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        let errors = report.diagnostics.filter { $0.kind == "template" }
        #expect(errors.map(\.file).sorted() == ["theme/templates/base.mustache", "theme/templates/page.mustache"])
        #expect(!report.published)
    }

    @Test func aFIFOInStaticIsSkippedInsteadOfBlockingTheBuild() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("static"), withIntermediateDirectories: true)
        #expect(mkfifo(site.root.appendingPathComponent("static/pipe.txt").path, 0o644) == 0)
        #expect(try site.build().published)
        #expect(!site.exists("public/pipe.txt"))
    }

    @Test func theLockNeverFollowsASymlink() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        try site.write("victim.txt", "keep me")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(".public.opsdocs-lock").path,
                                                   withDestinationPath: site.root.appendingPathComponent("victim.txt").path)
        #expect(throws: (any Error).self) { try site.build() }
        #expect(site.read("victim.txt") == "keep me")
    }

    @Test func imagesOnOtherHostsWithoutSlashesAndNearMissDataTypesNeverLoad() throws {
        var files = SiteFixture.opsNotes
        files["content/img.md"] = "# 图\n\n![a](https:evil.example/x.png) ![b](http:/evil.example/y.png) "
            + "![c](data:image/pngx,abc) [d](data:image/png+xml,abc) ![ok](data:image/gif;base64,R0lG)\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        let page = try #require(site.read("public/img/index.html"))
        #expect(!page.contains("src=\"https:evil") && !page.contains("src=\"http:/evil"))
        #expect(page.contains("外部图片：a") && page.contains("外部图片：b"))
        #expect(!page.contains("data:image/pngx") && !page.contains("data:image/png+xml"))
        #expect(page.contains("src=\"data:image/gif;base64,R0lG\""))
        #expect(report.diagnostics.filter { $0.kind == "unsafe-url" }.count == 2)
    }

    @Test func aTableWithAnOverWideBodyRowIsShownAsSource() throws {
        var files = SiteFixture.opsNotes
        files["content/wide.md"] = "|h|\n|-|\n" + String(repeating: "|", count: 60_000) + "\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.kind == "table" && $0.file == "content/wide.md" })
        #expect(site.read("public/wide/index.html")?.contains("table-source") == true)
    }

    @Test func aKilledBuildsStagingFolderGoesEvenWhenNothingChanged() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        try site.write(".public.opsdocs-tmp/half.html", "<p>half a site</p>")
        #expect(try site.build().upToDate)
        #expect(!site.exists(".public.opsdocs-tmp"))
    }

    @Test func anOutputFileEditedInPlaceIsWrittenAgainEvenAtTheSameSize() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        #expect(try site.build().published)
        let page = try #require(site.read("public/k8s/kube-apiserver/index.html"))
        try site.write("public/k8s/kube-apiserver/index.html", page.replacingOccurrences(of: "<html", with: "<HTML"))
        #expect(try !site.build().upToDate)
        #expect(site.read("public/k8s/kube-apiserver/index.html") == page)
    }

    @Test func twoOutputsSharingACacheFolderKeepTheirOwnState() throws {
        let site = try SiteFixture(SiteFixture.opsNotes)
        defer { site.remove() }
        func options(_ output: String) -> BuildOptions {
            var o = site.options(output: output)
            o.cacheFolder = site.root.appendingPathComponent("ci-cache")
            return o
        }
        _ = try SiteBuilder.build(options("out1"))
        _ = try SiteBuilder.build(options("out2"))
        try site.write("content/linux/2024-04-08-sysctl.md", "# 内核参数调优\n\n新的正文\n")
        #expect(try !SiteBuilder.build(options("out1")).upToDate)
        #expect(try !SiteBuilder.build(options("out2")).upToDate)
        #expect(site.read("out2/linux/sysctl/index.html")?.contains("新的正文") == true)
    }

    @Test func nothingIsPublishedInsideTheBuildState() throws {
        var files = SiteFixture.opsNotes
        files["content/hidden.md"] = "---\nslug: .opsdocs\naliases: [/.opsdocs/old/, .opsdocs-output]\n---\n正文\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()  // an error at the note's line, never exit 2
        #expect(report.diagnostics.contains { $0.file == "content/hidden.md" && $0.line == 2 && $0.kind == "path" })
        #expect(!report.published)
    }

    @Test func aTaxonomyNameThatIsAPathOrAGeneratedPageIsAConfigError() throws {
        var files = SiteFixture.opsNotes
        files["opsdocs.toml"] = "[taxonomies]\ntag = \"../x\"\ncategory = \"archive\"\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.filter { $0.kind == "config" && $0.severity == .error }.count == 2)
    }

    @Test func everyDiagnosticIsOneLine() throws {
        var files = SiteFixture.opsNotes
        files["content/dup.md"] = "---\ntitle: a\ntitle: b\n---\n正文\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(!report.diagnostics.isEmpty)
        #expect(report.diagnostics.allSatisfy { !$0.formatted().contains("\n") && !$0.message.isEmpty })
    }

    @Test func aSnippetCannotTakeThePagesAllShName() throws {
        var files = SiteFixture.opsNotes
        // A block that needs filling in has a file of its own: `{#all}` must not make it all.sh.
        files["content/ids.md"] = "# 命令\n\n```bash {#all}\nssh <host> uname -r\n```\n\n```bash\nuname -r\n```\n"
        let site = try SiteFixture(files)
        defer { site.remove() }
        #expect(try site.build().published)
        let all = try #require(site.read("public/snippets/ids/all.sh"))
        #expect(all.contains("set -e") && all.contains("\nuname -r\n"))  // the page's aggregate, not the block's own file
        #expect(!all.contains("<host>"))
        #expect(site.tree("public/snippets/ids").count == 2)
    }

    @Test func aStaticFileShadowedByAGeneratedOneIsReported() throws {
        var files = SiteFixture.opsNotes
        files["static/atom.xml"] = "<feed/>"
        let site = try SiteFixture(files)
        defer { site.remove() }
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.file == "static/atom.xml" && $0.message.contains("/atom.xml") })
    }

    @Test func anOutputInsideTheNotesThroughASymlinkOrInsideStaticIsRefused() throws {
        let site = try SiteFixture(SiteFixture.opsNotes.merging(["static/robots.txt": "x"]) { a, _ in a })
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("link").path,
                                                   withDestinationPath: site.root.appendingPathComponent("content").path)
        #expect(throws: OutputFolderError.self) { try SiteBuilder.build(site.options(output: "link/out")) }
        #expect(throws: OutputFolderError.self) { try SiteBuilder.build(site.options(output: "static/site")) }
        #expect(!site.exists("content/out") && !site.exists("static/site"))
    }
}

