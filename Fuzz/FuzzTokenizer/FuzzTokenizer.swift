// libFuzzer target: the search tokenizer (NFKC, CJK bigrams, identifiers split at . _ - / =)
// for both indexing and queries.

import FuzzSupport
import OpsdocsSearch

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzzing.text(data, size)
    _ = Tokenizer.normalise(text)
    _ = Tokenizer.indexTokens(text)
    _ = Tokenizer.queryTerms(text)
    return 0
}

@_cdecl("FuzzTokenizer_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
