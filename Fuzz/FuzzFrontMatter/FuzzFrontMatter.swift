// libFuzzer target: front matter parsing (YAML `---`, TOML `+++`, JSON `{`) and page building
// from arbitrary bytes. Any crash, hang or sanitizer report is a bug.

import OpsdocsConfig
import OpsdocsContent

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = FrontMatterParser.split(text)
    _ = PageBuilder.build(sourcePath: "k8s/2024-05-01-fuzz.md", text: text, displayPath: "content/k8s/fuzz.md",
                          config: SiteConfig())
    return 0
}

/// SwiftPM names an executable's entry point `<Target>_main`; it hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzFrontMatter_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
