import Corpus

/// Errors of the Themes module, each a sentence a user can act on.
public enum ThemesError: Error, CustomStringConvertible, Equatable {
    /// A detail of a damaged model body (e.g. an unsorted vocabulary); loading a file turns it into
    /// `modelFile(path:problem: .damaged)`.
    case invalidModel(String)
    /// A model file that cannot be used, and why (missing, damaged, of another kind…), naming the file.
    case modelFile(path: String, problem: ModelFileProblem)
    /// The model was trained with a different analyzer configuration.
    case analyzerMismatch([String])
    /// Training data that cannot train anything (no labels, no texts…).
    case invalidTrainingData(String)

    public var description: String {
        switch self {
        case .invalidModel(let m): return tr("nieprawidłowy model: ", "invalid model: ") + m
        case .modelFile(let path, let problem): return "\(path): \(problem)"
        case .analyzerMismatch(let d): return ModelFileProblem.analyzer(d).description
        case .invalidTrainingData(let m): return m
        }
    }
}

/// Why a model file cannot be used. Each reads as the rest of a sentence that starts with the file's path.
public enum ModelFileProblem: Sendable, Equatable, CustomStringConvertible {
    /// Missing, a folder, a FIFO, a device, no permission…: the reason.
    case unreadable(String)
    case missing
    case empty
    /// The first line is not a model header (another file altogether): what it is instead.
    case notAModel(String)
    /// A model file that is cut short or inconsistent: what is wrong.
    case damaged(String)
    case unsupportedVersion(Int)
    /// A model of another kind or label set than the caller needs: both described.
    case wrongKind(found: String, expected: String)
    /// Trained with another analyzer configuration: the settings that differ (model vs current).
    case analyzer([String])

    public var description: String {
        switch self {
        case .unreadable(let why):
            return tr("nie można odczytać pliku modelu: \(why)", "cannot read the model file: \(why)")
        case .missing:
            return tr("nie ma pliku modelu; wytrenuj go poleceniem `postulaty train` albo podaj inny plik",
                      "no such model file; train one with `postulaty train` or give another file")
        case .empty:
            return tr("plik modelu jest pusty (0 bajtów); wytrenuj model ponownie (`postulaty train`)",
                      "the model file is empty (0 bytes); train the model again (`postulaty train`)")
        case .notAModel(let what):
            return tr("to nie jest plik modelu postulaty (\(what))", "not a postulaty model file (\(what))")
        case .damaged(let why):
            return tr("plik modelu jest uszkodzony lub urwany (\(why)); wytrenuj model ponownie (`postulaty train`)",
                      "the model file is damaged or truncated (\(why)); train the model again (`postulaty train`)")
        case .unsupportedVersion(let v):
            return tr("model w formacie w wersji \(v), a ten program czyta wersje \(ThemeModel.formatVersionWithoutSupport)–\(ThemeModel.formatVersion); wytrenuj model ponownie",
                      "model format version \(v), this tool reads versions \(ThemeModel.formatVersionWithoutSupport)–\(ThemeModel.formatVersion); train the model again")
        case .wrongKind(let found, let expected):
            return tr("to \(found), a potrzebny jest \(expected)", "this is \(found), where \(expected) is expected")
        case .analyzer(let d):
            return tr("model wytrenowano z innymi ustawieniami analizatora (model vs obecne): ",
                      "the model was trained with a different analyzer configuration (model vs current): ")
                + d.joined(separator: "; ")
                + tr(". Wytrenuj model ponownie (postulaty train) albo użyj pasującego analizatora.",
                     ". Retrain the model (postulaty train) or use the matching analyzer.")
        }
    }
}

/// SplitMix64: a tiny seeded generator, so fold assignments and splits are the same on every run and platform
/// (Swift's default generator is randomly seeded).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound without modulo bias worth caring about at our sizes.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Fisher–Yates shuffle driven by this generator (the standard library's shuffle may change algorithm).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, below(i + 1)) }
    }
}
