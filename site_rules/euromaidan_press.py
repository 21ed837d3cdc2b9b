"""Euromaidan Press (euromaidanpress.com): WordPress.

Text dumps: the Patreon header bar and language switch, title, standfirst, "byNAME" glued,
a day-first date, "N minute read", the image alt text and caption, the title again, the
body with subheadings, then "Read more:", the Patreon appeal, the correction widget, the
ad-block notice and "Related Posts". Older pages put the site footer first and credit
authors with "Article by:".
"""

from dataclasses import replace
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

_NAME = r"\p{Lu}[\p{L}'’.\- ]{1,60}(?:(?:,| and) \p{Lu}[\p{L}'’.\- ]{1,60}){0,5}"
_TITLE = r"(?=.{3,300}$)(?!.*[.:;,…][\"”’»']*$)(?:\S+ ){0,40}\S+"

_FOOTER = (
    r"Copyright © \d{4} Euromaidanpress\.com",
    r"The work of Euromaidan Press is supported by the International Renaissance Foundation",
    r"When referencing our materials, please include an active hyperlink to the Euromaidan Press material.*",
    r"Privacy and Cookie Policies\.",
)

_APPEALS = (
    r"You could close this page\. Or you could join our community.*",
    r"Ukraine needs independent journalism\. And we need you\. Join our community on Patreon.*",
    r".{0,2000}Become a patron or see other ways to support\. Become a Patron!",
    r"Your opinion matters!",
    r"Dear readers! We want to know what you think\. Please fill out this form.*",
    r"Subscribe to the newsletter",
    r"\* indicates required",
)

_TEXT = TextRule(
    boilerplate=(
        LinePattern(id="patreon_bar", pattern=r"Support us on Patreon"),
        LinePattern(id="language_switch", pattern=r"Eng|Esp|Ukr|Рус", region="head"),
        LinePattern(id="category_line", pattern=r"Latest news(?: [\p{L} ]{1,40})?", region="head"),
        *(LinePattern(id="site_footer", pattern="(?i)" + p) for p in _FOOTER),
        *(LinePattern(id="patreon_appeal", pattern="(?i)" + p) for p in _APPEALS),
        LinePattern(
            id="read_more_list",
            pattern=r"Read more:",
            followers=r"(?=.{3,250}$)(?!.*[.:;,][\"”’»']*$).+",
        ),
        LinePattern(id="inbody_photo_caption", pattern=r".{2,300}\. Photo: [^.]{2,120}", region="body"),
    ),
    meta=(
        MetaLine(id="byline", pattern=rf"(?:Article )?[Bb]y:? ?(?P<authors>{_NAME})"),
        MetaLine(id="date", pattern=r"(?P<date>\d{1,2}/\d{1,2}/\d{4})"),
        # 2014-2015: the author signs at the end, "By NAME, Role, Organisation"; comments follow.
        MetaLine(
            id="byline_end",
            pattern=rf"[Bb]y (?P<authors>{_NAME}(?:, \p{{Lu}}[\p{{L}} ]{{1,60}}){{0,3}})",
            region="tail",
        ),
        # 2014 (test.euromaidanpress.com): "2014/09/21 • War in the Donbas" — a section, not a tag.
        MetaLine(id="date_category", pattern=r"(?P<date>\d{4}/\d{2}/\d{2}) • .{2,80}"),
    ),
    head_anchors=(
        LinePattern(id="read_time", pattern=r"\d+ minute read"),
        LinePattern(id="editor_credit", pattern=rf"Edited by:? ?{_NAME}"),
        LinePattern(id="category_line", pattern=r"Latest news(?: [\p{L} ]{1,40})?"),
    ),
    tail_anchors=(
        LinePattern(id="correction_widget", pattern=r"To suggest a correction or clarification.*"),
        LinePattern(id="correction_widget", pattern=r"You can also highlight the text and press Ctrl \+ Enter"),
        LinePattern(id="correction_widget", pattern=r"Please leave your suggestions or corrections here"),
        LinePattern(id="adblock_notice", pattern=r"Euromaidan Press\n\n?We are an independent media outlet.*", lines=2),
        LinePattern(
            id="adblock_notice", pattern=r"We are an independent media outlet that relies solely on advertising.*"
        ),
        LinePattern(id="related_posts", pattern=r"Related Posts|Recent Posts|Popular Tags"),
        LinePattern(id="tags_line", pattern=r"Tags:.*"),
    ),
    # The title sits above a byline, date or section line; a dump without one starts with the body.
    title=TitleRule(first_line=True, pattern=_TITLE, repeated=True, needs_landmark=True),
    after_title="subtitle",
    caption=CaptionRule(
        pattern=r".{3,600}(?:\b(?:Image|Photo|Photos|Illustration|Source|Credit)s?(?: by)?:? .{2,200}|\([^()]{2,200}\))",
        alt=r"(?=.{2,120}$)[^.!?]+",
    ),
    date_formats=("%d/%m/%Y", "%Y/%m/%d"),
)

# Before the 2023 redesign: the site footer first, then title, caption, "Article by:" and
# "Edited by:" — the line under the title is the lead caption, not a standfirst.
_TEXT_2021 = replace(_TEXT, after_title="caption")

# HTML (sites-html.md §3). WordPress with Mistape and a Patreon button [A]; the theme is
# unknown [D], so generic WordPress hooks sit in front of the paragraph-density fallback,
# and the text rule removes the in-body "Read more:" list and the Patreon appeal.
_HTML = HtmlRule(
    content=("article .entry-content", "div.entry-content"),
    drop=(
        ".mistape_caption",  # correction widget, inside the content [A]
        "#mistape_dialog",  # its hidden dialog [A]
        'a[data-patreon-widget-type="become-patron-button"]',  # [A]
        # Theme furniture, for when the content wrapper is not found [D].
        "nav",
        "footer",
        "aside",
        ".widget",
        "#sidebar",
    ),
    title=("h1.entry-title", "article h1", "main h1"),
    # WordPress links the author to /author/<slug>/ [D], with rel="author" in most themes.
    authors=("article a[rel~=author]", "article a[href*='/author/']"),
    published=("article time.published[datetime]", "article time[datetime]"),
    caption=("figure:has(> img.wp-post-image) figcaption", "figure:has(img.wp-post-image) figcaption"),
    tags=("article a[rel~=tag]",),
)

RULE = SiteRule(
    id="euromaidan_press",
    name="Euromaidan Press",
    domains=("euromaidanpress.com",),
    language="en",
    timezone="Europe/Kyiv",
    signatures=(
        Signature(r"^Support us on Patreon$"),
        Signature(r"^by\p{Lu}[\p{L}'’.\- ]{1,60}$", 0.5),
        Signature(r"^\d+ minute read$", 0.5),
        Signature(r"^by\p{Lu}[\p{L}'’.\- ]{1,60}\n\d{2}/\d{2}/\d{4}$"),
        Signature(r"^\d{4}/\d{2}/\d{2} • [\p{L} ]{2,60}$"),
        Signature(r"^.*Become a patron or see other ways to support\. Become a Patron!$"),
        Signature(r"^To suggest a correction or clarification, write to us here$"),
        Signature(r"^Copyright © \d{4} Euromaidanpress\.com$"),
        Signature(r"^\s*We are an independent media outlet that relies solely on advertising revenue"),
        Signature(r"^When referencing our materials, please include an active hyperlink to the Euromaidan Press"),
        # Cues of partial dumps: the category line, the survey box, the old appeal, the credits.
        Signature(r"^Latest news [\p{L} ]{2,40}$"),
        Signature(r"^Your opinion matters!\s*$"),
        Signature(r"^Dear readers! We want to know what you think\."),
        Signature(r"^Since you’re here – we have a favor to ask\."),
        Signature(r"^Article by: ?\p{Lu}", 0.5),
        Signature(r"^Tags:(?: ?,)+ ?$", 0.5),
    ),
    layouts=(
        # 2022 on: "latest news" pages, then the byline/date/read-time header of 2023-2025.
        Layout(name="wordpress_2023", since=date(2022, 1, 1), text=_TEXT, html=_HTML),
        Layout(
            name="footer_first_2021",
            since=date(2015, 1, 1),
            until=date(2021, 12, 31),
            fingerprints=(r"^Article by: ?\p{Lu}",),
            text=_TEXT_2021,
            html=_HTML,
        ),
        # test.euromaidanpress.com, 2014: title, then "YYYY/MM/DD • Section".
        Layout(
            name="test_site_2014",
            until=date(2014, 12, 31),
            fingerprints=(r"^\d{4}/\d{2}/\d{2} • [\p{L} ]{2,60}$",),
            text=_TEXT,
            html=_HTML,
        ),
    ),
)
