// Turns a file's bytes into the text every later stage sees: valid UTF-8, no BOM,
// `\n` line endings. Invalid bytes are reported at their line and column instead of guessed at.

public enum SourceText {
    public struct DecodingError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, DecodingError> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let bad = firstInvalidUTF8(body) {
            var line = 1, column = 1
            for b in body[body.startIndex..<bad] {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return .failure(DecodingError(line: line, column: column))
        }
        let text = String(decoding: body, as: UTF8.self)
        guard text.utf8.contains(0x0D) else { return .success(text) }
        return .success(text.replacingCRLF())
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= end else { return i }
            guard (minSecond...maxSecond).contains(bytes[i + 1]) else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}

extension String {
    /// CRLF and lone CR become LF, so line numbers agree with what editors show.
    fileprivate func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
