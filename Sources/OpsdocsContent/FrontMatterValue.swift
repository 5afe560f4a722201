// A front matter value in a form every format (YAML, TOML, JSON) maps onto,
// so templates can reach keys opsdocs does not know without caring where they came from.

import Foundation

public indirect enum FrontMatterValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([FrontMatterValue])
    case table([String: FrontMatterValue])
    case null

    public var string: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s):
            switch s.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: return nil
            }
        default: return nil
        }
    }

    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        case .string(let s): return Int(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// Scalars become one-element lists: `tags: docker` means `tags: [docker]`.
    public var stringList: [String]? {
        switch self {
        case .array(let items): return items.compactMap { $0.string }
        case .null: return []
        default:
            guard let s = string else { return nil }
            return s.isEmpty ? [] : [s]
        }
    }

    /// Plain Swift values for the template engine (which renders `Any`).
    public var templateValue: Any {
        switch self {
        case .string(let s): return s
        case .int(let i): return i
        case .double(let d): return d
        case .bool(let b): return b
        case .array(let items): return items.map(\.templateValue)
        case .table(let t): return t.mapValues(\.templateValue)
        case .null: return ""
        }
    }
}
