// Benchmark programs, one subcommand each: `postulaty-bench <name> [args]`. See Benchmarks/README.md.
import Foundation

let args = Array(CommandLine.arguments.dropFirst())
guard let name = args.first else {
    FileHandle.standardError.write(Data("usage: postulaty-bench <analyze|…> [args]\n".utf8))
    exit(2)
}
do {
    switch name {
    case "analyze": try AnalyzeBench.run(Array(args.dropFirst()))
    case "forms-table": try FormsTableBench.run(Array(args.dropFirst()))
    case "lemma-dump": try LemmaBench.dump(Array(args.dropFirst()))
    case "lemma-explain": try LemmaBench.explain(Array(args.dropFirst()))
    case "similarity": try SimilarityBench.run(Array(args.dropFirst()))
    case "similarity-quality": try SimilarityQuality.run(Array(args.dropFirst()))
    case "similarity-load": try SimilarityLoadBench.run(Array(args.dropFirst()))
    case "themes": try ThemesBench.run(Array(args.dropFirst()))
    case "recurring": try RecurringBench.run(Array(args.dropFirst()))
    default:
        FileHandle.standardError.write(Data("postulaty-bench: unknown benchmark \(name)\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("postulaty-bench \(name): \(error)\n".utf8))
    exit(1)
}
