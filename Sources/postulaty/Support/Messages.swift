import Corpus

/// Counted nouns the commands print often, in the run's language with the right Polish form.
enum Messages {
    /// "1 postulat", "3 postulaty", "12 postulatów" / "1 postulate", "3 postulates".
    static func postulates(_ n: Int) -> String {
        counted(n, pl: ("postulat", "postulaty", "postulatów"), en: ("postulate", "postulates"))
    }

    /// "1 plik", "2 pliki", "5 plików" / "1 file", "2 files".
    static func files(_ n: Int) -> String {
        counted(n, pl: ("plik", "pliki", "plików"), en: ("file", "files"))
    }
}
