"""The rule modules, one per kind of file; :mod:`..registry` imports them in order."""
