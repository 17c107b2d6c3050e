#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path is, from its mode bits, and how every message names it: the one place that decides the wording of
/// "this is a folder / FIFO / device, not a regular file" for inputs (`InputFile`), whole-file loads (`WholeFile`)
/// and outputs (`OutputTarget`).
public enum FileKind: Sendable, Equatable {
    case regular, folder, fifo, device, socket, other

    public init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFIFO: self = .fifo
        case S_IFCHR, S_IFBLK: self = .device
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "to folder", "to potok nazwany (FIFO)", … — what the path is (nil for a regular file).
    public var phrase: String? {
        switch self {
        case .regular: return nil
        case .folder: return tr("to folder", "is a folder")
        case .fifo: return tr("to potok nazwany (FIFO)", "is a named pipe (FIFO)")
        case .device: return tr("to urządzenie", "is a device")
        case .socket: return tr("to gniazdo", "is a socket")
        case .other: return tr("to plik specjalny", "is a special file")
        }
    }

    /// "to folder, a nie zwykły plik" — the refusal's first words (nil for a regular file).
    public var notARegularFile: String? {
        phrase.map { tr("\($0), a nie zwykły plik", "\($0), not a regular file") }
    }
}
