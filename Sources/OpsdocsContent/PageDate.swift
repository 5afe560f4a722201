// Dates as authors write them: `2024-03-01`, `2022-05-21T00:00:00+08:00`, `2025-11-04T02:02:55.935Z`.
// The calendar day is kept as written (never shifted into UTC), so a note dated 3 March
// shows 3 March wherever the site is built; the instant is used only for ordering and feeds.

import Foundation

public struct PageDate: Sendable, Hashable, Comparable {
    public var year: Int, month: Int, day: Int
    public var hour: Int = 0, minute: Int = 0, second: Int = 0
    /// Seconds east of UTC; nil when the author gave no zone (treated as UTC).
    public var utcOffset: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, utcOffset: Int? = nil) {
        (self.year, self.month, self.day) = (year, month, day)
        (self.hour, self.minute, self.second) = (hour, minute, second)
        self.utcOffset = utcOffset
    }

    /// Parses the common front matter spellings; nil for anything else.
    public init?(parsing raw: String) {
        let s = Array(raw.trimmingCharacters(in: .whitespaces).utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= s.count else { return nil }
            var n = 0
            for b in s[from..<from + count] {
                guard b >= 48 && b <= 57 else { return nil }
                n = n * 10 + Int(b - 48)
            }
            return n
        }
        guard let y = number(0, 4), s.count >= 10, s[4] == UInt8(ascii: "-"), let m = number(5, 2),
              s[7] == UInt8(ascii: "-"), let d = number(8, 2), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
        var i = 10
        if i == s.count { return }
        guard s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " ") || s[i] == UInt8(ascii: "t"),
              let h = number(i + 1, 2), s.count > i + 3, s[i + 3] == UInt8(ascii: ":"), let mi = number(i + 4, 2),
              h < 24, mi < 60
        else { return nil }
        (hour, minute) = (h, mi)
        i += 6
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard let sec = number(i + 1, 2), sec < 61 else { return nil }
            second = sec
            i += 3
            if i < s.count, s[i] == UInt8(ascii: ".") {  // fractions are dropped
                i += 1
                while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 }
            }
        }
        while i < s.count, s[i] == UInt8(ascii: " ") { i += 1 }
        if i == s.count { return }
        if s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
            guard i + 1 == s.count else { return nil }
            utcOffset = 0
            return
        }
        guard s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-"), let oh = number(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < s.count {
            let colon = s[i + 3] == UInt8(ascii: ":") ? 1 : 0
            guard let minutes = number(i + 3 + colon, 2), i + 5 + colon == s.count else { return nil }
            om = minutes
        } else if i + 3 != s.count {
            return nil
        }
        utcOffset = (s[i] == UInt8(ascii: "-") ? -1 : 1) * (oh * 3600 + om * 60)
    }

    /// Seconds since 1970 for ordering (days-from-civil, no Calendar and no time zone database).
    public var epochSeconds: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + hour * 3600 + minute * 60 + second - (utcOffset ?? 0)
    }

    /// `2024-03-01`, as written.
    public var day8601: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// RFC 3339 with the author's offset (UTC when none was given), for Atom and sitemaps.
    public var rfc3339: String {
        let base = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        guard let off = utcOffset, off != 0 else { return base + "Z" }
        let sign = off < 0 ? "-" : "+"
        return base + String(format: "%@%02d:%02d", sign, abs(off) / 3600, abs(off) % 3600 / 60)
    }

    public static func < (a: PageDate, b: PageDate) -> Bool { a.epochSeconds < b.epochSeconds }
}
