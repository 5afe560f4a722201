// Splits a note into front matter and body, and parses the front matter:
// YAML between `---` lines, TOML between `+++` lines, or a JSON object starting at `{`.
// Failures are diagnostics with the line and column inside the note, never thrown past here.

import Foundation
import OpsdocsConfig
import TOMLKit
import Yams

public struct FrontMatter: Sendable, Equatable {
    public enum Format: String, Sendable { case yaml, toml, json, none }

    public var format: Format
    public var fields: [String: FrontMatterValue]
    /// Line (1-based) of each top-level key, for diagnostics that point at the key.
    public var keyLines: [String: Int]
    /// Number of source lines before the body starts (0 when there is no front matter).
    public var bodyLineOffset: Int

    public static let empty = FrontMatter(format: .none, fields: [:], keyLines: [:], bodyLineOffset: 0)

    public func line(of key: String) -> Int { keyLines[key] ?? 1 }
}

public struct FrontMatterError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}

public enum FrontMatterParser {
    /// Returns the parsed front matter and the body that follows it.
    /// `text` must already be normalised (no BOM, `\n` line endings).
    public static func split(_ text: String) -> Result<(FrontMatter, Substring), FrontMatterError> {
        if text.hasPrefix("---\n") || text == "---" {
            return fenced(text, fence: "---", format: .yaml)
        }
        if text.hasPrefix("+++\n") || text == "+++" {
            return fenced(text, fence: "+++", format: .toml)
        }
        if looksLikeJSONObject(text) {
            return json(text)
        }
        return .success((.empty, Substring(text)))
    }

    /// `{` then (after blanks) a quote, `}` or a line break: a JSON object. A note that opens
    /// with `{{< shortcode >}}` or `{% if %}` is Markdown, not front matter.
    private static func looksLikeJSONObject(_ text: String) -> Bool {
        guard text.hasPrefix("{") else { return false }
        for ch in text.utf8.dropFirst() {
            if ch == 0x20 || ch == 0x09 { continue }
            return ch == UInt8(ascii: "\"") || ch == UInt8(ascii: "}") || ch == 0x0A
        }
        return true
    }

    private static func fenced(_ text: String, fence: String, format: FrontMatter.Format)
        -> Result<(FrontMatter, Substring), FrontMatterError>
    {
        // The closing fence is a line that is exactly the fence (trailing blanks allowed).
        // Scanned as bytes: this runs once per note and notes can be long.
        let utf8 = text.utf8
        let fenceBytes = Array(fence.utf8)
        var lineNumber = 1
        var index = utf8.index(utf8.startIndex, offsetBy: min(fenceBytes.count + 1, utf8.count))
        let headerStart = index
        while index < utf8.endIndex {
            lineNumber += 1
            let lineEnd = utf8[index...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var line = utf8[index..<lineEnd]
            while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
            if line.elementsEqual(fenceBytes) {
                let header = String(text[headerStart..<index])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                let parsed = format == .yaml ? yaml(header) : toml(header)
                return parsed.map { fields, keyLines in
                    (FrontMatter(format: format, fields: fields, keyLines: keyLines, bodyLineOffset: lineNumber),
                     text[bodyStart...])
                }
            }
            index = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return .failure(FrontMatterError(line: 1, column: 1,
                                         message: "front matter opened with `\(fence)` is never closed"))
    }

    // MARK: YAML

    private static func yaml(_ header: String) -> Result<([String: FrontMatterValue], [String: Int]), FrontMatterError> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: header)
        } catch let error as YamlError {
            return .failure(yamlError(error))
        } catch {
            return .failure(FrontMatterError(line: 2, column: 1, message: "invalid YAML front matter: \(error)"))
        }
        guard let node else { return .success(([:], [:])) }  // empty front matter
        guard case .mapping(let mapping) = node else {
            return .failure(FrontMatterError(line: node.mark.map { $0.line + 1 } ?? 2, column: 1,
                                             message: "front matter must be a mapping of keys to values"))
        }
        var fields: [String: FrontMatterValue] = [:]
        var lines: [String: Int] = [:]
        var budget = maxValues
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let converted = yamlValue(value, budget: &budget) else {
                return .failure(FrontMatterError(line: (key.mark?.line ?? 1) + 1, column: 1,
                                                 message: "front matter expands to more than \(maxValues) values (nested YAML aliases?)"))
            }
            fields[name] = converted
            lines[name] = (key.mark?.line ?? 0) + 1  // +1 for the opening `---`
        }
        return .success((fields, lines))
    }

    /// YAML aliases can expand exponentially ("billion laughs"); conversion stops past this.
    static let maxValues = 10_000

    private static func yamlValue(_ node: Node, budget: inout Int) -> FrontMatterValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            // Quoted scalars are always strings; plain ones follow YAML's core schema.
            if scalar.style != .plain { return .string(scalar.string) }
            let s = scalar.string
            if s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" { return .null }
            if let b = Bool.construct(from: scalar) { return .bool(b) }
            if let i = Int(s) { return .int(i) }
            if s.contains("."), let d = Double(s), d.isFinite { return .double(d) }
            return .string(s)
        case .sequence(let seq):
            var items: [FrontMatterValue] = []
            for item in seq {
                guard let value = yamlValue(item, budget: &budget) else { return nil }
                items.append(value)
            }
            return .array(items)
        case .mapping(let map):
            var table: [String: FrontMatterValue] = [:]
            for (k, v) in map {
                guard let name = k.string else { continue }
                guard let value = yamlValue(v, budget: &budget) else { return nil }
                table[name] = value
            }
            return .table(table)
        case .alias:
            return .null
        }
    }

    private static func yamlError(_ error: YamlError) -> FrontMatterError {
        // Yams marks are 1-based lines within the header; the header starts on line 2.
        // libyaml notices an unclosed `[` or quote only at the end; its context mark points at
        // where the construct began, which is what the author needs to see.
        let found: (YamlError.Context?, String, Mark)
        switch error {
        case .scanner(let context, let problem, let mark, _): found = (context, problem, mark)
        case .parser(let context, let problem, let mark, _): found = (context, problem, mark)
        case .composer(let context, let problem, let mark, _): found = (context, problem, mark)
        default: return FrontMatterError(line: 2, column: 1, message: "invalid YAML front matter: \(error)")
        }
        let (context, problem, mark) = found
        let at = context?.mark ?? mark
        let detail = context.map { "\(problem) \($0.text)" } ?? problem
        return FrontMatterError(line: at.line + 1, column: at.column, message: "invalid YAML front matter: \(detail)")
    }

    // MARK: TOML

    private static func toml(_ header: String) -> Result<([String: FrontMatterValue], [String: Int]), FrontMatterError> {
        do {
            let table = try TOMLTable(string: header)
            var lines: [String: Int] = [:]
            for key in table.keys {
                lines[key] = keyLine(key, in: header, offset: 1)
            }
            return .success((tomlTable(table), lines))
        } catch let error as TOMLParseError {
            return .failure(FrontMatterError(line: error.source.begin.line + 1, column: error.source.begin.column,
                                             message: "invalid TOML front matter: \(error.description)"))
        } catch {
            return .failure(FrontMatterError(line: 2, column: 1, message: "invalid TOML front matter: \(error)"))
        }
    }

    private static func tomlTable(_ table: TOMLTable) -> [String: FrontMatterValue] {
        var out: [String: FrontMatterValue] = [:]
        for key in table.keys { if let v = table[key] { out[key] = tomlValue(v) } }
        return out
    }

    private static func tomlValue(_ value: TOMLValueConvertible) -> FrontMatterValue {
        if let s = value.string { return .string(s) }
        if let b = value.bool { return .bool(b) }
        if let i = value.int { return .int(i) }
        if let d = value.double { return .double(d) }
        if let a = value.array { return .array(a.map { tomlValue($0) }) }
        if let t = value.table { return .table(tomlTable(t)) }
        // Dates and times: keep TOML's own spelling, which PageDate understands.
        return .string(value.tomlValue.debugDescription)
    }

    // MARK: JSON

    private static func json(_ text: String) -> Result<(FrontMatter, Substring), FrontMatterError> {
        // The object ends at the first `}` that closes the top level outside a string (Hugo's rule).
        var depth = 0
        var inString = false
        var escaped = false
        var line = 1
        for index in text.indices {
            let c = text[index]
            if c == "\n" { line += 1 }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 {
                    let objectEnd = text.index(after: index)
                    let header = String(text[..<objectEnd])
                    guard let object = try? JSONDecoder().decode(JSONValue.self, from: Data(header.utf8)),
                          case .table(let fields) = object.value
                    else {
                        return .failure(FrontMatterError(line: 1, column: 1, message: "invalid JSON front matter"))
                    }
                    var rest = text[objectEnd...]
                    if rest.hasPrefix("\n") { rest = rest.dropFirst() }
                    var lines: [String: Int] = [:]
                    for key in fields.keys { lines[key] = keyLine("\"\(key)\"", in: header, offset: 0) }
                    let fm = FrontMatter(format: .json, fields: fields, keyLines: lines,
                                         bodyLineOffset: line)
                    return .success((fm, rest))
                }
            default: break
            }
        }
        return .failure(FrontMatterError(line: 1, column: 1, message: "JSON front matter starting with `{` is never closed"))
    }

    private static func keyLine(_ key: String, in header: String, offset: Int) -> Int {
        for (i, line) in header.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key) { return i + 1 + offset }
        }
        return 1
    }
}

/// Decodes any JSON into FrontMatterValue; Bool is tried first so `true` stays a Bool.
private struct JSONValue: Decodable {
    let value: FrontMatterValue

    init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [FrontMatterValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self).value) }
            value = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var table: [String: FrontMatterValue] = [:]
            for key in object.allKeys { table[key.stringValue] = try object.decode(JSONValue.self, forKey: key).value }
            value = .table(table)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { value = .null }
        else if let b = try? single.decode(Bool.self) { value = .bool(b) }
        else if let i = try? single.decode(Int.self) { value = .int(i) }
        else if let d = try? single.decode(Double.self) { value = .double(d) }
        else { value = .string(try single.decode(String.self)) }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
