"""Cue words: what makes a sentence a pledge, and what makes it something else.

Each cue is a token sequence with a kind.  The pipeline asks which cue governs a
quantity or a system mention (the nearest verb cue before it in the clause) and
looks at the words around that cue (negation, modals, conditions, totals).
"""

from __future__ import annotations

from .reference import PhraseTrie, alias_key

PLEDGE = "pledge"  # a commitment or a delivery by the donor
RECEIVE = "receive"  # the recipient's side: the donor follows "from"
INCLUDE = "include"  # a package lists its content
ATTACK = "attack"  # launched, fired, shot down, lost ...
REQUEST = "request"  # asked for, called for, needs ...
PERMIT = "permit"  # allow, authorise, approve the transfer: a third party's permission, not a pledge
PROCURE = "procure"  # ordered, bought, for the Bundeswehr ...
OTHER_VERB = "other"  # a verb that takes the object away from any pledge (train, produce ...)
NEG = "neg"  # not, never, refused, ruled out ...
HYPO = "hypo"  # could, might, if, considering ...
TOTAL = "total"  # so far, to date, bringing the total ...
TOTAL_SOFT = "total-soft"  # in total, overall: a running total only with a perfect-tense verb
AGG = "agg"  # allies, partners, Western countries ...
ANAPHOR = "anaphor"  # he, she, the minister, the government ...
PACKAGE = "package"  # package, aid, assistance ... (money pledges)
RECIPIENT = "recipient"  # Ukraine, Kyiv ...
WEAK = "weak"  # plans to, expected to, reportedly: still a pledge, less sure
BACKGROUND = "background"  # previously, already: earlier support, not this report's pledge

VERB_CUES = frozenset({PLEDGE, RECEIVE, INCLUDE, ATTACK, REQUEST, PROCURE, OTHER_VERB, PERMIT})
POSITIVE = frozenset({PLEDGE, RECEIVE, INCLUDE})


def _forms(*specs: str) -> list[str]:
    out: list[str] = []
    for spec in specs:
        out.extend(spec.split("|"))
    return out


_CUES: dict[str, list[str]] = {
    PLEDGE: _forms(
        "provide|provides|provided|providing",
        "send|sends|sent|sending",
        "deliver|delivers|delivered|delivering",
        "supply|supplies|supplied|supplying",
        "donate|donates|donated|donating",
        "pass on|passes on|passed on|passing on",
        "re-export|re-exports|re-exported|re-exporting",
        "transfer|transfers|transferred|transferring",
        "give|gives|gave|giving|given",
        "pledge|pledges|pledged|pledging",
        "commit|commits|committed|committing",
        "hand over|hands over|handed over|handing over|handed|handover|hand-over",
        "allocate|allocates|allocated|allocating",
        "dispatch|dispatches|dispatched|dispatching",
        "shipped|shipping|will ship|to ship|would ship",
        "contribute|contributes|contributed|contributing",
        "offer|offers|offered|offering",
        "finance|finances|financed|financing",
        "funded|will fund|would fund|to fund|shall fund|also fund|funds a|funds the",
        "pay for|pays for|paid for|paying for|will pay|would pay|to pay",
        "put in|puts in|put up|puts up|put forward|puts forward",
        "gift|gifts|gifted|gifting",
        "granted",
        "earmark|earmarks|earmarked",
        "announce|announces|announced|announcing|national announcements|new announcements",
        "confirm a|confirms a|confirmed a|confirm an|confirms an|confirmed an",
        "approve|approves|approved|approving",
        "unveil|unveils|unveiled|unveiling",
        "set out|sets out|setting out|laid out|lays out|outlined|outlines",
        "present|presents|presented|presenting",
        "add|adds|adding|will add",
        "promise|promises|promised|promising",
        "equip|equips|equipped",
        "lend|lends|lent|loaned",
        "make available|makes available|made available|making available",
        "to be sent|to be delivered",
        "will start with|will begin with|would start with|would begin with|are starting with|is starting with",
        "on its way|on their way|en route",
    ),
    RECEIVE: _forms(
        "receive|receives|received|receiving", "arrive|arrives|arrived|arriving", "get|gets|got|getting",
        "take delivery|takes delivery|took delivery|taken delivery|taking delivery",
    ),
    PERMIT: _forms(
        "allow|allows|allowed|allowing|permit|permits|permitted|permitting",
        "authorise|authorises|authorised|authorize|authorizes|authorized",
        "approve the transfer|approved the transfer|approves the transfer|approve the re-export",
        "approved the re-export|green light|green-light|greenlight|clear the way|cleared the way",
        "export licence|export license|re-export licence|re-export license",
        "approval|approvals|permission to|permission for|authorisation for",
        "authorization for|authorisation to|authorization to|consent to|consent for|go-ahead for|go-ahead to",
    ),
    INCLUDE: _forms(
        "include|includes|included|including",
        "contain|contains|contained",
        "comprise|comprises|comprised",
        "consist of|consists of|consisted of|consisting of|comprising",
        "made up of|composed of|is composed of|is made up of",
        "made up as follows|is as follows|are as follows|comprises the following|consists of the following",
        "consists largely of|consists mainly of|consists mostly of|consists primarily of|consisting mainly of",
        "feature|features|featured",
        "as well as",
        "will be completed by|will be complemented by|is completed by|is complemented by|will be completed with",
    ),
    ATTACK: _forms(
        "launch|launches|launched|launching",
        "fire|fires|fired|firing",
        "shoot down|shoots down|shot down|shooting down|shot",
        "intercept|intercepts|intercepted|intercepting",
        "strike|strikes|struck|striking",
        "hit|hits|hitting",
        "attack|attacks|attacked|attacking",
        "destroy|destroys|destroyed|destroying",
        "downed|shelled|bombed|targeted|targeting",
        "lose|loses|lost|losing|losses",
        "capture|captures|captured|capturing|seized",
        "damage|damages|damaged",
        "barrage|salvo|bombardment|assault",
        "use|uses|using|used against",
        "deploy|deploys|deployed|deploying",
    ),
    REQUEST: _forms(
        "ask|asks|asked|asking",
        "request|requests|requested|requesting",
        "call for|calls for|called for|calling for|call on|calls on|called on|calling on",
        "urge|urges|urged|urging",
        "invites its partners|invites partners|invited partners|invited its partners|invite partners|invites allies|invited allies",
        "appeal|appeals|appealed|appealing",
        "need|needs|needed|needing",
        "want|wants|wanted|wanting",
        "seek|seeks|sought|seeking",
        "plead|pleads|pleaded|pleading",
        "demand|demands|demanded|demanding",
        "lobby|lobbies|lobbied|lobbying",
        "require|requires|required|requiring",
        "wish list|wishlist",
    ),
    PROCURE: _forms(
        "order|orders|ordered|ordering",
        "buy|buys|bought|buying",
        "purchase|purchases|purchased|purchasing",
        "procure|procures|procured|procuring|procurement",
        "acquire|acquires|acquired|acquiring|acquisition",
        "replace|replaces|replaced|replacing|replacement",
        "replenish|replenishes|replenished|replenishing",
        "backfill|backfills|backfilled",
        "contract|contracts|contracted",
        "for the bundeswehr|for its own|for their own|own armed forces|own forces|own army",
        "of its own|of their own|of our own|in its inventory|in service with",
        "delivered to the air force|delivered to the army|delivered to the navy|for our armed forces",
        "letter of offer|letter of offer and acceptance|signed an agreement for|signed a contract for|signed a deal for",
        "signed contracts for|signed a framework agreement|framework agreement for",
        "an option for|option for|options for|an option to buy|option to purchase",
        "to our air force|to our army|to our navy|for our air force|for our army|for our navy",
    ),
    OTHER_VERB: _forms(
        "train|trains|trained|training",
        "produce|produces|produced|producing|production",
        "manufacture|manufactures|manufactured|manufacturing",
        "build|builds|built|building",
        "operate|operates|operated|operating|operation of|operations of",
        "enable|enables|enabled|enabling",
        "host|hosts|hosted|hosting",
        "repair|repairs|repaired|repairing",
        "maintain|maintains|maintained",
        "develop|develops|developed|developing",
        "test|tests|tested|testing",
        "own|owns|owned|possess|possesses",
        "protect|protects|protected|protecting",
        "thank|thanks|thanked|thanking",
        "amount to|amounts to|amounted to",
        "record|records|recorded|recording|count|counts|counted|document|documented",
        "tally|tallied|track|tracks|tracked|list|lists|listed|show|shows|showed|shown",
        "sell|sells|sold|selling|export|exports|exported|exporting",
        "complement|complements|complemented|complementing|augment|augments|augmenting|reinforce|reinforces",
        "leave|leaves|leaving|left with|retain|retains|retained|retaining|keep|keeps|kept|keeping",
    ),
    NEG: _forms(
        "not|never|no|cannot|neither|nor|without|nothing",
        "refuse|refuses|refused|refusing",
        "rule out|rules out|ruled out|ruling out",
        "decline|declines|declined|declining",
        "reject|rejects|rejected|rejecting",
        "halt|halts|halted|halting",
        "suspend|suspends|suspended|suspending",
        "block|blocks|blocked|blocking",
        "veto|vetoes|vetoed|vetoing",
        "withhold|withholds|withheld|withholding",
        "cancel|cancels|cancelled|canceled|cancelling",
        "stop|stops|stopped|stopping",
        "delay|delays|delayed|delaying",
        "unable|reluctant|reluctance|refusal",
        "stalled|stalling|stalemate|deadlock|deadlocked|held up|stuck",
        "deny|denies|denied|denying",
        "decided against|decide against|decides against|deciding against|opted against|voted against",
        "refrain from|refrains from|refrained from|refraining from|stop short of|stopped short of|stops short of",
    ),
    HYPO: _forms(
        "could|might|may|can|if|unless|whether",
        "would consider|consider|considers|considering|considered",
        "mull|mulls|mulled|mulling",
        "weigh|weighs|weighed|weighing",
        "possible|possibly|potential|potentially|perhaps",
        "in talks|talks on|talk about|talks about",
        "discuss|discusses|discussed|discussing|discussion|discussions",
        "propose|proposes|proposed|proposing|proposal",
        "suggest|suggests|suggested|suggesting",
        "hope|hopes|hoped|hoping",
        "open to",
        "would like|wants to",
        "question of|debate|debates|debating",
        "accused of|accuses|alleged|allegedly",
        "reported that|media reported|reports say|reports said|unconfirmed|according to media",
        "press reports|media reports|news reports|according to which|speculation|rumours|rumors|rumoured|rumored",
    ),
    TOTAL: _forms(
        "bringing the total|brings the total|bringing its total|taking the total|takes the total",
        "bring the total|bringing total|raising the total|raises the total|brought the total",
        "so far|to date|thus far|until now|up to now|till now|hitherto",
        "since|cumulative|cumulatively|all told",
        "stands at|stand at|now stands|now totals|counting this|counting today's",
        "total contribution to|total contribution of|its total to|the total number to|total number of",
        "as a whole|across all categories",
    ),
    TOTAL_SOFT: _forms("in total|total of|overall|all in all|in all|altogether|total value|overall value"),
    BACKGROUND: _forms(
        "previously|already|formerly|in the past|last year|previous",
        "earlier commitment|earlier commitments|earlier pledge|earlier pledges|earlier package|earlier packages",
        "earlier deliveries|earlier donation|earlier donations|previous commitment|previous commitments",
        "previous pledge|previous pledges|previous package|previous packages|previous deliveries",
        "previous donation|previous donations|prior packages|past packages|past deliveries",
        "earlier transfers|earlier transfer|previous transfers|past transfers|earlier aid|previous aid",
        "earlier contribution|earlier contributions|previous contribution|previous contributions",
        "announced earlier|earlier announced|delivered earlier|announced previously",
        "reaffirmed its commitment|reaffirms its commitment|reaffirmed their commitment|reaffirm its commitment",
        "follows the|builds on the",
        "reaffirmed our commitment|reiterated its commitment|reiterates its commitment|reconfirmed its commitment",
        "reaffirmed its pledge|reiterated its pledge|reaffirmed the commitment|reconfirmed the commitment",
        "first to|first country to|first nation to|first european country to|among the first",
        "we recall|recall the|recalling the|recalled the|we also recall|recalled its|recalls its|recalled their",
        "as announced at|as announced in|as announced last|as announced earlier|as promised earlier",
        "as announced at the beginning|as promised in|as pledged in|as pledged earlier|as agreed in",
    ),
    AGG: _forms(
        "allies|ally|partners|partner countries|countries|nations|donors|donor countries",
        "the west|western countries|western allies|western partners|western nations",
        "member states|members|coalition|contact group|ramstein group|international community",
        "others|other countries|everyone|europeans|g7|nordic countries|baltic states",
        "these commitments|these contributions|these pledges|together these|together, these",
    ),
    ANAPHOR: _forms(
        "he|she|they|we|i|it|our|his|her|their|its|us",
        "minister|ministry|government|chancellor|president|prime minister|secretary",
        "department|cabinet|administration|premier|country|federal government|authorities",
        "defence secretary|defense secretary|defence minister|defense minister|pentagon",
        "package|the package|this package|the aid",
    ),
    PACKAGE: _forms(
        "package|packages|aid|assistance|support|tranche|funding|fund|contribution",
        "military aid|military assistance|military support|security assistance",
        "weapons|equipment|arms|initiative|purl|loan|grant|budget|worth|valued",
        "the package|this package|the aid",  # also anaphors: "The package" as a heading leads a list
    ),
    RECIPIENT: _forms("ukraine|ukrainian|ukrainians|kyiv|kiev|zelensky|zelenskyy|zelenskiy"),
    WEAK: _forms(
        "plan|plans|planned|planning|intend|intends|intended|expected|expects|reportedly|reported",
        "ready to|prepared to|willing to",
        "set to|aims to|aim to|is to|are to|likely",
    ),
}

_TRIE = PhraseTrie()
for _kind, _phrases in _CUES.items():
    for _p in _phrases:
        _TRIE.add(alias_key(_p), _kind)


def cue_trie() -> PhraseTrie:
    return _TRIE


# Prepositions after which a donor name is a place, a partner or a recipient, not the subject.
NOT_SUBJECT_BEFORE = frozenset(
    """in at to into with against toward towards near on after before than like from by for
    about over between among alongside including besides visiting visit visited across
    ahead throughout outside inside beyond via amid unlike""".split()
)

# Auxiliaries and adverbs that may sit between a subject and its verb.
AUXILIARIES = frozenset(
    """will would shall should be been being is are was were has have had also now soon
    further then today yesterday to just still again currently recently officially
    formally additionally likewise jointly together each both decided agreed intends intend
    plans plan planned expects expect expected set aims aim going ready able""".split()
)


# Past forms of delivery verbs: "has delivered", "sent", "were handed over" report history, not a new pledge.
DELIVERY_PAST = frozenset(
    """delivered sent supplied provided donated gave given handed transferred shipped dispatched
    contributed gifted lent loaned equipped passed re-exported funded financed paid made
    received arrived got""".split()
)
# Words before a participle that make it future or ongoing ("will be delivered", "to be sent").
NOT_PAST = frozenset("will would shall to 'll being going can could may must should is are".split())
