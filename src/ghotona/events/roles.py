"""Argument roles from Bengali case marking: what a mention's ending and the
postposition after it say about its part in the clause."""

from __future__ import annotations

import regex

from ghotona.model import Mention

# Postpositions that follow a genitive (-র/-এর/-ের) actor, and the role they give it.
POSTPOSITIONS: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(rf"^\s*(?:{pat})(?![\p{{L}}\p{{M}}])"), role) for pat, role in (
        (r"সাথে|সঙ্গে|সংগে|সহিত", "COM"),
        (r"বিরুদ্ধে|বিপক্ষে", "AGAINST"),
        (r"ওপর|উপর|ওপরে|উপরে", "ON"),
        (r"কাছ\s+থেকে|নিকট\s+থেকে|থেকে", "FROM"),
        (r"কাছে|নিকট|প্রতি", "TO"),
        (r"মধ্যে|মধ্যকার|মধ্যেকার", "BETWEEN"),
        (r"কর্তৃক|দ্বারা|পক্ষ\s+থেকে|তরফে", "AGENT"),
        (r"মতে|বরাত|উদ্ধৃতি|অনুসারে|অনুযায়ী|বরাতে", "ATTRIB"),
    )
)
OBJECT_ENDINGS = ("কে", "কেও", "দেরকে", "দের কে")
GENITIVE_ENDINGS = ("র", "এর", "ের", "য়ের", "'র", "’র", "দের")
LOCATIVE_ENDINGS = ("য়", "এ", "তে", "ে", "য়", "য়ও", "তেও")
NOMINATIVE_PARTICLES = ("", "ও", "ই", "রা", "গুলো", "গুলি", "টি", "টা", "সহ", "-ও")


def role_of(mention: Mention, text: str) -> str:
    """The case role of an actor mention: NOM, OBJ, GEN, LOC or a postposition role."""
    suffix = mention.suffix or ""
    after = text[mention.end:mention.end + 24]
    if suffix.endswith(GENITIVE_ENDINGS) or after.startswith(("'র", "’র")):
        for pattern, role in POSTPOSITIONS:
            if pattern.match(after):
                return role
        if PREMISES.match(text, mention.end, mention.end + 60):
            return "PREMISES"
        return "GEN"
    if suffix == "" and PREMISES_AFTER_NAME.match(text, mention.end, mention.end + 80):
        return "PREMISES"  # a role chain whose unlisted name follows: সংসদ সদস্য <name>-এর বাসায়
    if suffix.endswith(OBJECT_ENDINGS):
        return "OBJ"
    for pattern, role in POSTPOSITIONS:
        if role in ("AGENT", "ATTRIB") and pattern.match(after):
            return role
    if suffix in LOCATIVE_ENDINGS:
        return "LOC"
    if suffix == "" and ABLATIVE.match(after):
        return "FROM"  # লেবানন থেকে: a place left, not a subject
    if suffix in ("", "ও", "ই") and AREA_NOUN.match(after):
        return "LOC"  # ইউক্রেন সীমান্তে, রাশিয়ান সীমান্ত অতিক্রম: the country names a place here
    return "NOM"


# "X-এর বাড়িতে/বাসায়/কার্যালয়ে": X's home or office, where an attack or a protest strikes X.
_PREMISE_NOUN = (r"(?:বাড়ি|বাসা|বাসভবন|বাসস্থান|কার্যালয়|অফিস|দপ্তর|দোকান|গাড়ি|গাড়ি|ক্যাম্প|মিশন|দূতাবাস"
                 r"|হাইকমিশন|ঘাঁটি|স্থাপনা)(?:তে|য়|য়|ে|টিতে|গুলোতে|য়ও|তেও|র\s+(?:ওপর|উপর|সামনে)|ের\s+(?:ওপর|উপর|সামনে))"
                 r"(?![\p{L}\p{M}])")
PREMISES = regex.compile(r"\s*(?:[\p{L}\p{M}]+\s+){0,1}" + _PREMISE_NOUN)
PREMISES_AFTER_NAME = regex.compile(r"(?:\s+[\p{L}\p{M}.]+){1,3}?(?:র|এর|ের)\s+(?:[\p{L}\p{M}]+\s+){0,1}"
                                    + _PREMISE_NOUN)
ABLATIVE = regex.compile(r"^\s*থেকে(?![\p{L}\p{M}])")
# A bare country name before one of these nouns names a place: ইউক্রেন সীমান্তে (at the
# Ukrainian border), রাশিয়ান সীমান্ত অতিক্রম করে — not a subject.
AREA_NOUN = regex.compile(r"^\s*(?:সীমান্ত(?!রক্ষী)|সীমানা|ভূখণ্ড|উপকূল|আকাশসীমা|জলসীমা)")

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
