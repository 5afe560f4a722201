// Pure half of the Snippets stage: classify every fenced block, extract scripts from the
// ones that make files, find placeholders, and give each a stable id. No processes, no I/O.

import OpsdocsConfig
import OpsdocsMarkdown
import OpsdocsShell

public struct SnippetPage: Sendable {
    public var sourcePath: String
    public var displayPath: String
    /// Site-relative URL of the page (`k8s/sysctl-guide/`).
    public var url: String
    public var tags: [String]
    public var blocks: [CodeBlock]

    public init(sourcePath: String, displayPath: String, url: String, tags: [String], blocks: [CodeBlock]) {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.url = url
        self.tags = tags
        self.blocks = blocks
    }
}

public enum SnippetExtractor {
    public static func extract(_ page: SnippetPage) -> [Snippet] {
        SnippetID.prepare(sections: page.blocks.map(\.section))
        // Ids depend on the blocks before (position in section, uniqueness): assigned in order.
        var positionInSection: [String: Int] = [:]
        var usedIDs: Set<String> = []
        var ids: [String] = []
        for block in page.blocks {
            let info = InfoString(block.info)
            let sectionBase = SnippetID.base(forSection: block.section, headingID: block.sectionID)
            positionInSection[sectionBase, default: 0] += 1
            var id = info.id ?? "\(sectionBase)-\(positionInSection[sectionBase] ?? 1)"
            while usedIDs.contains(id) { id += "-b" }
            usedIDs.insert(id)
            ids.append(id)
        }
        // A variable one block sets is set for the blocks after it (all.sh runs them in order).
        // (Manifests, JSON and diagrams set no shell variable: not read.)
        let pageVariables = page.blocks.reduce(into: Set<String>()) { names, block in
            let declared = SnippetKind.declared(byLabel: InfoString(block.info).label)
            if let declared, [.yaml, .json, .dockerfile, .mermaid, .go, .python, .toml].contains(declared) { return }
            names.formUnion(Placeholders.assignedVariables(in: block.code))
        }
        // Kinds from content on all cores (a note of 9,000 blocks too), then from what is around
        // a block the content left undecided (the block before it, the sentence introducing it).
        let byContent = page.blocks.parallelMap { block in
            BlockClassifier.classify(label: InfoString(block.info).label, code: block.code, reading: block.shellReading)
        }
        let classifications = byContent.indices.map { i in
            BlockContext.refine(byContent[i], of: page.blocks[i], after: i > 0 ? (page.blocks[i - 1], byContent[i - 1]) : nil)
        }
        return Array(zip(page.blocks.indices, ids)).parallelMap { i, id in
            extract(page.blocks[i], classification: classifications[i], id: id, page: page, pageVariables: pageVariables)
        }
    }

    /// One block: its kind, and for the kinds that make files, its script and placeholders.
    private static func extract(_ block: CodeBlock, classification: Classification, id: String, page: SnippetPage,
                                pageVariables: Set<String>) -> Snippet {
        let info = InfoString(block.info)
        var snippet = Snippet(
            source: page.sourcePath, displayPath: page.displayPath, pageURL: page.url, tags: page.tags,
            index: block.index, line: block.line, section: block.section, sectionID: block.sectionID, info: info, id: id,
            kind: classification.kind, declared: classification.declared, mismatch: classification.mismatch,
            script: nil, scriptLines: [], placeholders: [], opensEditor: false, sha256: nil,
            status: .unverified, findings: [], verifiedBy: [])
        snippet.kindReason = classification.reason
        let firstCodeLine = block.line + 1
        if info.skip {
            snippet.status = .skipped
        } else if classification.isTemplate {
            snippet.status = .template
        } else if classification.kind.isExtracted {
            // One reading of the block (ShellSession) gives the script, where each script line came
            // from, and the output; the highlighter and the copy button read the same session.
            if classification.kind == .console || classification.kind == .shell {
                let session = classification.session(of: block.code)
                let kept = session.scriptLineIndices
                snippet.script = session.script
                snippet.scriptLines = kept.map { firstCodeLine + $0 }
                snippet.scriptColumnOffsets = kept.map { block.column - 1 + session.lines[$0].promptLength }
                snippet.opensEditor = session.opensEditor
                if classification.kind == .console { snippet.expectedOutput = session.output }
            } else {
                // Other files as written, less trailing blank (or white-space-only) lines.
                var lines = Array(block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated())
                while let last = lines.last, last.element.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
                snippet.script = lines.isEmpty ? "" : lines.map(\.element).joined(separator: "\n") + "\n"
                snippet.scriptLines = lines.map { firstCodeLine + $0.offset }
                snippet.scriptColumnOffsets = lines.map { _ in block.column - 1 }
            }
            if let script = snippet.script, script.isEmpty || script.allSatisfy({ $0 == "\n" }) {
                snippet.script = nil
            } else if let script = snippet.script {
                snippet.placeholders = Placeholders.find(in: script, pageVariables: pageVariables,
                                                         shell: classification.kind.isShell)
                snippet.sha256 = SHA256.hex(script)
            }
        }
        return snippet
    }

}
