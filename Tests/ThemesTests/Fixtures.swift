import Corpus
import PolishText
@testable import Themes

/// A small synthetic labelled corpus: each theme has its own words; some records mix two themes, some have none.
/// Generated with a seeded generator so every run sees the same records.
enum Fixtures {
    static let words: [String: [String]] = [
        "seniors": ["seniorzy", "kluby", "emeryci", "opieka", "starsi", "dzienny"],
        "youth": ["młodzież", "szkoła", "uczniowie", "świetlica", "harcerze", "nastolatki"],
        "security": ["policja", "monitoring", "przestępstwa", "straż", "oszustwa", "bezpieczne"],
    ]
    static let neutral = ["miasto", "dzielnica", "mieszkańcy", "lokal", "ulica", "spotkanie", "działania", "oferta"]

    static func records(count: Int = 150, seed: UInt64 = 42) -> [Postulate] {
        var rng = SplitMix64(seed: seed)
        let themes = words.keys.sorted()
        var out: [Postulate] = []
        for i in 0..<count {
            var labels: [String] = []
            switch i % 5 {
            case 0: labels = []
            case 1: labels = [themes[rng.below(3)]]
            case 2, 3: labels = [themes[i % 3]]
            default:
                let a = rng.below(3)
                labels = [themes[a], themes[(a + 1) % 3]].sorted()
            }
            var text: [String] = []
            for _ in 0..<6 { text.append(neutral[rng.below(neutral.count)]) }
            for l in labels { for _ in 0..<3 { text.append(words[l]![rng.below(6)]) } }
            rng.shuffle(&text)
            let stance = labels.first ?? "none"
            out.append(Postulate(id: "p\(i)", text: text.joined(separator: " "), themes: labels,
                                 extra: [("response_stance", .string(stance))]))
        }
        return out
    }

    static func analyzer(fold: Bool = false) throws -> Analyzer {
        try Analyzer(lemmatizer: IdentityLemmatizer(),
                     configuration: AnalyzerConfiguration(lemmatizer: "identity", foldTermDiacritics: fold))
    }

    static func model(field: String = "themes", records: [Postulate] = records()) throws -> ThemeModel {
        let a = try analyzer()
        let corpus = try LabelledCorpus.make(records: records, labelField: field,
                                             fields: VectorizerConfiguration().fields, analyzer: a)
        return try ThemeTrainer.train(documents: corpus.documents, labels: corpus.labels.values, mode: corpus.labels.mode,
                                      labelField: field, analyzer: a.configuration)
    }
}
