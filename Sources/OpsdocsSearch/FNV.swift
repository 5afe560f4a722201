// FNV-1a over UTF-8: which shard holds a token (32 bits; the browser computes the same hash),
// and the key a token is interned by while indexing (64 bits, TokenTable).

enum FNV {
    static func hash(_ token: String) -> UInt32 { hash(token, basis: 0x811C9DC5, prime: 0x0100_0193) }

    static func hash64(_ token: String) -> UInt64 { hash(token, basis: 0xcbf2_9ce4_8422_2325, prime: 0x0000_0100_0000_01B3) }

    private static func hash<H: FixedWidthInteger & UnsignedInteger>(_ token: String, basis: H, prime: H) -> H {
        var h = basis
        for byte in token.utf8 {
            h ^= H(byte)
            h = h &* prime
        }
        return h
    }
}
