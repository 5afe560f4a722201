// The build state's byte format, written by hand for the few types the incremental build
// keeps: every build reads and writes it for every note, and at 10,000 notes JSON cost 1.7 s
// to read and Codable-over-bytes 1.1 s; this costs a few tens of milliseconds.
//
// Integers are zigzag varints, strings a length and UTF-8, dictionaries sorted by key (so the
// bytes do not depend on a dictionary's order). Only for data opsdocs wrote itself: anything
// that does not parse throws, and the caller builds everything instead.

import Foundation

/// A value that writes itself as bytes and reads itself back.
public protocol ByteCodable {
    func write(to out: inout ByteWriter)
    init(from input: inout ByteReader) throws
}

public struct ByteWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public var data: Data { Data(bytes) }

    public mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes += utf8
        }
    }

    public mutating func data(_ value: Data) {
        int(value.count)
        bytes += value
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    public mutating func dictionary<T>(_ values: [String: T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for key in values.keys.sorted() {
            string(key)
            if let value = values[key] { write(&self, value) }
        }
    }

    public mutating func value(_ value: some ByteCodable) { value.write(to: &self) }
    public mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    public mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }
}

public struct ByteReader {
    public struct Malformed: Error { public init() {} }

    private let bytes: [UInt8]
    private var at = 0

    public init(_ data: Data) { bytes = [UInt8](data) }

    public var isAtEnd: Bool { at == bytes.count }

    public mutating func int() throws -> Int {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard at < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[at]
            at += 1
            v |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    public mutating func bool() throws -> Bool {
        guard at < bytes.count, bytes[at] <= 1 else { throw Malformed() }
        defer { at += 1 }
        return bytes[at] == 1
    }

    public mutating func double() throws -> Double {
        guard at + 8 <= bytes.count else { throw Malformed() }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[at + i]) << (8 * UInt64(i)) }
        at += 8
        return Double(bitPattern: bits)
    }

    private mutating func slice() throws -> ArraySlice<UInt8> {
        let count = try int()
        guard count >= 0, at + count <= bytes.count else { throw Malformed() }
        defer { at += count }
        return bytes[at..<at + count]
    }

    public mutating func string() throws -> String { String(decoding: try slice(), as: UTF8.self) }
    public mutating func data() throws -> Data { Data(try slice()) }

    public mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - at else { throw Malformed() }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }

    public mutating func dictionary<T>(_ read: (inout ByteReader) throws -> T) throws -> [String: T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - at else { throw Malformed() }
        var out: [String: T] = [:]
        out.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            out[key] = try read(&self)
        }
        return out
    }

    public mutating func value<T: ByteCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }
    public mutating func strings() throws -> [String] { try array { try $0.string() } }
    public mutating func ints() throws -> [Int] { try array { try $0.int() } }
}

extension ByteCodable {
    /// The value as bytes.
    public var encoded: Data {
        var out = ByteWriter()
        write(to: &out)
        return out.data
    }

    /// The value read from all of `data`.
    public init(decoding data: Data) throws {
        var input = ByteReader(data)
        self = try Self(from: &input)
        guard input.isAtEnd else { throw ByteReader.Malformed() }
    }
}
