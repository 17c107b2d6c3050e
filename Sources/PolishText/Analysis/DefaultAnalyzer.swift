/// Builds the analyzer the tool uses by default: the Morfologik lexicon (Debian's `libmorfologik-stemming-java`,
/// or the path in `POSTULATY_MORFOLOGIK`) plus the lemma priors and the suffix guesser from a models folder (the
/// CLI passes the data folder `DataLocation` finds, so the tool works from any working directory).
public enum DefaultAnalyzer {
    /// - Parameter modelsDirectory: the folder holding `lemma-priors.tsv` and `guesser-pl.tsv` (default "Models").
    /// - Parameter dictionaryPath: a jar or `.dict` overriding the environment and Debian's path.
    /// - Throws: `LexiconError` naming the Debian package when the dictionary is missing, or the model file and
    ///   line when a table is unreadable.
    public static func make(modelsDirectory: String = "Models", dictionaryPath: String? = nil) throws -> Analyzer {
        try Analyzer(lemmatizer: lemmatizer(modelsDirectory: modelsDirectory, dictionaryPath: dictionaryPath))
    }

    /// An analyzer that analyses text as a saved model or index was configured to: the default lemmatiser with
    /// the saved switches (stop words, numbers, diacritic folding, minimum term length). Why: those switches are
    /// choices of the model (a stance model keeps "nie" and "już"), which any user of the model can honour; a
    /// different lemmatiser (other dictionary data) or chain version cannot be reproduced, so then the default
    /// analyzer is returned and the model's own check refuses it, naming the difference.
    public static func make(matching saved: AnalyzerConfiguration, modelsDirectory: String = "Models",
                            dictionaryPath: String? = nil) throws -> Analyzer {
        let lemmatizer = try lemmatizer(modelsDirectory: modelsDirectory, dictionaryPath: dictionaryPath)
        return try Analyzer(lemmatizer: lemmatizer, configuration: reproducible(saved, with: lemmatizer))
    }

    /// `saved` when this lemmatiser and chain can produce it, else the default configuration of `lemmatizer`.
    public static func reproducible(_ saved: AnalyzerConfiguration, with lemmatizer: Lemmatizing) -> AnalyzerConfiguration {
        let own = AnalyzerConfiguration(lemmatizer: lemmatizer.identifier)
        return saved.lemmatizer == own.lemmatizer && saved.chainVersion == own.chainVersion ? saved : own
    }

    /// The default lemmatiser alone (for `stem`-like uses and benchmarks).
    public static func lemmatizer(modelsDirectory: String = "Models", dictionaryPath: String? = nil) throws -> PolishLemmatizer {
        try PolishLemmatizer.load(modelsDirectory: modelsDirectory, dictionaryPath: dictionaryPath)
    }
}
