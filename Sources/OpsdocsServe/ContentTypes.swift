// The Content-Type of every kind of file a site has. Text types carry `charset=utf-8`,
// because notes are mostly Chinese and a browser guessing the encoding shows mojibake.

public enum ContentTypes {
    private static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8", "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8", "svg": "image/svg+xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "sh": "text/x-shellscript; charset=utf-8", "bash": "text/x-shellscript; charset=utf-8",
        "yaml": "application/yaml; charset=utf-8", "yml": "application/yaml; charset=utf-8",
        "toml": "application/toml; charset=utf-8", "ini": "text/plain; charset=utf-8",
        "conf": "text/plain; charset=utf-8", "dockerfile": "text/plain; charset=utf-8",
        "py": "text/x-python; charset=utf-8", "go": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8", "log": "text/plain; charset=utf-8",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "bmp": "image/bmp",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "pdf": "application/pdf", "zip": "application/zip", "gz": "application/gzip",
        "tgz": "application/gzip", "tar": "application/x-tar", "mp4": "video/mp4", "webm": "video/webm",
        "wasm": "application/wasm",
    ]

    public static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            // Snippet files without an extension (`Dockerfile`) are text.
            return name.lowercased() == "dockerfile" ? "text/plain; charset=utf-8" : "application/octet-stream"
        }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
