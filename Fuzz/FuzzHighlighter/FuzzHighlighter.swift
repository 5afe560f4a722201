// libFuzzer target: every syntax highlighter. Stripping the tags from its output must give
// back the input exactly (the highlighter may only add spans, never change the text).

import FuzzSupport
import OpsdocsMarkdown

let languages = ["bash", "console", "yaml", "dockerfile", "ini", "sysctl", "json", "toml", "go", "python", "nginx",
                 "diff", "hcl"]

/// The text of highlighted HTML: tags dropped, the five escapes decoded.
func text(of html: String) -> String {
    var out = ""
    var inTag = false
    for ch in html {
        if ch == "<" { inTag = true } else if ch == ">" && inTag { inTag = false } else if !inTag { out.append(ch) }
    }
    return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = Fuzzing.text(data, size)
    for language in languages {
        guard let html = SyntaxHighlighter.highlight(code, language: language) else { continue }
        if text(of: html) != code.replacingOccurrences(of: "\r\n", with: "\n") && text(of: html) != code {
            fatalError("\(language): highlighting changed the text")
        }
    }
    return 0
}

@_cdecl("FuzzHighlighter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
