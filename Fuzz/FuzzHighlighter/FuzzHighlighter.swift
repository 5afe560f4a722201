// libFuzzer target: every syntax highlighter. Stripping the tags from its output must give
// back the input exactly (the highlighter may only add spans, never change the text).

import FuzzSupport
@testable import OpsdocsMarkdown

let languages = ["bash", "console", "yaml", "dockerfile", "ini", "sysctl", "json", "toml", "go", "python", "nginx",
                 "diff", "hcl"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = Fuzzing.text(data, size)
    for language in languages {
        guard let html = SyntaxHighlighter.highlight(code, language: language) else { continue }
        let text = HTMLEscaping.text(ofMarkup: html)
        if text != code && text != code.replacingOccurrences(of: "\r\n", with: "\n") {
            fatalError("\(language): highlighting changed the text")
        }
    }
    return 0
}

@_cdecl("FuzzHighlighter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
