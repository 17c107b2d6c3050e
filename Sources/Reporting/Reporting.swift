// Reporting module (see docs/architecture.md)
