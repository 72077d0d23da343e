"""Every tuned number of the rule cleaners, named, in one place (jusText style).

Change a threshold here, not in a cleaner. Each comment says what the number bounds.
"""

from __future__ import annotations

#: A headline-shaped line has this many words (teasers, titles).
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 22
#: Share of capitalised words (of those with 4+ letters) that makes a Latin line title-cased.
TITLE_CASE_MIN_SHARE = 0.6
#: A line counts as body-like prose (a teaser's neighbour) from this many characters on.
PROSE_MIN_CHARS = 80
#: The title is looked for among this many first open lines.
TITLE_SEARCH_LINES = 1
#: On text with nothing removed yet, a headline-shaped line followed by this many more (bylines
#: aside) heads a list, and is no title.
TITLE_LIST_FOLLOWERS = 2
#: Longest title, dek, byline and caption, in characters.
TITLE_MAX_CHARS = 250
DEK_MAX_CHARS = 320
BYLINE_MAX_CHARS = 100
#: A dek has at least this many words; the dateline is looked for in this many first prose lines.
DEK_MIN_WORDS = 5
DATELINE_SEARCH_LINES = 3
CAPTION_MAX_CHARS = 320
#: Longest credit line (``© Agency / Photographer``), in characters.
CREDIT_MAX_CHARS = 90
#: A credit glued to its caption: the caption part has at least this many words.
GLUED_CAPTION_MIN_WORDS = 3
#: A line is foreign-script when this share of its letters is in another script than the page's.
FOREIGN_SCRIPT_MIN_SHARE = 0.6
#: Navigation: a run of at least this many short open lines, each at most NAV_MAX_WORDS words.
NAV_MIN_RUN = 4
NAV_MAX_WORDS = 4
#: Longest line searched for sentence-shaped chrome (cookie, paywall, newsletter prompts).
PROMPT_MAX_CHARS = 400
#: A UI line made of lexicon entries side by side (``Copy Link copied``) has at most this many words.
COMPOUND_CHROME_MAX_WORDS = 6
#: A tag under a ``Topics`` label has at most this many words.
TAG_MAX_WORDS = 4
#: A caption next to a bare credit has at least this many words (``Link Copied!`` is not one).
CAPTION_MIN_WORDS = 4
#: A bare ``Name/Agency`` credit: at most this many words on each side of the slash.
CREDIT_SIDE_MAX_WORDS = 5
#: A headline-shaped line between two paragraphs is a teaser from this many words on; shorter, it
#: is a subheading (measured on the corpus: the rule took 64 body lines with 76 teasers, most of
#: those short subheadings; from 5 to 7 words the gain is flat).
INLINE_TEASER_MIN_WORDS = 6
#: Teaser lines under a label-only line (``Related``) are looked for this far.
TEASER_LIST_MAX = 10
#: A teaser's headline glued to its summary (``City Council Votes On New Parking Rules For The Old
#: Town The proposal …``): a line that opens with at least GLUED_TEASER_MIN_CAPS capitalised words
#: in a row, one of them a minor word capitalised mid-run (``On``, ``For``), and goes on with at
#: least GLUED_TEASER_MIN_SUMMARY_WORDS more words.
GLUED_TEASER_MIN_CAPS = 6
GLUED_TEASER_MIN_SUMMARY_WORDS = 8
#: A bare credit known by its ``Name Name/Agency`` shape alone has at least this many words.
CREDIT_NAME_MIN_WORDS = 3
#: A line this long is cut where a sentence end is glued to the next capital (``said.The``):
#: renderings that run inline text together glue whole paragraphs, menus and footers that way.
GLUED_LINE_MIN_CHARS = 200
#: Reader comments: a thread has at least COMMENT_MIN_HEADERS comments (known by their author or
#: time-stamp line), each within COMMENT_MAX_SPACING open lines of the previous; an author line is this short.
COMMENT_MIN_HEADERS = 3
COMMENT_MAX_SPACING = 12
COMMENT_AUTHOR_MAX_CHARS = 40
#: A commenter's bare name line (above a time stamp) has at most this many words.
COMMENT_NAME_MAX_WORDS = 4
#: A '34 responses to …' heading is looked for this many lines above the first comment.
COMMENT_HEADING_SEARCH_LINES = 3
