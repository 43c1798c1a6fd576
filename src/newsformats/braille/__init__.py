"""Braille: liblouis translation per language, and pages laid out as the braille authorities say."""
