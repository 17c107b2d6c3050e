import Foundation

/// Where the data the tool ships with is found: the analyzer's tables (`lemma-priors.tsv`, `guesser-pl.tsv`) and
/// the shipped taxonomy, theme and stance models and similarity index (the same file names as in `Models/`).
///
/// Why a lookup and not the fixed folder `Models/`: the tool runs from wherever its user's files are, and an
/// installed tool has no repository around it. The folder is, in order:
/// 1. `POSTULATY_DATA` when set: a deliberate choice, so it is used alone (a wrong folder is an error naming it,
///    never silently replaced by another data set);
/// 2. `<bindir>/../share/postulaty/` beside the executable: the layout `scripts/install.sh PREFIX` makes;
/// 3. `Models/` of the repository, found by walking up from the executable (`.build/debug/postulaty`,
///    `swift run`), so a development build works from any folder;
/// 4. `./Models`, relative to the working directory (a binary copied elsewhere, run from the repository root).
///
/// A folder counts when it holds `lemma-priors.tsv`, without which no analyzer can be made. The executable is
/// taken with symbolic links resolved, so a link to an installed binary finds the installed data.
public struct DataLocation: Sendable, Equatable {
    public static let environmentVariable = "POSTULATY_DATA"
    /// The file that marks a data folder.
    public static let markerFile = "lemma-priors.tsv"
    /// The data folder relative to the executable's folder in the installed layout.
    public static let installedFolder = "../share/postulaty"
    /// The folder name of the repository's data, and of the user's defaults in the working directory.
    public static let modelsFolder = "Models"

    /// What the lookup sees: the environment's override and the executable's path (injectable for tests).
    public var environmentValue: String?
    public var executablePath: String?

    public init(environmentValue: String?, executablePath: String?) {
        self.environmentValue = environmentValue
        self.executablePath = executablePath
    }

    /// The running process's view: its environment and its executable.
    public static var current: DataLocation {
        DataLocation(environmentValue: ProcessInfo.processInfo.environment[environmentVariable],
                     executablePath: runningExecutable())
    }

    /// The folders tried, in order (the environment's alone when it is set).
    public var candidates: [String] {
        if let env = environmentValue, !env.isEmpty { return [env] }
        var out: [String] = []
        if let exe = executablePath {
            let bin = URL(fileURLWithPath: exe).deletingLastPathComponent()
            out.append(bin.appendingPathComponent(Self.installedFolder).standardizedFileURL.path)
            var dir = bin.standardizedFileURL.path
            while !dir.isEmpty {
                out.append(dir == "/" ? "/" + Self.modelsFolder : dir + "/" + Self.modelsFolder)
                if dir == "/" { break }
                dir = (dir as NSString).deletingLastPathComponent
            }
        }
        out.append(Self.modelsFolder)
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// The data folder: the first candidate holding `lemma-priors.tsv`.
    /// - Throws: `DataLocationError` naming every folder tried and how to set one.
    public func resolve() throws(DataLocationError) -> String {
        let tried = candidates
        if let found = tried.first(where: { FileManager.default.fileExists(atPath: $0 + "/" + Self.markerFile) }) {
            return found
        }
        let fromEnvironment = environmentValue.map { !$0.isEmpty } ?? false
        throw DataLocationError(tried: tried, fromEnvironment: fromEnvironment)
    }

    /// The executable's path with symbolic links resolved (`/proc/self/exe` on Linux), else `argv[0]`.
    public static func runningExecutable() -> String? {
        #if os(Linux)
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        #endif
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        guard let arg0 = CommandLine.arguments.first, arg0.contains("/") else { return nil }
        return URL(fileURLWithPath: arg0).resolvingSymlinksInPath().path
    }
}

/// No data folder was found: names every folder tried and how to point at one.
public struct DataLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var tried: [String]
    /// The only folder tried was the one `POSTULATY_DATA` names.
    public var fromEnvironment: Bool

    public var description: String {
        let marker = DataLocation.markerFile, env = DataLocation.environmentVariable
        if fromEnvironment, let dir = tried.first {
            return tr("\(env)=\(dir): brak danych analizatora (\(marker)) w tym folderze; "
                      + "wskaż folder z danymi (PREFIKS/share/postulaty albo Models/ repozytorium) lub usuń zmienną \(env)",
                      "\(env)=\(dir): no analyzer data (\(marker)) in this folder; "
                      + "point it at a data folder (PREFIX/share/postulaty or the repository's Models/) or unset \(env)")
        }
        let list = tried.map { $0 == DataLocation.modelsFolder ? "./" + $0 : $0 }.joined(separator: ", ")
        return tr("nie znaleziono danych analizatora (\(marker)); sprawdzono: \(list). "
                  + "Ustaw \(env)=FOLDER albo zainstaluj narzędzie (scripts/install.sh PREFIKS)",
                  "analyzer data (\(marker)) not found; tried: \(list). "
                  + "Set \(env)=FOLDER or install the tool (scripts/install.sh PREFIX)")
    }
}
