"""The default cleaners, one module per family. ``default_cleaners()`` lists them in order."""

from __future__ import annotations

from ..pipeline import Cleaner
from .body import Body
from .chrome import Chrome, Navigation
from .comments import Comments
from .credits import Captions, Credits
from .foreign import ForeignUI
from .language import DetectLanguage
from .metadata import Metadata
from .normalise import Normalise
from .teasers import Teasers

__all__ = [
    "Body",
    "Captions",
    "Chrome",
    "Comments",
    "Credits",
    "DetectLanguage",
    "ForeignUI",
    "Metadata",
    "Navigation",
    "Normalise",
    "Teasers",
    "default_cleaners",
]


def default_cleaners() -> list[Cleaner]:
    """The default pipeline's cleaners, in the order they run."""
    return [
        Normalise(),
        DetectLanguage(),
        Credits(),
        Captions(),
        Chrome(),
        ForeignUI(),
        Metadata(),
        Navigation(),
        Comments(),
        Teasers(),
        Body(),
    ]
