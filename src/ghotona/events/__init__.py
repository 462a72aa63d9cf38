"""Event coding: lexicon predicates + recognised mentions -> contract events."""

from ghotona.events.coding import code_events

__all__ = ["code_events"]
