/// Meeting dates as Polish documents write them: "W dniu 17 czerwca 2025 r." (month in the genitive),
/// or "17.06.2025".
enum PolishDate {
    static let months = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
                         "września", "października", "listopada", "grudnia"]

    /// Compiled once: compiling them on every call cost more than the import itself.
    nonisolated(unsafe) static let patterns: [Regex<AnyRegexOutput>] = {
        let monthAlt = months.joined(separator: "|")
        return [
            "(?i)\\bdni(?:u|a)\\s+(\\d{1,2})\\s+(\(monthAlt))\\s+(\\d{4})",
            "(?i)\\bdni(?:u|a)\\s+(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})",
            "(?i)\\b(\\d{1,2})\\s+(\(monthAlt))\\s+(\\d{4})\\s*r",
            "\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\s*r",
        ].compactMap { try? Regex($0) }
    }()

    /// The first date in `text`, preferring one introduced by "w dniu"/"dnia", as ISO "YYYY-MM-DD".
    static func find(in text: String) -> (iso: String, year: Int)? {
        for re in patterns {
            guard let m = text.firstMatch(of: re) else { continue }
            guard m.output.count == 4,
                  let dayS = m.output[1].substring, let monS = m.output[2].substring, let yearS = m.output[3].substring,
                  let day = Int(dayS), let year = Int(yearS) else { continue }
            let month = Int(monS) ?? (months.firstIndex(of: monS.lowercased()).map { $0 + 1 } ?? 0)
            guard (1...12).contains(month), (1...31).contains(day) else { continue }
            let iso = String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
            return (iso, year)
        }
        return nil
    }
}
