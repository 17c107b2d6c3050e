#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a file the project reads records or text from, refusing what cannot be one: a folder (Linux lets `fopen`
/// open one and `fread` then fails forever), a FIFO or device (a read may block or never end), an empty file (it
/// would silently make an empty index or model), and text in an encoding other than UTF-8 (UTF-16, detected at
/// the start). Standard input ("-") may be a pipe; only its encoding is checked, when the first bytes arrive.
public enum InputFile {
    /// The opened stream and its display name ("stdin" for "-"); the caller closes a file it owns.
    public struct Opened {
        public let file: UnsafeMutablePointer<FILE>
        public let name: String
        public let ownsFile: Bool
    }

    public static func open(_ path: String) throws(CorpusError) -> Opened {
        if path == "-" {
            guard let f = fdopen(0, "rb") else {
                throw CorpusError(.io, file: "stdin", tr("nie można czytać standardowego wejścia", "cannot read standard input"))
            }
            return Opened(file: f, name: "stdin", ownsFile: false)
        }
        // Opened without blocking (a FIFO nobody writes to would block here), its kind read from the descriptor
        // (`fstat`: no other file can be swapped in between), then read normally.
        let fd = Glibc_open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let reason = systemErrorText(errno)
            throw CorpusError(.io, file: path, tr("nie można otworzyć pliku (\(reason))", "cannot open the file (\(reason))"))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = systemErrorText(errno)
            close(fd)
            throw CorpusError(.io, file: path, tr("nie można odczytać pliku (\(reason))", "cannot read the file (\(reason))"))
        }
        let kind = FileKind(mode: st.st_mode)
        if let refusal = kind.notARegularFile {
            close(fd)
            let hint: String
            switch kind {
            case .folder: hint = tr("podaj pliki z postulatami (np. \(path)/*.jsonl)", "name the corpus files (e.g. \(path)/*.jsonl)")
            case .fifo: hint = tr("przekaż dane na standardowe wejście („-”)", "pass the data on standard input (\"-\")")
            default: hint = tr("podaj zwykły plik", "give a regular file")
            }
            throw CorpusError(.notAFile, file: path, refusal + "; " + hint)
        }
        if st.st_size == 0 {
            close(fd)
            throw CorpusError(.empty, file: path, tr("plik jest pusty", "the file is empty"))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        guard let f = fdopen(fd, "rb") else {
            let reason = systemErrorText(errno)
            close(fd)
            throw CorpusError(.io, file: path, tr("nie można otworzyć pliku (\(reason))", "cannot open the file (\(reason))"))
        }
        return Opened(file: f, name: path, ownsFile: true)
    }
}

@inline(__always)
private func Glibc_open(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, flags)
    #else
    return Darwin.open(path, flags)
    #endif
}

/// Names the encoding of text that is not UTF-8, so the error tells the clerk how to save the file again.
public enum TextEncodingSniffer {
    /// For the first bytes of a file: a message when they are UTF-16 (with or without a byte-order mark) or UTF-32,
    /// nil when they may be UTF-8.
    public static func problemAtStart(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return notUTF8("UTF-32")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return notUTF8("UTF-16 LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return notUTF8("UTF-16 BE") }
        // UTF-16 without a mark: text in Latin script has a zero byte in every other position.
        let n = min(bytes.count, 512) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in 0..<n where bytes[i] == 0 { if i & 1 == 0 { zeroEven += 1 } else { zeroOdd += 1 } }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 3 && zeroEven * 10 < pairs { return notUTF8("UTF-16 LE") }
        if zeroEven * 10 >= pairs * 3 && zeroOdd * 10 < pairs { return notUTF8("UTF-16 BE") }
        // Any other zero byte: no text file has one; an index, a model, a spreadsheet (.xlsx is a zip) does.
        if bytes.prefix(512).contains(0) {
            return tr("to nie jest plik tekstowy (bajt zerowy na początku) — może indeks, model albo arkusz .xlsx? Zapisz dane jako CSV UTF-8 albo JSONL",
                      "this is not a text file (a zero byte near the start) — an index, a model or an .xlsx sheet? Save the data as CSV UTF-8 or JSONL")
        }
        return nil
    }

    /// For a line that is not valid UTF-8: a hint naming Windows-1250 (CP1250) or ISO-8859-2 when its bytes are
    /// Polish letters in one of those, else a general one.
    public static func hint(forInvalidLine bytes: some Sequence<UInt8>) -> String {
        // Polish letters in either encoding: ę ć ł ń ó ż and capitals share their bytes; ą ś ź (Ą Ś Ź) tell them apart.
        let shared: Set<UInt8> = [0xA3, 0xAF, 0xB3, 0xBF, 0xC6, 0xCA, 0xD1, 0xD3, 0xE6, 0xEA, 0xF1, 0xF3]
        let cp1250Only: Set<UInt8> = [0x8C, 0x8F, 0x9C, 0x9F, 0xA5, 0xB9]
        let isoOnly: Set<UInt8> = [0xA1, 0xA6, 0xAC, 0xB1, 0xB6, 0xBC]
        var cp = 0, iso = 0, polish = 0, high = 0
        for b in bytes where b >= 0x80 {
            high += 1
            if cp1250Only.contains(b) { cp += 1; polish += 1 }
            if isoOnly.contains(b) { iso += 1; polish += 1 }
            if shared.contains(b) { polish += 1 }
        }
        if high > 0 && polish * 2 >= high && iso > cp {
            return tr("tekst nie jest poprawnym UTF-8 — wygląda na ISO-8859-2; zapisz plik jako UTF-8",
                      "the text is not valid UTF-8 — it looks like ISO-8859-2; save the file as UTF-8")
        }
        if high > 0 && polish * 2 >= high {
            return tr("tekst nie jest poprawnym UTF-8 — wygląda na Windows-1250 (CP1250); zapisz plik jako UTF-8 (w Excelu: „CSV UTF-8”)",
                      "the text is not valid UTF-8 — it looks like Windows-1250 (CP1250); save the file as UTF-8 (in Excel: \"CSV UTF-8\")")
        }
        return tr("tekst nie jest poprawnym UTF-8; zapisz plik jako UTF-8", "the text is not valid UTF-8; save the file as UTF-8")
    }

    private static func notUTF8(_ encoding: String) -> String {
        tr("plik jest zapisany w \(encoding), a nie w UTF-8; zapisz go jako UTF-8 (np. iconv -f \(encoding.replacingSpaces()) -t UTF-8)",
           "the file is in \(encoding), not UTF-8; save it as UTF-8 (e.g. iconv -f \(encoding.replacingSpaces()) -t UTF-8)")
    }
}

private extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
