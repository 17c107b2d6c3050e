@testable import Reporting

/// SplitMix64: a seeded generator, so the random test data are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

enum Fixtures {
    static let themes = [
        ReportTheme(code: "security", labelPL: "bezpieczeństwo", labelEN: "security"),
        ReportTheme(code: "seniors", labelPL: "seniorzy", labelEN: "seniors"),
        ReportTheme(code: "youth", labelPL: "młodzież", labelEN: "youth"),
        ReportTheme(code: "funding", labelPL: "finansowanie", labelEN: "funding"),
        ReportTheme(code: "networking", labelPL: "sieciowanie i współpraca", labelEN: "networking and cooperation"),
    ]

    /// Random postulates: years 2021–2025 (some unknown), 12 organisations, 0–2 themes, stances with and
    /// without responses, analyst labels that sometimes differ from the model's.
    static func randomData(count: Int, seed: UInt64) -> ReportData {
        var r = SplitMix64(seed)
        let codes = themes.map(\.code)
        var ps: [ReportPostulate] = []
        for i in 0..<count {
            let year: Int? = r.chance(0.05) ? nil : 2021 + r.int(5)
            var model: [String] = []
            for c in codes where r.chance(0.25) { model.append(c) }
            var gold: [String]? = model
            if r.chance(0.2) { gold = r.chance(0.5) ? [] : [codes[r.int(codes.count)]] }
            if r.chance(0.1) { gold = nil }
            let hasResponse = !r.chance(0.1)
            let g = Stance.all[r.int(5)]
            let m = r.chance(0.8) ? g : Stance.all[r.int(5)]
            var scores: [String: Double] = [:]
            for c in codes { scores[c] = Double(r.int(1000)) / 1000 }
            ps.append(ReportPostulate(
                id: "p-\(i)", year: year, meeting: "Spotkanie \(year ?? 0)", organisation: "Organizacja \(r.int(12))",
                text: "Postulat numer \(i) o sprawach miasta.", response: hasResponse ? "Odpowiedź \(i)." : "",
                goldThemes: gold, predictedThemes: model, themeScores: scores,
                goldStance: hasResponse ? g : nil, predictedStance: hasResponse ? m : nil))
        }
        // Clusters: groups of 2–4 ids, some within one year.
        var clusters: [[String]] = []
        var k = 0
        while k + 4 < count {
            let size = 2 + r.int(3)
            clusters.append((k..<(k + size)).map { "p-\($0)" })
            k += size + r.int(6)
        }
        return ReportData(name: "test", sources: ["Corpora/test.jsonl"], themes: themes, postulates: ps,
                          characteristicTerms: ["security": [WeightedTerm(term: "bezpieczeństwo", weight: 2.5)]],
                          clusters: clusters)
    }

    static func file(_ files: [ReportFile], _ name: String) -> String {
        files.first { $0.name == name }!.contents
    }
}

/// RFC 4180 parsing for the tests (quoted fields, doubled quotes, newlines inside quotes). A leading byte-order
/// mark is skipped; the delimiter is the header's (`;` when its first line has one, else `,`).
enum CSVParse {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        let delimiter: Unicode.Scalar = chars.prefix { $0 != "\n" }.contains(";") ? ";" : ","
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == delimiter {
                row.append(field); field = ""
            } else if c == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// A CSV decimal (a decimal comma, as the default report writes, or a point) as a number.
    static func number(_ s: String?) -> Double? {
        s.flatMap { Double($0.replacingOccurrences(of: ",", with: ".")) }
    }

    /// Rows as dictionaries keyed by the header.
    static func records(_ text: String) -> [[String: String]] {
        let all = rows(text)
        guard let header = all.first else { return [] }
        return all.dropFirst().map { r in
            var d: [String: String] = [:]
            for (i, h) in header.enumerated() where i < r.count { d[h] = r[i] }
            return d
        }
    }
}
