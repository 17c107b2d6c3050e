// Similarity module (see docs/architecture.md)
