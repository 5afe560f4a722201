// "Nothing changed since the last build": a digest of everything a build reads — every file
// of the notes folder, the config, theme overrides, `static/`, the options, the checking tools
// and the opsdocs binary itself — kept with the build state (`.opsdocs/build.bin`), written
// after the new site is in place. When it matches and the output folder still holds exactly
// what that build wrote (paths, sizes, times), `opsdocs build` reports the stored diagnostics
// and writes nothing. The file records times, so unlike the site it differs between machines.

import Foundation
import OpsdocsConfig
import OpsdocsSnippets

struct BuildFingerprint: Equatable, Sendable {
    /// Digest of the inputs.
    var inputs: String
    /// Digest of the published files' paths and sizes, checked against the output folder.
    var output: String

    static let fileName = "build.bin"

    /// The state a successful build leaves: its fingerprint and what it reported.
    struct State: Sendable {
        var fingerprint: BuildFingerprint
        var diagnostics: [Diagnostic]
        var pageCount: Int
        var fileCount: Int
        /// The published paths an incremental build changed (nil after a full build): what the
        /// next incremental build relinks in the previous generation (OutputGenerations).
        var changed: [String]? = nil
    }

    /// Digest of every input of a build of `options`.

    /// Digest of what an output folder holds: every file's path, size and modification time
    /// (build state and marker aside), so an edit to a published file — even one that keeps its
    /// size — means the next build writes the site again.
    static func output(onDisk folder: URL) -> String { listing(of: folder).digest }

    /// Where the state of a build into `output` is kept: `build.bin` inside the output's own
    /// state folder; in a folder the user names, one file per output folder, so two outputs
    /// sharing a `--cache-dir` never mistake each other's state for their own.
    static func stateFile(_ options: BuildOptions) -> URL? {
        guard let folder = options.cacheFolder else { return nil }
        if options.cacheIsInOutput { return folder.appendingPathComponent(fileName) }
        let key = SHA256.hex(options.output.standardizedFileURL.path).prefix(12)
        return folder.appendingPathComponent("build-\(key).bin")
    }
    static func load(_ file: URL) -> State? {
        FileManager.default.contents(atPath: file.path).flatMap { try? State(decoding: $0) }
    }

    static func encode(_ state: State) -> Data { state.encoded }
}

extension BuildFingerprint.State: ByteCodable {
    static let version = 1

    func write(to out: inout ByteWriter) {
        out.int(Self.version)
        out.string(fingerprint.inputs)
        out.string(fingerprint.output)
        out.array(diagnostics) { $0.value($1) }
        out.int(pageCount)
        out.int(fileCount)
        out.optional(changed) { $0.strings($1) }
    }

    init(from input: inout ByteReader) throws {
        guard try input.int() == Self.version else { throw ByteReader.Malformed() }
        fingerprint = BuildFingerprint(inputs: try input.string(), output: try input.string())
        diagnostics = try input.array { try $0.value(Diagnostic.self) }
        pageCount = try input.int()
        fileCount = try input.int()
        changed = try input.optional { try $0.strings() }
    }
}

/// FNV-1a, 64 bits, over a stream of strings and bytes (each ended by a 0xFF byte, which
/// UTF-8 never contains, so `ab`+`c` and `a`+`bc` differ).
struct Digest64 {
    private var h: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ data: Data) { data.withUnsafeBytes { add($0) } }

    private mutating func add(_ raw: UnsafeRawBufferPointer) {
        var h = self.h
        for byte in raw {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        h ^= 0xFF
        self.h = h &* 0x0000_0100_0000_01B3
    }

    var hex: String { String(h, radix: 16) }
}
