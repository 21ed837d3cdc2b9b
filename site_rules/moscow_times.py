"""The Moscow Times (themoscowtimes.com): its own PHP site.

Text dumps: the "Support The Moscow Times!" teaser (or the ad-free banner), title, lead
caption with the photo credit appended, the body, then "Read more about:" tags, the
newsletter sign-up, the "A Message from The Moscow Times:" donation appeal with its
Once/Monthly/Annual widget, and "Read more" cards. The dumps show no byline and no date.
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

# Headlines are in Title Case: a lower-case word of four letters or more is a sign of prose
# (a body-only dump's first paragraph), unless it is one of the short words titles keep low.
_TITLE = (
    r"(?=.{3,250}$)(?!.*[.:;,…][\"”’»']*$)"
    r"(?!.*(?<![\p{L}\-’'])(?!(?:amid|from|into|over|with|than|upon|onto|after|about|under|against|since|until|during|without|versus)\b)\p{Ll}{4,})"
    r"(?:\S+ ){0,25}\S+"
)
# "... Arthur Novosiltsev / Moskva News Agency", "... Yelena Afonina/TASS", "NAME (PHOTOGRAPHER / AGENCY)"
# or a sentence with a credit glued on: "... in the zoo’s enclosure. Moscow Zoo press service"
# (A look-ahead for the "/" or "(" first: without it the engine tries each of 600 starts.)
_CAPTION = (
    r"(?=[^/\n]*+/).{0,600}\S ?/ ?\p{L}[^/.!?“”\"]{1,80}"
    r"|(?=[^(\n]*+\().{2,600}\([^()]{2,200}/[^()]{2,200}\)"
    r"|.{2,600}[.!?] \p{Lu}[^.!?“”\"]{1,60}[^.!?“”\"\s]"
    # "… Olympics. kremlin.ru": a web site as the credit
    r"|.{2,600}[.!?] [\p{Ll}\d][\w\-]*\.(?:ru|com|org|net|ua|gov|info)"
    # "… on Monday, July 26 Mikhail Metzel": no closing stop, a name glued on
    # (the first "lower-case letter, space" is the one to take: atomic, so as not to try them all)
    r"|(?=.{20,600}$)(?>.*?\p{Ll},? ).*[\p{Ll}\d] \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+"
    # The credit alone: an agency or a photographer, in capitalised words
    r"|\p{Lu}[\p{L}'’.\-]*(?: (?:\p{Lu}[\p{L}'’.\-]*|of|de|&)){0,4}"
)

_HEADER = (
    r"Support The Moscow Times!",
    r"Contribute today",
    r"×",
    r"Enjoying ad-free content\?",
    r"Since July 1, 2024, we have disabled all ads to improve your reading experience\.",
    r"This commitment costs us \$[\d,]+ a month\. Your support can help us fill the gap\.",
    r"Support us",
    r"Our journalism is banned in Russia\. We need your help to keep providing you with the truth\.",
)

_APPEAL_PARAGRAPHS = (
    r"We are facing unprecedented challenges\. Russia's Prosecutor General's Office has designated The Moscow Times.*",
    r"These actions are direct attempts to silence independent journalism in Russia\..*",
    r"We, the journalists of The Moscow Times, refuse to be silenced\..*",
    r"Your support, no matter how small, makes a world of difference\..*",
    r"By supporting The Moscow Times, you're defending open, independent journalism.*",
)

_TEXT = TextRule(
    # The teaser is a UI string wherever it sits: on a page whose head is not found it is
    # still not body.
    boilerplate=(
        *(LinePattern(id="header_teaser", pattern="(?i)" + p) for p in _HEADER),
        LinePattern(id="newsletter", pattern=r"(?i)Our weekly newsletter contains a hand-picked selection of news.*"),
        LinePattern(id="newsletter", pattern=r"(?i)Subscribers agree to the Privacy Policy"),
        # The paragraphs of the site's standing donation appeal, wherever a capture puts them.
        *(LinePattern(id="donation_appeal", pattern=p) for p in _APPEAL_PARAGRAPHS),
    ),
    meta=(MetaLine(id="tags_line", pattern=r"Read more about: ?(?P<tags>.{1,500})", region="tail"),),
    tail_anchors=(
        LinePattern(id="newsletter", pattern=r"Sign up for our (?:free )?weekly newsletter"),
        LinePattern(id="donation_appeal", pattern=r"A Message from The Moscow Times:?"),
        LinePattern(id="related_cards", pattern=r"Read more|Related articles:?"),
        LinePattern(id="donation_appeal", pattern=r".{0,200}we have a small favor to ask\."),
        LinePattern(id="donation_appeal", pattern=r"Independent journalism isn’t dead\. You can help keep it alive\."),
        LinePattern(
            id="opinion_disclaimer",
            pattern=r"The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times\.",
        ),
    ),
    title=TitleRule(first_line=True, pattern=_TITLE),
    caption=CaptionRule(pattern=_CAPTION),
    date_formats=("%b. %d, %Y", "%B %d, %Y"),
)

# HTML (sites-html.md §1): the site's own templates [A], confirmed live by scrapers [B].
_HTML = HtmlRule(
    content=("div.article__content",),
    drop=(
        # Inside the body: related-article promos, promo links, newsletter box, ad slots [A].
        "aside",
        ".article__link",
        ".article__newsletter",
        "section[y-name=banner]",
        "[y-use=Banner]",
        "[data-freestar-ad]",
        # Page furniture, for when the body wrapper is not found [A].
        ".site-header",
        ".navigation",
        ".contribute-teaser-mobile",
        ".byline__social",
        ".article__tags",
        ".article__disclaimer",
        ".contribute-banner",
        ".newsletterbanner",
        "section.cluster",
        "#load-next-article",
        "[y-name=banner]",
        "footer",
    ),
    title=("article.article header.article__header h1", "article h1"),
    subtitle=("article.article header.article__header h2",),
    authors=(".byline__author .byline__author__name", ".byline__author__name"),
    # No byline date: it shows the update time once an article is updated [A].
    caption=("figure.article__featured-image figcaption", "figure.featured-image figcaption"),
    tags=("div.article__tags a.article__tags__tag", ".article__tags a.tag"),
)

RULE = SiteRule(
    id="moscow_times",
    name="The Moscow Times",
    domains=("themoscowtimes.com",),
    language="en",
    timezone="Europe/Moscow",
    signatures=(
        Signature(r"^Support The Moscow Times!$"),
        Signature(r"^A Message from The Moscow Times:$"),
        Signature(r"^Read more about: ", 0.5),
        Signature(r"^\d+\s?Min read$", 0.5),
        Signature(
            r"^Our weekly newsletter contains a hand-picked selection of news, features, analysis and more from The Moscow Times"
        ),
        Signature(
            r"^We are facing unprecedented challenges\. Russia's Prosecutor General's Office has designated The Moscow Times"
        ),
        Signature(r"^Since July 1, 2024, we have disabled all ads to improve your reading experience\.$"),
        Signature(r"^As you may have heard, The Moscow Times, an independent news source"),
        Signature(r"^As the only remaining independent, English-language news source reporting from Russia"),
    ),
    layouts=(
        # From mid-2024: the ad-free banner or "Support The Moscow Times!", the newsletter
        # sign-up and the "A Message from The Moscow Times:" appeal.
        Layout(name="php_2024", since=date(2024, 7, 1), text=_TEXT, html=_HTML),
        # Before: the "small favor to ask" and 2017-era "Independent journalism isn’t dead" appeals.
        Layout(
            name="php_legacy",
            until=date(2024, 6, 30),
            fingerprints=(
                r"^.{0,200}we have a small favor to ask\.$",
                r"^Independent journalism isn’t dead\. You can help keep it alive\.$",
                r"^As you may have heard, The Moscow Times, an independent news source",
            ),
            text=_TEXT,
            html=_HTML,
        ),
    ),
)
