/// Builds the analyzer the tool uses by default: the Morfologik lexicon plus the guesser from `Models/`.
/// PLACEHOLDER until the lexicon lemmatiser lands: uses the identity lemmatiser.
public enum DefaultAnalyzer {
    /// - Parameter modelsDirectory: the folder holding the guesser tables (default "Models").
    public static func make(modelsDirectory: String = "Models") throws -> Analyzer {
        try Analyzer(lemmatizer: IdentityLemmatizer())
    }
}
