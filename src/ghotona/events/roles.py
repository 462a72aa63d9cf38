"""Argument roles from Bengali case marking: what a mention's ending and the
postposition after it say about its part in the clause."""

from __future__ import annotations

import functools

import regex

from ghotona.actors.gazetteer import load_gazetteer
from ghotona.model import Mention

# Postpositions that follow a genitive (-র/-এর/-ের) actor, and the role they give it.
POSTPOSITIONS: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(rf"^\s*(?:{pat})(?:ও|ই)?(?![\p{{L}}\p{{M}}])"), role) for pat, role in (
        (r"সাথে|সঙ্গে|সংগে|সহিত", "COM"),
        (r"বিরুদ্ধে|বিপক্ষে", "AGAINST"),
        (r"ওপর|উপর|ওপরে|উপরে", "ON"),
        (r"কাছ\s+থেকে|নিকট\s+থেকে|থেকে", "FROM"),
        (r"কাছে|নিকট|প্রতি", "TO"),
        (r"মধ্যে|মধ্যকার|মধ্যেকার", "BETWEEN"),
        # X-এর নির্দেশে/আদেশে, রাষ্ট্রপতির নির্বাহী আদেশে: done on X's order, X is the doer
        (r"কর্তৃক|দ্বারা|পক্ষ\s+থেকে|তরফে|(?:নির্বাহী\s+|সরাসরি\s+)?(?:নির্দেশে|আদেশে|নির্দেশনায়)", "AGENT"),
        (r"মতে|বরাত|উদ্ধৃতি|অনুসারে|অনুযায়ী|বরাতে", "ATTRIB"),
    )
)
OBJECT_ENDINGS = ("কে", "কেও", "দেরকে", "দের কে")
GENITIVE_ENDINGS = ("র", "এর", "ের", "য়ের", "'র", "’র", "দের")
LOCATIVE_ENDINGS = ("য়", "এ", "তে", "ে", "য়", "য়ও", "তেও")


# A bracketed abbreviation and then a place noun in the locative: the name before is its modifier.
PAREN_PLACE_NOUN = regex.compile(r"\s*\([^()]{1,40}\)\s*"
                                 r"(?:হাসপাতাল|কার্যালয়|কার্যালয়|ভবন|মিলনায়তন|ক্যাম্পাস|কারাগার|কেন্দ্র)"
                                 r"(?:ে|এ|য়|য়|টিতে)(?![\p{L}\p{M}])")


@functools.lru_cache(maxsize=4096)
def role_of(mention: Mention, text: str) -> str:
    """The case role of an actor mention: NOM, OBJ, GEN, LOC or a postposition role.

    Memoised: the coder asks the role of the same mention many times (a mention and its text
    are immutable, and the gazetteer it reads is loaded once)."""
    suffix = mention.suffix or ""
    if not suffix and text[mention.end:mention.end + 1] == ")" and PAREN_BEFORE.search(text, 0, mention.start):
        # "র‌্যাপিড সাপোর্ট ফোর্সের (আরএসএফ) আক্রমণে": a bracketed abbreviation takes the case of
        # the word before the bracket, and what follows the bracket
        word = PAREN_BEFORE.search(text, 0, mention.start).group(1)
        ending = next((e for e in (*OBJECT_ENDINGS, *GENITIVE_ENDINGS, *LOCATIVE_ENDINGS) if word.endswith(e)), "")
        return role_of(Mention(mention.kind, mention.start, mention.end + 1, mention.text + ")", actor=mention.actor,
                               suffix=ending or "()", resolved_by=mention.resolved_by), text)
    if not suffix and "(" in text[mention.end:mention.end + 3] \
            and PAREN_PLACE_NOUN.match(text, mention.end, mention.end + 80):
        return "LOC"  # "X মেডিকেল বিশ্ববিদ্যালয় (বিএসএমএমইউ) হাসপাতালে": the name modifies a place
    after = text[mention.end:mention.end + 24]
    cls = CLASSIFIER.match(after) if not suffix else None
    if cls is not None and cls.group(1):
        # "আইএস গোষ্ঠীর বিরুদ্ধে", "হামাস সংগঠনের": the name takes the case of its classifier noun
        return role_of(Mention(mention.kind, mention.start, mention.end + cls.end(), mention.text + cls.group(),
                               actor=mention.actor, suffix=cls.group(1), resolved_by=mention.resolved_by), text)
    if suffix.endswith(GENITIVE_ENDINGS) or after.startswith(("'র", "’র")):
        for pattern, role in POSTPOSITIONS:
            if pattern.match(after):
                return role
        if PREMISES.match(text, mention.end, mention.end + 60):
            return "PREMISES"
        if AIMED_AT.match(text, mention.end, mention.end + 80):
            return "AGAINST"  # X-এর একটি বিমানঘাঁটি লক্ষ্য করে হামলা: X is struck
        if WEAPONS_AFTER.match(text, mention.end, mention.end + 60):
            return "NOM"  # "ইউক্রেনের ড্রোনগুলো … হামলা করেছে": X's weapons acting are X acting
        group = GROUP_AFTER.match(text, mention.end, mention.end + 80) or BRANCH_AFTER.match(text, mention.end,
                                                                                             mention.end + 80)
        if group is not None:
            # "ভারতের বিভিন্ন মহলকে", "ইসরায়েলের একটি প্রতিনিধিদল": an unlisted group of X's people
            # stands for X, in the group noun's case
            ending, rest = group.group("end") or "", text[group.end():group.end() + 24]
            if ending.endswith(("কে", "কেও")):
                return "OBJ"
            if not ending or ending in ("রা", "গণ", "বৃন্দ", "টি", "ও"):
                return "NOM"
            for pattern, role in POSTPOSITIONS:
                if pattern.match(rest):
                    return role
        return "GEN"
    if suffix == "" and PREMISES_AFTER_NAME.match(text, mention.end, mention.end + 80):
        return "PREMISES"  # a role chain whose unlisted name follows: সংসদ সদস্য <name>-এর বাসায়
    if suffix.endswith(OBJECT_ENDINGS):
        if AROUND.match(after):
            return "AGAINST"  # তাইওয়ানকে ঘিরে মহড়া, X-কে লক্ষ্য করে হামলা: aimed at X
        return "OBJ"
    for pattern, role in POSTPOSITIONS:
        if role in ("AGENT", "ATTRIB") and pattern.match(after):
            return role
    if suffix in LOCATIVE_ENDINGS:
        return "LOC"
    if suffix == "" and ABLATIVE.match(after):
        return "FROM"  # লেবানন থেকে: a place left, not a subject
    if suffix in ("", "ও", "ই") and AREA_NOUN.match(after) and _names_a_country(mention):
        return "LOC"  # ইউক্রেন সীমান্তে, রাশিয়ান সীমান্ত অতিক্রম: the country names a place here
    pair = PAIR_COMPOUND.match(after) if suffix == "" else None
    if pair is not None and _names_a_country(mention):
        # বাংলাদেশ-ভারত সীমান্তে, ভারত-বাংলাদেশ সম্পর্কের: a hyphened pair of countries names a
        # place or a topic, never the subject
        return "LOC" if AREA_NOUN.match(after, pair.end()) else "MOD"
    if suffix == "" and mention.start > 1 and text[mention.start - 1] in "-–" and LETTER.match(text[mention.start - 2]) \
            and after[:1].isspace() and _names_a_country(mention):
        return "LOC" if AREA_NOUN.match(after) else "MOD"
    if suffix == "" and TOPIC_NOUN.match(after) and _names_a_country(mention):
        return "MOD"  # ইউক্রেন যুদ্ধের জন্য, গাজা সংকট: the country names the topic, it does nothing
    return "NOM"


def _names_a_country(mention: Mention) -> bool:
    """The mention is a bare country name or demonym, not a body (বিএসএফ সীমান্তে is the BSF)."""
    a = mention.actor
    if a is None or a.code is None:
        return True
    country = load_gazetteer().countries.get(a.code)
    return mention.resolved_by == "demonym" or (country is not None and a.name == country.name)


# "X-এর বাড়িতে/বাসায়/কার্যালয়ে": X's home or office, where an attack or a protest strikes X.
_PREMISE_NOUN = (r"(?:বাড়ি|বাসা|বাসভবন|বাসস্থান|কার্যালয়|অফিস|দপ্তর|দোকান|গাড়ি|গাড়ি|ক্যাম্প|মিশন|দূতাবাস"
                 r"|হাইকমিশন|ঘাঁটি|স্থাপনা)(?:তে|য়|য়|ে|টিতে|গুলোতে|য়ও|তেও|র\s+(?:ওপর|উপর|সামনে)|ের\s+(?:ওপর|উপর|সামনে))"
                 r"(?![\p{L}\p{M}])")
PREMISES = regex.compile(r"\s*(?:[\p{L}\p{M}]+\s+){0,1}" + _PREMISE_NOUN)
PREMISES_AFTER_NAME = regex.compile(r"(?:\s+[\p{L}\p{M}.]+){1,3}?(?:র|এর|ের)\s+(?:[\p{L}\p{M}]+\s+){0,1}"
                                    + _PREMISE_NOUN)
# "X-এর <up to six words> লক্ষ্য করে" (ইসরায়েলের দক্ষিণাঞ্চল ও তেল আবিব শহরকে লক্ষ্য করে): what the act is aimed at belongs to X.
AIMED_AT = regex.compile(r"(?:\s+[\p{L}\p{M}\p{N}]+){1,6}?\s+(?:লক্ষ্য|লক্ষ্যবস্তু|টার্গেট)\s+কর(?:ে|া)(?![\p{L}\p{M}])")
AROUND = regex.compile(r"^\s*(?:ঘিরে|লক্ষ্য\s+করে|টার্গেট\s+করে)(?![\p{L}\p{M}])")
PAREN_BEFORE = regex.compile(r"([\p{L}\p{M}\u200c\u200d]+)\s*\(\s*$")
TOPIC_NOUN = regex.compile(r"^\s*(?:যুদ্ধ|সংঘাত|সংকট|সঙ্কট|পরিস্থিতি|ইস্যু|প্রসঙ্গ|নীতি|ইস্যুতে)")
CONJ_POSTPOSITION = regex.compile(r"\s*(?:ও|এবং)\s+(?:[\p{L}\p{M}]+\s+){0,2}[\p{L}\p{M}]+(?:ের|র|দের)()(?=\s)")


def conjunct_role(mention: Mention, text: str, others: list[Mention]) -> str | None:
    """The case of a bare conjunct before an unrecognised, case-marked one: "যুক্তরাষ্ট্র ও আন্তর্জাতিক
    সম্প্রদায়ের সঙ্গে" — the country is with-whom too, not the subject."""
    if (mention.suffix or "") not in ("", "ও"):
        return None
    conj = CONJ_POSTPOSITION.match(text, mention.end, mention.end + 80)
    if conj is None or any(mention.end < o.start < conj.end() for o in others):
        return None
    after = text[conj.end(1):conj.end(1) + 24]
    return next((role for pattern, role in POSTPOSITIONS
                 if role in ("COM", "AGAINST", "TO", "ON") and pattern.match(after)), None)
# An unlisted group noun after up to two modifiers (X-এর বিভিন্ন মহলকে, X-এর একটি প্রতিনিধিদল,
# X-এর জ্যেষ্ঠ কর্মকর্তাদের সঙ্গে) with its ending.
GROUP_AFTER = regex.compile(r"(?:\s+(?!সঙ্গে|সাথে|বিরুদ্ধে|প্রতি|কাছে)[\p{L}\p{M}]+){0,2}?\s+"
                            r"(?:মহল|কর্মকর্তা|প্রতিনিধিদল|প্রতিনিধি|নেতৃবৃন্দ|কূটনীতিক|মুখপাত্র)"
                            r"(?P<end>দেরকে|দের|কে|রা|র|ের|গণ|বৃন্দ|ও|টি)?(?![\p{L}\p{M}])")
# X-এর চট্টগ্রাম, সিলেট ও রংপুর শাখা, X-এর ঢাকা মহানগর শাখা: X's branches act for X.
BRANCH_AFTER = regex.compile(r"(?:(?:\s+|\s*,\s*)(?:ও\s+|এবং\s+)?(?!সঙ্গে|সাথে|বিরুদ্ধে|প্রতি|কাছে)[\p{L}\p{M}]+){0,5}?\s+"
                             r"(?:শাখা|শাখাগুলো)(?P<end>কে|র|ের|ও)?(?![\p{L}\p{M}])")
# X-এর ড্রোনগুলো, X-এর যুদ্ধবিমানটি as a subject (a bare ইরানের ক্ষেপণাস্ত্র may be an object: ঠেকাতে).
WEAPONS_AFTER = regex.compile(r"\s+(?:ড্রোন|যুদ্ধবিমান|যুদ্ধজাহাজ|ক্ষেপণাস্ত্র|রকেট|ট্যাংক|ট্যাঙ্ক)(?:গুলো|গুলি|টি)"
                              r"(?:ও)?\s+(?!(?:হামলা|আক্রমণ|অভিযান|গোলা|বোমা|হামলায়|হামলার|ভূপাতিত|ধ্বংস)"
                              r"|[\p{L}\p{M}]+(?:ের|র)?\s+(?:হামলা|আক্রমণ))")
CLASSIFIER = regex.compile(r"\s+(?:গোষ্ঠী|সংগঠন|সংস্থা)(কে|র|ের|তে|য়|য়)(?![\p{L}\p{M}])")
ABLATIVE = regex.compile(r"^\s*থেকে(?![\p{L}\p{M}])")
# A bare country name before one of these nouns names a place: ইউক্রেন সীমান্তে (at the
# Ukrainian border), রাশিয়ান সীমান্ত অতিক্রম করে — not a subject.
AREA_NOUN = regex.compile(r"\s*(?:সীমান্ত(?!রক্ষী)|সীমানা|ভূখণ্ড|উপকূল|আকাশসীমা|জলসীমা)")
# "-ভারত " after a bare country: the first half of a hyphened pair (বাংলাদেশ-ভারত সীমান্ত/সম্পর্ক).
PAIR_COMPOUND = regex.compile(r"[-–][\p{L}\p{M}]+(?=\s)")
LETTER = regex.compile(r"[\p{L}\p{M}]")

# Coordination needs a conjunction or a comma: two bare names side by side (রাশিয়ার প্রেসিডেন্ট
# পুতিন ইউক্রেন …) are subject and object, not a compound subject. In a comma list one
# unrecognised item may stand between two names (যুক্তরাজ্য, যু্ক্তরাষ্ট্র, ফ্রান্স).
COORDINATION = regex.compile(
    r"^\s*(?:,\s*(?:(?:এবং|ও|আর)(?:\s+তার)?\s*)?|(?:এবং|ও|আর)(?:\s+তার)?\s*"
    r"|,\s*[\p{L}\p{M}]+\s*,\s*)$")


def coordinated(text: str, left: Mention, right: Mention) -> bool:
    """True when only a conjunction (এবং, ও, comma, hyphen) separates two mentions."""
    gap = text[left.end:right.start]
    return gap in ("-", "–", "/") or bool(COORDINATION.match(gap))
