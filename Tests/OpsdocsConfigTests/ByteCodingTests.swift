// The build state's byte format: every value comes back as it went in, the bytes do not
// depend on a dictionary's order, and bytes it did not write are refused, never misread.

import Foundation
import OpsdocsConfig
import Testing

@Suite struct ByteCodingTests {
    struct Note: ByteCodable, Equatable {
        var title: String
        var summary: String?
        var weight: Int
        var ratio: Double
        var draft: Bool
        var terms: [String: [String]]
        var lines: [Int]
        var bytes: Data

        func write(to out: inout ByteWriter) {
            out.string(title)
            out.optional(summary) { $0.string($1) }
            out.int(weight)
            out.double(ratio)
            out.bool(draft)
            out.dictionary(terms) { $0.strings($1) }
            out.ints(lines)
            out.data(bytes)
        }

        init(title: String, summary: String?, weight: Int, ratio: Double, draft: Bool, terms: [String: [String]], lines: [Int], bytes: Data) {
            (self.title, self.summary, self.weight, self.ratio, self.draft) = (title, summary, weight, ratio, draft)
            (self.terms, self.lines, self.bytes) = (terms, lines, bytes)
        }

        init(from input: inout ByteReader) throws {
            title = try input.string()
            summary = try input.optional { try $0.string() }
            weight = try input.int()
            ratio = try input.double()
            draft = try input.bool()
            terms = try input.dictionary { try $0.strings() }
            lines = try input.ints()
            bytes = try input.data()
        }
    }

    let note = Note(title: "内核参数调优 · sysctl", summary: nil, weight: -3, ratio: 36.441236312214, draft: true,
                    terms: ["tags": ["kubernetes", "升级"], "categories": []], lines: [0, 1, 127, 128, 1 << 40, -1, Int.min, Int.max],
                    bytes: Data([0, 255, 10]))

    @Test func valuesComeBackAsTheyWentIn() throws {
        #expect(try Note(decoding: note.encoded) == note)
        var withSummary = note
        withSummary.summary = ""
        #expect(try Note(decoding: withSummary.encoded) == withSummary)
    }

    @Test func theBytesDoNotDependOnDictionaryOrder() throws {
        var a = note, b = note
        a.terms = Dictionary(uniqueKeysWithValues: (0..<500).map { ("note-\($0).md", ["\($0)"]) })
        for key in a.terms.keys.sorted().reversed() { b.terms[key] = a.terms[key] }
        b.terms["tags"] = nil
        b.terms["categories"] = nil
        #expect(a.encoded == b.encoded)
    }

    @Test func cutOrForeignBytesAreRefused() throws {
        let bytes = note.encoded
        #expect(throws: (any Error).self) { try Note(decoding: bytes.prefix(bytes.count - 2)) }
        #expect(throws: (any Error).self) { try Note(decoding: bytes + Data([0])) }
        #expect(throws: (any Error).self) { try Note(decoding: Data("{\"title\":\"x\"}".utf8)) }
        #expect(throws: (any Error).self) { try Note(decoding: Data()) }
    }
}
