// Which link and image destinations may reach an `href` or `src`. opsdocs parses with
// CMARK_OPT_UNSAFE (so its own inserted HTML survives), which also turns off cmark-gfm's
// URL filter; this is that filter, applied by opsdocs to every link, image and autolink.

enum URLSafety {
    /// The scheme that makes `destination` unsafe (`javascript`, `vbscript`, `file`, `data`),
    /// or nil when it is safe. `destination` is what cmark stored: entities and backslash
    /// escapes already decoded. Browsers drop tabs and newlines anywhere in a URL and leading
    /// control characters and spaces, and compare schemes case-insensitively, so we do too.
    static func dangerousScheme(_ destination: String) -> String? {
        var scheme: [UInt8] = []
        var rest: [UInt8] = []
        var inScheme = true
        var started = false
        for byte in destination.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if !started {
                if byte <= 0x20 { continue }
                started = true
            }
            if inScheme {
                if byte == UInt8(ascii: ":") { inScheme = false; continue }
                scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                if scheme.count > 16 { return nil }
            } else {
                rest.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                if rest.count >= 11 { break }
            }
        }
        guard !inScheme else { return nil }
        let name = String(decoding: scheme, as: UTF8.self)
        switch name {
        case "javascript", "vbscript", "file":
            return name
        case "data":
            // The media type must be exactly one of these (`image/pngx`, `image/png+xml` are not).
            let media = String(decoding: rest, as: UTF8.self)
            for safe in ["image/png", "image/gif", "image/jpeg", "image/webp"] where media.hasPrefix(safe) {
                let after = media.dropFirst(safe.count).first
                if after == ";" || after == "," { return nil }
            }
            return name
        default:
            return nil
        }
    }
}
