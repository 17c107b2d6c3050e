import ArgumentParser
import Corpus

/// `--lang pl|en`: the language of the run's messages. The entry point has already chosen it from the arguments
/// (`MessageLanguage.fromArguments`) before parsing, so every message, from the libraries too, is in it; this option
/// only declares it for the commands that take it and refuses a language the tool does not speak.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"),
            help: "Language of messages: pl or en (default: POSTULATY_LANG, else the locale, else pl).")
    var lang: String?

    func validate() throws {
        if let lang, MessageLanguage(prefix: lang) == nil {
            throw ValidationError(tr("--lang: nieznany język „\(lang)” (dozwolone: pl, en)",
                                     "--lang: unknown language \"\(lang)\" (allowed: pl, en)"))
        }
    }
}
