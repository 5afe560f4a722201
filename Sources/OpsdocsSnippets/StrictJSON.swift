// A strict RFC 8259 validator. Foundation's parser on Linux accepts trailing commas, which
// Docker (exec-form CMD) and most tools reject, so JSON blocks are checked with this instead.

enum StrictJSON {
    struct Failure: Error, Equatable { var line: Int; var message: String }

    static func validate(_ text: String) -> Failure? {
        var parser = Parser(bytes: Array(text.utf8))
        do {
            parser.skipSpace()
            try parser.value(depth: 0)
            parser.skipSpace()
            if parser.index < parser.bytes.count { throw parser.fail("unexpected text after the JSON value") }
            return nil
        } catch let failure as Failure {
            return failure
        } catch {
            return Failure(line: 1, message: "\(error)")
        }
    }

    /// True when `text` is exactly a JSON array of strings (Docker's exec form).
    static func isArrayOfStrings(_ text: String) -> Bool {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "[") else { return false }
        parser.index += 1
        parser.skipSpace()
        if parser.peek == UInt8(ascii: "]") { parser.index += 1; parser.skipSpace(); return parser.index == parser.bytes.count }
        while true {
            guard parser.peek == UInt8(ascii: "\""), (try? parser.string()) != nil else { return false }
            parser.skipSpace()
            if parser.peek == UInt8(ascii: ",") { parser.index += 1; parser.skipSpace(); continue }
            guard parser.peek == UInt8(ascii: "]") else { return false }
            parser.index += 1
            parser.skipSpace()
            return parser.index == parser.bytes.count
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fail(_ message: String) -> Failure {
            let line = bytes[0..<min(index, bytes.count)].filter { $0 == 0x0A }.count + 1
            return Failure(line: line, message: message)
        }

        mutating func skipSpace() {
            while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
        }

        mutating func value(depth: Int) throws {
            guard depth < 512 else { throw fail("nested too deeply") }
            guard let b = peek else { throw fail("unexpected end of input") }
            switch b {
            case UInt8(ascii: "{"):
                try elements(closedBy: "}") { parser in
                    guard parser.peek == UInt8(ascii: "\"") else { throw parser.fail("expected a quoted key") }
                    try parser.string()
                    parser.skipSpace()
                    guard parser.peek == UInt8(ascii: ":") else { throw parser.fail("expected `:` after a key") }
                    parser.index += 1
                    parser.skipSpace()
                    try parser.value(depth: depth + 1)
                }
            case UInt8(ascii: "["):
                try elements(closedBy: "]") { parser in try parser.value(depth: depth + 1) }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw fail("unexpected character `\(Character(Unicode.Scalar(b)))`")
            }
        }

        /// `{ a, b }` or `[ a, b ]`: elements separated by commas, no trailing comma.
        mutating func elements(closedBy close: Unicode.Scalar, _ element: (inout Parser) throws -> Void) throws {
            let closing = UInt8(ascii: close)
            index += 1
            skipSpace()
            if peek == closing { index += 1; return }
            while true {
                skipSpace()
                try element(&self)
                skipSpace()
                if peek == UInt8(ascii: ",") {
                    index += 1
                    skipSpace()
                    if peek == closing { throw fail("trailing comma before `\(close)`") }
                    continue
                }
                guard peek == closing else { throw fail("expected `,` or `\(close)`") }
                index += 1
                return
            }
        }

        mutating func string() throws {
            index += 1  // opening quote
            while let b = peek {
                index += 1
                if b == UInt8(ascii: "\"") { return }
                if b < 0x20 { throw fail("control character inside a string") }
                if b == UInt8(ascii: "\\") {
                    guard let e = peek else { break }
                    index += 1
                    if e == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let h = peek, (h >= 48 && h <= 57) || (h | 0x20 >= 97 && h | 0x20 <= 102) else {
                                throw fail("bad \\u escape")
                            }
                            index += 1
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(e) {
                        throw fail("bad escape in a string")
                    }
                }
            }
            throw fail("unterminated string")
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard peek == expected else { throw fail("unexpected word (expected \(word))") }
                index += 1
            }
        }

        mutating func number() throws {
            if peek == UInt8(ascii: "-") { index += 1 }
            guard let first = peek, first >= 48 && first <= 57 else { throw fail("bad number") }
            index += 1
            if first != 48 { while let d = peek, d >= 48 && d <= 57 { index += 1 } }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard let d = peek, d >= 48 && d <= 57 else { throw fail("bad number") }
                while let d = peek, d >= 48 && d <= 57 { index += 1 }
            }
            if let e = peek, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
                index += 1
                if let s = peek, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
                guard let d = peek, d >= 48 && d <= 57 else { throw fail("bad number") }
                while let d = peek, d >= 48 && d <= 57 { index += 1 }
            }
        }
    }
}
