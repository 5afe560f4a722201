// Interning tokens while the index is built: each distinct token gets a dense id, found by
// its bytes' hash (a full build interns some 20 million occurrences at 10,000 notes).

/// Tokens → dense ids, compared by their UTF-8 bytes. Swift's String keys hash and compare by
/// canonical equivalence, which for CJK tokens means normalisation checks on every lookup;
/// index tokens are already normalised (Tokenizer.normalise), so their bytes are the identity.
struct TokenTable {
    private var byHash: [UInt64: Int32] = [:]
    /// Tokens whose 64-bit hash another token already had (almost never happens).
    private var collided: [String: Int32] = [:]
    private(set) var tokens: [String] = []

    /// The token's id, and whether it was new.
    mutating func id(_ token: String) -> (id: Int32, isNew: Bool) {
        let hash = FNV.hash64(token)
        if let id = byHash[hash] {
            if tokens[Int(id)].utf8.elementsEqual(token.utf8) { return (id, false) }
            if let id = collided[token] { return (id, false) }
            collided[token] = Int32(tokens.count)
        } else {
            byHash[hash] = Int32(tokens.count)
        }
        tokens.append(token)
        return (Int32(tokens.count - 1), true)
    }
}
