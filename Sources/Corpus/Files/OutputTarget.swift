#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file about to be written, checked before any work is done: the one place that decides what an output path
/// may be. Every writer goes through it (`AtomicFile` checks again when it opens its temporary file), and every
/// command that takes `-o` checks its output against its inputs first, so a refusal leaves everything untouched.
///
/// - A **symbolic link** is written through: the file written is the one the link leads to (after every link
///   in the chain), replaced atomically in *that* file's folder; the link itself stays a link. (A rename onto
///   the link's own name would silently replace the link with a plain file.) A dangling link creates its target,
///   as `>` in a shell does.
/// - A **folder, named pipe (FIFO), device or socket** is refused: renaming over it would replace it.
/// - The **same file as an input** (same device and inode: through a hard link, a symbolic link or another
///   spelling of the path) is refused, naming both: writing it would replace the data being read.
/// - A missing **folder** for the file is refused, naming the folder.
public struct OutputTarget: Sendable, Equatable {
    /// The path as given (what messages name).
    public let path: String
    /// The file actually replaced: `path` with symbolic links followed.
    public let resolvedPath: String

    /// Checks `path` as an output of a run that reads `inputs` (paths; `-` and empty ones are standard input and
    /// are skipped). Throws a `CorpusError` of kind `io` naming the path (and the input) when it may not be written.
    /// `folderMayBeMade`: the caller creates the file's folder just before writing (the default `Models/`), so a
    /// missing folder is not refused.
    public init(_ path: String, inputs: [String] = [], folderMayBeMade: Bool = false) throws(CorpusError) {
        self.path = path
        guard !path.isEmpty else { throw CorpusError(.io, file: path, tr("pusta nazwa pliku wyjściowego", "empty output file name")) }
        if path.hasSuffix("/") { throw CorpusError(.io, file: path, Self.refusal(.folder)) }
        resolvedPath = try Self.followLinks(path)

        var st = stat()
        if stat(resolvedPath, &st) == 0 {
            let kind = FileKind(mode: st.st_mode)
            if kind != .regular { throw CorpusError(.io, file: path, Self.refusal(kind)) }
            for input in inputs where !input.isEmpty && input != "-" {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == st.st_dev, other.st_ino == st.st_ino {
                    throw CorpusError(.io, file: path, tr(
                        "to ten sam plik co wejście \(input) — zapis zastąpiłby czytane dane; podaj inny plik wyjściowy",
                        "is the same file as the input \(input) — writing it would replace the data being read; give another output file"))
                }
            }
        } else if errno != ENOENT {
            throw CorpusError(.io, file: path, tr("nie można sprawdzić pliku (\(Self.lastError()))",
                                                  "cannot check the file (\(Self.lastError()))"))
        }

        let dir = Self.folder(of: resolvedPath)
        var ds = stat()
        if !folderMayBeMade && (stat(dir, &ds) != 0 || ds.st_mode & S_IFMT != S_IFDIR) {
            throw CorpusError(.io, file: path, tr("folder \(dir) nie istnieje", "the folder \(dir) does not exist"))
        }
    }

    /// True when both paths name one existing file (same device and inode, links followed).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// `path` with every symbolic link of its last component followed (relative targets against the link's
    /// folder). The path of a missing file is returned as is.
    static func followLinks(_ path: String) throws(CorpusError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            guard n > 0 else {
                throw CorpusError(.io, file: path, tr("nie można odczytać dowiązania (\(lastError()))",
                                                      "cannot read the symbolic link (\(lastError()))"))
            }
            let target = String(decoding: buf[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else {
                let dir = folder(of: current)
                current = dir == "." && !current.hasPrefix("./") ? target : dir + "/" + target
            }
        }
        throw CorpusError(.io, file: path, tr("zbyt wiele poziomów dowiązań symbolicznych", "too many levels of symbolic links"))
    }

    /// The folder holding `path` ("." for a bare name, "/" for a file in the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func refusal(_ kind: FileKind) -> String {
        (kind.notARegularFile ?? "") + tr(" — nic nie zapisano; podaj ścieżkę pliku", " — nothing written; give the path of a file")
    }

    static func lastError() -> String { systemErrorText(errno) }
}
