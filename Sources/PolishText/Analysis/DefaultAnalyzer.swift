/// Builds the analyzer the tool uses by default: the Morfologik lexicon (Debian's `libmorfologik-stemming-java`,
/// or the path in `POSTULATY_MORFOLOGIK`) plus the lemma priors and the suffix guesser from `Models/`.
public enum DefaultAnalyzer {
    /// - Parameter modelsDirectory: the folder holding `lemma-priors.tsv` and `guesser-pl.tsv` (default "Models").
    /// - Parameter dictionaryPath: a jar or `.dict` overriding the environment and Debian's path.
    /// - Throws: `LexiconError` naming the Debian package when the dictionary is missing, or the model file and
    ///   line when a table is unreadable.
    public static func make(modelsDirectory: String = "Models", dictionaryPath: String? = nil) throws -> Analyzer {
        try Analyzer(lemmatizer: lemmatizer(modelsDirectory: modelsDirectory, dictionaryPath: dictionaryPath))
    }

    /// The default lemmatiser alone (for `stem`-like uses and benchmarks).
    public static func lemmatizer(modelsDirectory: String = "Models", dictionaryPath: String? = nil) throws -> PolishLemmatizer {
        try PolishLemmatizer.load(modelsDirectory: modelsDirectory, dictionaryPath: dictionaryPath)
    }
}
