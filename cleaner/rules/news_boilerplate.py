"""What news sites share: the kinds of boilerplate lines that every news page carries.

Related / read-also blocks and the headline lists they introduce, copyright lines, share and
follow lines, player and image labels, "Show more", developing-story notices, links to another
language version, separator rules, donation / membership / newsletter appeals and the
author-card bio. Each kind has an id (``news.<kind>``) that the audit and ``explain`` show.

The layer speaks of no site: a site rule adds its own UI strings on top and may switch a kind
off (``TextRule.shared_off``). Every pattern matches a whole normalised line regardless of
case, and none of them can match a sentence that merely *mentions* a trigger word: the UI
kinds are short fixed phrases, and an appeal paragraph must address the reader, speak of
the outlet's own work and ask for money, membership or a subscription, all at once.
"""

from __future__ import annotations

from cleaner.rules.schema import LinePattern

# A headline in a related list: a single line without closing punctuation (a last body line
# can end in "!" or "?"; a listed headline that does stays, rather than losing the sentence).
_HEADLINE = r"(?=.{3,250}$)(?!.*[.:;,!?…][\"”’»']*$).+"

_RELATED = (
    r"read (?:also|more|next)|also read|see also|related(?: (?:articles?|posts?|stories|news|content|coverage|reading))?"
    r"|more (?:on|about) (?:this|the) (?:topic|story|subject)|recommended(?: for you)?|you (?:may|might) also like"
    r"|more stories"
)
# Sidebar widget titles: their items are not always under them, so they take no followers.
_WIDGET = (
    r"trending(?: now)?|most (?:read|popular|viewed|shared|recent)|editors['’] picks|top stories|popular (?:posts|tags)"
)

_SOCIAL = r"facebook|twitter|x|telegram|whatsapp|linkedin|reddit|e-?mail|viber|flipboard|pinterest|copy link|print"

_APPEAL_ACTION = (
    r"support (?:us|our (?:work|journalism|reporting|newsroom|mission)|independent (?:journalism|media|reporting))"
    r"|(?:become|join as) an? (?:member|patron|supporter|subscriber)|donate(?: now| today| here)?"
    r"|contribute(?: now| today)?|subscribe(?: now| today| here)?|gift (?:a )?membership|sign up(?: now| today)?"
    r"|pre-?order now|join (?:us|our community|the community)(?: today| now)?|support us just once"
)
_APPEAL_LEAD = r"(?:(?:now is the time|it['’]s time|please|help us|we need you) to )?"

#: Ask + self + outlet + reader: the four marks of a donation / membership / newsletter appeal.
_APPEAL_PARAGRAPH = (
    r"(?=.{30,2500}$)"
    # An appeal speaks for itself; a paragraph reporting what someone said is news.
    r"(?!.*?\b(?:said|says|told|according to)\b)"
    r"(?=.*?\b(?:we|our|us)\b)"
    r"(?=.*?\b(?:you|your|please|consider|today|now)\b)"
    r"(?=.*?\b(?:donat(?:e|es|ed|ing|ion|ions)|membership|members?hip|become an? (?:member|patron|supporter)"
    r"|join (?:us|our (?:community|members|membership))|support(?:ing)? (?:us|our (?:work|journalism|reporting|newsroom)"
    r"|independent (?:journalism|media|reporting))|subscrib(?:e|ing) (?:to|for) (?:our|the)|keep us (?:online|going|alive)"
    r"|help (?:us|keep)|contribut(?:e|ion)|stand with)\b)"
    r"(?=.*?\b(?:journalis(?:m|ts?)|reporting|newsroom|news(?:letter)?|media|outlet|coverage|independent|newspaper)\b)"
    r".+"
)

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

SHARED: tuple[LinePattern, ...] = (
    LinePattern(
        id="news.related",
        pattern=rf"(?i)(?:{_RELATED})\s*:?",
        followers=_HEADLINE,
        doc="A related / read-also header, with the headline list right under it.",
    ),
    LinePattern(id="news.related", pattern=rf"(?i)(?:{_WIDGET})\s*:?", doc="Sidebar widget titles."),
    LinePattern(
        id="news.related",
        pattern=rf"(?i)(?:{_RELATED})\s*[:|»>–—-]\s*\S.{{2,300}}",
        doc="A related link inline: 'Read more: HEADLINE'.",
    ),
    LinePattern(
        id="news.copyright",
        pattern=r"(?i)(?=.{1,200}$)(?:copyright\s*)?(?:©|\(c\)(?=\s*\d{4}))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?.*"
        r"|(?i:copyright) \d{4}.*|(?i:all rights reserved)\.?",
        doc="Copyright and rights lines.",
    ),
    LinePattern(
        id="news.share",
        # Possessive: no network name starts another or with a space, so a row reads one way
        # only, and nothing is given back (a row that fails is not tried in every split).
        pattern=rf"(?i)(?:share|share (?:this|the) (?:article|story|post|page)|follow us)(?: on| via)?\s*:?"
        rf"(?:\s*+(?:{_SOCIAL})\s*+[,|•]?)*+|(?:(?:{_SOCIAL})\s*+[,|•]?+\s*+){{2,}}+",
        doc="Share and follow lines, and rows of network names.",
    ),
    LinePattern(
        id="news.media_label",
        pattern=r"(?i)(?:article image|video thumbnail|thumbnail|image|photo|video|play(?: video)?|watch(?: video)?"
        r"|listen(?: to (?:this|the) article)?|advertisement|sponsored(?: content)?|ad|loading(?:\.\.\.|…)?"
        r"|(?:[\p{L}]+ ){0,3}logo|avatar)",
        doc="Labels of players and images (alt texts shown as lines).",
    ),
    LinePattern(
        id="news.show_more",
        pattern=r"(?i)(?:show|load|see|view|read) (?:more|all|less)(?: (?:news|stories|articles|comments|posts))?"
        r"|(?:skip to (?:main )?content|back to top|scroll to top)",
        doc="'Show More' / 'Load more' buttons and skip links.",
    ),
    LinePattern(
        id="news.developing",
        pattern=r"(?i)(?:editor['’]s note:\s*)?(?:this (?:is a )?(?:developing|breaking)(?: news)? story"
        r"|this (?:story|article|news|post|report|page) is (?:developing|being updated|breaking))"
        r"(?:[ ,;].{0,120})?[.!]?",
        doc="Developing-story and being-updated notices.",
    ),
    LinePattern(
        id="news.other_language",
        pattern=r"(?i)read (?:this|the) (?:article|story|text|piece) in \p{L}+\.?"
        r"|(?:Читайте|Читати|Читать) (?:\p{L}+ )?(?:верси[юї]|версію|по-\p{L}+|\p{L}+ою) ?(?:здесь|тут|тут\.|здесь\.)?\.?",
        doc="A link to the same article in another language.",
    ),
    LinePattern(
        id="news.credit",
        # A name follows the credit ("Written by a former officer, ..." is a sentence), and a
        # source line has its colon ("Sources said ..." is a sentence).
        pattern=r"(?i)(?=.{1,140}$)(?:translated|edited|compiled|written|reported|produced|prepared)"
        r"(?: and (?:edited|translated))? by:? (?-i:[\p{Lu}\d])[^.!?]*\.?"
        r"|(?i:source|sources|via): \S.{1,80}",
        doc="Translation, editing and source credit lines.",
    ),
    LinePattern(
        id="news.credit",
        pattern=r"(?i)(?:photo|image|video|illustration|picture|cover photo|main photo)s?(?: (?:by|courtesy of|credit)| ?:) ?.{2,80}",
        doc="A photo credit on its own line: 'Photo by NAME', 'Image: AGENCY'.",
    ),
    LinePattern(
        id="news.breadcrumb",
        pattern=r"(?i)home\s*[»›>/|]\s*.{1,250}|(?:[^»›\n]{1,60}\s[»›]\s){2,6}[^»›\n]{1,250}",
        doc="Breadcrumbs: 'Home » Section » Title'.",
    ),
    LinePattern(
        id="news.credit",
        pattern=r"(?=.{5,500}$).{2,400}[.)] (?i:photo|image|map|source|credit|illustration|screenshot|collage|infographic|video)s?"
        r"(?: by| from| via| courtesy of)?:(?: .{1,120})?",
        region="body",
        doc="An in-body image caption ending with its credit: '… Photo: AGENCY', '… Map: SITE'.",
    ),
    LinePattern(
        id="news.separator",
        pattern=r"[_=~\-–—*•·]{3,}|(?:[*•·] ?){3,}",
        doc="Separator rules made of punctuation only.",
    ),
    LinePattern(
        id="news.appeal",
        pattern=rf"(?i)(?:{_APPEAL_LEAD}(?:{_APPEAL_ACTION})(?: from [\p{{L}} ]{{2,40}})?[.!]?\s*){{1,4}}",
        doc="Donation, membership and newsletter buttons.",
    ),
    LinePattern(
        id="news.appeal",
        pattern=r"(?i)" + _APPEAL_PARAGRAPH,
        # The campaign headline right above it goes with it.
        leader=r"(?![^\n]*[.!?…])[^\n]{2,80}[^.!?,;:\"”’»)\n]",
        doc="An appeal paragraph: it asks the reader for money, membership or a subscription for the outlet's work.",
    ),
    LinePattern(
        id="news.appeal",
        pattern=r"(?i)(?:join|help us reach) [\d,.]+\+? (?:[\p{L}]+ )*?(?:members|supporters|subscribers).{0,120}",
        doc="Membership-drive banners ('Join 10,000+ members today').",
    ),
    LinePattern(
        id="news.dateline_banner",
        pattern=rf"{_WEEKDAY}, {_MONTH} \d{{1,2}}(?:, \d{{4}})?",
        region="head",
        doc="Today's date printed in the page header.",
    ),
)


def shared_patterns(switched_off: tuple[str, ...] = ()) -> tuple[LinePattern, ...]:
    """The shared layer less the kinds a rule switched off (by id)."""
    if not switched_off:
        return SHARED
    return tuple(pattern for pattern in SHARED if pattern.id not in switched_off)


SHARED_IDS: frozenset[str] = frozenset(pattern.id for pattern in SHARED)
