// Corpus module (see docs/architecture.md)
