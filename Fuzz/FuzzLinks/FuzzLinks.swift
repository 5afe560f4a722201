// libFuzzer target: link resolution. The first line of the input is a link destination
// resolved from a note (and every href it yields must stay a site path); the whole input is
// also rendered as a note, which resolves, rewrites and checks every link in it.

import FuzzSupport
import OpsdocsContent
import OpsdocsMarkdown

let resolver = LinkResolver(pageURLs: ["k8s/a.md": "k8s/a/", "k8s/etcd/index.md": "k8s/etcd/", "README.md": ""],
                            basePath: "/docs/")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = Fuzzing.text(data, size)
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

@_cdecl("FuzzLinks_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
