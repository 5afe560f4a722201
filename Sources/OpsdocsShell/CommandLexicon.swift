// The words that start a command line (CommandLexicon.generated.swift, made by
// scripts/gen-command-lexicon.sh): 41,000 of them, so they stay one string's bytes with the
// offset of each word, searched in byte order. A Set of them cost every run ~15 ms to build;
// this costs well under 1 ms, and a lookup compares bytes, not Characters.

import Foundation

package struct CommandLexicon: Sendable {
    static let words = CommandLexicon(list)

    private let bytes: [UInt8]
    /// Where each word starts in `bytes`, and (the next entry, less one) where it ends.
    private let starts: [Int]

    init(_ list: String) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        bytes.reserveCapacity(list.utf8.count)
        var atStart = true
        for byte in list.utf8 {
            if byte == UInt8(ascii: "\n") { atStart = true; continue }
            if atStart {
                if byte == UInt8(ascii: " ") { continue }
                starts.append(bytes.count)
                atStart = false
            }
            bytes.append(byte)
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
    }

    package var count: Int { starts.count - 1 }

    /// -1, 0 or 1 as word `index` sorts before, with or after `key`.
    private func compare(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let start = starts[index], length = starts[index + 1] - start
        let common = min(length, key.count)
        let order = bytes.withUnsafeBufferPointer { all -> Int32 in
            guard common > 0, let base = all.baseAddress, let typed = key.baseAddress else { return 0 }
            return memcmp(base + start, typed, common)
        }
        if order != 0 { return order }
        return length == key.count ? 0 : (length < key.count ? -1 : 1)
    }

    package func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { key in
            guard !key.isEmpty else { return false }
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                if compare(mid, key) < 0 { low = mid + 1 } else { high = mid }
            }
            return low < count && compare(low, key) == 0
        }
    }

    /// The words are in byte order, one each, as the search needs (a test holds the generator to it).
    package var isInOrder: Bool {
        (1..<max(count, 1)).allSatisfy { index in
            let start = starts[index], end = starts[index + 1]
            return bytes[start..<end].withUnsafeBufferPointer { compare(index - 1, $0) < 0 }
        }
    }
}
