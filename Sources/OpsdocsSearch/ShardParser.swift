// Reads back a shard file written by SearchIndexBuilder.shardJSON (`{"token":[1,2,3],…}`)
// for the preview's in-place index updates. A byte scanner for exactly that shape: a
// general JSON decoder is ten times slower here, and an edit rewrites hundreds of shards.

import Foundation

enum ShardParser {
    static func parse(_ data: Data) -> [String: [Int]]? {
        data.withUnsafeBytes { raw -> [String: [Int]]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
            func expect(_ byte: UInt8) -> Bool {
                skipSpace()
                guard i < n, bytes[i] == byte else { return false }
                i += 1
                return true
            }
            guard expect(UInt8(ascii: "{")) else { return nil }
            var out: [String: [Int]] = [:]
            skipSpace()
            if i < n, bytes[i] == UInt8(ascii: "}") { return out }
            while true {
                guard expect(UInt8(ascii: "\"")) else { return nil }
                var token: [UInt8] = []
                while i < n, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\"), i + 1 < n {
                        let escaped = bytes[i + 1]
                        if escaped == UInt8(ascii: "u"), i + 5 < n,
                           let scalar = UInt32(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 2)..<(i + 6)]), as: UTF8.self), radix: 16)
                               .flatMap(Unicode.Scalar.init)
                        {
                            token += Array(String(Character(scalar)).utf8)
                            i += 6
                        } else {
                            token.append(escaped)
                            i += 2
                        }
                    } else {
                        token.append(bytes[i])
                        i += 1
                    }
                }
                guard i < n else { return nil }
                i += 1
                guard expect(UInt8(ascii: ":")), expect(UInt8(ascii: "[")) else { return nil }
                var values: [Int] = []
                skipSpace()
                while i < n, bytes[i] != UInt8(ascii: "]") {
                    var value = 0, digits = 0
                    while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                        value = value * 10 + Int(bytes[i] - 0x30)
                        i += 1
                        digits += 1
                    }
                    guard digits > 0 else { return nil }
                    values.append(value)
                    skipSpace()
                    if i < n, bytes[i] == UInt8(ascii: ",") { i += 1; skipSpace() }
                }
                guard i < n else { return nil }
                i += 1
                out[String(decoding: token, as: UTF8.self)] = values
                skipSpace()
                guard i < n else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { return out }
                return nil
            }
        }
    }
}
