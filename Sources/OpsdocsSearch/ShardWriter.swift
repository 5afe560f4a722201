// Shard files as bytes: `{"token":[df,doc,weight,…],…}`, written by hand (JSONEncoder is 20×
// slower here, and shards are most of the index).

import Foundation

/// Writes a shard's JSON object, `{"token":[df,doc,weight,…],…}`, entry by entry.
struct ShardWriter {
    private var out: [UInt8] = [UInt8(ascii: "{")]
    private var digits = [UInt8](repeating: 0, count: 20)

    mutating func add(_ token: String, _ values: [Int]) {
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
            default: out.append(byte)
            }
        }
        out += [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: "[")]
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            // Decimal digits, written backwards then copied (values are never negative).
            var v = max(0, value), count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            for d in stride(from: count - 1, through: 0, by: -1) { out.append(digits[d]) }
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func finish() -> Data {
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }
}
