// libFuzzer target: the shell-session parser (prompts, output, heredocs, continuations) and
// the block classifier, on arbitrary code block text under every common fence label.

import FuzzSupport
@testable import OpsdocsShell
@testable import OpsdocsSnippets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = Fuzzing.text(data, size)
    _ = ShellSession.isTranscript(code)
    let session = ShellSession.readPrompted(code)
    precondition(session.lines.count == session.text.count, "one role per line")
    _ = ShellSession.readUnprompted(code)
    _ = ShellSession.script(code).script
    _ = Placeholders.find(in: session.script)
    for label in ["", "bash", "console", "shell", "yaml", "text", "dockerfile", "sysctl", "ini", "json"] {
        _ = BlockClassifier.classify(label: label, code: code)
    }
    return 0
}

@_cdecl("FuzzTranscript_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    Fuzzing.run(argc, argv, fuzz)
}
