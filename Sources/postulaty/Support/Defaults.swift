import Foundation
import PolishText

/// The embedded defaults: paths relative to the working directory (the repository root).
enum Defaults {
    static let corporaDirectory = "Corpora"
    static let modelsDirectory = "Models"
    static let themeModel = "Models/themes.model"
    static let stanceModel = "Models/stance.model"
    static let taxonomy = "Models/taxonomy.json"
    static let similarityIndex = "Models/similarity.index"
    static let reportsDirectory = "Reports"

    /// `Corpora/*.jsonl`, sorted by name so every run reads them in the same order.
    static func corpusFiles() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: corporaDirectory)
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { "\(corporaDirectory)/\($0)" }
    }

    static func analyzer() throws -> Analyzer {
        try DefaultAnalyzer.make(modelsDirectory: modelsDirectory)
    }

    /// The default lemmatiser with the switches a saved model was trained with (see `DefaultAnalyzer.make(matching:)`).
    static func analyzer(matching saved: AnalyzerConfiguration) throws -> Analyzer {
        try DefaultAnalyzer.make(matching: saved, modelsDirectory: modelsDirectory)
    }

    /// The default lemmatiser with a stop-word setting of one's own (nil: none).
    static func analyzer(stopWords: String?) throws -> Analyzer {
        let lemmatizer = try DefaultAnalyzer.lemmatizer(modelsDirectory: modelsDirectory)
        return try Analyzer(lemmatizer: lemmatizer,
                            configuration: AnalyzerConfiguration(lemmatizer: lemmatizer.identifier, stopWords: stopWords))
    }
}
