import Foundation

/// Where the Morfologik dictionary is looked for.
///
/// Why an environment variable: Debian installs the jar at a fixed path, but a machine without root, or a newer
/// PoliMorf build, needs another path without recompiling.
public enum LexiconLocation {
    /// A jar (with `morfologik/dictionaries/pl.dict` inside) or a `.dict` file with its `.info` beside it.
    public static let environmentVariable = "POSTULATY_MORFOLOGIK"
    /// Where Debian's `libmorfologik-stemming-java` puts the Polish dictionary.
    public static let debianJar = "/usr/share/java/morfologik-polish.jar"

    /// The path to use: the explicit one, else the environment variable, else Debian's jar.
    public static func resolve(_ explicit: String? = nil) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty { return env }
        return debianJar
    }
}
