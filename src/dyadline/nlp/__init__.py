"""spaCy model loading and the annotate stage."""
