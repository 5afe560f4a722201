// Every label in both languages, chosen by the language tag.

import Testing
@testable import OpsdocsConfig

@Suite struct UIStringsTests {
    @Test func everyLabelHasBothLanguages() {
        for (key, entry) in UIStrings.table {
            #expect(!entry.en.isEmpty && !entry.zh.isEmpty, "\(key)")
            #expect(!entry.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): Chinese in the English label")
        }
        for key in UIStrings.scriptKeys { #expect(UIStrings.table[key] != nil, "\(key)") }
    }

    @Test func theLanguageTagChoosesTheTable() {
        #expect(UIStrings(language: "zh-CN")["toc"] == "目录")
        #expect(UIStrings(language: "zh-Hant")["toc"] == "目录")
        #expect(UIStrings(language: "en")["toc"] == "Contents")
        #expect(UIStrings(language: "en-US")["copy"] == "Copy")
        #expect(UIStrings(language: "de")["copy"] == "Copy", "a language the table lacks reads English")
        #expect(UIStrings(language: "en")["noSuchLabel"] == "noSuchLabel")
    }

    @Test func placeholdersAreFilledAndTheScriptsGetJSON() {
        #expect(UIStrings(language: "en").format("readingTime", ["n": "7"]) == "7 min read")
        #expect(UIStrings(language: "zh").format("noResults", ["q": "etcd"]) == "没有找到与“etcd”相关的内容")
        let json = UIStrings(language: "en").scriptJSON
        #expect(json.hasPrefix("{\"buildFailed\":"))
        #expect(json.contains("\"copied\":\"Copied\""))
    }
}
