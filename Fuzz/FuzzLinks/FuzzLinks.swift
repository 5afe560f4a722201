// libFuzzer target: link resolution. The first line of the input is a link destination
// resolved from a note (and every href it yields must stay a site path); the whole input is
// also rendered as a note, which resolves, rewrites and checks every link in it.

import OpsdocsContent
import OpsdocsMarkdown

let resolver = LinkResolver(pageURLs: ["k8s/a.md": "k8s/a/", "k8s/etcd/index.md": "k8s/etcd/", "README.md": ""],
                            basePath: "/docs/")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let destination = String(text.prefix { $0 != "\n" })
    let resolution = resolver.resolve(destination, from: "k8s/etcd/backup.md")
    if let href = resolver.href(for: resolution, original: destination), !href.hasPrefix("/docs/") {
        fatalError("a rewritten link left the site: \(href)")
    }
    _ = SitePath.normalise(destination, allowLeadingSlash: true)
    _ = SitePath.capped(destination)
    if size <= 16_384 {
        _ = MarkdownRenderer.render(text, sourcePath: "k8s/etcd/backup.md", links: resolver)
    }
    return 0
}

/// SwiftPM names an executable's entry point `<Target>_main`; it hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzLinks_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
