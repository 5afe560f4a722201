// `**编解码 API（Codec API）**将` keeps its asterisks under CommonMark: a closing `**` after
// punctuation must be followed by space or punctuation, and Chinese puts neither between
// words. The rule markdown-it's cjk-friendly plugin and the CommonMark discussion propose:
// next to CJK text, a delimiter run may open or close whatever the punctuation beside it.
// After cmark has parsed a note, the `**` and `*` runs it left as text are paired here, in
// one inline container at a time, where a CJK character or full-width punctuation touches them.
// (The only file besides CmarkDocument that edits cmark nodes: it is this one rule.)

import CCmarkGFM
import Foundation

enum CJKEmphasis {
    /// Applies the rule to the inline containers (DocumentWalk's `asteriskContainers`) whose
    /// text holds an asterisk.
    static func apply(_ containers: [OpaquePointer]) {
        for container in containers {
            for marker in ["**", "*"] { pair(marker, in: container) }
        }
    }

    /// A `marker` run left as text in `container`: its text node and offset (in characters).
    private struct Run {
        var node: OpaquePointer
        var offset: Int
        var before: Character?
        var after: Character?
    }

    private static func pair(_ marker: String, in container: OpaquePointer) {
        // Repeatedly: the first opener and the closer after it, both in direct text children
        // (at most 200 pairs a paragraph: each pair rescans it, and a hostile note has 10,000).
        var pairs = 0
        while pairs < 200, let (opener, closer) = nextPair(marker, in: container) {
            wrap(from: opener, to: closer, marker: marker, in: container)
            pairs += 1
        }
    }

    private static func runs(_ marker: String, in container: OpaquePointer) -> [Run] {
        var found: [Run] = []
        var child = cmark_node_first_child(container)
        var previousLast: Character?
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) else {
                previousLast = "a"  // (code, links: text-like neighbours)
                continue
            }
            let text = Array(String(cString: literal))
            var i = 0
            while i < text.count {
                guard text[i] == "*" else { i += 1; continue }
                var j = i
                while j < text.count, text[j] == "*" { j += 1 }
                if j - i == marker.count {
                    found.append(Run(node: node, offset: i, before: i > 0 ? text[i - 1] : previousLast,
                                     after: j < text.count ? text[j] : nil))
                }
                i = j
            }
            previousLast = text.last
        }
        return found
    }

    private static func nextPair(_ marker: String, in container: OpaquePointer) -> (Run, Run)? {
        let found = runs(marker, in: container)
        for (i, opener) in found.enumerated() where opener.after.map({ !$0.isWhitespace }) ?? true {
            for closer in found[(i + 1)...] where closer.before.map({ !$0.isWhitespace }) ?? false {
                let touchesCJK = [opener.before, opener.after, closer.before, closer.after].contains { $0.map(isCJK) ?? false }
                if touchesCJK { return (opener, closer) }
                break
            }
        }
        return nil
    }

    /// Chinese, Japanese and Korean letters and their full-width punctuation (，。（）“”…).
    static func isCJK(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x2018...0x201F,
             0x20000...0x2FA1F:
            return true
        default:
            return false
        }
    }

    /// Splits off the two runs and moves everything between them into a strong (or emph) node.
    private static func wrap(from opener: Run, to closer: Run, marker: String, in container: OpaquePointer) {
        let kind = marker == "**" ? CMARK_NODE_STRONG : CMARK_NODE_EMPH
        guard let wrapper = cmark_node_new(kind) else { return }
        // Closer first: splitting it leaves the opener's node and offset valid when they share a node.
        guard let (closerHead, _) = split(closer.node, at: closer.offset, dropping: marker.count),
              let (_, openerTail) = split(opener.node, at: opener.offset, dropping: marker.count) else {
            cmark_node_free(wrapper)
            return
        }
        // (in one text node, what lies between the runs is the opener's tail alone)
        let lastInside = opener.node == closer.node ? openerTail : closerHead
        cmark_node_insert_before(openerTail, wrapper)
        var node: OpaquePointer? = openerTail
        while let current = node {
            node = cmark_node_next(current)
            cmark_node_append_child(wrapper, current)
            if current == lastInside { break }
        }
    }

    /// Cuts a text node around `count` characters at `offset`: (text before, text after), each
    /// its own node (empty text nodes are fine to cmark's renderer).
    private static func split(_ node: OpaquePointer, at offset: Int, dropping count: Int) -> (OpaquePointer, OpaquePointer)? {
        guard let literal = cmark_node_get_literal(node) else { return nil }
        let text = Array(String(cString: literal))
        guard let after = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, String(text[..<offset]))
        cmark_node_set_literal(after, String(text[min(text.count, offset + count)...]))
        cmark_node_insert_after(node, after)
        return (node, after)
    }
}
