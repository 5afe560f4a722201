// What a note's bytes must look like before anything parses them.

import Testing
@testable import OpsdocsContent

@Suite struct SourceTextTests {
    @Test func bomAndCRLFJustWork() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: 测试\r\n---\r\n正文\r\n".utf8)
        #expect(try SourceText.decode(bytes).get() == "---\ntitle: 测试\n---\n正文\n")
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        let bytes = Array("第一行\n中文 ".utf8) + [0xC3, 0x28] + Array(" 后面\n".utf8)
        guard case .failure(let error) = SourceText.decode(bytes) else {
            Issue.record("invalid UTF-8 accepted")
            return
        }
        #expect(error.line == 2)
        #expect(error.column == 4)
    }

    @Test func gbkEncodedFileIsRejected() {
        // "中文" in GBK
        guard case .failure = SourceText.decode([0xD6, 0xD0, 0xCE, 0xC4]) else {
            Issue.record("GBK accepted as UTF-8")
            return
        }
    }
}
