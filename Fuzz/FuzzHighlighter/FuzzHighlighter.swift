// libFuzzer target: every syntax highlighter. Stripping the tags from its output must give
// back the input exactly (the highlighter may only add spans, never change the text).

import FuzzSupport
import OpsdocsMarkdown

let languages = ["bash", "console", "yaml", "dockerfile", "ini", "sysctl", "json", "toml", "go", "python", "nginx",
                 "diff", "hcl"]

/// The highlighted HTML's text: tags dropped, the five escapes decoded. On Unicode scalars,
/// not Characters: `&quot;` before a combining mark is one Character, and would not match.
func text(of html: String) -> String {
    var out = String.UnicodeScalarView()
    let scalars = Array(html.unicodeScalars)
    let entities: [(String, Unicode.Scalar)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")]
    var i = 0
    var inTag = false
    scan: while i < scalars.count {
        let c = scalars[i]
        if inTag { if c == ">" { inTag = false }; i += 1; continue }
        if c == "<" { inTag = true; i += 1; continue }
        if c == "&" {
            for (entity, value) in entities {
                let e = Array(entity.unicodeScalars)
                if i + e.count <= scalars.count, Array(scalars[i..<(i + e.count)]) == e {
                    out.append(value)
                    i += e.count
                    continue scan
                }
            }
        }
        out.append(c)
        i += 1
    }
    return String(out)
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
