// What a reader types must meet what the notes say: Chinese, English, identifiers, flags.

import Foundation
import Testing
@testable import OpsdocsSearch

@Suite struct TokenizerTests {
    /// The browser normalises with `normalize("NFKC").toLowerCase()`; the Swift side skips
    /// Foundation's NFKC for scalars whose mapping it knows alone, and must get the same text.
    @Test func normalisingIsNFKCAndLowerCaseForEveryScalarItMapsAlone() throws {
        var checked = 0
        for v in 0..<0x1_0000 {
            guard let scalar = Unicode.Scalar(UInt32(v)),
                  Tokenizer.ScalarClass.table[v] & 0x7F != Tokenizer.ScalarClass.other else { continue }
            // Beside letters the fast path takes too (a scalar it does not know sends the whole
            // text to Foundation); compared scalar by scalar, as the browser's keys are.
            let text = "a" + String(Character(scalar)) + "中"
            let expected = text.precomposedStringWithCompatibilityMapping.lowercased()
            let fast = try #require(Tokenizer.scalarByScalar(text), "U+\(String(v, radix: 16)) takes the fast path")
            #expect(Array(fast.unicodeScalars) == Array(expected.unicodeScalars), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 40_000)
        #expect(Tokenizer.scalarByScalar("Kube-APIServer 的 --Leader-Elect，（Ａ）") == "kube-apiserver 的 --leader-elect,(a)")
        for text in ["Kube-APIServer 的 --Leader-Elect", "编解码 API（Codec API）将", "ＡＢＣ　ｘｙｚ：１２３", "e\u{301}，Ｔ", "…①ﬁ", "\u{1100}\u{1161}，"] {
            let expected = text.precomposedStringWithCompatibilityMapping.lowercased()
            #expect(Array(Tokenizer.normalise(text).unicodeScalars) == Array(expected.unicodeScalars), "\(text)")
        }
    }

    @Test func identifiersAreWholeAndEveryRunOfTheirParts() {
        let tokens = Set(Tokenizer.indexTokens("设置 net.ipv4.tcp_tw_reuse = 1"))
        for expected in ["net.ipv4.tcp_tw_reuse", "tcp_tw_reuse", "tw_reuse", "net.ipv4", "net", "ipv4", "tcp", "reuse"] {
            #expect(tokens.contains(expected), "\(expected)")
        }
        #expect(Tokenizer.queryTerms("net.ipv4.tcp_tw_reuse") == ["net.ipv4.tcp_tw_reuse"])
    }

    @Test func aLeadingDoubleDashDoesNotHideAFlag() {
        #expect(Tokenizer.queryTerms("--leader-elect") == ["leader-elect"])
        #expect(Set(Tokenizer.indexTokens("开启 --leader-elect=true")).isSuperset(of: ["leader-elect", "leader-elect=true", "leader", "elect"]))
        #expect(Tokenizer.queryTerms("kube-apiserver --etcd-servers") == ["kube-apiserver", "etcd-servers"])
    }

    @Test func cjkRunsBecomeBigramsAndSingleCharacters() {
        #expect(Tokenizer.queryTerms("证书过期") == ["证书", "书过", "过期"])
        #expect(Tokenizer.queryTerms("锁") == ["锁"])
        let tokens = Tokenizer.indexTokens("滚动升级")
        #expect(tokens.contains("滚动") && tokens.contains("动升") && tokens.contains("升级") && tokens.contains("滚"))
    }

    @Test func mixedQueries() {
        #expect(Tokenizer.queryTerms("etcd 备份") == ["etcd", "备份"])
        #expect(Tokenizer.queryTerms("harbor镜像仓库") == ["harbor", "镜像", "像仓", "仓库"])
        #expect(Tokenizer.queryTerms("Kubeadm Upgrade") == ["kubeadm", "upgrade"])
    }

    /// Text is cut at code points, as search.js reads it: a variation selector after a Chinese
    /// character ends the run instead of hiding the character inside a "word".
    @Test func codePointsDecideNotGraphemeClusters() {
        #expect(Tokenizer.queryTerms("证\u{FE00}书") == ["证", "书"])
        #expect(Tokenizer.indexTokens("部署\u{FE0F}etcd") == ["部", "署", "部署", "etcd"])
    }

    @Test func fullWidthInputIsNormalised() {
        #expect(Tokenizer.queryTerms("ｋｕｂｅａｄｍ") == ["kubeadm"])
        #expect(Tokenizer.queryTerms("ＮＦ＿ＣＯＮＮＴＲＡＣＫ＿ＭＡＸ") == ["nf_conntrack_max"])
    }

    @Test func punctuationIsNotPartOfWords() {
        #expect(Tokenizer.queryTerms("(kubelet), \"docker\". 配置：") == ["kubelet", "docker", "配置"])
        #expect(Tokenizer.queryTerms("/etc/kubernetes/admin.conf") == ["etc/kubernetes/admin.conf"])
    }
}

@Suite struct TokenLengthTests {
    @Test func blobsAreNotIndexedButTheirReadablePartsAre() {
        let blob = String(repeating: "a", count: 3000)
        #expect(Tokenizer.indexTokens("token: \(blob)") == ["token"])
        let url = "https://github.com/kubernetes-sigs/kubespray/blob/master/docs/operations/offline-environment.md"
        let tokens = Tokenizer.indexTokens(url)
        #expect(tokens.contains("kubespray") && tokens.contains("offline-environment"))
        #expect(tokens.allSatisfy { $0.utf8.count <= Tokenizer.maxTokenLength })
    }
}
