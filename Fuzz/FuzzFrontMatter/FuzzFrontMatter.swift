// libFuzzer target: front matter parsing (YAML `---`, TOML `+++`, JSON `{`) and page building
// from arbitrary bytes. Any crash, hang or sanitizer report is a bug.

import FuzzSupport
import OpsdocsConfig
import OpsdocsContent

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzzing.text(data, size)
    _ = FrontMatterParser.split(text)
    _ = PageBuilder.build(sourcePath: "k8s/2024-05-01-fuzz.md", text: text, displayPath: "content/k8s/fuzz.md",
                          config: SiteConfig())
    return 0
}

@_cdecl("FuzzFrontMatter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
