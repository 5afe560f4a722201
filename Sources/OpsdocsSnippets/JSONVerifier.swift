// JSON blocks must parse; the error names the line where parsing stopped.

import Foundation

enum JSONVerifier {
    static let tool = "json"

    static func verify(_ script: String) -> [Finding] {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(script.utf8), options: [.fragmentsAllowed])
            return []
        } catch {
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var line = 1
            if let range = description.range(of: "line "),
               let n = Int(description[range.upperBound...].prefix { $0.isNumber }) { line = n }
            return [Finding(line: line, .error, tool: tool, "does not parse: \(description)")]
        }
    }
}
