// libFuzzer target: the shell-session parser (prompts, output, heredocs, continuations) and
// the block classifier, on arbitrary code block text under every common fence label.

@testable import OpsdocsSnippets

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let code = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = PromptStripper.isTranscript(code)
    let transcript = PromptStripper.strip(code)
    _ = Placeholders.find(in: transcript.script)
    for label in ["", "bash", "console", "shell", "yaml", "text", "dockerfile", "sysctl", "ini", "json"] {
        _ = BlockClassifier.classify(label: label, code: code)
    }
    return 0
}

/// SwiftPM names an executable's entry point `<Target>_main`; it hands over to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzTranscript_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzz)
}
