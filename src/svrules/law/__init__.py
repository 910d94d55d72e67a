"""Law stage: the dated law (thresholds, regimes, provisions) and the applicability verdict.

The law itself is data under `rules/law/`, each value with its citation; this package only reads
it and reasons over it, so a new threshold period is a data change, never a code change.
"""
