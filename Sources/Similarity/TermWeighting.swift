import Foundation

/// The weighting of the index: sublinear tf × smoothed idf, l2-normalised (the same formulas as scikit-learn's
/// `TfidfVectorizer(sublinear_tf=True, smooth_idf=True)`, so the benchmark can check recall against it).
///
/// Why a weighting of its own rather than Themes' vectoriser: the index needs idf that follows additions and
/// removals exactly (see `SimilarityIndex.refresh`), and Themes and Similarity are siblings in the design.
public enum TermWeighting {
    /// 1 + ln(c) for c ≥ 1; c itself below 1 (a term only in the down-weighted justification), so the weight stays
    /// positive, continuous and increasing.
    @inlinable public static func sublinear(_ count: Float) -> Double {
        let c = Double(count)
        return c >= 1 ? 1 + log(c) : c
    }

    /// ln((1 + n) / (1 + df)) + 1: never zero, so a term present in every document still counts a little.
    @inlinable public static func idf(documentFrequency df: Int, documents n: Int) -> Double {
        log(Double(1 + n) / Double(1 + df)) + 1
    }

    /// Squared weights are summed in 2⁻³² fixed point: an integer sum does not depend on the order of the terms,
    /// so a norm is bit-identical whatever term ids the vocabulary assigned (incremental add versus rebuild).
    public static let fixedPointScale: Double = 4_294_967_296

    @inlinable public static func fixedSquare(_ w: Double) -> UInt64 {
        UInt64((w * w * fixedPointScale).rounded())
    }

    @inlinable public static func norm(fromFixed sum: UInt64) -> Double {
        (Double(sum) / fixedPointScale).squareRoot()
    }
}
