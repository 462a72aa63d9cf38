"""Factuality: occurred, planned, denied, hypothetical or alleged, from the verb's form
and the words around a predicate (rule 5 of the spec)."""

from __future__ import annotations

import regex

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")

FUTURE_WORD = regex.compile(r"^(?:\p{L}|\p{M})*(?:বে|বেন|বো|ব|বি|বেন)$")
FUTURE_AUX = regex.compile(r"^(?:হবে|হবেন|যাচ্ছে|যাচ্ছেন|যাওয়া|যাওয়ার|যাবে|যাবেন|চলেছে|রয়েছে|আছে)$")
PLANNED_CUES = regex.compile(r"আগামী|আসন্ন|পরিকল্পনা|কথা\s+রয়েছে|কথা\s+আছে|হতে\s+যা|প্রস্তুতি|নির্ধারিত")
NEGATION_WORD = regex.compile(r"^(?:\p{L}|\p{M})+(?:নি|েনি|ননি)$")
NOT_NEGATIONS = frozenset({"তিনি", "তিনিই", "যিনি", "ইনি", "উনি", "কিনি", "চিনি", "পানি", "জানি", "মানি"})
"""Words ending in -নি that are no negated verbs (pronouns, nouns, present 1st person)."""
NEGATION_AUX = regex.compile(r"^(?:না|নয়|নেই|নি)$")
_UNTIL_NOT = r"না\s+(?:হওয়া|করা|দেওয়া|দেয়া)\s+পর্যন্ত"  # "until it happens": not yet done
HYPOTHETICAL_CUES = regex.compile(
    r"(?<![\p{L}\p{M}])(?:পারে|পারেন|পারবে)|সম্ভাব্য|সম্ভাবনা|যদি|আশঙ্কা|উদ্বেগ|উদ্বিগ্ন|কিনা|হয়তো|নাকি|জিজ্ঞাসা" + "|" + _UNTIL_NOT)
ALLEGED_CUES = regex.compile(r"বলে\s+(?:\S+\s+){0,4}?(?:অভিযোগ|দাবি)|কথিত|অভিযোগে")

UNTIL_NOT = regex.compile(_UNTIL_NOT)

# Words that mean the non-finite predicate is wanted/intended rather than done.
INTENT = regex.compile(r"^(?:চায়|চান|চাই|চেয়েছে|চেয়েছেন|ইচ্ছা|আগ্রহী)$")


AGREED_TO = regex.compile(r"^(?:সম্মত|রাজি|প্রস্তুত|অঙ্গীকার|প্রতিশ্রুতি|সিদ্ধান্ত|পরিকল্পনা)")


# A genitive verbal noun (উৎক্ষেপণের, চালানোর, করার): the predicate is not finite.
VERBAL_NOUN = regex.compile(r"(?:ার|নোর|ের)$")
# The light verb of a noun predicate as a genitive verbal noun (ছিন্ন করার, জবাব দেওয়ার).
LIGHT_VERBAL_NOUN = regex.compile(r"^(?:করার|দেওয়ার|দেয়ার|নেওয়ার|নেয়ার|চালানোর|জানানোর|তোলার)$")
# A conditional participle (যুদ্ধবিরতি হলে, হামলা চালালে): "if the act happens".
CONDITIONAL = regex.compile(r"^(?:হলে|করলে|দিলে|চালালে|নিলে|ঘটলে|থাকলে|বসলে)$")
# A future or modal main verb after it: the act is a supposition, not a report. A past main verb
# (পুলিশ বাধা দিলে সংঘর্ষ বাধে) makes the participle temporal, and the act occurred.
# (a consonant stem's future, হবে, করবে, দেবে, not a locative: নেতৃত্বে, এভাবে, প্রস্তাবে)
FUTURE_MAIN = regex.compile(r"^(?:(?:\p{L}|\p{M})*(?<![া্])(?:বে|বেন|বো)|যাবে|যাবেন|পাবে|পাবেন|পারে|পারেন)$")
NOT_FUTURE = frozenset({"তবে", "সবে", "কবে", "যবে"})
PRESSED_FOR = regex.compile(r"^(?:চাপ|দাবি|দাবী|আহ্বান|তাগিদ|সম্ভাবনা|আশঙ্কা|ঝুঁকি|হুমকি|প্রস্তাব|চেষ্টা|উদ্যোগ)")


def verb_words(text: str, end: int, limit: int = 4) -> list[str]:
    """Up to ``limit`` words from ``end`` to the next clause break."""
    out: list[str] = []
    for m in WORD.finditer(text, end):
        gap = text[end:m.start()]
        if any(ch in gap for ch in ",;।?!:"):
            break
        out.append(m.group())
        end = m.end()
        if len(out) >= limit:
            break
    return out


# A polite or third-person imperative (বর্জন করুন, সমর্থন করুক): the act is urged, not done.
IMPERATIVE = regex.compile(r"^(?:করুন|করুক|থাকুন|থাকুক|হোন|রুখুন)$")


def conditional(sentence: str, pred_end: int, words: list[str]) -> bool:
    """The predicate is the protasis of a future or modal conditional."""
    if not any(CONDITIONAL.match(w) for w in words[:2]):
        return False
    rest = sentence[pred_end:]
    stop = rest.find("।")
    return any(FUTURE_MAIN.match(w) and w not in NOT_FUTURE
               for w in WORD.findall(rest if stop < 0 else rest[:stop]))


def status_of(sentence: str, pred_start: int, pred_end: int, last_word: str, event_type: str) -> str:
    """The status of a predicate spanning ``sentence[pred_start:pred_end]``."""
    after = verb_words(sentence, pred_end)
    clause_tail = " ".join(after)
    before = sentence[max(0, pred_start - 40):pred_start]
    words = [last_word, *after[:3]]
    if UNTIL_NOT.search(sentence, pred_start, pred_end + 25):
        return "hypothetical"  # গ্রেপ্তার না হওয়া পর্যন্ত: until it happens, it has not
    if any(NEGATION_WORD.match(w) and w not in NOT_NEGATIONS for w in words[:3]) \
            or any(NEGATION_AUX.match(w) for w in after[:2]):
        return "denied"
    if ALLEGED_CUES.search(sentence[pred_end:pred_end + 80]) or "কথিত" in before:
        return "alleged"
    if HYPOTHETICAL_CUES.search(clause_tail) or HYPOTHETICAL_CUES.search(before):
        return "hypothetical"
    if any(IMPERATIVE.match(w) for w in words[:2]):
        return "hypothetical"  # "এ নির্বাচন বর্জন করুন": an appeal to act
    if conditional(sentence, pred_end, words):
        return "hypothetical"  # যুদ্ধবিরতি হলে হামাস পুনর্গঠিত হবে: if it happens, not that it did
    if VERBAL_NOUN.search(last_word) and any(PRESSED_FOR.match(w) for w in after[:3]):
        return "hypothetical"  # সম্পর্ক ছিন্ন করার চাপে, হামলা চালানোর আশঙ্কা: wanted or feared, not done
    if after and LIGHT_VERBAL_NOUN.match(after[0]) and any(PRESSED_FOR.match(w) for w in after[1:3]):
        return "hypothetical"  # সম্পর্ক ছিন্ন করার অভ্যন্তরীণ চাপে: the light verb carries the verbal noun
    if any(INTENT.match(w) for w in after[:3]) and event_type != "AGREE":
        return "planned"
    if last_word.endswith("তে") and after and AGREED_TO.match(after[0]) and event_type != "AGREE":
        return "planned"  # দেখা করতে সম্মত হয়েছেন: agreed to meet, the meeting is to come
    if PLANNED_CUES.search(before) or PLANNED_CUES.search(clause_tail):
        return "planned"
    progressive = bool(after) and after[0].startswith(("যাচ্ছ", "চলেছ")) and last_word.endswith("ে") \
        and not last_word.endswith("তে")  # বলে যাচ্ছেন: keeps saying, not about to say
    if any(FUTURE_WORD.match(w) for w in words[:2]) or (any(FUTURE_AUX.match(w) for w in after[:1])
                                                        and not progressive):
        return "planned"
    return "occurred"
