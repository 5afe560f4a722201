// One tokenizer for the index and for queries (and, line for line, theme/static/js/search.js):
// NFKC and lower case; Latin/digit words; identifiers (`net.ipv4.tcp_tw_reuse`, `--leader-elect`,
// `kube-apiserver`) kept whole and as every run of their parts; CJK as overlapping bigrams
// (plus single characters, so a one-character query finds something).

import Foundation

public enum Tokenizer {
    /// Separators inside an identifier.
    static let joiners: Set<Character> = [".", "_", "-", "/", ":", "="]
    /// Identifiers with more parts index only single parts and pairs (long URLs, paths).
    static let maxRunParts = 8
    /// Longer tokens (base64 blobs, hashes, a minified line) are not indexed: nobody types them.
    static let maxTokenLength = 64

    public static func normalise(_ text: String) -> String {
        // NFKC through Foundation is slow; most text (ASCII, CJK ideographs) is already NFKC.
        let stable = text.unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenNFKCCaseFolded }
        return stable ? text.lowercased() : text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2A6DF).contains(v)
    }

    static func isWordCharacter(_ ch: Character) -> Bool {
        if let ascii = ch.asciiValue {
            return (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90) || (ascii >= 48 && ascii <= 57)
        }
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return ch.isLetter }
        if isCJK(scalar) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A piece of text: a Latin/identifier word, or a run of CJK characters.
    enum Piece: Equatable {
        case word(String)
        case cjk(String)
    }

    static func pieces(_ normalised: String) -> [Piece] {
        var out: [Piece] = []
        var word = ""
        var cjk = ""
        func flushWord() {
            // Trailing and leading joiners are punctuation, not part of the identifier (`--flag`, `a.`).
            var trimmed = Substring(word)
            while let first = trimmed.first, joiners.contains(first) { trimmed = trimmed.dropFirst() }
            while let last = trimmed.last, joiners.contains(last) { trimmed = trimmed.dropLast() }
            if !trimmed.isEmpty { out.append(.word(String(trimmed))) }
            word = ""
        }
        func flushCJK() {
            if !cjk.isEmpty { out.append(.cjk(cjk)) }
            cjk = ""
        }
        for ch in normalised {
            if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, isCJK(scalar) {
                flushWord()
                cjk.append(ch)
            } else if isWordCharacter(ch) || (joiners.contains(ch) && !word.isEmpty) || (ch == "-" && word.isEmpty) {
                flushCJK()
                word.append(ch)
            } else {
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()
        return out
    }

    /// Parts of an identifier: `net.ipv4.tcp_tw_reuse` → net, ipv4, tcp, tw, reuse (with the separators between).
    static func parts(_ word: String) -> (parts: [String], separators: [Character]) {
        var parts: [String] = []
        var separators: [Character] = []
        var current = ""
        for ch in word {
            if joiners.contains(ch) {
                if !current.isEmpty { parts.append(current); current = "" }
                if parts.count > separators.count { separators.append(ch) }
            } else {
                current.append(ch)
            }
        }
        if !current.isEmpty { parts.append(current) }
        while separators.count >= parts.count, !separators.isEmpty { separators.removeLast() }
        return (parts, separators)
    }

    /// Tokens to index for a text, with repeats (term frequency counts them).
    public static func indexTokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for piece in pieces(normalise(text)) {
            switch piece {
            case .word(let word):
                let (parts, separators) = self.parts(word)
                guard parts.count > 1 else { tokens.append(word); continue }
                let longest = parts.count > maxRunParts ? 2 : parts.count
                for start in 0..<parts.count {
                    var run = parts[start]
                    tokens.append(run)
                    var end = start + 1
                    while end < parts.count, end - start < longest {
                        run.append(separators[end - 1])
                        run += parts[end]
                        tokens.append(run)
                        end += 1
                    }
                }
                if parts.count > maxRunParts { tokens.append(word) }
            case .cjk(let run):
                let chars = Array(run)
                for ch in chars { tokens.append(String(ch)) }
                if chars.count > 1 { for i in 0..<(chars.count - 1) { tokens.append(String(chars[i...i + 1])) } }
            }
        }
        tokens.removeAll { $0.utf8.count > maxTokenLength }
        return tokens
    }

    /// Terms of a query: each identifier whole (a leading `--` dropped), CJK runs as bigrams
    /// (a single character alone), no repeats, in order.
    public static func queryTerms(_ query: String) -> [String] {
        var terms: [String] = []
        func add(_ t: String) { if !t.isEmpty, !terms.contains(t) { terms.append(t) } }
        for piece in pieces(normalise(query)) {
            switch piece {
            case .word(let word): add(word)
            case .cjk(let run):
                let chars = Array(run)
                if chars.count == 1 { add(run) } else { for i in 0..<(chars.count - 1) { add(String(chars[i...i + 1])) } }
            }
        }
        return terms
    }
}
