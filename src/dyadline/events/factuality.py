"""Factuality: did it happen (asserted), did it not (negated), or is it only possible?

Why this matters more than the type: "Belarus cannot hand over the launchers" stored as an asserted
transfer is worse than no event at all. The rules read the parse around the trigger and up its chain
of governing clauses; every cue that fired is returned so ``explain`` can show it.

- negated: a negation on the trigger or its auxiliaries ("cannot", "has not received", "never"),
  or a negative governor ("refused to", "is unable to", "failed to", "declined to").
- possible: a modal ("may", "could", "would", "will"), a governor of wanting, planning or readiness
  ("wants", "plans", "is ready to", "threatens to"), a conditional clause or the main clause of one
  ("If Minsk joins the war, Ukraine will have to fight"), a question, or a reported belief
  ("Kyiv believes that Lukashenko will join the invasion").
Negation wins over possibility only when it sits on the trigger itself ("may not attack" is possible).
"""

from __future__ import annotations

from typing import Any

MODALS = frozenset("may might could would should will shall 'll can must ought".split())
WEAK_MODALS = frozenset("may might could".split())
NEGATIVE_GOVERNORS = frozenset("refuse fail decline unable cease stop avoid forbid prevent deny reject".split())
MODAL_GOVERNORS = frozenset(
    """want plan intend hope seek aim try attempt consider propose ready prepared willing threaten expect
    wish prepare likely possible able poised set mull contemplate weigh offer promise pledge vow agree
    need decide going allow permit authorize authorise let approve enable due schedule slate risk""".split()
)
# governors of a request or proposal: the act asked for has not happened ("urged the EU to impose sanctions",
# "demanded that Warsaw punish", "proposed to hold talks"). Whatever the clause codes is only possible.
REQUEST_GOVERNORS = frozenset(
    """urge ask call demand request press plead appeal encourage invite order instruct command require propose
    suggest recommend advise push lobby petition implore beg exhort""".split()
)
BELIEF_GOVERNORS = frozenset(
    "believe think suspect fear expect assume suggest predict speculate doubt worry warn claim allege suppose".split()
)
# nouns whose clause is a claim, a demand or a promise, not a fact: "the accusation that ...", "a call for Y to ..."
CONTENT_NOUNS = frozenset(
    """accusation allegation charge claim report rumour rumor suspicion fear belief assertion suggestion demand call
    request appeal plea ultimatum warning threat promise pledge assurance offer proposal plan hope expectation
    speculation insistence""".split()
)
PREPARING_WORDS = frozenset("preparation prepare readiness plan planning ready".split())
CONFIRMING_VERBS = frozenset("confirm verify corroborate substantiate".split())
PROPOSAL_GOVERNORS = frozenset("propose suggest float seek consider mull weigh plan recommend".split())
# adjectives that say an event noun has not happened (yet)
UNREALISED_ADJECTIVES = frozenset("""pending planned proposed possible potential future imminent threatened expected
looming mooted intended prospective would-be upcoming coming ahead announced""".split())
# adjectives that say an event noun is claimed, not established ("alleged torture", "a suspected air strike")
CLAIMED_ADJECTIVES = frozenset("alleged suspected purported reported apparent".split())
# announcing a rally or a strike calls it for later
ANNOUNCING = frozenset("announce plan schedule organise organize prepare promise threaten".split())
GATHERING_NOUNS = frozenset("""rally demonstration protest march strike walkout sit-in vigil boycott meeting summit
talk visit""".split())
# an event noun that is the subject of one of these passives has not happened yet ("a protest is scheduled")
SCHEDULING = frozenset("schedule plan expect slate set call announce organise organize prepare propose".split())
CONDITIONAL_MARKS = frozenset("if unless whether lest".split())
NOUN_CHAIN = frozenset("pobj prep dobj compound npadvmod".split())
COMMITTED_WORDS = frozenset("committed dedicated devoted".split())  # "remains committed to carrying out attacks"
# verbs of reluctance whose negation states readiness: "would not hesitate to", "will not shrink from"
HESITATE_GOVERNORS = frozenset("hesitate shrink flinch balk baulk".split())
NEGATORS = frozenset("not n't never no neither nor".split())


def _neg_on(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return c
    return None


def _modal_on(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
            return c
        if c.dep_ == "aux" and c.lemma_ == "go" and any(g.lower_ == "to" for g in tok.children):
            return c
    return None


# speech acts that state a condition and are made all the same ("warned that it would strike if ...")
CONDITIONING_SPEECH = frozenset("threaten warn vow demand insist urge say tell".split())
FUTURE_TIME_MARKS = frozenset("after once when until before unless".split())


def gerund_preposition(tok: Any) -> str | None:
    """The preposition a gerund hangs on ("by expelling", "without consulting"), with "instead of" read as one
    ("instead of condemning"); None for any other token."""
    if tok.dep_ != "pcomp" or tok.head.dep_ != "prep":
        return None
    prep = tok.head
    if prep.lower_ == "of" and any(x.lower_ == "instead" for x in (prep.head, *prep.children)):
        return "instead of"
    return prep.lower_


def assess(trigger: Any, governed_by_wrapper: bool = False) -> tuple[str, list[str]]:
    """Factuality of the event whose predicate is ``trigger`` and the cues that decided it.

    ``governed_by_wrapper`` is set for a wrapper's own trigger ("threatened to ...") so that the
    modal meaning of the clause it governs does not leak upwards.
    """
    cues: list[str] = []
    negated = False
    possible = False
    # 1. on the trigger itself (for a noun, on the verb that carries it: "has not received consent")
    carriers = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "nsubj", "attr"):
        carriers.append(trigger.head)
    if len(carriers) > 1 and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ANNOUNCING \
            and trigger.lemma_.lower() in GATHERING_NOUNS:
        possible = True  # "students announced new rallies for Sunday": the rallies are to come
        cues.append(f"announced: '{trigger.head.text}'")
    if len(carriers) > 1 and trigger.dep_ == "nsubjpass" and trigger.head.lemma_.lower() in SCHEDULING:
        possible = True  # "another march is planned in northern Athens", "more rallies are planned"
        cues.append(f"scheduled: '{trigger.head.text}'")
    if len(carriers) > 1 and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in PROPOSAL_GOVERNORS:
        possible = True  # "proposed new limits on imports", "is seeking sanctions": the measure is not in force
        cues.append(f"proposed by '{trigger.head.text}'")
    if gerund_preposition(trigger) in ("without", "instead of"):
        negated = True  # "recognised Kosovo without consulting Germany", "instead of apologising to Japan"
        cues.append(f"'{trigger.head.text}' before '{trigger.text}'")
    elif gerund_preposition(trigger) is not None and (m := _modal_on(trigger.head.head)) is not None \
            and m.lower_ != "can":
        possible = True  # "would publish its position after consulting lawyers": the gerund shares the modal
        cues.append(f"modal '{m.text}' on '{trigger.head.head.text}' before '{trigger.text}'")
    for t in carriers:
        n = _neg_on(t)
        m = _modal_on(t)
        if n is not None and m is not None and m.lower_ in WEAK_MODALS:
            possible = True
            cues.append(f"weak modal '{m.text}' with negation on '{t.text}'")
        elif n is not None:
            negated = True
            cues.append(f"negation '{n.text}' on '{t.text}'")
        elif m is not None and m.lower_ in ("must", "should", "ought"):
            # an obligation ("Libya must hand over the suspects") says the act is demanded, not that it happened
            possible = True
            cues.append(f"obligation '{m.text}' on '{t.text}'")
        elif m is not None and m.lower_ != "can":
            # "can transfer" is ability, not doubt that it happens
            possible = True
            cues.append(f"modal '{m.text}' on '{t.text}'")
        if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            negated = True
            cues.append(f"'no {t.text}'")
        if t is trigger and t.pos_ == "NOUN" and (m := next((c for c in t.children if c.dep_ in ("amod", "advmod")
                                                            and c.lower_ in UNREALISED_ADJECTIVES | CLAIMED_ADJECTIVES),
                                                       None)):
            possible = True  # "Sudan's pending invasion", "a planned strike", "alleged torture", "protests ahead"
            cues.append(f"'{m.text} {t.text}'")
        if t is trigger and t.pos_ == "NOUN" and t.dep_ == "pobj" and (
                (t.head.lower_ == "for" and t.head.head.lemma_.lower() in PREPARING_WORDS)
                or (t.head.lower_ == "of" and t.head.head.lower_ == "ahead")):
            possible = True  # "training in preparation for the Mosul offensive", "ahead of the vote"
            cues.append(f"'{t.head.head.text} {t.head.text} {t.text}'")
    # 2. up the chain of governing clauses
    cur = carriers[-1]
    depth = 0
    while cur.dep_ not in ("ROOT",) and depth < 6:
        depth += 1
        head = cur.head
        rel = cur.dep_
        if rel in ("acl", "ccomp") and head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in CONTENT_NOUNS:
            if head.dep_ == "dobj" and head.head.lemma_.lower() in CONFIRMING_VERBS and _neg_on(head.head) is None:
                cues.append(f"'{head.head.text} {head.text}': confirmed")  # "the UN confirmed reports that ISIL ..."
                break
            # "accusations that it had shelled border towns", "its demand that Japan withdraw": the clause is
            # what someone claims or asks, not what the outlet reports as done
            possible = True
            cues.append(f"content of '{head.text}'")
            break
        if rel in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in cur.children):
            possible = True
            cues.append(f"conditional clause '{cur.text}'")
        elif rel == "advcl" and head.lemma_.lower() in REQUEST_GOVERNORS and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in cur.children):
            possible = True  # "calling for the prime minister to quit": what is called for has not happened
            cues.append(f"requested by '{head.text} for'")
        elif rel == "advcl" and any(c.dep_ == "mark" and c.lower_ in FUTURE_TIME_MARKS for c in cur.children) \
                and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in head.children):
            # "the deal would take effect only after the EU lifts sanctions": the lifting has not happened yet
            possible = True
            cues.append(f"time clause '{cur.text}' of a future '{head.text}'")
        if rel == "prep" and cur.lower_ == "to" and head.lower_ in COMMITTED_WORDS:
            possible = True
            cues.append(f"'{head.text} to'")
        if rel in ("xcomp", "ccomp", "acomp", "advcl", "conj", "pcomp", "pobj", "prep", "relcl"):
            lemma = head.lemma_.lower()
            if rel in ("xcomp", "ccomp", "acomp", "pcomp") and not governed_by_wrapper:
                if rel == "xcomp" and lemma in ("have", "be") and any(
                        c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children):
                    negated = True  # "the two countries have yet to agree", "the money is yet to arrive"
                    cues.append(f"'{head.text} yet to'")
                elif lemma in NEGATIVE_GOVERNORS and any(c.lower_ == "neither" for t in (head, head.head)
                                                         for c in t.children):
                    possible = True  # "has neither confirmed nor denied that its jets bomb targets"
                    cues.append(f"neither confirmed nor '{head.text}'")
                elif lemma in NEGATIVE_GOVERNORS:
                    negated = True
                    cues.append(f"negative governor '{head.text}'")
                elif lemma in MODAL_GOVERNORS or (rel == "xcomp" and head.lower_ == "going"):
                    # "wants to", "plans to", and the future "is going to send troops"
                    possible = True
                    cues.append(f"governor '{head.text}'")
                elif lemma in REQUEST_GOVERNORS:
                    possible = True
                    cues.append(f"requested by '{head.text}'")
                elif lemma in BELIEF_GOVERNORS and rel == "ccomp":
                    possible = True
                    cues.append(f"reported belief '{head.text}'")
                if rel in ("xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
                    hn = _neg_on(head)
                    if hn is not None and lemma in HESITATE_GOVERNORS:
                        # "would not hesitate to use force": a negated reluctance is a stated readiness
                        possible = True
                        cues.append(f"governor 'not {head.text}' (readiness)")
                    elif hn is not None and lemma not in ("say", "tell", "report"):
                        negated = True
                        cues.append(f"negation '{hn.text}' on governor '{head.text}'")
            if rel == "conj":
                cur = head
                continue
            if rel in ("xcomp", "acomp") and _modal_on(head) is not None and not governed_by_wrapper:
                m = _modal_on(head)
                if m is not None and m.lower_ not in ("can", "must"):
                    possible = True
                    cues.append(f"modal '{m.text}' on governor '{head.text}'")
        if rel == "ROOT":
            break
        cur = head
        if rel not in ("xcomp", "ccomp", "acomp", "conj", "advcl", "pcomp", "pobj", "prep"):
            break
    # 3. the main clause of a conditional: "If Minsk joins the war, Ukraine will have to fight"
    for t in carriers:
        root = t
        while (root.dep_ in ("xcomp", "conj") or (root.pos_ not in ("VERB", "AUX") and root.dep_ in NOUN_CHAIN)) \
                and root.head is not root:
            root = root.head  # (up a noun's phrase too: "if it succeeds the plan may pave the way for new talks")
        if root.i == trigger.i and root.lemma_.lower() in CONDITIONING_SPEECH:
            continue  # "threatened to cut water unless Damascus ...": the threat was made; its act is conditional
        for c in root.children:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITIONAL_MARKS for g in c.children):
                possible = True
                cues.append(f"main clause of conditional '{c.text}'")
                break
    # 4. questions, and embedded ones: "whether Iran and the agency can settle ... will be the main question"
    sent = trigger.sent
    if sent.text.rstrip().endswith("?"):
        possible = True
        cues.append("question")
    for t in carriers:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in t.children):
            possible = True
            cues.append(f"embedded question 'whether' on '{t.text}'")
            break
    if negated:
        return "negated", cues
    if possible:
        return "possible", cues
    return "asserted", cues
