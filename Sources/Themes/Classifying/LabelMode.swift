/// Multi-label (a set of labels per document, possibly empty) or single-label (exactly one per document).
public enum LabelMode: String, Codable, Sendable {
    case multiLabel = "multi-label"
    case singleLabel = "single-label"
}
