import Corpus

/// Errors of the Themes module, each a sentence a user can act on.
public enum ThemesError: Error, CustomStringConvertible, Equatable {
    /// The model file is not a model of this format or version, or is damaged.
    case invalidModel(String)
    /// The model was trained with a different analyzer configuration.
    case analyzerMismatch([String])
    /// Training data that cannot train anything (no labels, no texts…).
    case invalidTrainingData(String)
    /// An input file that cannot be opened or read.
    case unreadableInput(String)

    public var description: String {
        switch self {
        case .invalidModel(let m): return tr("niepoprawny model: \(m)", "invalid model: \(m)")
        case .analyzerMismatch(let d):
            let list = d.joined(separator: "; ")
            return tr("model wytrenowano z innymi ustawieniami analizatora (model vs obecne): \(list). "
                      + "Wytrenuj model ponownie (postulaty train) albo użyj zgodnego analizatora.",
                      "the model was trained with a different analyzer configuration (model vs current): \(list). "
                      + "Retrain the model (postulaty train) or use the matching analyzer.")
        case .invalidTrainingData(let m): return tr("niepoprawne dane treningowe: \(m)", "invalid training data: \(m)")
        case .unreadableInput(let m): return m
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
