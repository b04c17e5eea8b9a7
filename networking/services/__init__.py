"""Every networking write: one keyword-only function per use case, atomic, effects on commit."""
