// opsdocs.toml: defaults, every key, and forgiving handling of mistakes.

import Testing
@testable import OpsdocsConfig

@Suite struct ConfigLoaderTests {
    @Test func emptyConfigKeepsDefaults() {
        let (config, diags) = ConfigLoader.parse("", path: "opsdocs.toml")
        #expect(config == SiteConfig())
        #expect(diags.isEmpty)
        #expect(config.basePath == "/")
    }

    @Test func everyKey() {
        let (config, diags) = ConfigLoader.parse("""
        title = "运维笔记"
        baseURL = "https://example.org/docs"
        language = "en"
        author = "SRE"
        description = "d"
        [taxonomies]
        tag = "tags"
        [markdown]
        unsafe = true
        footnotes = false
        [home]
        limit = 5
        [feed]
        limit = 7
        """, path: "opsdocs.toml")
        #expect(diags.isEmpty)
        #expect(config.title == "运维笔记")
        #expect(config.basePath == "/docs/")
        #expect(config.origin == "https://example.org")
        #expect(config.language == "en")
        #expect(config.taxonomies == [SiteConfig.Taxonomy(singular: "tag", plural: "tags")])
        #expect(config.unsafeHTML)
        #expect(!config.footnotes)
        #expect(config.homeLimit == 5)
        #expect(config.feedLimit == 7)
    }

    @Test func unknownKeysAndWrongTypesAreWarningsAtTheirLine() {
        let (config, diags) = ConfigLoader.parse("title = \"x\"\ntheme = \"dark\"\n[markdown]\nunsafe = \"yes\"\n", path: "opsdocs.toml")
        #expect(config.title == "x")
        #expect(!config.unsafeHTML)
        #expect(diags.map(\.severity) == [.warning, .warning])
        #expect(diags.map(\.line) == [2, 4])
    }

    @Test func invalidTOMLIsAnError() {
        let (_, diags) = ConfigLoader.parse("title = \n", path: "opsdocs.toml")
        #expect(diags.first?.severity == .error)
        #expect(diags.first?.line == 1)
    }
}
