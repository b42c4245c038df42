"""tinyml."""
