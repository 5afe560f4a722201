// The index files are stored gzip-compressed: a third of the bytes on disk and on the wire
// (most of them are lists of numbers), whatever the host serves. The browser inflates them
// with DecompressionStream; a host that already sent them with `Content-Encoding: gzip`
// hands over plain JSON, which both readers accept as it is.

import CZlib
import Foundation

package enum Gzip {
    /// `data` as a gzip member: no name, no time stamp, so two builds write the same bytes.
    package static func compress(_ data: Data) -> Data {
        var stream = z_stream()
        // 15 window bits + 16: a gzip header and trailer instead of zlib's.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return data }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 32)
        let status = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Int32 in
            output.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return data }
        return Data(output.prefix(Int(stream.total_out)))
    }

    /// Starts with gzip's magic bytes.
    package static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The inflated bytes of a gzip member; other data as it is; nil when a gzip member is damaged.
    package static func decompress(_ data: Data) -> Data? {
        guard isCompressed(data) else { return data }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: max(16_384, data.count * 4))
        let ok = data.withUnsafeBytes { (input: UnsafeRawBufferPointer) -> Bool in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                let status = chunk.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int32 in
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                result.append(contentsOf: chunk.prefix(chunk.count - Int(stream.avail_out)))
                if status == Z_STREAM_END { return true }
                // No progress possible: truncated or damaged input.
                guard status == Z_OK, stream.avail_in > 0 || stream.avail_out == 0 else { return false }
            }
        }
        return ok ? result : nil
    }
}
