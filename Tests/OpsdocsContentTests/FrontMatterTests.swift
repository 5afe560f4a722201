// Front matter in the three formats ops notes use, none at all, and broken ones.

import Testing
@testable import OpsdocsContent

@Suite struct FrontMatterTests {
    private func parse(_ text: String) -> (FrontMatter, String)? {
        guard case .success(let (fm, body)) = FrontMatterParser.split(text) else { return nil }
        return (fm, String(body))
    }

    @Test func yamlFieldsTypesAndBody() throws {
        let (fm, body) = try #require(parse("""
        ---
        title: "etcd 备份"
        date: 2024-06-02
        tags: [kubernetes, etcd]
        weight: 3
        draft: false
        icon: fa-solid fa-database
        ---
        正文第一行
        """))
        #expect(fm.format == .yaml)
        #expect(fm.fields["title"] == .string("etcd 备份"))
        #expect(fm.fields["date"]?.string == "2024-06-02")
        #expect(fm.fields["tags"]?.stringList == ["kubernetes", "etcd"])
        #expect(fm.fields["weight"] == .int(3))
        #expect(fm.fields["draft"] == .bool(false))
        #expect(fm.fields["icon"] == .string("fa-solid fa-database"))
        #expect(fm.bodyLineOffset == 8)
        #expect(fm.line(of: "tags") == 4)
        #expect(body == "正文第一行")
    }

    @Test func tomlFrontMatter() throws {
        let (fm, body) = try #require(parse("+++\ntitle = \"kube-apiserver\"\ntags = [\"k8s\"]\nweight = 1\n+++\n\n# x\n"))
        #expect(fm.format == .toml)
        #expect(fm.fields["title"] == .string("kube-apiserver"))
        #expect(fm.fields["tags"]?.stringList == ["k8s"])
        #expect(fm.fields["weight"]?.int == 1)
        #expect(fm.bodyLineOffset == 5)
        #expect(body == "\n# x\n")
    }

    @Test func jsonFrontMatter() throws {
        let (fm, body) = try #require(parse("{\n  \"title\": \"安装 {k8s}\",\n  \"draft\": true,\n  \"weight\": 2\n}\n正文\n"))
        #expect(fm.format == .json)
        #expect(fm.fields["title"] == .string("安装 {k8s}"))
        #expect(fm.fields["draft"] == .bool(true))
        #expect(fm.fields["weight"] == .int(2))
        #expect(fm.bodyLineOffset == 5)
        #expect(body == "正文\n")
    }

    @Test func noFrontMatterIsNormal() throws {
        let (fm, body) = try #require(parse("# 标题\n\n--- 不是 front matter\n"))
        #expect(fm.format == .none)
        #expect(fm.fields.isEmpty)
        #expect(body == "# 标题\n\n--- 不是 front matter\n")
    }

    @Test func malformedYAMLPointsAtTheLine() {
        guard case .failure(let error) = FrontMatterParser.split("---\ntitle: ok\ntags: [a, b\ndate: 2024-01-01\n---\nbody") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.line >= 3 && error.line <= 5)
        #expect(error.message.contains("YAML"))
    }

    @Test func unterminatedFrontMatterIsAnError() {
        guard case .failure(let error) = FrontMatterParser.split("---\ntitle: 没有结束\n\n正文\n") else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.line == 1)
        #expect(error.message.contains("never closed"))
    }

    @Test func malformedTOMLAndJSON() {
        if case .success = FrontMatterParser.split("+++\ntitle = \n+++\n") { Issue.record("bad TOML accepted") }
        if case .success = FrontMatterParser.split("{ \"title\": }\n") { Issue.record("bad JSON accepted") }
        if case .success = FrontMatterParser.split("---\n- a list\n---\n") { Issue.record("a YAML list accepted as front matter") }
    }
}

@Suite struct HostileFrontMatterTests {
    @Test func yamlAliasBombIsRefusedQuickly() {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "tags: *i\n---\n正文\n"
        guard case .failure(let error) = FrontMatterParser.split(yaml) else {
            Issue.record("a 10^9-value alias expansion was accepted")
            return
        }
        #expect(error.message.contains("more than"))
    }

    @Test func aNoteOpeningWithATemplateTagIsNotJSON() throws {
        guard case .success(let (fm, body)) = FrontMatterParser.split("{{< callout >}}\n注意\n{{< /callout >}}\n") else {
            Issue.record("shortcode taken for JSON front matter")
            return
        }
        #expect(fm.format == .none)
        #expect(body.hasPrefix("{{<"))
    }
}
