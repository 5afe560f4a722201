// Title, date and URL inference, and the rule that no slug or URL may leave the site.

import OpsdocsConfig
import Testing
@testable import OpsdocsContent

@Suite struct PageBuilderTests {
    private func page(_ path: String, _ text: String) -> (Page?, [Diagnostic]) {
        PageBuilder.build(sourcePath: path, text: text, displayPath: "content/" + path, config: SiteConfig())
    }

    @Test func datePrefixGivesDateAndLeavesTheSlug() throws {
        let (p, diags) = page("linux/2024-04-08-sysctl-tuning.md", "# 内核参数\n")
        let built = try #require(p)
        #expect(diags.isEmpty)
        #expect(built.date == PageDate(year: 2024, month: 4, day: 8))
        #expect(built.url == "linux/sysctl-tuning/")
        #expect(built.declaredTitle == nil)
        #expect(built.fileTitle == "sysctl-tuning")
    }

    @Test func frontMatterDateWinsAndKeepsTheWrittenDay() throws {
        let built = try #require(page("a/2020-01-01-x.md", "---\ndate: 2024-05-21T00:30:00+08:00\n---\n").0)
        #expect(built.date?.day8601 == "2024-05-21")  // not shifted to 2024-05-20 in UTC
        #expect(built.date?.rfc3339 == "2024-05-21T00:30:00+08:00")
    }

    @Test func undatedPageWithoutFrontMatter() throws {
        let built = try #require(page("k8s/overview.md", "正文\n").0)
        #expect(built.date == nil)
        #expect(built.url == "k8s/overview/")
        #expect(built.fileTitle == "overview")
    }

    @Test func indexFilesAreTheirFolderPage() throws {
        #expect(try #require(page("k8s/etcd-backup/index.md", "").0).url == "k8s/etcd-backup/")
        #expect(try #require(page("k8s/_index.md", "").0).url == "k8s/")
        #expect(try #require(page("k8s/README.md", "").0).url == "k8s/")
        #expect(try #require(page("_index.md", "").0).url == "")
        let readme = PageBuilder.build(sourcePath: "k8s/README.md", text: "", displayPath: "x", config: SiteConfig(),
                                       readmeIsIndex: false).0
        #expect(readme?.url == "k8s/README/")
    }

    @Test func slugAndURLFromFrontMatter() throws {
        #expect(try #require(page("k8s/a.md", "---\nslug: apiserver\n---\n").0).url == "k8s/apiserver/")
        #expect(try #require(page("k8s/a.md", "---\nurl: /ops/api/\n---\n").0).url == "ops/api/")
    }

    @Test func pathEscapesAreErrorsAtTheirLine() {
        for (text, line) in [("---\ntitle: x\nslug: ../../etc\n---\n", 3), ("---\nslug: /abs\n---\n", 2),
                             ("---\nurl: ../outside\n---\n", 2), ("+++\ntitle = \"x\"\nurl = \"a/../../b\"\n+++\n", 3)] {
            let (p, diags) = page("k8s/a.md", text)
            #expect(p == nil)
            #expect(diags.count == 1)
            #expect(diags.first?.severity == .error)
            #expect(diags.first?.line == line)
            #expect(diags.first?.kind == "path")
        }
        let (p, diags) = page("k8s/a.md", "---\naliases: [\"/old/a/\", \"../../x\"]\n---\n")
        #expect(p?.aliases == ["old/a/"])
        #expect(diags.map(\.kind) == ["path"])
    }

    @Test func badDateIsAWarningNotAnError() throws {
        let (p, diags) = page("a.md", "---\ndate: 下周一\n---\n")
        #expect(p != nil)
        #expect(p?.date == nil)
        #expect(diags.map(\.severity) == [.warning])
        #expect(diags.first?.line == 2)
    }

    @Test func taxonomiesAndOtherFields() throws {
        let built = try #require(page("a.md", "---\ntags: docker\ncategories: [容器, 运维]\nauthor: 张三\nweight: 5\ndraft: true\npart_id: p1\n---\n").0)
        #expect(built.terms["tags"] == ["docker"])
        #expect(built.terms["categories"] == ["容器", "运维"])
        #expect(built.authors == ["张三"])
        #expect(built.weight == 5)
        #expect(built.draft)
        #expect(built.frontMatter["part_id"] == .string("p1"))
    }
}
