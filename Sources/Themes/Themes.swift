// Themes module (see docs/architecture.md)
