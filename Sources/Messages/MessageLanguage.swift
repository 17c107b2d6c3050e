#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The language of the messages a run prints (errors, warnings, summaries). One per run: Polish by default, English
/// when asked for (`--lang en`, `POSTULATY_LANG=en`, or an English locale in `LC_ALL`/`LC_MESSAGES`/`LANG`).
///
/// Why a process-wide setting: a message is built where the problem is found, deep in a library, and must already
/// be in the run's language there; the value is set once at start, before any work, and only read afterwards.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case pl, en

    nonisolated(unsafe) private static var chosen: MessageLanguage = .pl

    /// The language of this run's messages.
    public static var current: MessageLanguage { chosen }

    /// Sets the run's language; call once at start (the CLI's entry point, a test's set-up).
    public static func use(_ language: MessageLanguage) { chosen = language }

    /// The language the environment asks for: `POSTULATY_LANG`, else the first set of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` (English when it starts with "en"); Polish otherwise.
    public static func fromEnvironment() -> MessageLanguage {
        if let v = env("POSTULATY_LANG"), let l = MessageLanguage(prefix: v) { return l }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let v = env(name) { return v.lowercased().hasPrefix("en") ? .en : .pl }
        }
        return .pl
    }

    /// "pl", "pl_PL.UTF-8", "en", "en_GB" … → the language; anything else → nil.
    public init?(prefix: String) {
        let l = prefix.lowercased()
        if l.hasPrefix("pl") { self = .pl } else if l.hasPrefix("en") { self = .en } else { return nil }
    }

    private static func env(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }
}

/// The message in the run's language: `tr("nie można otworzyć pliku", "cannot open the file")`.
public func tr(_ polish: String, _ english: String) -> String {
    MessageLanguage.current == .pl ? polish : english
}
