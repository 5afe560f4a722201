// Snippet ids from headings: transliterating each run of Chinese on its own (the fast path)
// must give exactly the ids that transliterating the whole heading gave, or links to
// published snippet files would change.

import Foundation
import Testing
@testable import OpsdocsSnippets

@Suite struct SnippetIDTests {
    static let tricky = [
        "tcp 相关", "安装etcd", "西安机房", "Kubernetes 升级：滚动更新", "（可选）配置 kube-proxy", "第1步", "步骤 12：配置节点 node-12",
        "ipvs 模式下的 SNAT", "证书（CA）轮换", "Docker 镜像加速 & 私有仓库", "二进制部署 k8s v1.28", "",
    ]

    static func whole(_ heading: String) -> String {
        heading.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? heading
    }

    /// The id as it was made before runs were transliterated apart: the whole heading at once.
    static func wholeID(_ heading: String) -> String { SnippetID.slugify(whole(heading)) }

    @Test func runByRunTransliterationMatchesTheWholeHeading() {
        for heading in Self.tricky {
            #expect(SnippetID.base(forSection: heading) == Self.wholeID(heading), "\(heading)")
        }
    }

    @Test func idsOfTheCorpusHeadingsAreUnchanged() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard let files = FileManager.default.enumerator(atPath: corpus.path) else {
            print("skipped: ../shared/corpus is not beside the repository")
            return
        }
        var headings: Set<String> = []
        while let rel = files.nextObject() as? String {
            guard rel.hasSuffix(".md") else { continue }
            let text = (try? String(contentsOf: corpus.appendingPathComponent(rel), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") where line.hasPrefix("#") {
                headings.insert(line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces))
            }
        }
        #expect(headings.count > 1000)
        SnippetID.prepare(sections: Array(headings))
        let differing = headings.filter { SnippetID.base(forSection: $0) != Self.wholeID($0) }.sorted()
        let count = differing.count
        #expect(count == 0, "e.g. \(differing.prefix(5))")
    }
}
