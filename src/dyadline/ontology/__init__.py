"""PLOVER ontology: the 16 event types, quad classes, scores, modes and the CAMEO bridge."""

from dyadline.ontology.plover import OLD_LABELS, TYPE_NAMES, TYPES, PloverType, cameo_to_plover, get, normalise_type

__all__ = ["OLD_LABELS", "TYPE_NAMES", "TYPES", "PloverType", "cameo_to_plover", "get", "normalise_type"]
