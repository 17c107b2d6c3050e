print("postulaty-bench: see Benchmarks/README.md")
