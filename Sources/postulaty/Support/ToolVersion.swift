/// The tool's version, printed by `postulaty --version` and recorded nowhere else: models and indexes carry their
/// own format versions and analyzer hashes, which is what compatibility is decided on.
enum ToolVersion {
    static let text = "0.17.0"
}
