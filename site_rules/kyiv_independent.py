"""The Kyiv Independent (kyivindependent.com): Ghost since 2023, WordPress in 2022.

Text dumps: promo banner and header menus, the tag line, "Edit post", title, a one-line
byline in Kyiv local time, the lead caption, the audio-player notice, the body with
Ghost bookmark cards ("The Kyiv Independent" glued to the card's author), "Author(s):",
then "Most popular", the News Feed sidebar and the footer's newsletter forms.
"""

from datetime import date

from cleaner.rule import (
    CaptionRule,
    HtmlRule,
    Layout,
    LinePattern,
    MetaLine,
    Signature,
    SiteRule,
    TextRule,
    TitleRule,
)

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATE = rf"{_MONTH} \d{{1,2}}, \d{{4}}"
_TIME = r"\d{1,2}:\d{2} ?[AaPp][Mm]"
_UPDATED = r"(?: ?\(Updated:[^)]*\))?"

# "by Kateryna Hodunova and The Kyiv Independent news desk March 18, 2025 5:17 PM (Updated: ) 2 min read"
_BYLINE = rf"[Bb]y (?P<authors>.+?) ?(?P<date>{_DATE})(?: (?P<time>{_TIME}))?{_UPDATED}(?: ?\d+ min read)?"
# 2022 WordPress: "September 5, 2022 1:40 amby The Kyiv Independent news desk"
_BYLINE_2022 = rf"(?P<date>{_DATE}) (?P<time>{_TIME}) ?by (?P<authors>.+)"
# A date line without a byline: "MONTH D, YYYY H:MM pm", optionally followed by "N min read"
_DATE_LINE = rf"(?P<date>{_DATE})(?: (?P<time>{_TIME}))?{_UPDATED}(?: ?\d+ min read)?"
# An author's name as the site prints it on author cards: capitalised words ("news desk" aside).
_AUTHOR_NAME = r"\p{Lu}[\p{L}'’\-]*\.?(?: (?:\p{Lu}[\p{L}'’\-]*\.?|news desk)){1,5}"
# The news desk's bio on its author card.
_BIO = r"We are (?:the news team of the Kyiv Independent|here to make sure our readers get quick, essential updates).*"

_HEADER = (
    r"The Power Within: The Kyiv Independent’s first-ever magazine\. Be among the first to get it\.",
    r"pre-order now",
    r"Skip to content",
    r"Featured",
    r"More",
    r"Sections",
    r"Newsletters",
    r"Store",
    r"KI Insights",
    r"(?:Newsletters|Store|KI Insights) image",
    r"(?:All Newsletters|Shop Now|Learn more) Arrow right",
    r"War Analysis Russia’s War National Human Story Field Report Company News",
    r"About Join the Team Team Advertising Jobs",
    r"Join [\d,]+\+ Kyiv Independent members today Support our reporting",
    r"watch us on facebook",
    r"Become a patronSupport Kyiv IndependentSave Ukrainian media",
    r"logo_header.*",
)

_APPEALS = (
    # In-body membership appeal of some captures, before the first paragraph.
    r"Support independent journalism in Ukraine\. Join us in this fight\.",
    r"Become a member Support us just once",
)

_TEXT = TextRule(
    boilerplate=(
        *(LinePattern(id="header_menu", pattern="(?i)" + p, region="head") for p in _HEADER),
        *(LinePattern(id="membership_appeal", pattern="(?i)" + p) for p in _APPEALS),
        LinePattern(id="edit_post", pattern=r"Edit post"),
        LinePattern(id="audio_notice", pattern=r"This audio is created with AI assistance"),
        # Ghost bookmark card: title, teaser, then the site name glued to the card's author.
        LinePattern(
            id="bookmark_card",
            pattern=r"[^\n]{3,400}\n[^\n]{3,3000}\nThe Kyiv Independent[\p{Lu}][^\n]{0,80}",
            lines=3,
            region="body",
        ),
        # A card whose metadata line is missing: headline, then a teaser cut with "…" or an
        # editor's note.
        LinePattern(
            id="bookmark_card",
            pattern=r"[^\n]{3,300}[^.\n]\n(?:Editor’s Note:[^\n]*|[^\n]*…)",
            lines=2,
            region="body",
        ),
        # A card at the end of the body: headline, then a teaser cut mid-sentence.
        LinePattern(
            id="bookmark_card",
            pattern=r"(?![^\n]*[.!?] \p{Lu})[^\n]{3,200}[^.\n]\n(?=(?:\S++ ){14})[^\n]{80,3000}[^.!?…\"”’)\n]",
            lines=2,
            region="body",
        ),
        # The news desk's bio on its author card.
        LinePattern(id="author_bio", pattern=_BIO),
        LinePattern(id="author_bio", pattern=rf"{_AUTHOR_NAME}\n\n?{_BIO}", lines=2),
        # 2022: a bare author name right before "Author: NAME".
        LinePattern(id="author_credit", pattern=r"([^\n]{2,80})\n\n?Authors?: \1", lines=2),
    ),
    meta=(
        MetaLine(id="byline", pattern=_BYLINE),
        MetaLine(id="byline_2022", pattern=_BYLINE_2022),
        MetaLine(id="date_line", pattern=_DATE_LINE),
        # Head author card of some captures: the name twice (link and image alt), a role line.
        MetaLine(
            id="author_card",
            pattern=rf"(?P<authors>{_AUTHOR_NAME})\n(?P=authors)\n[^\n]{{2,60}}[^.!?\n]",
            lines=3,
            anchor=False,
        ),
        # Tail author card: "Avatar" (the photo's alt text), then the name.
        MetaLine(
            id="author_card_tail",
            pattern=rf"Avatar\n\n?(?P<authors>{_AUTHOR_NAME})",
            region="tail",
            lines=2,
            anchor=False,
        ),
        # 2022 tail author card: the name (once or twice), then the news desk's bio.
        MetaLine(id="author_card_2022", pattern=rf"(?P<authors>{_AUTHOR_NAME})\n\n?{_BIO}", region="tail", lines=2),
        MetaLine(
            id="author_card_2022",
            pattern=rf"(?P<authors>{_AUTHOR_NAME})\n\n?(?P=authors)\n\n?{_BIO}",
            region="tail",
            lines=3,
        ),
        MetaLine(id="author_credit", pattern=r"Authors?: {1,2}(?P<authors>.{2,300})", region="tail"),
    ),
    head_anchors=(
        LinePattern(id="edit_post", pattern=r"Edit post"),
        LinePattern(id="audio_notice", pattern=r"This audio is created with AI assistance"),
        LinePattern(id="read_time", pattern=r"\d+ min read"),
        LinePattern(id="news_digest_notice", pattern=r"This item is part of our running news digest"),
        LinePattern(id="share", pattern=r"Share:"),
    ),
    tail_anchors=(
        LinePattern(id="most_popular", pattern=r"Most popular"),
        LinePattern(id="news_feed", pattern=r"News Feed"),
        LinePattern(id="more_news", pattern=r"MORE NEWS"),
        LinePattern(id="editors_picks", pattern=r"Editors' Picks|Editors’ Picks"),
        LinePattern(id="author_card", pattern=r"Avatar"),
        LinePattern(id="news_digest_link", pattern=r"external ?Go to the source of this news.*"),
        LinePattern(id="footer", pattern=r"Enter your email to subscribe"),
        LinePattern(id="read_more", pattern=r"Read more\n\n?News Feed", lines=2),
    ),
    title=TitleRule(
        before=("byline", "byline_2022", "date_line", "read_time", "news_digest_notice"),
        skip=(r"This item is part of our running news digest", r"Edit post"),
        strip=(r"^external(?=\S)",),
        pattern=r"[^\n]{3,300}",
    ),
    # Several comma-separated tags, or one tag of up to three words ("News Feed").
    tags_before_title=r"(?P<tags>[^,.!?:;]{1,60}(?:, [^,.!?:;]{1,60})+|[^,.!?:;\s]+(?: [^,.!?:;\s]+){0,2})",
    caption=CaptionRule(pattern=r".{3,1500}\([^()]{2,300}\)"),
    date_formats=("%B %d, %Y %I:%M %p", "%B %d, %Y %I:%M%p", "%B %d, %Y"),
)

# HTML (sites-html.md §2). Ghost's head and card markup are certain [A]; the theme's classes
# are not [D], so the body wrapper falls back to paragraph density and the text rule's
# anchors do the rest.
_HTML = HtmlRule(
    # Wrappers of {{content}} in Ghost's own themes [D for KI].
    content=("section.gh-content", "div.gh-content", "div.post-content", "div.post-full-content"),
    drop=(
        ".kg-bookmark-card",  # Koenig bookmark card: a related story [A]
        "#mc_embed_signup",  # Mailchimp embeds [A markup, C use]
        "form",
        "aside",
        "nav",
        "footer",
    ),
    title=("article h1", "main h1"),
    # Ghost author pages are /author/<slug>/ [A]; the byline and "Authors:" both link there.
    authors=("article a[href*='/author/']",),
    published=("article time[datetime]",),
    # The feature image, not a Koenig card inside the body [A card classes, D figure].
    caption=("article figure:not(.kg-card) figcaption",),
    tags=("article a[href*='/tag/']",),
)

RULE = SiteRule(
    id="kyiv_independent",
    name="The Kyiv Independent",
    domains=("kyivindependent.com",),
    language="en",
    timezone="Europe/Kyiv",
    signatures=(
        Signature(r"^This audio is created with AI assistance$"),
        Signature(r"^The Power Within: The Kyiv Independent’s first-ever magazine"),
        Signature(r"^The Kyiv Independent\p{Lu}[^\n]{0,80}$"),
        Signature(r"^[Bb]y .+ " + _DATE + " " + _TIME + r".*\d+ min read$"),
        Signature(r"^Join [\d,]+\+ Kyiv Independent members today"),
        Signature(r"^Become a patronSupport Kyiv Independent"),
        Signature(r"^We are the news team of the Kyiv Independent\."),
        # Cues of partial dumps: the news desk's bio, the 2022 membership drive and bylines.
        Signature(r"^We are here to make sure our readers get quick, essential updates"),
        Signature(r"^Help us reach [\d,]+ membersSupport our reporting"),
        Signature(r"^by The Kyiv Independent news desk ?" + _DATE),
        Signature(r"^" + _DATE + r" \d{1,2}:\d{2} ?[ap]m(?:by .+)?$", 0.5),
        Signature(r"^Explaining Ukraine with Kate Tsurkan$", 0.5),
        Signature(r"^Successfuly subscribed$", 0.5),
        # A News Feed item page: "News Feed", title, "0 min read".
        Signature(r"^News Feed\n+[^\n]{3,300}\n+\d+ min read$"),
    ),
    layouts=(
        Layout(
            name="ghost_2023",
            since=date(2023, 1, 1),
            fingerprints=(r"^Edit post$", r"^This audio is created with AI assistance$", r"^\d+ min read$"),
            text=_TEXT,
            html=_HTML,
        ),
        # The WordPress site of 2021-2022: the same dump reader covers its glued byline
        # ("1:40 amby …"), "Share:", the news-digest notice and its tail.
        Layout(
            name="wordpress_2022",
            until=date(2022, 12, 31),
            fingerprints=(
                r"^" + _BYLINE_2022 + r"$",
                r"^Become a patronSupport Kyiv Independent",
                r"^logo_header",
                r"^external ?Go to the source of this news",
            ),
            text=_TEXT,
        ),
    ),
)
