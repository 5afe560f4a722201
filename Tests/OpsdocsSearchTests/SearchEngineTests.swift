// Ranking and shard selection on a small fixture in the style of ops notes.

import Foundation
import Synchronization
import Testing
@testable import OpsdocsSearch

@Suite struct SearchEngineTests {
    static let documents = [
        SearchDocument(url: "linux/sysctl/", pageTitle: "内核参数调优", heading: "", tags: "sysctl", body: "高并发节点的内核参数。", code: ""),
        SearchDocument(url: "linux/sysctl/#tcp-相关", pageTitle: "内核参数调优", heading: "TCP 相关", tags: "sysctl",
                       body: "net.ipv4.tcp_tw_reuse 允许复用 TIME_WAIT 连接。", code: "net.ipv4.tcp_tw_reuse = 1\n"),
        SearchDocument(url: "k8s/upgrade/", pageTitle: "kubeadm 升级集群", heading: "", tags: "kubeadm",
                       body: "使用 kubeadm upgrade plan 查看可升级版本，然后滚动升级每个节点。", code: "kubeadm upgrade apply v1.30.3\n"),
        SearchDocument(url: "k8s/upgrade/#证书", pageTitle: "kubeadm 升级集群", heading: "证书", tags: "kubeadm",
                       body: "升级时证书会自动续期，证书过期前一个月检查。", code: ""),
        SearchDocument(url: "k8s/etcd/", pageTitle: "etcd 备份与恢复", heading: "", tags: "etcd",
                       body: "定期备份 etcd 快照。", code: "etcdctl snapshot save /backup/etcd.db\n"),
        SearchDocument(url: "k8s/controller/#高可用", pageTitle: "controller-manager", heading: "高可用", tags: "",
                       body: "多副本时开启 --leader-elect=true。", code: ""),
    ]

    static func engine() -> (SearchEngine, SearchIndexFiles) {
        let built = SearchIndexBuilder.build(documents)
        let files = built.files
        return (SearchEngine { files[$0] }!, built)
    }

    @Test func findsEachKindOfQueryFirst() {
        let (engine, _) = Self.engine()
        #expect(engine.search("net.ipv4.tcp_tw_reuse").first?.url == "linux/sysctl/#tcp-相关")
        #expect(engine.search("tw_reuse").first?.url == "linux/sysctl/#tcp-相关")
        #expect(engine.search("--leader-elect").first?.url == "k8s/controller/#高可用")
        #expect(engine.search("证书过期").first?.url == "k8s/upgrade/#证书")
        #expect(engine.search("etcd 备份").first?.url == "k8s/etcd/")
    }

    @Test func theLastWordStillBeingTypedMatchesAsAPrefixButAWholeWordOnlyAsItself() {
        let docs = [
            SearchDocument(url: "a/", pageTitle: "kubeadm", heading: "", tags: "", body: "kubeadm init", code: ""),
            SearchDocument(url: "b/", pageTitle: "配置", heading: "", tags: "", body: "kubeadmin 配置", code: ""),
            SearchDocument(url: "c/", pageTitle: "其他", heading: "", tags: "", body: "kubectl get pods", code: ""),
        ]
        let files = SearchIndexBuilder.build(docs).files
        let engine = SearchEngine { files[$0] }!
        #expect(Set(engine.search("kubead").map(\.url)) == ["a/", "b/"])
        #expect(Set(engine.search("kubeadm").map(\.url)) == ["a/"])
        #expect(engine.search("kubead ").isEmpty)  // a blank after it: the word is finished
        #expect(Set(engine.search("配置 kubeadmi").map(\.url)) == ["b/"])
    }

    @Test func theExcerptIsTheStretchAroundTheLongestRunOfQueryWordsWithEveryWordMarked() throws {
        let filler = String(repeating: "节点上的连接很多，需要调整内核参数。", count: 12)
        let docs = [
            SearchDocument(url: "linux/sysctl/#tcp", pageTitle: "内核参数调优", heading: "TCP", tags: "",
                           body: filler + " 打开 NET.ipv4.tcp_tw_reuse 让 TIME_WAIT 连接复用。", code: "net.ipv4.tcp_tw_reuse = 1"),
        ]
        let files = SearchIndexBuilder.build(docs).files
        let engine = try #require(SearchEngine { files[$0] })
        let result = try #require(engine.search("tcp_tw_reuse 连接复用").first)
        let scalars = Array(result.excerpt.unicodeScalars)
        let marked = result.marks.map { String(String.UnicodeScalarView(scalars[$0[0]..<$0[1]])) }
        #expect(result.excerpt.hasPrefix("…") && result.excerpt.contains("NET.ipv4.tcp_tw_reuse"))
        #expect(marked.contains("tcp_tw_reuse") && marked.contains("连接复用"), "\(marked)")
        #expect(scalars.count <= 162)
        // A word typed in part is marked by the words it stands for.
        #expect(engine.search("tcp_tw_reu").first?.marks.isEmpty == false)
    }

    @Test func theCountIsEveryMatchingPageAndLaterPagesFollowTheFirst() {
        let (engine, _) = Self.engine()
        let all = engine.page("节点", limit: 100)
        #expect(all.totalPages == all.results.count)
        let first = engine.page("节点", limit: 1), second = engine.page("节点", limit: 1, offset: 1)
        #expect(first.totalPages == all.totalPages && second.totalPages == all.totalPages)
        #expect(first.results.map(\.url) + second.results.map(\.url) == all.results.prefix(2).map(\.url))
        #expect(engine.page("节点", limit: 10, offset: all.totalPages).results.isEmpty)
        #expect(all.totalPages >= 2)
        #expect(engine.search("kubeadm upgrade").first?.pageTitle == "kubeadm 升级集群")
        #expect(engine.search("不存在的词 zzzz").isEmpty)
    }

    @Test func titleOutranksBodyAndOnePageDoesNotFillTheList() {
        let (engine, _) = Self.engine()
        let results = engine.search("kubeadm")
        #expect(results.map(\.pageTitle) == ["kubeadm 升级集群"])  // two sections, one result…
        #expect(results.first?.moreSections == 1)  // …that says so
        let etcd = engine.search("etcd")
        #expect(etcd.first?.url == "k8s/etcd/")  // title match beats a body mention
    }

    @Test func documentsWithEveryTermComeFirst() {
        let (engine, _) = Self.engine()
        let results = engine.search("升级 证书")
        #expect(results.first?.url == "k8s/upgrade/#证书")
    }

    @Test func aQueryFetchesOnlyItsShards() throws {
        let (engine, built) = Self.engine()
        let log = Mutex<[String]>([])
        let files = built.files
        let counting = SearchEngine { path in log.withLock { $0.append(path) }; return files[path] }!
        _ = counting.search("etcd 备份")
        let fetched = log.withLock { $0 }
        let shardFiles = fetched.filter { $0.hasPrefix("shards/") }
        #expect(Set(shardFiles) == Set(engine.shards(for: "etcd 备份").map { "shards/\($0).json.gz" }))
        #expect(shardFiles.count <= 2)
        #expect(fetched.filter { $0.hasPrefix("docs/") }.count == 1)  // metadata only for the results shown
    }
}

@Suite struct PhraseBoostTests {
    @Test func theWholeQueryAsAPhraseRanksFirst() {
        let docs = [
            SearchDocument(url: "a/", pageTitle: "节点维护", heading: "", tags: "", body: "Plan the node upgrade carefully.", code: ""),
            SearchDocument(url: "b/", pageTitle: "版本检查", heading: "", tags: "", body: "Run kubeadm upgrade plan first.", code: ""),
        ]
        let files = SearchIndexBuilder.build(docs).files
        let engine = SearchEngine { files[$0] }!
        let results = engine.search("upgrade plan")
        #expect(results.map(\.url) == ["b/", "a/"])
        #expect(engine.search("plan upgrade").map(\.url).first == "a/")
    }
}
