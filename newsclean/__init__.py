"""newsclean: turn the raw text of a news page into a clean article, and say why.

    >>> import newsclean
    >>> article = newsclean.clean(raw_text)
    >>> article.title, article.paragraphs, article.removed
    >>> for d in article.explain(): print(d.line_no, d.role, d.cleaner, d.reason)
"""

from __future__ import annotations

from .api import clean
from .article import KINDS, Article, Dateline, Decision, Image, Removal
from .html import clean_html
from .pipeline import Cleaner, Draft, Pipeline

__all__ = [
    "KINDS",
    "Article",
    "Cleaner",
    "Dateline",
    "Decision",
    "Draft",
    "Image",
    "Pipeline",
    "Removal",
    "clean",
    "clean_html",
]
__version__ = "0.1.0"
