"""``clean_html()``: markup → numbered blocks with structural hints → the same pipeline as text.

After the metadata is read and script, style and the like are stripped, one pass over the lxml
tree (``iterwalk``: no recursion, so nesting depth costs no stack) turns every block-level
element's text into a :class:`~newsclean.lines.Line`:

- ``no`` is the block's 1-based number, ``raw`` its text (inline elements joined as a browser
  joins them), ``where`` a short tag path (``article>div.body>p``);
- ``hints`` are the structural signals the markup gives: the block's own tag (``p``, ``h2``,
  ``li``, ``heading``), furniture its ancestors declare by tag, ``role`` or ``class``/``id``
  (``nav``, ``footer``, ``aside``, ``figcaption``, ``related``, ``share``, ``newsletter``,
  ``comment``, ``cookie``, ``ad`` …), content they declare (``article``, ``main``, ``content``),
  ``link-dense`` when most of its text is link text, and ``in-content`` / ``out-of-content``
  from the page's main text container (the element holding most non-link prose, see
  :func:`_content_root`).

Metadata (``<title>``, ``og:title``, ``author``, ``article:published_time``, JSON-LD
``NewsArticle``) seeds the draft's title and byline and sets ``Article.published``. The cleaner
that acts on the hints is :class:`newsclean.cleaners.structure.Structure`, right after language
detection; the text cleaners then run as for text input. docs/html.md tells the whole story.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from .api import assemble
from .article import Article
from .cleaners.language import LANGUAGES_BY_SCRIPT, detect_language
from .lines import Line
from .memo import forgets
from .pipeline import Draft, Pipeline, frozen_record, plain_frozen
from .shape import dominant_script

__all__ = ["PageMeta", "clean_html", "decode_html", "html_blocks", "html_pipeline"]

#: Elements whose content is never article text.
SKIP_TAGS = frozenset({
    "script", "style", "template", "svg", "noscript", "iframe", "object", "embed", "canvas", "math",
    "select", "option", "button", "input", "textarea", "video", "audio", "map", "frame", "frameset",
    "applet", "link", "base", "dialog", "head", "form-control",
})
#: Elements removed with their content before the walk (their tail text stays).
STRIP_TAGS = tuple(sorted(SKIP_TAGS | {"title", "meta", "head"}))
#: Elements that start and end a block of text.
BLOCK_TAGS = frozenset({
    "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "ul", "caption", "legend", "noframes", "listing",
})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Tags that mark all the blocks inside them (the tag's name is the hint).
CONTEXT_TAGS = frozenset({
    "nav", "footer", "header", "aside", "figure", "figcaption", "article", "main", "blockquote", "form",
    "table", "li", "caption", "address", "menu", "pre",
})
_ROLES = {
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
    "main": "main", "article": "article", "menu": "nav", "menubar": "nav", "search": "nav",
    "dialog": "promo", "alertdialog": "promo", "figure": "figure", "heading": "heading",
}
# class/id words → hints. One alternation, matched once per distinct attribute string (cached).
_CLASS_WORDS: dict[str, str] = {
    "nav": "nav", "navbar": "nav", "navigation": "nav", "menu": "nav", "breadcrumb": "nav",
    "breadcrumbs": "nav", "pagination": "nav", "pager": "nav", "skip": "nav", "topics": "nav",
    "footer": "footer", "colophon": "footer", "copyright": "footer",
    "header": "header", "masthead": "header", "topbar": "header",
    "sidebar": "aside", "aside": "aside", "rail": "aside", "widget": "aside", "sidebox": "aside",
    "related": "related", "recommended": "related", "recommendations": "related", "recommend": "related",
    "outbrain": "related", "taboola": "related", "trending": "related", "popular": "related",
    "mostread": "related", "most-read": "related", "most-popular": "related", "more-stories": "related",
    "morestories": "related", "read-more": "related", "readmore": "related", "read-next": "related",
    "also": "related", "teaser": "related", "teasers": "related", "more-from": "related",
    "share": "share", "sharing": "share", "social": "share", "sharebar": "share", "addthis": "share",
    "sociable": "share", "shares": "share", "share-tools": "share", "print": "share",
    "newsletter": "newsletter", "subscribe": "newsletter", "subscription": "newsletter",
    "signup": "newsletter", "sign-up": "newsletter", "optin": "newsletter", "opt-in": "newsletter",
    "comment": "comment", "comments": "comment", "disqus": "comment", "discussion": "comment",
    "respond": "comment", "replies": "comment",
    "promo": "promo", "sponsor": "promo", "sponsored": "promo", "partner": "promo",
    "cta": "promo", "banner": "promo", "modal": "promo", "popup": "promo",
    "ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "adsense": "ad", "dfp": "ad",
    "adslot": "ad", "ad-slot": "ad", "gpt": "ad", "commercial": "ad",
    "cookie": "cookie", "cookies": "cookie", "consent": "cookie", "gdpr": "cookie", "cmp": "cookie",
    "caption": "caption", "figcaption": "caption", "wp-caption-text": "caption", "legend": "caption",
    "credit": "credit", "credits": "credit", "photographer": "credit", "image-source": "credit",
    "byline": "byline", "author": "byline", "authors": "byline", "contributor": "byline",
    "date": "date", "time": "date", "timestamp": "date", "published": "date", "dateline": "date",
    "tags": "tags", "tag": "tags", "keywords": "tags",
    "hidden": "hidden", "sr-only": "hidden", "visually-hidden": "hidden", "screen-reader-text": "hidden",
    "visuallyhidden": "hidden", "offscreen": "hidden",
    "content": "content", "article": "content", "story": "content", "post": "content", "entry": "content",
    "body": "content", "text": "content", "articlebody": "content", "article-body": "content",
    "story-body": "content", "post-content": "content", "entry-content": "content", "main": "content",
}
_CLASS_SPLIT = re.compile(r"[\s_]+|(?<=[a-z])(?=[A-Z])")
# A class naming the article's body: story-body, article__content, entry-content, post-text …
_BODY_CLASS = re.compile(r"(?:article|story|post|entry|news)[-_]{0,2}(?:body|content|text)\b", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_WINDOWS_1252 = dict.fromkeys(("iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"), "cp1252")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)

#: Share of a block's characters in link text from which the block is ``link-dense``.
LINK_DENSE_SHARE = 0.5
#: Content root search: a block counts as prose from this many characters (and not link-dense).
PROSE_MIN_CHARS = 40
#: Content root search: weight of non-prose characters against prose characters.
NOISE_WEIGHT = 0.25
#: JSON-LD ``articleBody`` is checked against the page from this many characters; a prose block
#: whose first LD_PROBE_CHARS characters it contains weighs LD_BODY_WEIGHT times more.
LD_BODY_MIN_CHARS = 200
LD_PROBE_CHARS = 60
LD_BODY_WEIGHT = 2.0
#: Languages ``<html lang>`` may declare for a page written in each script (others are detected).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = LANGUAGES_BY_SCRIPT
#: Language detection reads this many characters of the main container's prose.
LANGUAGE_SAMPLE_CHARS = 2000
_NONE: frozenset[str] = frozenset()
assert plain_frozen(Line)  # html_blocks builds its lines with frozen_record
_CACHE_MAX = 50_000
_attr_cache: dict[str, frozenset[str]] = {}
forgets(_attr_cache.clear)


@dataclass(frozen=True)
class PageMeta:
    """What the page's metadata says: title, byline, publication date, language, JSON-LD body."""

    title: str | None = None
    byline: str | None = None
    published: str | None = None
    language: str | None = None
    article_body: str | None = None


@dataclass(slots=True)
class _Ctx:
    """An open element during the walk."""

    tag: str
    own: frozenset[str]  # the hints this element itself declares
    seg: str = ""  # its part of a ``where`` path (block elements only)
    block: bool = False
    skipped: bool = False
    key: int = 0  # the element's number among block elements
    start: int = 0  # characters of the current block before it opened (inline elements)
    parent: _Ctx | None = None  # the enclosing block element (block elements only)
    path: tuple[int, ...] = ()  # the keys of the open block elements, outermost first, its own last


@dataclass(slots=True)
class _Block:
    text: str
    where: str
    own: frozenset[str]  # hints of the block's own tag and of inline elements covering it
    ancestors: tuple[_Ctx, ...]  # the open block elements, outermost first, the block's own last
    link_share: float
    whole: bool = False  # furniture read as one block: short pieces, never prose


@dataclass
class _Meta:
    metas: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    lang: str | None = None
    ld: list[str] = field(default_factory=list)


#: A class token that opens with one of these and goes on is a CMS label with a value
#: (``tag-elections``, ``category-news``), not the element's role.
_LABEL_PREFIXES = frozenset({"tag", "tags", "category", "categories", "topic", "section", "format", "type",
                             "status", "author", "postid", "post", "page", "has", "is", "no", "with", "template"})


#: Words that name a hint only as a whole class token (``hidden``, not ``field-label-hidden``).
_WHOLE_TOKEN_ONLY = frozenset({"hidden", "offscreen", "widget", "rail", "print", "time", "text", "body"})


#: Class words that name a hint as a part of a token too (``related`` in ``related-posts``).
_PART_WORDS = {word: hint for word, hint in _CLASS_WORDS.items() if word not in _WHOLE_TOKEN_ONLY}
_PART_WORD_SET = frozenset(_PART_WORDS)  # most tokens' parts hold none: one C-level test says so


def _parts_of(token: str, lowered: str) -> list[str]:
    """The words of one class token (lowercased): between ``-`` and ``_``, and at camelCase joints."""
    if lowered == token:  # no capitals, so no camelCase: the words are between - and _ (no regex)
        return lowered.replace("-", " ").replace("_", " ").split()
    return [p.lower() for p in _CLASS_SPLIT.split(token.replace("-", " ")) if p]


def _may_name_body(value: str) -> bool:
    """Whether ``value`` holds a word :data:`_BODY_CLASS` ends with: most values do not, and
    these three tests cost less than the search (lowercase first, as the search ignores case)."""
    lowered = value.lower()
    return "body" in lowered or "content" in lowered or "text" in lowered


def class_hints(value: str) -> frozenset[str]:
    """Hints named by one ``class`` or ``id`` value (``related-articles`` → ``related``)."""
    found = _attr_cache.get(value)
    if found is None:
        hints: set[str] = set()
        for token in value.split():
            lowered = token.lower()
            hint = _CLASS_WORDS.get(lowered)  # the whole token
            if hint is not None:
                hints.add(hint)
            if lowered != token or "-" in token or "_" in token:  # else it is one word, read above
                parts = _parts_of(token, lowered)
                if len(parts) > 1 and parts[0] not in _LABEL_PREFIXES and not _PART_WORD_SET.isdisjoint(parts):
                    hints.update([named for part in parts if (named := _PART_WORDS.get(part)) is not None])
        if _may_name_body(value) and _BODY_CLASS.search(value):
            hints.update(("content", "article-body"))
        found = frozenset(hints)
        if len(_attr_cache) >= _CACHE_MAX:
            _attr_cache.clear()
        _attr_cache[value] = found
    return found


#: Markup any page charset decodes as ASCII does; `punycode` or `undefined` do not.
_ASCII_PROBE = b"<p class=\"x\">Ab 1;</p>"


def decode_html(html: str | bytes) -> str:
    """The page as text: ``str`` as given; ``bytes`` by BOM, then ``<meta charset>``, then UTF-8."""
    if isinstance(html, str):
        return html
    if not isinstance(html, (bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    data = bytes(html)
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        # As browsers do: a page that could declare itself in ASCII is not UTF-16, and
        # latin-1 / ascii labels mean windows-1252.
        codec = "utf-8" if declared.startswith(("utf-16", "utf-32")) else _WINDOWS_1252.get(declared, declared)
        try:
            if _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("ascii"):  # a page charset is ASCII-compatible
                return data.decode(codec, errors="replace")
        except (LookupError, UnicodeError, ValueError):  # an unknown label, or a codec that is no charset
            pass
    return data.decode("utf-8", errors="replace")


# collect_ids=False: no table of id attributes (nothing looks elements up by id).
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, collect_ids=False)


def _parse(text: str) -> etree._Element | None:
    if not text.strip():
        return None
    try:
        root = etree.fromstring(text, _PARSER)
    except (etree.LxmlError, ValueError):
        try:  # e.g. an XML declaration with an encoding in a str
            root = etree.fromstring(text.encode("utf-8", errors="replace"), etree.HTMLParser(
                remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, encoding="utf-8"))
        except (etree.LxmlError, ValueError):
            return None
    return root


#: An inline element with these hints is a block of its own (a credit inside a figcaption).
_OWN_BLOCK = frozenset({"credit", "caption"})
_TAG_HINTS: dict[str, frozenset[str]] = {tag: frozenset({tag}) for tag in CONTEXT_TAGS}
_BODY_HINTS = frozenset({"content", "article-body"})
#: The attributes :func:`_own_hints` reads.
_READ_ATTRS = frozenset({"class", "id", "style", "hidden", "aria-hidden", "role", "itemprop"})


def _own_hints(el: etree._Element, names: list[str], tag: str) -> tuple[frozenset[str] | None, str | None]:
    """Hints an element adds for everything inside it (None when it is hidden), and its class.

    ``names`` are the element's attribute names: only the values of those read here are fetched
    (reading every value, long ``href`` and ``data-`` ones included, was the walk's main cost);
    the class comes back too, as a block's ``where`` segment needs its first token.
    """
    hints = _TAG_HINTS.get(tag, _NONE)
    cls: str | None = None
    for name in names:
        if name not in _READ_ATTRS:
            continue
        value: str = el.get(name)  # type: ignore[assignment]  # str: the name is there, parsed from str
        if name == "class" or name == "id":
            if name == "class":
                cls = value
            if value:
                found = _attr_cache.get(value)  # class_hints(), less a call for the values seen
                if found is None:
                    found = class_hints(value)
                if found:
                    if "hidden" in found:
                        return None, cls
                    hints = hints | found
        elif name == "style":
            if ("none" in value or "hidden" in value) and _HIDDEN_STYLE.search(value):
                return None, cls
        elif name == "hidden" or (name == "aria-hidden" and value == "true"):
            return None, cls
        elif name == "role":
            role = _ROLES.get(value.strip().lower())
            if role is not None:
                hints = hints | {role}
        elif name == "itemprop" and value == "articleBody":
            hints = hints | _BODY_HINTS
    return hints, cls


#: Hints of furniture that is read as one block when it holds no prose-length text.
COLLAPSIBLE = frozenset({"nav", "footer", "comment", "related", "share", "newsletter", "cookie", "ad", "promo",
                         "aside", "tags"})
#: A text node this long is prose: furniture holding one is walked block by block.
COLLAPSE_MAX_NODE_CHARS = 150
#: Furniture is read as one block only while its text is at most this share of the page's.
COLLAPSE_MAX_SHARE = 0.2


_SKIPPED = _Ctx("", _NONE, skipped=True)  # an element whose content is not read
_PLAIN = _Ctx("", _NONE)  # an inline element that says nothing
_LINK = _Ctx("a", _NONE)  # a link that says nothing but that it is one


def _block_ctx(tag: str, own: frozenset[str], cls: str | None, key: int, parent: _Ctx) -> _Ctx:
    """A block element's context; its ``where`` segment is the tag and the first class token."""
    first = cls.split(None, 1) if cls else None
    seg = f"{tag}.{first[0]}" if first else tag
    return _Ctx(tag, own, seg, True, False, key, 0, parent, (*parent.path, key))  # positional: a cheaper call


def _text_length(el: etree._Element) -> int:
    """Characters of text inside ``el`` (serialised in C: cheaper than reading its text nodes)."""
    return len(etree.tostring(el, method="text", encoding="unicode", with_tail=False))


def _short_texts(el: etree._Element, max_chars: float) -> list[str] | None:
    """The stripped text pieces inside ``el``; None when one is prose-length or they are many.

    The pieces are ``el``'s text cut up, so ``total`` bounds them all: below
    :data:`COLLAPSE_MAX_NODE_CHARS` neither a piece nor a paragraph can be prose-length.
    """
    total = _text_length(el)
    if total > max_chars:  # most of the page: rejected without reading its text nodes
        return None
    # filter/map/list: the text nodes are read, stripped and the blanks dropped in C.
    pieces: list[str] = list(filter(None, map(str.strip, el.itertext())))  # type: ignore[arg-type]  # str: parsed from str
    if total < COLLAPSE_MAX_NODE_CHARS:  # the common case: nothing inside can be prose-length
        return pieces
    if max(map(len, pieces), default=0) >= COLLAPSE_MAX_NODE_CHARS:
        return None
    for p in el.iter("p"):  # a paragraph whose text is split by inline markup
        if _text_length(p) >= COLLAPSE_MAX_NODE_CHARS:
            return None
    return pieces


def _walk(root: etree._Element, meta: _Meta) -> list[_Block]:
    blocks: list[_Block] = []
    stack: list[_Ctx] = []
    block_stack: list[_Ctx] = [_Ctx("root", frozenset(), "", True, path=(0,))]
    buf: list[str] = []
    inline: list[tuple[frozenset[str], int]] = []  # hints of inline elements, and the characters they hold
    chars = 0  # characters in buf
    link_chars = 0
    link_depth = 0
    counter = 0

    def flush() -> None:
        """Close the block in ``buf``, if it holds anything."""
        nonlocal link_chars, chars
        if not buf:
            return
        words = "".join(buf).split()
        links = link_chars
        buf.clear()
        link_chars = chars = 0
        if not words:  # blanks only, as between two block elements
            inline.clear()
            return
        text = " ".join(words)  # blank runs as one space (as _SPACE.sub(" ", …).strip(), faster)
        owner = block_stack[-1]
        own = {owner.tag}
        for hints, covered in inline:
            if 2 * covered >= len(text):  # an inline element holding most of the block speaks for it
                own.update(hints)
        inline.clear()
        if owner.tag in HEADINGS:
            own.add("heading")
        share = min(1.0, links / len(text))
        if share >= LINK_DENSE_SHARE:
            own.add("link-dense")
        elif links:
            own.add("linked")
        where = ">".join([c.seg for c in block_stack[-3:] if c.seg]) or owner.tag
        blocks.append(_Block(text, where, frozenset(own), tuple(block_stack), share))

    body = root.find("body")
    max_collapse = COLLAPSE_MAX_SHARE * len(etree.tostring(body if body is not None else root, method="text",
                                                             encoding="unicode"))
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            tag = el.tag
            if not isinstance(tag, str):  # an entity reference: its text is its tail's business
                walker.skip_subtree()
                stack.append(_SKIPPED)
                continue
            names: list[str] = el.keys()  # str: parsed from str
            # An element without attributes (a quarter of them) has its tag's hints only.
            own, cls = _own_hints(el, names, tag) if names else (_TAG_HINTS.get(tag, _NONE), None)
            if own is None:
                walker.skip_subtree()
                stack.append(_SKIPPED)
                continue
            if own and not own.isdisjoint(COLLAPSIBLE):
                pieces = _short_texts(el, max_collapse)
                if pieces is not None:
                    # Furniture with no prose-length text: one block, without walking inside.
                    if buf:  # most block edges have nothing to close: the test costs less than the call
                        flush()
                    if pieces:
                        counter += 1
                        block_stack.append(_block_ctx(tag, own, cls, counter, block_stack[-1]))
                        buf.append(" · ".join(pieces))
                        flush()
                        blocks[-1].whole = True
                        block_stack.pop()
                    walker.skip_subtree()
                    stack.append(_SKIPPED)
                    continue
            if tag == "br" or tag == "hr":
                if buf:
                    flush()
                stack.append(_PLAIN)
                continue
            if tag == "td" or tag == "th":  # a table row is one block, its cells apart
                buf.append(" ")
            if tag in BLOCK_TAGS or (own and not own.isdisjoint(_OWN_BLOCK)):
                if buf:
                    flush()
                if tag == "html":
                    lang = el.get("lang")
                    if lang:
                        meta.lang = lang
                counter += 1
                ctx = _block_ctx(tag, own, cls, counter, block_stack[-1])
                block_stack.append(ctx)
            elif tag == "a":
                ctx = _Ctx(tag, own, start=chars) if own else _LINK
                link_depth += 1
            elif own:
                ctx = _Ctx(tag, own, start=chars)
            else:
                ctx = _PLAIN
            stack.append(ctx)
            text = el.text
            if text:
                buf.append(text)
                chars += len(text)
                if link_depth:
                    link_chars += len(text.strip())
        else:
            ctx = stack.pop()
            if not ctx.skipped:
                if ctx.block:
                    if buf:
                        flush()
                    block_stack.pop()
                else:
                    if ctx.tag == "a":
                        link_depth -= 1
                    if ctx.own and chars > ctx.start:
                        inline.append((ctx.own, chars - ctx.start))
            tail = el.tail
            if tail:
                buf.append(tail)
                chars += len(tail)
                if link_depth:
                    link_chars += len(tail.strip())
    flush()
    return blocks


def _read_meta(el: etree._Element, tag: str, meta: _Meta) -> None:
    if tag == "meta":
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content and len(meta.metas) < 500:
            meta.metas.setdefault(key.strip().lower(), content.strip())
    elif tag == "title" and meta.title is None:
        meta.title = _SPACE.sub(" ", el.text or "").strip() or None
    elif tag == "script" and "ld+json" in (el.get("type") or "") and el.text and len(meta.ld) < 20:
        meta.ld.append(el.text)


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _ld_items(graph, depth + 1)


_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "report", "webpage", "liveblogposting")


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value[:10] for n in _names(v)]
    return []


def _page_meta(meta: _Meta) -> PageMeta:
    title = meta.metas.get("og:title") or meta.metas.get("twitter:title")
    byline = meta.metas.get("author") or meta.metas.get("article:author")
    published = (meta.metas.get("article:published_time") or meta.metas.get("datepublished")
                 or meta.metas.get("date") or meta.metas.get("pubdate"))
    article_body: str | None = None
    for raw in meta.ld:
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = [k.lower() for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
            if not any(k in _ARTICLE_TYPES for k in kinds):
                continue
            headline = item.get("headline")
            if isinstance(headline, str) and headline.strip() and "webpage" not in kinds:
                title = title or headline.strip()
            authors = _names(item.get("author"))
            if authors and not (byline and not byline.startswith("http")):
                byline = ", ".join(a.strip() for a in authors if a.strip()) or byline
            date = item.get("datePublished")
            if isinstance(date, str) and not published:
                published = date.strip()
            body = item.get("articleBody")
            if isinstance(body, str) and len(body) > len(article_body or ""):
                article_body = body
    if byline is not None and (byline.startswith("http") or not byline.strip()):
        byline = None
    title = title or meta.title
    return PageMeta(
        title=_SPACE.sub(" ", title).strip() if title else None,
        byline=_SPACE.sub(" ", byline).strip() if byline else None,
        published=published,
        language=(meta.lang or "").split("-")[0].strip().lower() or None,
        article_body=article_body,
    )


#: Hints that say a block is not article prose, wherever they come from.
FURNITURE_HINTS = frozenset({
    "nav", "footer", "header", "aside", "comment", "related", "share", "newsletter", "cookie", "ad", "promo",
    "figure", "figcaption", "caption", "credit", "tags", "byline", "date",
})


#: An element declaring furniture that holds this share of the page's prose is not furniture.
FURNITURE_MAX_PROSE_SHARE = 0.5
#: Score factors for elements that declare the article body (``itemprop="articleBody"``,
#: ``class="story-body"``) or that are ``<article>``/``<main>``.
BODY_CLASS_BOOST = 1.6
ARTICLE_TAG_BOOST = 1.2
#: An element declaring the article body wins when it scores this share of the best element.
DECLARED_BODY_MIN_SHARE = 0.5


def _content_root(blocks: list[_Block], confirmed: set[int]) -> tuple[list[_Ctx], set[int]]:
    """The element whose blocks hold the most prose, less a share of the other text in them.

    A block is prose when it has :data:`PROSE_MIN_CHARS` characters or more and is not
    link-dense. For an element, it counts for when no element inside it declares furniture
    around the block, and against it otherwise; other blocks' characters count against it,
    weighted by :data:`NOISE_WEIGHT`. Elements inside declared furniture are no candidates. A
    furniture class on an element holding most of the page's prose is ignored (``<div
    class="has-promo">`` around the whole article). Elements that declare the article body are
    boosted, and one that declares it and scores well enough wins (with the other elements of
    its tag and class: an article body split into sections). Returns the content elements (none
    without prose), and the keys of the elements whose furniture classes were ignored.
    """
    if not blocks:
        return [], set()
    # Per element, by key (its number in page order): lists, as the loops below are the hot part.
    keys = 1 + max(b.ancestors[-1].key for b in blocks)  # an owner's key is its chain's largest
    prose_in = [0] * keys  # characters of prose blocks inside the element
    total = 0
    is_prose: list[bool] = []
    for b in blocks:
        size = len(b.text)
        prose = size >= PROSE_MIN_CHARS and b.link_share < LINK_DENSE_SHARE and not b.whole
        is_prose.append(prose)
        if prose:
            total += size
            for key in b.ancestors[-1].path:
                prose_in[key] += size
    if not total:
        return [], set()
    limit = FURNITURE_MAX_PROSE_SHARE * total
    exempt: set[int] = set()
    barred: set[int] = set()
    ctx_of: dict[int, _Ctx] = {}  # the elements holding blocks
    deepest_of: dict[int, int] = {}  # element's key → index in its chain of the deepest furniture, -1: none
    score = [0.0] * keys
    for b, prose in zip(blocks, is_prose, strict=True):
        chain = b.ancestors
        path = chain[-1].path
        deepest = deepest_of.get(path[-1])
        if deepest is None:  # once per owner: all its blocks share the chain
            deepest = _deepest_furniture(chain, prose_in, limit, exempt, deepest_of)
            if deepest >= 0:
                barred.update(path[deepest:])
            for ctx in reversed(chain):  # up to the first element already there: all above it are too
                if ctx.key in ctx_of:
                    break
                ctx_of[ctx.key] = ctx
        size = len(b.text)
        bad = -NOISE_WEIGHT * size
        # Each element's score adds its blocks' values in page order, as floats: summing them in
        # another order could break a tie between nested elements differently.
        if deepest > 0:
            for key in path[:deepest]:
                score[key] += bad
        value = size * (1.0 - b.link_share) * (LD_BODY_WEIGHT if id(b) in confirmed else 1.0) if prose else bad
        for key in path[deepest:] if deepest > 0 else path:
            score[key] += value
    best: int | None = None
    best_score = 0.0
    declared: int | None = None  # the best element that declares the article body
    declared_score = 0.0
    candidates = sorted(ctx_of.keys() - barred)  # in page order (a key is the element's number)
    for key in candidates:
        factor = _boost(ctx_of[key])
        value = score[key] * factor
        if value > best_score:
            best, best_score = key, value
        if factor == BODY_CLASS_BOOST and value > declared_score:
            declared, declared_score = key, value
    if declared is not None and declared_score >= DECLARED_BODY_MIN_SHARE * best_score:
        seg = ctx_of[declared].seg
        return [ctx_of[k] for k in candidates if ctx_of[k].seg == seg and score[k] > 0], exempt
    return ([ctx_of[best]] if best is not None else []), exempt


def _deepest_furniture(chain: tuple[_Ctx, ...], prose_in: list[int], limit: float, exempt: set[int],
                       known: dict[int, int]) -> int:
    """Index in ``chain`` of the deepest element declaring furniture, -1 for none.

    An element declaring furniture around at least ``limit`` characters of prose is no furniture:
    it goes into ``exempt`` (when seen below the deepest one). ``known`` keeps the answer for
    each element read (by key): chains share their upper parts, so a chain is read only up to its
    deepest element already known (whose exempt elements are already in ``exempt``).
    """
    found = -1
    j = len(chain) - 1
    while j >= 0:
        ctx = chain[j]
        seen = known.get(ctx.key)
        if seen is not None:
            found = seen
            break
        if ctx.own and not ctx.own.isdisjoint(FURNITURE_HINTS):
            if prose_in[ctx.key] < limit:
                found = j
                break
            exempt.add(ctx.key)
        j -= 1
    for ctx in chain[j + 1:]:  # the elements read below the answer share it
        known[ctx.key] = found
    return found


def _boost(ctx: _Ctx) -> float:
    """Score factor of an element that declares the article body, or is ``<article>``/``<main>``."""
    if "article-body" in ctx.own:
        return BODY_CLASS_BOOST
    return ARTICLE_TAG_BOOST if ctx.own and ctx.tag in ("article", "main") else 1.0


def _confirmed_by_ld(blocks: list[_Block], article_body: str | None) -> set[int]:
    """The prose blocks whose text the JSON-LD ``articleBody`` also has (``id()`` of each).

    ``articleBody`` is often cut short, stale or stuffed with other text, so it is never copied:
    a block it confirms only weighs more in the search for the content root.
    """
    if not article_body or len(article_body) < LD_BODY_MIN_CHARS:
        return set()
    body = _SPACE.sub(" ", article_body)
    return {id(b) for b in blocks if len(b.text) >= PROSE_MIN_CHARS and b.text[:LD_PROBE_CHARS] in body}


_IN_CONTENT = frozenset({"in-content"})
_OUT_OF_CONTENT = frozenset({"out-of-content"})


def _chain_hints(chain: tuple[_Ctx, ...], above: set[int], content: set[int],
                 known: dict[int, tuple[frozenset[str], bool]]) -> tuple[frozenset[str], bool]:
    """The hints a block's chain of elements gives it, and whether the chain holds a content root.

    Furniture named by an element in ``above`` is left out. Each element's result is kept in
    ``known`` (by key), so a chain is read from its deepest element already seen.
    """
    i = len(chain)
    while i and chain[i - 1].key not in known:
        i -= 1
    hints, inside = known[chain[i - 1].key] if i else (_NONE, False)
    for ctx in chain[i:]:
        if ctx.own:
            hints = hints | (ctx.own - FURNITURE_HINTS if ctx.key in above else ctx.own)
        inside = inside or ctx.key in content
        known[ctx.key] = hints, inside
    return hints, inside


def html_blocks(html: str | bytes) -> tuple[list[Line], PageMeta]:
    """The page's blocks as numbered lines with hints, and its metadata."""
    root = _parse(decode_html(html))
    if root is None:
        return [], PageMeta()
    meta = _Meta()
    for el in root.iter("html", "meta", "title", "script"):
        tag = str(el.tag)
        if tag == "html":
            meta.lang = meta.lang or el.get("lang")
        else:
            _read_meta(el, tag, meta)
    etree.strip_elements(root, *STRIP_TAGS, with_tail=False)
    blocks = _walk(root, meta)
    page = _page_meta(meta)
    confirmed = _confirmed_by_ld(blocks, page.article_body)
    roots, above = _content_root(blocks, confirmed)
    content = {ctx.key for ctx in roots}
    # The content root and its ancestors: furniture they name applies to no block (a
    # ``<body class="has-promo">`` says nothing about one paragraph); nor does furniture named
    # by an element holding most of the page's prose.
    for ctx in roots:
        up: _Ctx | None = ctx
        while up is not None:
            above.add(up.key)
            up = up.parent
    lines: list[Line] = []
    inherited: dict[int, tuple[frozenset[str], bool]] = {}  # key → hints of its chain, in content?
    for no, b in enumerate(blocks, start=1):
        hints, inside = _chain_hints(b.ancestors, above, content, inherited)
        lines.append(frozen_record(Line, no=no, raw=b.text, gap_before=True, where=b.where,
                                   hints=b.own | hints | (_IN_CONTENT if inside else _OUT_OF_CONTENT), col=0))
    return lines, page


_HTML_PIPELINE: Pipeline | None = None


def html_pipeline() -> Pipeline:
    """``Pipeline.default()`` with the :class:`Structure` cleaner right after language detection."""
    global _HTML_PIPELINE
    if _HTML_PIPELINE is None:
        from .cleaners.structure import Structure, StructureGuard

        pipeline = Pipeline.default().insert(Structure(), after="language")
        if "body" in pipeline.names:
            pipeline = pipeline.insert(StructureGuard(), before="body")
        _HTML_PIPELINE = pipeline
    return _HTML_PIPELINE


def _language(sample: list[str], declared: str | None) -> tuple[str | None, str | None]:
    """(script, language) of the article's prose; ``<html lang>`` is trusted when its script fits."""
    if declared is not None:
        script = dominant_script("\n".join(sample))
        if script is not None and declared in _LANGUAGES_OF.get(script, ()):
            return script, declared
    return detect_language(sample)


def clean_html(html: str | bytes, *, url: str | None = None, pipeline: Pipeline | None = None) -> Article:
    """Clean a news page's HTML into an ``Article``, through the same cleaners as ``clean()``.

    ``bytes`` are decoded by BOM, then ``<meta charset>``, then as UTF-8 with replacement; other
    types raise ``TypeError``. ``url`` is accepted for the record (it is never fetched). Without
    a ``pipeline``, :func:`html_pipeline` is used.
    """
    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html() takes str or bytes, not {type(html).__name__}")
    lines, page = html_blocks(html)
    if not lines:
        return Article(title=page.title, byline=page.byline)

    def seed(draft: Draft) -> None:
        draft.title = page.title
        draft.byline = page.byline
        # The article's script and language, from the text of the main container only: cheaper
        # than the whole page, and not swayed by menus in another language.
        sample: list[str] = []
        size = 0
        for line in lines:
            if "in-content" in line.hints and len(line.raw) >= PROSE_MIN_CHARS:
                sample.append(line.raw)
                size += len(line.raw)
                if size >= LANGUAGE_SAMPLE_CHARS:
                    break
        draft.script, draft.language = _language(sample or [line.raw for line in lines[:50]], page.language)
        draft.notes["html.meta"] = page
        if url is not None:
            draft.notes["html.url"] = url

    draft = (pipeline if pipeline is not None else html_pipeline()).run(lines, draft_init=seed)
    article = assemble(draft)
    return replace(article, published=page.published) if page.published else article
