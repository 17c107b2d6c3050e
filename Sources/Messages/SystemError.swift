#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The reason for a failed system call (`errno`) in the run's language. `strerror` answers in the C locale's English
/// whatever the run's language, which would mix languages in one message; the reasons a user meets are translated
/// here, any other falls back to `strerror`'s text.
public func systemErrorText(_ code: Int32) -> String {
    switch code {
    case ENOENT: return tr("nie ma takiego pliku ani folderu", "no such file or directory")
    case EACCES, EPERM: return tr("brak uprawnień", "permission denied")
    case EISDIR: return tr("to jest folder", "is a directory")
    case ENOTDIR: return tr("część ścieżki nie jest folderem", "a part of the path is not a directory")
    case ENOSPC: return tr("brak miejsca na dysku", "no space left on the device")
    case EROFS: return tr("system plików tylko do odczytu", "read-only file system")
    case EEXIST: return tr("plik już istnieje", "the file exists")
    case EMFILE, ENFILE: return tr("za dużo otwartych plików", "too many open files")
    case ENAMETOOLONG: return tr("za długa nazwa pliku", "file name too long")
    case ELOOP: return tr("za dużo dowiązań symbolicznych", "too many symbolic links")
    case EPIPE: return tr("odbiorca zamknął potok", "the reader closed the pipe")
    case EIO: return tr("błąd wejścia-wyjścia", "input/output error")
    case EDQUOT: return tr("przekroczony limit dysku", "disk quota exceeded")
    case EFBIG: return tr("plik jest za duży", "the file is too large")
    case EADDRINUSE: return tr("adres i port są już zajęte", "address already in use")
    case EADDRNOTAVAIL: return tr("tego adresu nie ma na tym komputerze", "the address is not available on this machine")
    default:
        guard let p = strerror(code) else { return tr("błąd systemu \(code)", "system error \(code)") }
        return String(cString: p)
    }
}
