// One tokenizer for the index and for queries (and, line for line, theme/static/js/search.js):
// NFKC and lower case; Latin/digit words; identifiers (`net.ipv4.tcp_tw_reuse`, `--leader-elect`,
// `kube-apiserver`) kept whole and as every run of their parts; CJK as overlapping bigrams
// (plus single characters, so a one-character query finds something).

import Foundation

public enum Tokenizer {
    /// Separators inside an identifier (`.`, `_`, `-`, `/`, `:`, `=`: all ASCII, so a word can be
    /// cut at them byte by byte).
    static func isJoiner(_ byte: UInt8) -> Bool {
        byte == 0x2E || byte == 0x5F || byte == 0x2D || byte == 0x2F || byte == 0x3A || byte == 0x3D
    }
    /// Identifiers with more parts index only single parts and pairs (long URLs, paths).
    static let maxRunParts = 8
    /// Longer tokens (base64 blobs, hashes, a minified line) are not indexed: nobody types them.
    static let maxTokenLength = 64

    public static func normalise(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return scalarByScalar(text) ?? text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// NFKC and lower case scalar by scalar, where each scalar's are known alone (ScalarClass);
    /// nil for text holding any other scalar (Foundation's NFKC, which is slow, does that text).
    static func scalarByScalar(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v < 0x1_0000 ? ScalarClass.table[Int(v)] & ~ScalarClass.word : ScalarClass.other {
            case ScalarClass.itself:
                out.append(v >= 65 && v <= 90 ? Unicode.Scalar(UInt8(v + 32)) : scalar)
            case ScalarClass.fullWidth:
                let ascii = UInt8(v - 0xFEE0)
                out.append(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii))
            case ScalarClass.ideographicSpace:
                out.append(" ")
            default:
                return nil
            }
        }
        return String(out)
    }

    /// What NFKC and lower case do to one BMP scalar on its own, known without Foundation for
    /// the scalars notes are made of: ASCII (lower-cased), full-width forms (`，（Ａ` → `,(a`),
    /// the ideographic space, and scalars both leave alone that cannot combine with a neighbour.
    enum ScalarClass {
        static let other: UInt8 = 0, itself: UInt8 = 1, fullWidth: UInt8 = 2, ideographicSpace: UInt8 = 3
        /// `isWordScalar`'s answer for the scalar (bit 7).
        static let word: UInt8 = 0x80

        static let table: [UInt8] = (0..<0x1_0000).map { v in
            guard let scalar = Unicode.Scalar(UInt32(v)) else { return other }
            return normalisation(scalar) | (computeIsWordScalar(scalar) ? word : 0)
        }

        static func normalisation(_ scalar: Unicode.Scalar) -> UInt8 {
            let v = scalar.value
            if v < 0x80 { return itself }
            if (0xFF01...0xFF5E).contains(v) { return fullWidth }
            if v == 0x3000 { return ideographicSpace }
            // Conjoining jamo compose with their neighbours under NFKC.
            if (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v) || (0xA960...0xA97F).contains(v)
                || (0xD7B0...0xD7FF).contains(v) { return other }
            let properties = scalar.properties
            // Marks (even those of combining class 0, such as Indic vowel signs) may compose with
            // the scalar before them.
            let category = properties.generalCategory
            if properties.changesWhenNFKCCaseFolded || properties.changesWhenLowercased
                || properties.canonicalCombiningClass != .notReordered
                || [.nonspacingMark, .spacingMark, .enclosingMark, .surrogate, .unassigned].contains(category) { return other }
            return itself
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2A6DF).contains(v)
    }

    /// A letter or digit that is not CJK (search.js: `\p{Alphabetic}\p{N}`). Code points, not
    /// characters, as the browser reads them: both sides cut the same text the same way.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x1_0000 ? ScalarClass.table[Int(v)] & ScalarClass.word != 0 : computeIsWordScalar(scalar)
    }

    static func computeIsWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
        if isCJK(scalar) { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A piece of text: a Latin/identifier word, or a run of CJK characters (one string each).
    enum Piece: Equatable {
        case word(String)
        case cjk([String])
    }

    /// The text cut into pieces, reading code points and collecting UTF-8 bytes (the hot loop
    /// of indexing: no String or Character is built until a piece ends).
    static func pieces(_ normalised: String) -> [Piece] {
        var out: [Piece] = []
        var word: [UInt8] = []
        var cjk: [String] = []
        var bytes: [UInt8] = []
        func flushWord() {
            // Trailing and leading joiners are punctuation, not part of the identifier (`--flag`, `a.`).
            var start = 0, end = word.count
            while start < end, isJoiner(word[start]) { start += 1 }
            while end > start, isJoiner(word[end - 1]) { end -= 1 }
            if start < end { out.append(.word(String(decoding: word[start..<end], as: UTF8.self))) }
            word.removeAll(keepingCapacity: true)
        }
        func flushCJK() {
            out.append(.cjk(cjk))
            cjk.removeAll(keepingCapacity: true)
        }
        for scalar in normalised.unicodeScalars {
            if isCJK(scalar) {
                if !word.isEmpty { flushWord() }
                bytes.removeAll(keepingCapacity: true)
                UTF8.encode(scalar) { bytes.append($0) }
                cjk.append(String(decoding: bytes, as: UTF8.self))
            } else if isWordScalar(scalar) || (scalar.isASCII && isJoiner(UInt8(scalar.value)) && !word.isEmpty) || (scalar == "-" && word.isEmpty) {
                if !cjk.isEmpty { flushCJK() }
                if scalar.isASCII { word.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { word.append($0) } }
            } else {
                if !word.isEmpty { flushWord() }
                if !cjk.isEmpty { flushCJK() }
            }
        }
        if !word.isEmpty { flushWord() }
        if !cjk.isEmpty { flushCJK() }
        return out
    }

    /// Parts of an identifier: `net.ipv4.tcp_tw_reuse` → net, ipv4, tcp, tw, reuse (with the separators between).
    static func parts(_ word: String) -> (parts: [String], separators: [Character]) {
        var parts: [String] = []
        var separators: [Character] = []
        var utf8 = Array(word.utf8)
        var start = 0
        utf8.append(0x2E)  // a closing joiner ends the last part
        for (i, byte) in utf8.enumerated() where isJoiner(byte) {
            if i > start { parts.append(String(decoding: utf8[start..<i], as: UTF8.self)) }
            if parts.count > separators.count, i < utf8.count - 1 { separators.append(Character(Unicode.Scalar(byte))) }
            start = i + 1
        }
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
            case .cjk(let chars):
                tokens.append(contentsOf: chars)
                if chars.count > 1 { for i in 0..<(chars.count - 1) { tokens.append(chars[i] + chars[i + 1]) } }
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
            case .cjk(let chars):
                if chars.count == 1 { add(chars[0]) } else { for i in 0..<(chars.count - 1) { add(chars[i] + chars[i + 1]) } }
            }
        }
        return terms
    }
}
