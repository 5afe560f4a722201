// FNV-1a over UTF-8: which shard holds a token. The browser computes the same hash.

enum FNV {
    static func hash(_ token: String) -> UInt32 {
        var h: UInt32 = 0x811C9DC5
        for byte in token.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        return h
    }
}
