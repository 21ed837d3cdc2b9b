# ruff: noqa: E501  (HTML templates and UI strings are data, kept whole)
"""Generated article pages: realistic body blocks wrapped in a site's real boilerplate.

A ``Page`` is one generated article of one site, rendered as a text dump (``text``) and
as an HTML page (``html``), with the body blocks it must come out with and the boilerplate
blocks it must lose. The boilerplate strings are the sites' own UI strings, as recorded in
shared/design/sites-text.md and sites-html.md and seen in the seeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from hypothesis import strategies as st

# --- body prose ---------------------------------------------------------------------------

WORDS = [
    "the",
    "officials",
    "said",
    "president",
    "minister",
    "government",
    "troops",
    "city",
    "region",
    "ceasefire",
    "talks",
    "agreement",
    "week",
    "year",
    "attack",
    "drones",
    "missiles",
    "energy",
    "grid",
    "plant",
    "residents",
    "village",
    "front",
    "line",
    "border",
    "army",
    "forces",
    "spokesperson",
    "report",
    "reports",
    "documents",
    "plan",
    "support",
    "military",
    "aid",
    "sanctions",
    "economy",
    "prices",
    "exports",
    "oil",
    "gas",
    "budget",
    "court",
    "trial",
    "prosecutors",
    "law",
    "parliament",
    "vote",
    "election",
    "campaign",
    "voters",
    "opposition",
    "leader",
    "meeting",
    "summit",
    "delegation",
    "negotiations",
    "proposal",
    "demands",
    "territory",
    "occupied",
    "liberated",
    "shelling",
    "damage",
    "killed",
    "injured",
    "according",
    "to",
    "on",
    "in",
    "at",
    "for",
    "with",
    "from",
    "about",
    "after",
    "before",
    "during",
    "against",
    "under",
    "over",
    "between",
    "while",
    "and",
    "but",
    "or",
    "because",
    "although",
    "since",
    "despite",
    "would",
    "could",
    "should",
    "will",
    "may",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "new",
    "old",
    "local",
    "foreign",
    "western",
    "eastern",
    "southern",
    "northern",
    "independent",
    "state",
    "national",
    "international",
    "early",
    "late",
    "recent",
    "final",
    "first",
    "second",
    "third",
    "several",
    "many",
    "few",
    "most",
    "popular",
    "subscribe",
    "newsletter",
    "donate",
    "related",
    "reading",
    "more",
]
NAMES = [
    "Zelensky",
    "Putin",
    "Trump",
    "Peskov",
    "Rubio",
    "Kellogg",
    "Witkoff",
    "Kyiv",
    "Moscow",
    "Kharkiv",
    "Odesa",
    "Brussels",
    "Washington",
    "Crimea",
    "Donbas",
    "NATO",
    "Kremlin",
    "Rada",
    "Ukraine",
    "Russia",
    "Europe",
    "Poland",
    "Moldova",
]
CYRILLIC = ["Україна", "Київ", "Москва", "війна", "мир", "перемир'я", "Зеленський", "уряд", "Росія", "громада"]
NUMBERS = ("30", "2,500", "$1.6 billion", "11:30", "2025", "5%", "385", "1.5", "24/7", "No. 3")

word = st.one_of(
    st.sampled_from(WORDS).filter(lambda w: len(w) > 1),
    st.sampled_from(NAMES),
    st.sampled_from(CYRILLIC),
    st.sampled_from(NUMBERS),
)
ENDINGS = (".", ".", ".", "!", "?", ".”", '."', "?”")


SUBJECTS = (
    "The minister",
    "Officials",
    "Residents",
    "The Kremlin",
    "Ukraine's military",
    "The court",
    "Prosecutors",
    "Lawmakers",
    "The spokesperson",
    "Local authorities",
    "The delegation",
    "Громада",
    "Analysts",
)
VERBS = ("said", "told reporters", "announced", "warned", "confirmed", "denied", "wrote", "reported", "added")


@st.composite
def clause(draw: st.DrawFn, min_words: int = 2, max_words: int = 18) -> str:
    subject = draw(st.one_of(st.sampled_from(SUBJECTS), st.sampled_from(NAMES)))
    verb = draw(st.sampled_from(VERBS))
    words = draw(st.lists(word, min_size=min_words, max_size=max_words))
    if draw(st.booleans()) and len(words) > 4:
        cut = draw(st.integers(1, len(words) - 2))
        words[cut] = words[cut] + ","
    return " ".join([subject, verb, *words])


@st.composite
def sentence(draw: st.DrawFn, min_words: int = 2, max_words: int = 18) -> str:
    """A capitalised sentence ending in . ! ? or a closing quote."""
    text = draw(clause(min_words=min_words, max_words=max_words))
    form = draw(st.sampled_from(("plain", "plain", "plain", "exclaim", "ask", "quote", "quote_tail")))
    if form == "exclaim":
        return text + "!"
    if form == "ask":
        return text + "?"
    if form == "quote":
        return "“" + text + ".”"
    if form == "quote_tail":
        return "“" + text + ",” " + draw(st.sampled_from(NAMES)) + " said."
    return text + "."


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    size = draw(st.sampled_from(("short", "normal", "normal", "long")))
    if size == "short":
        return draw(sentence(min_words=1, max_words=3))
    count = {"normal": (1, 4), "long": (8, 16)}[size]
    return " ".join(draw(st.lists(sentence(), min_size=count[0], max_size=count[1])))


HEADINGS = (
    "US sets expectations for Russia",
    "What comes next",
    "Energy strikes continue",
    "Sanctions and oil prices",
    "Reaction in Kyiv",
    "Що далі",
    "A deal on minerals",
    "Prisoner exchange",
    "Europe's response",
)


@st.composite
def heading(draw: st.DrawFn) -> str:
    return draw(
        st.one_of(
            st.sampled_from(HEADINGS),
            st.builds(
                lambda topic, place: f"{topic} in {place}",
                st.sampled_from(("Talks", "Strikes", "Protests")),
                st.sampled_from(NAMES),
            ),
        )
    )


@st.composite
def list_items(draw: st.DrawFn) -> list[str]:
    marker = draw(st.sampled_from(("•", "-", "1.")))
    items = draw(st.lists(sentence(min_words=3, max_words=12), min_size=2, max_size=4))
    if marker == "1.":
        return [f"{n}. {item}" for n, item in enumerate(items, start=1)]
    return [f"{marker} {item}" for item in items]


MIN_ARTICLE_CHARS = 250


@dataclass(frozen=True, slots=True)
class BodyBlock:
    type: str
    text: str


@st.composite
def body(draw: st.DrawFn, extra: st.SearchStrategy[str] | None = None) -> list[BodyBlock]:
    """2-10 blocks: starts and ends with a paragraph; headings and lists sit between paragraphs."""
    blocks = [BodyBlock("paragraph", draw(paragraph()))]
    for _ in range(draw(st.integers(1, 9))):
        kind = draw(st.sampled_from(("paragraph", "paragraph", "paragraph", "heading", "list", "extra")))
        if kind == "heading" and blocks[-1].type == "paragraph":
            blocks.append(BodyBlock("heading", draw(heading())))
        elif kind == "list" and blocks[-1].type == "paragraph":
            blocks.extend(BodyBlock("list_item", item) for item in draw(list_items()))
        elif kind == "extra" and extra is not None:
            blocks.append(BodyBlock("paragraph", draw(extra)))
        else:
            blocks.append(BodyBlock("paragraph", draw(paragraph())))
    if blocks[-1].type != "paragraph":
        blocks.append(BodyBlock("paragraph", draw(paragraph())))
    # News articles run to a few hundred characters at least, however short their paragraphs.
    while sum(len(block.text) for block in blocks) < MIN_ARTICLE_CHARS:
        blocks[0] = BodyBlock("paragraph", blocks[0].text + " " + draw(sentence(min_words=6)))
    # A heading must be shorter than the paragraph it introduces, as on real pages.
    for index, block in enumerate(blocks[:-1]):
        if block.type == "heading" and len(blocks[index + 1].text) <= len(block.text):
            blocks[index + 1] = BodyBlock(blocks[index + 1].type, blocks[index + 1].text + " " + draw(sentence()))
    return blocks


# Paragraphs that merely mention words the boilerplate is made of.
TRIGGER_OPENINGS = (
    "By {day}, {sentence}",
    "By the end of the week, {sentence}",
    "Author {name} told reporters that {sentence}",
    "Authorities in {name} said {sentence}",
    "At 6:50 AM, {sentence}",
    "The blast was heard at 6:50 AM.",
    "Readers can subscribe to the ministry's newsletter, {name} said.",
    "The foundation asked people to donate blood after the attack on {name}.",
    "{name} said allies would support the plan, and he urged them to read more of the report.",
    "Related talks are planned in {name}, and the most popular proposal is a ceasefire.",
    "Officials told The Kyiv Independent that {sentence}",
    "Euromaidan Press reported that {sentence}",
    "The Moscow Times reported that {sentence}",
    "In an interview with The Moscow Times, {name} said the newsletter was shut down.",
    "Most popular among voters was the call to support the army, a poll showed.",
    "Support for the deal fell to 30%, according to the survey.",
    "Read more about the sanctions in the ministry's report, {name} said.",
)


@st.composite
def trigger_paragraph(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(TRIGGER_OPENINGS))
    rest = draw(sentence())
    return template.format(
        day=draw(st.sampled_from(("Friday", "March", "noon"))),
        name=draw(st.sampled_from(NAMES)),
        sentence=rest[0].lower() + rest[1:] if rest[0].isupper() and rest[:2] != "“" else rest,
    )


# --- pages --------------------------------------------------------------------------------


@dataclass(slots=True)
class Page:
    """One generated article page of one site."""

    site: str
    body: list[BodyBlock]
    #: Boilerplate blocks (lines of the dump) that must not reach the output.
    boilerplate: list[str] = field(default_factory=list)
    #: The dump as groups of lines: lines of one group sit on consecutive lines.
    groups: list[list[str]] = field(default_factory=list)
    compact: bool = False
    html: str = ""
    #: The headline as printed (None: the page shows none).
    title: str | None = None
    #: Groups of the body (related blocks inside it included): [body_start, body_end).
    body_start: int = 0
    body_end: int = 0
    #: A capture cut short: "head" starts the dump at the body, "tail" ends it there.
    cut: str = "none"

    @property
    def body_texts(self) -> list[str]:
        return [block.text for block in self.body]

    @property
    def text(self) -> str:
        separator = "\n" if self.compact else "\n\n"
        groups = self.groups
        if self.cut == "head":
            groups = groups[self.body_start :]
        elif self.cut == "tail":
            groups = groups[: self.body_end]
        return separator.join("\n".join(group) for group in groups) + "\n"


def _add(page: Page, *groups: list[str]) -> None:
    for group in groups:
        page.groups.append(group)
        page.boilerplate.extend(group)


def _add_body(page: Page, draw: st.DrawFn | None = None) -> None:
    """The body blocks, one group each; with ``draw``, maybe a related block between two
    paragraphs (as real pages print "Read also:" lists and links inside stories)."""
    page.body_start = len(page.groups)
    related_at = None
    if draw is not None and draw(st.booleans()):
        # Between two paragraphs: a headline list right above a subheading, with no blank line
        # between them, cannot be told apart from it, and a subheading belongs to its paragraph.
        places = [i for i in range(1, len(page.body)) if page.body[i].type == page.body[i - 1].type == "paragraph"]
        if places:
            related_at = draw(st.sampled_from(places))
    for index, block in enumerate(page.body):
        if index == related_at and draw is not None:
            _add(page, draw(related_block(page.site)))
        page.groups.append([block.text])
    page.body_end = len(page.groups)


def _cut(page: Page, draw: st.DrawFn) -> None:
    """Crawlers cut captures short: some dumps start at the body, some end with it."""
    page.cut = draw(st.sampled_from(("none", "none", "none", "head", "tail")))
    if page.cut == "head":
        page.title = None


# Headlines as the sites print them: sentence case or Title Case, questions, exclamations,
# a closing full stop, a quote up front, a "Source:" prefix, an attribution after a dash.
HEADLINE_SHAPES = ("plain", "title_case", "question", "exclamation", "full_stop", "quote", "colon", "dash")


def _shaped(title: str, shape: str) -> str:
    if shape == "title_case":
        return " ".join(word[0].upper() + word[1:] for word in title.split())
    if shape in ("question", "exclamation", "full_stop"):
        return title + {"question": "?", "exclamation": "!", "full_stop": "."}[shape]
    if shape == "quote":
        first, _, rest = title.partition(" ")
        return f"‘{first} {rest}’ — officials on talks" if rest else f"‘{first}’ — officials on talks"
    if shape == "colon":
        return "Official: " + title
    if shape == "dash":
        return title + " – Kremlin"
    return title


HEADLINES = st.builds(
    _shaped,
    st.builds(
        lambda words: " ".join([words[0].capitalize(), *words[1:]]),
        st.lists(st.sampled_from(NAMES + WORDS[:60]), min_size=4, max_size=12),
    ),
    st.sampled_from(HEADLINE_SHAPES),
)

RELATED_HEADERS = ("Read also:", "Related:", "READ ALSO:", "Related articles", "See also:", "Read more")


#: A site's own tail UI strings, which end its body wherever they stand (The Moscow Times
#: prints "Read more" over its cards and "Related articles:" over its appeal).
TAIL_WORDING = {"moscow_times": {"Read more", "Related articles"}}


@st.composite
def related_block(draw: st.DrawFn, site: str) -> list[str]:
    """A related-article block: a header with headlines under it, or one inline link."""
    if draw(st.booleans()):
        prefix = draw(st.sampled_from(("Read also", "Related", "READ MORE")))
        return [f"{prefix}: {draw(TITLES)}"]
    headers = [header for header in RELATED_HEADERS if header not in TAIL_WORDING.get(site, set())]
    return [draw(st.sampled_from(headers)), *draw(st.lists(TITLES, min_size=1, max_size=3))]


TITLES = st.builds(
    lambda words: " ".join([words[0].capitalize(), *words[1:]]),
    st.lists(st.sampled_from(NAMES + WORDS[:60]), min_size=4, max_size=12),
)


# The Moscow Times writes its headlines in Title Case.
TITLE_CASE_TITLES = st.builds(
    lambda words: " ".join(word[0].upper() + word[1:] for word in words),
    st.lists(st.sampled_from(NAMES + WORDS[:60]), min_size=4, max_size=12),
)


def _subset(draw: st.DrawFn, options: list[list[str]], *, min_size: int = 0) -> list[list[str]]:
    chosen = draw(st.lists(st.sampled_from(range(len(options))), min_size=min_size, unique=True))
    return [options[index] for index in chosen]


# The Kyiv Independent -----------------------------------------------------------------------

KI_BANNER = [
    "The Power Within: The Kyiv Independent’s first-ever magazine. Be among the first to get it.",
    "pre-order now",
]
KI_MENUS = [
    "Skip to content",
    "Featured",
    "War Analysis Russia’s War National Human Story Field Report Company News",
    "More",
    "About Join the Team Team Advertising Jobs",
    "Newsletters",
    "Newsletters image",
    "All Newsletters Arrow right",
    "Store",
    "Store image",
    "Shop Now Arrow right",
    "KI Insights",
    "KI Insights image",
    "Learn more Arrow right",
]
KI_BYLINES = (
    "by Kateryna Hodunova April 4, 2025 3:04 PM 2 min read",
    "by Abbey Fenbert April 22, 2025 12:52 AM 2 min read",
    "by Kateryna Hodunova and The Kyiv Independent news desk March 18, 2025 5:17 PM \u00a0(Updated:\u00a0) 2 min read",
    "by Nate Ostiller November 14, 2023 7:51 PM 1 min read",
)
KI_CAPTIONS = (
    "Russian presidential press secretary Dmitry Peskov walks after a meeting. (Contributor/Getty Images)",
    "Rescue workers at the site of a Russian missile strike in Kyiv. (Photo: National Police)",
    "Smoke rises over Kyiv after a drone strike on July 4, 2025 (Oleksii Filippov/AFP via Getty Images)",
    "The aftermath of a Russian attack on Sumy Oblast. (Sumy Oblast military administration / Telegram)",
)
#: Membership-drive banners of other years, in other capitals.
KI_BANNERS = (
    KI_BANNER,
    ["Join 25,000+ Kyiv Independent members today Support our reporting", "SKIP TO CONTENT"],
    ["Help us reach 10,000 membersSupport our reporting", "Thursday, October 13, 2022"],
)
KI_AUTHOR_CARD = [
    "Avatar",
    "Kateryna Hodunova",
    "Kateryna Hodunova is a news editor at the Kyiv Independent, covering Ukraine's foreign policy.",
]
KI_APPEAL = [
    "Support independent journalism in Ukraine. Join us in this fight.",
    "Become a member Support us just once",
]
KI_CARD = [
    "Who is to gain more from a ceasefire — Russia or Ukraine?",
    "U.S. President Donald Trump said on March 17 that he expects to hold a phone call with his Russian counterpart…",
    "The Kyiv IndependentOleg Sukhov",
]
KI_TAIL_SECTIONS = [
    ["Most popular"],
    [
        "News Feed",
        "6:50 AM",
        "Danish PM decries US threats to annex Greenland.",
        "“This is not only about Greenland or Denmark,” Danish Prime Minister Mette Frederiksen said on April 3.",
    ],
    [
        "News Feed",
        "7:21 PM \u00a0(Updated:\u00a0)",
        "Video",
        "Trump says 'nobody is asking' Ukraine to recognize Crimea as Russian.",
        "The U.S. media outlet Axios reported on April 23 that the final proposal included recognition of Crimea.",
    ],
    ["MORE NEWS"],
    ["Editors' Picks"],
]
KI_FOOTER = [
    "Featured",
    "War Analysis Russia’s War National Human Story Field Report Company News",
    "Sections",
    "More",
    "About Advertising Jobs Team Contacts Submit an Opinion Store",
    "Follow Us",
    "Enter your email to subscribe",
    "Please, enter correct email address",
    "Subscribe",
    "* indicates required",
    "Explaining Ukraine with Kate Tsurkan",
    "* indicates required",
    "Successfuly subscribed",
    "Thank you for signing up for this newsletter. We’ve sent you a confirmation email.",
]


@st.composite
def kyiv_independent(draw: st.DrawFn, body_blocks: st.SearchStrategy[list[BodyBlock]] | None = None) -> Page:
    page = Page(
        "kyiv_independent", draw(body_blocks if body_blocks is not None else body()), compact=draw(st.booleans())
    )
    if draw(st.booleans()):
        _add(page, draw(st.sampled_from(KI_BANNERS)))
    if draw(st.booleans()):
        _add(page, KI_MENUS)
    _add(page, ["News Feed, Russia, Ukraine, Vladimir Putin, Ceasefire"])
    if draw(st.booleans()):
        _add(page, ["Edit post"])
    byline = draw(st.sampled_from(KI_BYLINES))
    page.title = draw(HEADLINES)
    head = [page.title, byline]
    if draw(st.booleans()):
        head.append(draw(st.sampled_from(KI_CAPTIONS)))
    head.append("This audio is created with AI assistance")
    _add(page, head)
    if draw(st.booleans()):
        _add(page, KI_APPEAL)
    _add_body(page, draw)
    if draw(st.booleans()):
        _add(page, KI_CARD)
    author = draw(st.sampled_from(("Author: Kateryna Hodunova", "Authors: Kateryna Hodunova, Abbey Fenbert", None)))
    if author:
        _add(page, [author])
    if draw(st.booleans()):
        _add(page, KI_AUTHOR_CARD)
    sections = _subset(draw, KI_TAIL_SECTIONS, min_size=0 if author else 1)
    _add(page, *draw(st.permutations(sections)))
    if sections and draw(st.booleans()):
        _add(page, KI_FOOTER)
    page.html = ki_html(page, byline)
    _cut(page, draw)
    return page


# Euromaidan Press ---------------------------------------------------------------------------

EMP_HEADER = ["Support us on Patreon", "Eng", "Esp", "Support us on Patreon"]
EMP_CAPTION = "US President Donald Trump (left) and Russian President Vladimir Putin (right)"
EMP_CAPTIONS = (
    EMP_CAPTION,
    "Ukrainian soldiers near the front line in Donetsk Oblast. Photo: General Staff",
    "A map of the front line on 12 March 2023. Image by deepstatemap.live",
)
EMP_PATREON = (
    "You could close this page. Or you could join our community and help us produce more materials like this. "
    "We keep our reporting open and accessible to everyone because we believe in the power of free information. "
    "Become a patron or see other ways to support. Become a Patron!"
)
EMP_PATREON_OLD = (
    "Ukraine needs independent journalism. And we need you. Join our community on Patreon and help us better "
    "explain Ukraine to the world. Become a patron or see other ways to support. Become a Patron!"
)
EMP_SURVEY = [
    "Your opinion matters!",
    "Dear readers! We want to know what you think. Please fill out this form, it will only take a few minutes.",
]
EMP_CORRECTION = [
    "To suggest a correction or clarification, write to us here",
    "You can also highlight the text and press Ctrl + Enter",
    "Please leave your suggestions or corrections here",
]
EMP_ADBLOCK = [
    "Euromaidan Press",
    "We are an independent media outlet that relies solely on advertising revenue to sustain itself. "
    "We do not endorse or promote any products or services for financial gain. Thank you!",
]
EMP_FOOTER = [
    "Recent Posts",
    "Subscribe to the newsletter",
    "* indicates required",
    "Copyright © 2021 Euromaidanpress.com",
    "The work of Euromaidan Press is supported by the International Renaissance Foundation",
    "When referencing our materials, please include an active hyperlink to the Euromaidan Press material "
    "and a maximum 500 character extract of the story.",
    "Privacy and Cookie Policies.",
    "Popular Tags",
]


@st.composite
def euromaidan_press(draw: st.DrawFn, body_blocks: st.SearchStrategy[list[BodyBlock]] | None = None) -> Page:
    page = Page(
        "euromaidan_press", draw(body_blocks if body_blocks is not None else body()), compact=draw(st.booleans())
    )
    title = page.title = draw(HEADLINES)
    layout = draw(st.sampled_from(("wordpress_2025", "latest_news")))
    if layout == "wordpress_2025":
        if draw(st.booleans()):
            _add(page, EMP_HEADER)
        subtitle = draw(sentence(min_words=6, max_words=20))
        _add(page, [title], [subtitle])
        _add(
            page,
            [
                "byYevheniia Martyniuk",
                "04/04/2025",
                "3 minute read",
                "putin trump call",
                draw(st.sampled_from(EMP_CAPTIONS)),
                title,
            ],
        )
    else:
        _add(page, [title, "Latest news Ukraine"])
    _add_body(page, draw)
    if draw(st.booleans()):
        # Related links are other articles (the title repeated further down is pinned by a test).
        related = draw(st.lists(TITLES.filter(lambda t: t != title), max_size=2))
        _add(page, ["Read more:", *related])
    appeals = _subset(draw, [[EMP_PATREON], [EMP_PATREON_OLD], EMP_SURVEY])
    _add(page, *draw(st.permutations(appeals)))
    tails = _subset(draw, [EMP_CORRECTION, EMP_ADBLOCK, ["Related Posts"], EMP_FOOTER, ["Tags: , ,"]], min_size=1)
    _add(page, *draw(st.permutations(tails)))
    page.html = emp_html(page, title, layout)
    _cut(page, draw)
    return page


# The Moscow Times ---------------------------------------------------------------------------

MT_HEADERS = (
    ["Support The Moscow Times!", "Contribute today"],
    ["Support The Moscow Times!", "CONTRIBUTE TODAY"],
    [
        "Support The Moscow Times!",
        "Contribute today",
        "It's time to support independent journalism from Eastern Europe!",
        "Contribute Today",
    ],
    ["Support The Moscow Times!"],
    [
        "×",
        "Enjoying ad-free content?",
        "Since July 1, 2024, we have disabled all ads to improve your reading experience.",
        "This commitment costs us $10,000 a month. Your support can help us fill the gap.",
        "Support us",
        "Our journalism is banned in Russia. We need your help to keep providing you with the truth.",
    ],
)
MT_CAPTIONS = (
    "Kremlin spokesman Dmitry Peskov. Arthur Novosiltsev / Moskva News Agency",
    "Vladimir Putin at a meeting in the Kremlin. Yelena Afonina/TASS",
    "Olga Koval / unsplash",
    "Regional Press Service",
    "Ivan Petrov (Olga Koval / TASS)",
    "Russian President Putin meets with winners of the Olympics. kremlin.ru",
)
MT_NEWSLETTER = [
    "Sign up for our free weekly newsletter",
    "Our weekly newsletter contains a hand-picked selection of news, features, analysis and more from The Moscow "
    "Times. You will receive it in your mailbox every Friday. Never miss the latest news from Russia. Preview",
    "Subscribers agree to the Privacy Policy",
]
MT_APPEAL = [
    "A Message from The Moscow Times:",
    "Dear readers,",
    "We are facing unprecedented challenges. Russia's Prosecutor General's Office has designated The Moscow Times "
    'as an "undesirable" organization, criminalizing our work and putting our staff at risk of prosecution.',
    "We, the journalists of The Moscow Times, refuse to be silenced. But to continue our work, we need your help.",
    "By supporting The Moscow Times, you're defending open, independent journalism in the face of repression. "
    "Thank you for standing with us.",
    "Once",
    "Monthly",
    "Annual",
    "Continue",
    "paiment methods",
    "Not ready to support today?",
    "Remind me later.",
]
MT_CARDS = [
    "Read more",
    "Trump Told Putin Not to Escalate Ukraine War in Post-Election Call – Washington Post",
    "The call marks the two men's first phone conversation following Trump's victory in the U.S. presidential election.",
    "2\u00a0Min read",
    "What Trump Has Said About Ukraine Over the Years",
    "Trump’s statements show a surprising consistency in praising Vladimir Putin.",
    "6\u00a0Min read",
]


@st.composite
def moscow_times(draw: st.DrawFn, body_blocks: st.SearchStrategy[list[BodyBlock]] | None = None) -> Page:
    page = Page("moscow_times", draw(body_blocks if body_blocks is not None else body()), compact=draw(st.booleans()))
    header = draw(st.sampled_from(MT_HEADERS))
    # Banner lines come in other orders on other captures.
    _add(page, [header[0], *draw(st.permutations(header[1:]))])
    caption = draw(st.sampled_from((*MT_CAPTIONS, None)))
    title = page.title = draw(st.one_of(TITLE_CASE_TITLES, HEADLINES))
    _add(page, [title])
    if caption:
        _add(page, [caption])
    _add_body(page, draw)
    tags = draw(st.booleans())
    if tags:
        _add(page, ["Read more about: Trump , Putin , Ukraine war"])
    sections = _subset(draw, [MT_NEWSLETTER, MT_APPEAL, MT_CARDS], min_size=0 if tags else 1)
    _add(page, *draw(st.permutations(sections)))
    page.html = mt_html(page, title, caption, tags)
    _cut(page, draw)
    return page


#: Boilerplate that can be added before the head or after the tail of any page of a site.
EXTRA_HEAD = {
    "kyiv_independent": [KI_BANNER, KI_MENUS],
    "euromaidan_press": [EMP_HEADER],
    "moscow_times": list(MT_HEADERS),
}
EXTRA_TAIL = {
    "kyiv_independent": [*KI_TAIL_SECTIONS, KI_FOOTER],
    "euromaidan_press": [EMP_CORRECTION, EMP_ADBLOCK, ["Related Posts"], EMP_FOOTER],
    "moscow_times": [MT_NEWSLETTER, MT_APPEAL, MT_CARDS],
}
#: The same, as markup the sites print (sites-html.md).
EXTRA_HTML_HEAD = {
    "kyiv_independent": f'<div class="ki-banner"><p>{KI_BANNER[0]}</p><a href="/store/">pre-order now</a></div>',
    "euromaidan_press": '<div class="emp-topbar"><a href="https://www.patreon.com/euromaidanpress">Support us on Patreon</a></div>',
    "moscow_times": '<div class="container"><div class="contribute-teaser-mobile hidden-sm-up"><div class="contribute-teaser-mobile__cta">'
    "<span>Support The Moscow Times!</span></div></div></div>",
}
EXTRA_HTML_TAIL = {
    "kyiv_independent": '<div id="mc_embed_signup"><form id="mc-embedded-subscribe-form" class="validate">'
    '<div class="indicates-required"><span class="asterisk">*</span> indicates required</div>'
    '<input id="mc-embedded-subscribe" value="Subscribe"></form></div>',
    "euromaidan_press": '<div id="mistape_dialog" data-mode="comment"><div class="dialog__content"><h2>'
    "Please leave your suggestions or corrections here</h2></div></div>",
    "moscow_times": '<footer class="footer fancyfooter"><div class="footer__bottom">© The Moscow Times, all rights reserved.'
    "</div></footer>",
}
ALL_BOILERPLATE = {
    "kyiv_independent": {
        *KI_BANNER,
        *KI_MENUS,
        *KI_APPEAL,
        *KI_CARD,
        *KI_FOOTER,
        *(line for section in KI_TAIL_SECTIONS for line in section),
    }
    | {"This audio is created with AI assistance", "Edit post", "Follow Us", "Subscribe"},
    "euromaidan_press": {
        *EMP_HEADER,
        EMP_PATREON,
        EMP_PATREON_OLD,
        *EMP_SURVEY,
        *EMP_CORRECTION,
        *EMP_ADBLOCK,
        *EMP_FOOTER,
    }
    | {"Related Posts", "Tags: , ,", "Read more:", "3 minute read", "Latest news Ukraine"},
    "moscow_times": {*(line for header in MT_HEADERS for line in header), *MT_NEWSLETTER, *MT_APPEAL, *MT_CARDS}
    | {"Read more about: Trump , Putin , Ukraine war", "Most read", "Russia Says Talks Went Well."},
}


def with_extra_text(page: Page, head: list[list[str]], tail: list[list[str]]) -> str:
    """The page's dump with more boilerplate before its head and after its tail. A capture cut
    short stays cut at the same place: it gains no head (or no tail) from the extra blocks."""
    extended = Page(
        page.site,
        page.body,
        groups=[*head, *page.groups, *tail],
        compact=page.compact,
        body_start=page.body_start + len(head),
        body_end=page.body_end + len(head),
        cut=page.cut,
    )
    return extended.text


def with_extra_html(page: Page) -> str:
    body_start = page.html.index(">", page.html.index("<body")) + 1
    body_end = page.html.rindex("</body>")
    return (
        page.html[:body_start]
        + EXTRA_HTML_HEAD[page.site]
        + page.html[body_start:body_end]
        + EXTRA_HTML_TAIL[page.site]
        + page.html[body_end:]
    )


SITES = {
    "kyiv_independent": kyiv_independent,
    "euromaidan_press": euromaidan_press,
    "moscow_times": moscow_times,
}


def pages(site: str, body_blocks: st.SearchStrategy[list[BodyBlock]] | None = None) -> st.SearchStrategy[Page]:
    return SITES[site](body_blocks)


# --- HTML renderings ----------------------------------------------------------------------


def _e(text: str) -> str:
    return escape(text, quote=True)


def _body_html(blocks: list[BodyBlock], *, paragraph: str = "p") -> str:
    out: list[str] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.type == "list_item":
            items = []
            while index < len(blocks) and blocks[index].type == "list_item":
                items.append(f"<li>{_e(blocks[index].text)}</li>")
                index += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            continue
        tag = "h2" if block.type == "heading" else paragraph
        out.append(f"<{tag}>{_e(block.text)}</{tag}>")
        index += 1
    return "\n".join(out)


def _lines_html(lines: list[str], tag: str = "p") -> str:
    return "".join(f"<{tag}>{_e(line)}</{tag}>" for line in lines)


def _has(page: Page, line: str) -> bool:
    return line in page.boilerplate


def ki_html(page: Page, byline: str) -> str:
    title = next(group[0] for group in page.groups if len(group) > 1 and group[1] == byline)
    caption = next((c for c in KI_CAPTIONS if _has(page, c)), None)
    card = ""
    if _has(page, KI_CARD[2]):
        card = (
            '<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://kyivindependent.com/x/">'
            f'<div class="kg-bookmark-content"><div class="kg-bookmark-title">{_e(KI_CARD[0])}</div>'
            f'<div class="kg-bookmark-description">{_e(KI_CARD[1])}</div><div class="kg-bookmark-metadata">'
            '<img class="kg-bookmark-icon" src="i.png" alt=""><span class="kg-bookmark-author">The Kyiv Independent</span>'
            '<span class="kg-bookmark-publisher">Oleg Sukhov</span></div></div></a></figure>'
        )
    author = next((line for line in page.boilerplate if line.startswith("Author")), None)
    feed = "".join(
        f'<div class="ki-feed-item"><time>{_e(section[1])}</time><h3>{_e(section[-2])}</h3><p>{_e(section[-1])}</p></div>'
        for section in KI_TAIL_SECTIONS
        if len(section) > 2 and _has(page, section[-1])
    )
    appeal = f'<div class="ki-appeal">{_lines_html(KI_APPEAL)}</div>' if _has(page, KI_APPEAL[0]) else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta property="og:site_name" content="The Kyiv Independent"><meta property="og:type" content="article">
<meta property="og:title" content="{_e(title)}">
<link rel="canonical" href="https://kyivindependent.com/generated-article/">
<meta name="generator" content="Ghost 5.x">
<meta property="article:published_time" content="2025-04-04T12:04:00.000Z">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article", "headline": "x"}}</script>
</head><body class="post-template tag-news-feed">
<div class="ki-banner"><p>{_e(KI_BANNER[0])}</p><a href="/store/">pre-order now</a></div>
<a class="ki-skip" href="#main">Skip to content</a>
<header class="ki-header"><nav><a href="/">Featured</a><a href="/about/">More</a>
<a href="/newsletters/">Newsletters <img src="n.png" alt="Newsletters image"></a></nav></header>
<main><article class="post tag-news-feed">
<div class="ki-tags"><a href="/tag/news-feed/">News Feed</a>, <a href="/tag/russia/">Russia</a></div>
<a href="https://kyivindependent.com/ghost/#/editor/post/1">Edit post</a>
<h1>{_e(title)}</h1>
<div class="ki-byline">{_e(byline)}</div>
{f"<figure><img src='a.jpg'><figcaption>{_e(caption)}</figcaption></figure>" if caption else ""}
<div class="ki-audio">This audio is created with AI assistance</div>
<section class="gh-content">{appeal}
{_body_html(page.body)}
{card}</section>
{f'<div class="ki-authors">{_e(author)}</div>' if author else ""}
</article>
<aside class="ki-sidebar"><h2>Most popular</h2><h2>News Feed</h2>{feed}<a href="/news-feed/">MORE NEWS</a>
<section><h2>Editors' Picks</h2></section></aside></main>
<footer class="ki-footer"><p>Follow Us</p><form><p>Enter your email to subscribe</p>
<span class="error">Please, enter correct email address</span><button>Subscribe</button></form>
<div id="mc_embed_signup"><form id="mc-embedded-subscribe-form" class="validate"><div id="mc_embed_signup_scroll">
<h3>Explaining Ukraine with Kate Tsurkan</h3><div class="indicates-required"><span class="asterisk">*</span> indicates required</div>
<div class="mc-field-group"><input id="mce-EMAIL"></div><input id="mc-embedded-subscribe" value="Subscribe"></div></form></div>
<div class="ki-modal"><p>Successfuly subscribed</p><p>{_e(KI_FOOTER[-1])}</p></div></footer>
</body></html>"""


def emp_html(page: Page, title: str, layout: str) -> str:
    related = ""
    if _has(page, "Read more:"):
        index = page.boilerplate.index("Read more:")
        links = []
        for line in page.boilerplate[index + 1 :]:
            if line in (EMP_PATREON, EMP_PATREON_OLD) or line in EMP_SURVEY + EMP_CORRECTION + EMP_ADBLOCK + EMP_FOOTER:
                break
            if line in ("Related Posts", "Tags: , ,"):
                break
            links.append(f'<li><a href="https://euromaidanpress.com/2025/01/01/x/">{_e(line)}</a></li>')
        related = "<p>Read more:</p><ul>" + "".join(links) + "</ul>"
    patreon = "".join(
        f'<div class="emp-patreon"><p>{_e(text.removesuffix(" Become a Patron!"))} '
        '<a href="https://www.patreon.com/bePatron?u=123" data-patreon-widget-type="become-patron-button">'
        'Become a Patron!</a></p><script src="https://c6.patreon.com/becomePatronButton.bundle.js"></script></div>'
        for text in (EMP_PATREON, EMP_PATREON_OLD)
        if _has(page, text)
    )
    survey = f'<div class="emp-survey">{_lines_html(EMP_SURVEY)}</div>' if _has(page, EMP_SURVEY[0]) else ""
    if layout == "wordpress_2025":
        subtitle = page.boilerplate[page.boilerplate.index(title) + 1]
        header = (
            f'<p class="emp-subtitle">{_e(subtitle)}</p>'
            '<div class="emp-meta"><span>by</span><a href="/author/yevheniia-martyniuk/">Yevheniia Martyniuk</a>'
            '<time datetime="2025-04-04T10:00:00+00:00">04/04/2025</time><span>3 minute read</span></div>'
            '<figure><img class="wp-post-image" src="/wp-content/uploads/2025/04/a.jpg" alt="putin trump call">'
            f"<figcaption>{_e(EMP_CAPTION)}</figcaption></figure>"
        )
        description = f'<meta name="description" content="{_e(subtitle)}">'
    else:
        header = '<div class="emp-category">Latest news Ukraine</div>'
        description = ""
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{_e(title)} - Euromaidan Press</title>
<link rel="canonical" href="https://euromaidanpress.com/2025/04/04/generated-article/">
<link rel="https://api.w.org/" href="https://euromaidanpress.com/wp-json/">
<meta property="og:site_name" content="Euromaidan Press"><meta property="og:title" content="{_e(title)} - Euromaidan Press">
{description}<meta property="article:published_time" content="2025-04-04T10:00:00+00:00">
</head><body class="single single-post postid-330001 single-format-standard">
<div class="emp-topbar"><a href="https://www.patreon.com/euromaidanpress">Support us on Patreon</a>
<a href="https://euromaidanpress.com/">Eng</a><a href="https://euromaidanpress.com/es/">Esp</a></div>
<nav class="emp-nav"><a href="/category/ukraine/">Ukraine</a></nav>
<main><article id="post-330001" class="post-330001 post type-post status-publish format-standard hentry">
<h1 class="entry-title">{_e(title)}</h1>{header}
<div class="entry-content"><img src="/wp-content/uploads/2025/04/b.jpg" alt="{_e(title)}">
{_body_html(page.body)}
{related}{patreon}{survey}
<div class="mistape_caption"><p>To suggest a correction or clarification, write to us <a href="#">here</a><br>
You can also highlight the text and press Ctrl + Enter</p></div></div>
<div class="emp-tags">Tags: , ,</div>
</article></main>
<footer class="emp-footer"><h3>Recent Posts</h3><p>Copyright © 2021 Euromaidanpress.com</p>
<p>{_e(EMP_FOOTER[4])}</p><p>{_e(EMP_FOOTER[5])}</p><p>Privacy and Cookie Policies.</p></footer>
<div id="mistape_dialog" data-mode="comment" data-dry-run="0"><div class="dialog__overlay"></div>
<div class="dialog__content"><div id="mistape_confirm_dialog" class="mistape_dialog_screen"><div class="dialog-wrap">
<div class="dialog-wrap-top"><h2>Please leave your suggestions or corrections here</h2></div></div></div></div></div>
    <div class="emp-adblock"><h3>Euromaidan Press</h3><p>{_e(EMP_ADBLOCK[1])}</p></div>
    <div class="emp-related"><h3>Related Posts</h3></div>
</body></html>"""


def mt_html(page: Page, title: str, caption: str | None, tags: bool) -> str:
    figure = ""
    if caption:
        text, credit = caption.rsplit(". ", 1) if ". " in caption else (caption, "")
        figure = (
            '<figure class="article__featured-image featured-image"><img src="https://static.themoscowtimes.com/a.jpg">'
            f'<figcaption><span class="article__featured-image__caption featured-image__caption">{_e(text)}.</span> '
            f'<span class="article__featured-image__credits featured-image__credits">{_e(credit)}</span></figcaption></figure>'
        )
    blocks = []
    for index, block in enumerate(page.body):
        if block.type == "heading":
            inner = f"<h2>{_e(block.text)}</h2>"
            kind = "header"
        elif block.type == "list_item":
            inner = f"<ul><li>{_e(block.text)}</li></ul>"
            kind = "html"
        else:
            inner = f"<p>{_e(block.text)}</p>"
            kind = "html"
        if index == 1:
            inner += '<section y-name="banner"><div y-use="Banner" data-pool="article_1"></div></section>'
        blocks.append(
            f'<div class="article__block article__block--{kind} article__block--column" data-id="article-block-type">'
            f"{inner}</div>"
        )
    tag_line = (
        '<div class="article__tags">Read more about: <a class="tag article__tags__tag" href="/tag/trump"> Trump </a>, '
        '<a class="tag article__tags__tag" href="/tag/putin"> Putin </a>, '
        '<a class="tag article__tags__tag" href="/tag/ukraine-war"> Ukraine war </a></div>'
        if tags
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><base href="https://www.themoscowtimes.com/"><meta charset="utf-8">
<title>{_e(title)} - The Moscow Times</title>
<meta property="og:site_name" content="The Moscow Times">
<link rel="canonical" href="https://www.themoscowtimes.com/2024/11/11/generated-article-a80000">
<meta property="og:title" content="{_e(title)} - The Moscow Times">
<meta property="article:published_time" content="2024-11-11T13:05:00+03:00">
<script type="application/ld+json">{{"@context":"http:\\/\\/schema.org\\/","@type":"NewsArticle","headline":"x",
"datePublished":"2024-11-11T13:05:00+03:00"}}</script>
</head><body class="article-item"><div class="progress-bar"></div>
<div class="container"><div class="site-header py-3 hidden-xs"><div class="site-header__contribute contribute-teaser hidden-xs">
<div class="contribute-teaser__cta mb-1">Support The Moscow Times!</div>
<a class="contribute-teaser__button" href="/contribute">Contribute today</a></div></div></div>
<div class="container"><div class="navigation"><nav class="nav-top"><ul class="nav-top__list">
<li><a href="/ukraine-war">Ukraine War</a></li><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li>
</ul></nav></div></div>
<article><div class="container article-container" id="article-id-80000" data-page-id="80000">
<div class="row-flex gutter-2"><div class="col"><article class="article article--news">
<header class="article__header"><h1><a href="https://www.themoscowtimes.com/2024/11/11/generated-article-a80000">{_e(title)}</a></h1><h2></h2></header>
<div class="article__byline byline"><div class="row-flex"><div class="col"><div class="byline__details">
<div class="byline__details__column"><div class="byline__author"></div>
<time class="byline__datetime timeago" datetime="2024-11-11T13:05:00+03:00">Nov. 11, 2024</time></div></div></div></div></div>
{figure}
<div class="article__content-container"><div class="article__content" y-name="article-content">
{"".join(blocks)}
</div><div class="article__bottom"></div>{tag_line}
<div class="newsletterbanner" y-use="newsletter.Banner"><h4 class="newsletterbanner__title">{_e(MT_NEWSLETTER[0])}</h4>
<div class="newsletterbanner__teaser">{_e(MT_NEWSLETTER[1].removesuffix(" Preview"))} <a class="newsletterbanner__teaser__link">Preview</a></div>
<span class="newsletterbanner__disclaimer">Subscribers agree to the Privacy Policy</span></div>
<div class="contribute-banner p-3 mb-3"><h4>A Message from The Moscow Times:</h4>{_lines_html(MT_APPEAL[1:5])}
<div class="donate-form__period">Once</div><div class="donate-form__period">Monthly</div><div class="donate-form__period">Annual</div>
<a class="contribute-banner__button">Continue</a><img alt="paiment methods" src="p.png">
<p>Not ready to support today?</p><a>Remind me later.</a></div>
</div></article></div>
<div class="col-auto hidden-sm-down"><aside class="sidebar"><h3 class="tab__header">Most read</h3>
<ul class="listed-articles"><li class="listed-articles__item"><h5>Russia Says Talks Went Well.</h5></li></ul></aside></div>
</div></div>
<div class="container"><section class="cluster"><div class="cluster__header"><h2 class="cluster__label">Read more</h2></div>
<div class="row-flex"><div class="col-3"><div class="article-excerpt-default"><a class="article-excerpt-default__link">
<div class="article-excerpt-default__content"><h3 class="article-excerpt-default__headline">{_e(MT_CARDS[1])}</h3>
<div class="article-excerpt-default__teaser">{_e(MT_CARDS[2])}</div><div class="readtime">2&nbsp;Min read</div></div></a></div></div></div>
</section></div></article>
<footer class="footer fancyfooter"><div class="footer__bottom">© The Moscow Times, all rights reserved.</div></footer>
</body></html>"""
