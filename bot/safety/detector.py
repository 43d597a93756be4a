"""Deterministic danger detector: runs on every message, before anything else.

Three levels (see `bot.safety.replies`): acute danger (112), suicidal thoughts (113),
domestic violence / abuse / coercion (Veilig Thuis), each possibly acute (also 112).

How it decides, in order:
1. Normalise: lowercase, no accents, repeated letters squashed ("helppp"), common typos.
2. Neutralise idioms and jokes ("dood moe", "lach me dood", "ik schiet me een ongeluk").
3. Match danger patterns (phrases with word boundaries, written for inflections and typos).
4. Drop a match that is negated ("geen zelfmoordgedachten"), purely informational
   ("wat doet Veilig Thuis?") or clearly long past with nothing current ("tien jaar geleden").
5. Mark acute when the danger is happening now ("nu", "staat voor de deur", "heb pillen ingenomen").

The patterns were written from how people in crisis write, not from the test messages;
the test sets live in tests/data/safety_*.yml and are never read here.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import List, Optional, Pattern, Tuple

ACUUT = "acuut"
SUICIDE = "suicide"
HUISELIJK = "huiselijk_geweld"

# ---------------------------------------------------------------------------------------
# Normalisation

_TYPOS = [
    (r"\bzelfmoort\b", "zelfmoord"),
    (r"\bzelf moord\b", "zelfmoord"),
    (r"\bsuicid\w*", "zelfmoord"),
    (r"\bsuizid\w*", "zelfmoord"),
    (r"\bzelfdod\w*", "zelfmoord"),
    (r"\bmishandeld?t?\b", "mishandeld"),
    (r"\bmishandel\w*", "mishandeld"),
    (r"\bm'n\b", "mijn"),
    (r"\bmn\b", "mijn"),
    (r"\bme\s+vriend", "mijn vriend"),
    (r"\bk\b", "ik"),
    (r"\bw8\b", "wacht"),
    (r"\bnie\b", "niet"),
    (r"\bgwn\b", "gewoon"),
    (r"\bmss\b", "misschien"),
    (r"\bidd\b", "inderdaad"),
    (r"\bdr\b", "er"),
    (r"\bzn\b", "zijn"),
    (r"\bz'n\b", "zijn"),
    (r"\bnu\s*nu\b", "nu"),
    (r"\b(?:gesalgen|geslage|gelsagen|gesagen)\b", "geslagen"),
    (r"\bmakn\b", "maken"),
]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’‘`´]", "'", text)
    text = re.sub(r"([a-z])\1{2,}", r"\1\1", text)  # "helppp" -> "helpp", "nuuuu" -> "nuu"
    text = re.sub(r"\b(help+|nu+)\b", lambda m: m.group(0)[:-1] if m.group(0).endswith(("pp", "uu")) else m.group(0), text)
    text = re.sub(r"[.!?;]+", " . ", text)  # keep clause boundaries for the negation check
    text = re.sub(r"[^a-z0-9'.\s]", " ", text)
    for pattern, repl in _TYPOS:
        text = re.sub(pattern, repl, text)
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------------------------------
# Idioms and jokes: replaced by a neutral token before matching.

_IDIOMS = [
    r"dood ?moe", r"doods?e?moe", r"dood ?op", r"doodziek van", r"doodziek", r"dood ?gewoon", r"dood ?stil", r"dood ?saai",
    r"dood ?eng", r"dodelijk saai", r"dood ?nerveus", r"doodsbenauwd voor (een |het |de )?(examen|toets|tandarts|spinnen|honden|vliegen)",
    r"(om|me|mij|je) (je |me |mij )?(dood|een breuk|krom|rot|slap) (te )?(lachen|gelachen|lach)", r"lach (me|mij|je) (dood|rot|kapot|slap)",
    r"(ik )?(ga|gaan|gaat) (bijna )?dood van (de |het )?(honger|dorst|verveling|hitte|kou|schaamte|stress|het lachen|de zenuwen)",
    r"sterf (bijna )?van (de |het )?(honger|dorst|verveling|hitte|kou)", r"sterven van (de |het )?(honger|dorst|verveling)",
    r"schiet (me|mij|je) (nog )?een ongeluk", r"(ik )?schiet (me|mij) (nog )?in (de|mijn) voet", r"schiet niet op",
    r"schiet(en)? (me|mij) te binnen", r"schoot (me|mij) te binnen",
    r"slaat (helemaal |echt |werkelijk )?(nergens|nergens meer) op", r"slaat alles", r"slaat (de|mijn) spijker",
    r"(het|dat|dit) slaat op", r"slaat toe",
    # conditional hyperbole about everyday annoyances: "ik vermoord hem als hij weer te laat is"
    r"(ik )?(vermoord|vermoor|wurg|schiet) (hem|haar|je|jou|ze|mijn \w+) (nog )?als (hij|ze|zij|je) (weer|nog een keer|nog ?eens|straks) ",
    r"(?:bijna|haast|zowat) een hartaanval", r"brengt (me|mij|ons) (nog )?om zeep", r"om zeep helpen", r"over mijn lijk", r"moord en brand", r"moordweer",
    r"killer", r"moordend", r"moordende", r"(mes|messen) snijdt aan twee kanten", r"messcherp",
    r"word(t)? gek van", r"vermoordt? (?:me|mij) als (?:ik|ze|hij|zij) (?!.{0,40}\b(?:weg\w*|scheid\w*|politie|vertel\w*|aangifte|verlaat|verlaten|bij hem|bij haar)\b)", r"(ik )?vermoord (hem|haar|je|jou|ze) (nog )?(als|wanneer) (hij|zij|ze|je|die)",
    r"ik (kan|kon) (hem|haar|je|jou) wel vermoorden", r"(kan|kon) (hem|haar|je|jou|ze) wel (wurgen|schieten|doodslaan)",
    r"(het|die|dat) (formulier|systeem|computer|printer|wachtrij|wachttijd|bureaucratie)\w* (vermoordt|maakt) (me|mij)",
    r"(al )?dood en begraven", r"(een )?dood spoor", r"dood ?punt", r"(op )?sterven na dood",
    r"(gevecht|strijd|vechten) (met|tegen) (de )?(formulieren|papieren|bureaucratie|gemeente|instanties|belastingdienst)",
    r"tot (de )?dood (ons )?scheidt",
    r"(?:brug|kade|duikplank|steiger|boot)\w* (?:\w+ ){0,3}(?:in|het) (?:de |het )?(?:vaart|water|kanaal|gracht|zwembad|meer|zee)",
    r"schietspel\w*", r"(film|serie|game|computerspel|videospel|boek|nieuws|documentaire|detective|thriller)\w* (over|met|waarin) ",
    # youth hyperbole ("ik ga letterlijk dood als ik een beurt krijg") and dying in a game
    r"(?:ga|gaat|gaan|ging) letterlijk dood",
    r"(?:ga|gaat|gaan|ging) (?:\w+ )?dood (?:bij|in|tegen|door) (?:de |het |die |dat |een )?(?:eindbaas|baas|boss|level|game|spel|zombie\w*|monster\w*)",
]
_IDIOM_RE = re.compile(r"\b(" + "|".join(_IDIOMS) + r")\b")

# ---------------------------------------------------------------------------------------
# Danger patterns per level.

# people close to the resident (domestic violence is about them)
WHO = (
    r"(?:mijn|m'n|me|onze|de|die|zijn|haar|hun|d'r)?\s*(?:\w+\s)?(?:man|vrouw|partner|vriend|vriendin|ex|exman|exvriend|vader|moeder|pa|ma|papa|mama|"
    r"stiefvader|stiefmoeder|stiefpa|broer|broers|zus|zussen|zoon|dochter|oom|tante|opa|oma|schoonvader|schoonmoeder|schoonzoon|schoondochter|"
    r"buurman|vriendje|verzorger|verzorgster|thuiszorg|familie|neef|nicht|baas|trainer|leraar|meester|juf|oppas|gastouder|kleinzoon|kleindochter)"
)
# who gets hurt
OBJ = (
    r"(?:me|mij|mijzelf|ons|haar|hem|hen|ze|mama|papa|oma|opa|de kinderen|het kind|de baby|zijn vrouw|zijn vriendin|zijn kinderen|zijn dochter|zijn zoon|"
    r"haar kinderen|haar dochter|haar zoon|mijn (?:\w+ )?(?:kind|kinderen|zoon|dochter|moeder|vader|oma|opa|zus|zusje|broer|broertje|baby))"
)
HURT = (
    r"(?:sla\w*|sloeg\w*|geslagen|mept|mepte|gemept|timmert|schop\w*|geschopt|duw\w*|geduwd|wurg\w*|gewurgd|knijp\w*|kneep|trap\w*|getrapt|"
    r"stomp\w*|gestompt|bijt|beet|gebeten|verbrand\w*|mishandelt|mishandeld|misbruikt|misbruiken|verkracht\w*|aangerand|betast\w*|"
    r"bedreig\w*|vermoord\w*|pijn (?:doet|deed|gedaan)|doet \w* ?pijn|deed \w* ?pijn|in elkaar (?:geslagen|slaan|slaat)|aan (?:haar|zijn|mijn) haren|"
    r"bij (?:de|haar|zijn|mijn) keel|tegen de muur|klap\w* (?:gegeven|geeft|gaf)|gooit \w* ?(?:dingen|spullen|stoel\w*|borden)? ?naar|gegooid naar)"
)

SUICIDE_PATTERNS = [
    r"\bgeen reden (?:meer )?(?:om|tot) (?:\w+ )?(?:door te gaan|te leven|verder te gaan|verder)\b|\b(?:moe|klaar) van het leven\b",
    r"\bleven (?:niet|nie) meer (?:ziet|zie|zien) zitten\b|\bbeter (?:af )?zonder (?:mij|hem|haar)\b",
    r"\b(?:doe|doet) (?:mezelf|zichzelf|mijzelf|mij|me) (?:\w+ )?pijn\b|\bscheermes\w*\b|\bmesjes\b",
    r"\bmaak (?:het|er) (?:een )?(?:eind|einde)\b|\bvoor (?:de|een) trein (?:stappen|springen|lopen|gaan liggen)\b",
    r"\bwil (?:\w+ ){0,2}niet meer (?:leven|verder)\b|\bhet hoeft (?:voor mij (?:allemaal )?|allemaal )niet meer\b|\bhet leven is (?:voor mij )?(?:klaar|voorbij)\b",
    r"\bstoppen met (?:bestaan|leven)\b|\bniet meer (?:willen )?bestaan\b|\bmet alles (?:willen )?stoppen\b",
    r"\bik ben er (?:\w+ ){0,3}(?:toch|dan) niet meer\b",
    r"\b(?:beter|liever) (?:ook )?dood\b|\b(?:ik|ze|hij|zij) (?:\w+ ){0,2}dood (?:wil|wilt|willen)\b|\b(?:ik|ze|hij|zij) wil(?:t)? (?:gewoon |echt |graag )?dood\b",
    r"\b(?:krast|kras|krassen|snijdt|snij|snijden|kerft) (?:zich |zichzelf |mezelf |me |mij )?(?:\w+ )?(?:in|op) (?:haar|zijn|mijn|de) (?:arm|armen|pols|polsen|been|benen)\b",
    r"\b(?:sta|staat|staan|zit|zitten) nu (?:boven )?op (?:het|de|een) (?:dak|rand|brug|spoor|flat)\b|\bop het dak van (?:de|een) (?:flat|parkeergarage|garage|gebouw)\b",
    r"\b(?:pillen|tabletten|slaaptabletten|slaappillen|medicijnen|strip)\b.{0,60}\ballemaal (?:in ?nemen|innemen|slikken|opeten|op ?eten)\b",
    r"\b(?:pillen|tabletten|touw|strop)\b (?:\w+ )?(?:liggen|ligt) (?:al )?klaar\b",
    r"\bmotor (?:\w+ )?aan\b.{0,40}\bgarage\b|\bgarage\b.{0,40}\bmotor (?:\w+ )?aan\b",
    r"\b(?:touw|strop)\b (?:\w+ ){0,2}(?:heb|had|ligt|hangt)\b|\b(?:heb|had) (?:ik )?(?:al )?(?:een )?(?:touw|strop)\b",
    r"\bafscheid (?:wil |willen |gaan |te )?nemen\b|\b(?:kat|hond|spullen|dingen|alles) (?:\w+ )?weg(?:gegeven|geven)\b.{0,80}\b(?:afscheid|zorgen|raar|weg)",
    r"\b(?:ben|zijn|zal|zou) (?:ik|hij|ze|zij) er (?:\w+ )?niet meer\b|\ber (?:dan |toch |straks )?niet meer (?:ben|zal zijn|zijn)\b",
    r"\bgenoeg geleefd\b|\bniet lang meer (?:hoeven|hoeft|zien|hier)\b|\bmorgen ben ik weg\b|\bik ben (?:er )?(?:straks|morgen) weg\b",
    r"\b(?:beter|liever) (?:ik ben|dat ik|als ik) dood\b|\bpunt achter (?:zet|zetten|te zetten)\b",
    r"\b(?:van|vanaf|op) (?:de|een|het) (?:brug|flat|dak|balkon)\b.{0,20}\bspring\w*|\bspring\w*\b.{0,20}\b(?:van|vanaf) (?:de|een|het) (?:brug|flat|dak|balkon)\b",
    r"\b(?:rand van|op de rand)\b.{0,40}\b(?:balkon|dak|brug|flat)\b|\b(?:balkon|dak|brug)\w*\b.{0,40}\bspringt\b",
    r"\b(?:doosje|strip|pot|potje|flesje)\b.{0,40}\b(?:leeg|op)\b.{0,60}\b(?:slaperig|wakker|sorry|ligt niet aan)",
    r"\b(?:bij|op) (?:de|het) (?:overweg|spoor|rails)\b.{0,40}\btrein\b",
    r"\b(?:slaappillen|pillen|medicijnen)\b.{0,20}\b(?:spaart|verzamelt|opspaart|bewaart)\b|\b(?:spaart|verzamelt) (?:\w+ )?(?:slaappillen|pillen)",
    r"\btestament\b.{0,80}\b(?:niet lang meer|afscheid|weg zijn|er niet meer)",
    r"\beind(?:e)? (?:te )?maken aan (?:mijn|m'n|zijn|haar|het)? ?(?:leven|alles)",
    r"\b(?:maak|maakt|maken) (?:ik|hij|ze|zij) (?:er )?(?:een )?eind(?:e)? aan\b",
    r"\bniet meer (?:wil|wilt|willen) (?:leven|zijn|bestaan)\b",
    r"\bbeter (?:is |zou zijn |zijn |was )?(?:als|dat) ik (?:gewoon )?(?:dood|verdwijn|weg ben|er niet meer ben|er niet meer was)\b",
    r"\bik (?:\w+ ){0,2}(?:me|mij) (?:\w+ )?(?:iets|wat) (?:aan (?:te )?doe|aandoe|aandoen|ga aandoen)\b",
    r"\b(?:al mijn|alle|\d{2,}|een hele (?:strip|doos|pot|pot met)|heel veel|een handvol)\s+(?:\w+\s+)?(?:pillen|tabletten|slaappillen|paracetamol|medicijnen)\b.{0,30}\b(?:ingenomen|geslikt|genomen|slikken|innemen)",
    r"\bzelfmoord\w*",
    r"\b(?:mezelf|mijzelf|zichzelf|haarzelf|hemzelf|zich)\s+(?:\w+\s+)?(?:van kant|iets (?:aan|aandoen|aan te doen)|wat (?:aan|aandoen)|ophangen|opknopen|verdrinken|doodmaken|dood maken|dood te maken|om het leven|iets gaat aandoen|wat gaat aandoen)",
    r"\b(?:me|mij)\s+(?:van kant|ophangen|opknopen|verdrinken|doodmaken|dood maken|dood te maken|om het leven)",
    r"\b(?:zichzelf|mezelf|zich) (?:\w+ )?(?:gaat|gaan|ga|wil|wilt) (?:\w+ )?(?:ophangen|doodmaken|dood maken|aandoen|verdrinken)",
    r"\b(?:een )?eind(?:e)? (?:\w+ )?(?:aan|van) (?:mijn|m'n|zijn|haar|het|alles|mn|zn)?\s*(?:leven|alles|het)?\s*(?:maken|te maken|maakt|gemaakt|maak)",
    r"\ber (?:een )?eind(?:e)? aan (?:maken|te maken|maakt|maak)",
    r"\b(?:wil|wilde|willen|wou|wilt)\s+(?:eigenlijk\s+|gewoon\s+|echt\s+|liever\s+)?(?:niet meer )?(?:leven|dood|sterven|doodgaan|dood gaan)\b(?! van)",
    r"\b(?:wil|wilde|willen|wou|wilt)\s+(?:er\s+)?(?:gewoon\s+|echt\s+|eigenlijk\s+|liever\s+)?niet meer\s+(?:zijn|leven|bestaan|wakker worden|verder|door)",
    r"\b(?:nooit meer|niet meer) wakker (?:worden|te worden|word)\b",
    r"\bteleurgesteld (?:\w+ ){0,3}wakker",
    r"\bniet meer (?:hoeven|hoef) (?:te )?(?:leven|worden|zijn|wakker)",
    r"\b(?:wil|wilde) (?:er )?(?:gewoon )?(?:mee )?stoppen met (?:leven|alles)\b",
    r"\bklaar (?:mee|met)\b.{0,30}\b(?:leven|alles)\b.{0,20}\b(?:leven|dood)\b|\bklaar met (?:het )?leven\b",
    r"\bhet (?:hoeft|hoef) (?:voor mij |van mij )?niet meer\b",
    r"\b(?:leven|bestaan) (?:heeft|is|lijkt) (?:geen|zinloos|niks waard|niets waard)|\bnut van (?:door ?leven|leven|verder leven)\b",
    r"\bgeen zin (?:meer )?in (?:het |mijn )?leven|\blevensmoe\b|\beuthanasie\b.{0,60}\b(?:niet meer aan|op|klaar|kan niet meer)",
    r"\bbeter af (?:zijn )?zonder (?:mij|me)\b|\bzonder mij beter af\b|\bniemand (?:zou|zal) (?:mij|me) missen\b|\b(?:een )?last voor iedereen\b",
    r"\b(?:beter|beste) (?:als|dat) ik (?:gewoon )?(?:dood|verdwijn|weg ben|er niet meer ben|er niet meer was)\b",
    r"\b(?:als|dat) ik (?:er )?niet meer (?:was|ben|zou zijn)\b.{0,40}\b(?:missen|beter|opgelucht|rust)\b",
    r"\b(?:ik ben|ben ik) er (?:\w+ )?(?:straks|morgen|binnenkort|vanavond|snel|volgende (?:week|maand)|toch) niet meer\b",
    r"\bafscheidsbrief\w*|\bafscheidsbericht\w*|\bafscheid (?:genomen|nemen) van (?:iedereen|mijn)|\bmijn laatste bericht\b|\bde brief voor mijn\b",
    r"\b(?:pillen|tabletten|slaappillen|medicijnen|paracetamol)\w*\s+(?:\w+\s+){0,3}(?:gespaard|sparen|verzameld|verzamelen|opgespaard|opsparen)\b",
    r"\b(?:gespaard|verzameld|opgespaard)\s+(?:\w+\s+){0,3}(?:pillen|tabletten|slaappillen|medicijnen)\b",
    r"\bhoeveel (?:\w+ )?(?:pillen|paracetamol|tabletten|slaappillen|insuline|medicijnen)\b.{0,40}\b(?:dood|sterven|overleef|dodelijk)",
    r"\b(?:voor|onder) (?:de|een) (?:trein|auto|metro|vrachtwagen|bus) (?:springen|spring|lopen|gaan liggen)|\baan de trein denk|\bdenk \w* ?aan (?:de trein|springen|het spoor)",
    r"\b(?:springen|spring|sprong)\b.{0,40}\b(?:brug|flat|dak|balkon|verdieping|raam|toren|parkeergarage)|\b(?:brug|flat|dak|balkon|verdieping|toren|parkeergarage)\b.{0,40}\b(?:springen|spring|sprong)\b",
    r"\b(?:sta|zit|stond|zat|staat) (?:\w+ )?op (?:de|een|het) (?:brug|rand|dak|spoor|perron|balkonrand)\b.{0,60}\b(?:laatste|springen|doen|klaar|einde|eind|dood|afscheid|stap)",
    r"\bzit op het spoor\b|\bsta op het spoor\b|\bop de rails\b|\bstap naar voren\b.{0,20}\b(?:perron|trein)|\bperron\b.{0,40}\bstap\b",
    r"\b(?:polsen|pols|aders) (?:\w+ )?(?:door ?snijden|door ?gesneden|open ?snijden|open ?gesneden|opengesneden|doorgesneden)",
    r"\b(?:snij|snijd|snijdt|kras|sneed|gesneden)\s+(?:\w+\s+)?(?:mezelf|mijzelf|in mijn (?:armen|arm|benen|been|polsen))",
    r"\bmezelf (?:pijn doen|snijden|beschadigen)|\bzelfbeschadiging",
    r"\bgaskraan\w* (?:\w+ )?open",
    r"\b(?:touw|strop)\b.{0,40}\b(?:gekocht|klaar|ophangen|doen|waar)\b",
    r"\bopgezocht hoe (?:ik|je) (?:het|mezelf|jezelf)\b|\bhoe (?:ik|je) het (?:zou|moet|kan) doen\b",
    r"\bzie (?:het|alles) (?:echt |helemaal |gewoon |weer |niet meer )?(?:niet )?meer zitten",
    r"\bziet (?:het|alles) (?:\w+ )?niet meer zitten",
    r"\bzie geen (?:uitweg|toekomst|reden (?:meer )?om)|\bheb geen toekomst meer\b",
    r"\bkan (?:het|dit) (?:leven )?(?:gewoon )?niet meer aan\b",
    r"\b(?:dood|weg) zijn is beter\b|\bbeter (?:dood|als ik dood)",
    r"\bwou dat (?:ik|ze|hij) (?:dood|er niet meer|nooit geboren)",
    r"\b(?:ga|gaan|gaat) (?:het|er) (?:vanavond|vannacht|morgen|straks|nu) (?:een eind aan maken|doen|van doen)",
    r"\b(?:wil|wilt) (?:zichzelf|zich) (?:iets |wat )?(?:aandoen|van kant maken|doden|dood maken)",
    r"\bzichzelf (?:iets|wat) (?:aan (?:te )?doen|aandoen)|\bzichzelf dood\b",
    r"\bdood (?:willen|wil|wilt) gaan|\bom dood te gaan\b",
    r"\bgeen zin (?:meer )?om (?:nog )?(?:te leven|door te (?:gaan|leven)|verder te (?:gaan|leven)|wakker te worden)\b",
    r"\b(?:jezelf|mezelf|zichzelf|zich) (?:\w+ )?(?:ophangt|ophang|ophangen|verhangt|verhangen|doodt|van het leven berooft)\b",
    r"\b(?:dan |zodat )?(?:ben|hoef) ik (?:\w+ )?niemand meer tot last\b|\bniemand meer tot last (?:te )?(?:zijn|ben)\b",
    r"\bsorry voor alles\b.{0,20}\b(?:dag|doei|vaarwel|hou van)",
    # English, which residents mix in ("suicide" itself is folded to "zelfmoord" by normalise)
    r"\b(?:kill(?:ing)? myself|end(?:ing)? my life|end it all|(?:want|wanna) to die|wanna die|"
    r"(?:don'?t|do not) want to (?:live|be here|exist|wake up)|disappear (?:forever|for good)|better off without me|no reason to live|"
    r"(?:hurt|cut|cutting|burn|burning) myself)\b",
    r"\b(?:een |al een |eerder een )?(?:zelfmoord)?poging (?:gedaan|gehad)\b",
    r"\bsuicidaal\w*|\bzelfmoordgedachte\w*|\bdoodswens\w*",
    r"\blevensverzekering\b.{0,40}\b(?:meer waard|waard dan)",
    r"\b(?:aan|over) (?:de dood|doodgaan|dood gaan|sterven) (?:denk|denken|gedacht)|\bdenk (?:\w+ )?aan (?:de dood|doodgaan|dood gaan|sterven)",
    r"\b(?:bijna )?gedaan\b.{0,40}\bbrug\b|\bbrug\b.{0,40}\b(?:bijna )?gedaan\b",
    r"\bverdwijn(?:en)?\b.{0,30}\b(?:voorgoed|voor altijd|van de aarde|uit ieders leven)|\bbeter als ik (?:gewoon )?verdwijn",
]

# medical and other emergencies: 112
MEDICAL_PATTERNS = [
    # stroke signs, poisoning, not responding, seizures, heavy bleeding: described by symptoms
    r"\bmond (?:\w+ )?(?:hangt|staat|is) (?:\w+ )?scheef\b|\b(?:arm|been) (?:\w+ )?(?:doet niks meer|doet niets meer|is verlamd|voelt niks)\b|\bpraat (?:ineens|opeens|plotseling) (?:heel )?(?:raar|onduidelijk|wartaal|dubbel)\b",
    r"\b(?:pillen|tabletten|medicijnen|wasmiddel|schoonmaakmiddel|vaatwastablet\w*|bleek|gif)\b (?:\w+ ){0,5}(?:opgegeten|ingeslikt|doorgeslikt|opgedronken|gedronken)\b",
    r"\b(?:zegt|reageert) (?:\w+ )?(?:niks|niets) meer\b.{0,50}\b(?:koud|slap|blauw|wakker|ademt)\b|\b(?:koud|blauw) en slap\b|\bslap en (?:koud|blauw)\b",
    r"\b(?:aanval|stuip\w*|epileptische aanval)\b.{0,40}\b(?:stopt niet|houdt niet op|al \d+ minuten)\b",
    r"\b(?:bloedt|bloed) (?:\w+ ){0,2}(?:heel erg|enorm|overal|stopt niet|blijft)\b|\bmuch blood\b|\bbloed overal\b",
    r"\b(?:strip|doosje|pot|potje|flesje|hele|alle)\b.{0,30}\b(?:ingenomen|geslikt|opgegeten)\b",
    r"\b(?:ademt|ademen) (?:\w+ ){0,2}(?:raar|niet meer|nauwelijks|heel moeilijk|vreemd)\b|\b(?:baby|kindje|kind) (?:\w+ ){0,6}(?:helemaal|heel) slap\b",
    r"\b(?:op|aan|van) (?:een |de )?\w*(?:vaatwas|wasmiddel|tablet|batterij|schoonmaak|bleek)\w* (?:\w+ )?(?:gekauwd|gebeten|gelikt|gedronken|gegeten|ingeslikt)\b",
    r"\b(?:niet|nauwelijks|bijna niet) (?:meer )?wakker (?:te )?(?:krijgen|krijg)\b|\bvan de wereld\b|\bbuiten westen\b",
    r"\bkomt niet (?:meer )?boven\b|\bonder (?:het )?water\b.{0,30}\b(?:kind|jongen|meisje|iemand)",
    r"\bin de fik\b|\bvlammen\b|\bbrandlucht\b|\brookt\b.{0,30}\b(?:meterkast|keuken|trappenhuis|huis|erg)|\brook\b.{0,30}\b(?:meterkast|keuken|trappenhuis)",
    r"\b(?:gekauwd|gebeten|gelikt|gedronken|gegeten) (?:op|aan|van) (?:een |de )?\w*(?:vaatwas|wasmiddel|tablet|batterij|schoonmaak|bleek|pillen)\w*",
    r"\b(?:suiker\w*|diabet\w*|hypo)\b.{0,60}\b(?:verward|zweterig|slap|wakker|reageert)",
    r"\bbloed\w* (?:\w+ )?uit (?:zijn|haar|zn|mijn) (?:hoofd|mond|neus|oor)\b",
    r"\b(?:wordt|worden) (?:\w+ )?gevochten\b|\baan het vechten\b|\bvechtpartij\b",
    r"\bsteen\w* (?:\w+ )?door (?:ons|het|mijn|de) raam\b|\b(?:schreeuwen|roepen|zeggen) dat (?:ze|hij) (?:\w+ )?binnen ?komen\b",
    r"\b(?:groot|groot \w+|een) mes\b.{0,60}\b(?:roept|schreeuwt|dreigt|maakt|kapot|bang)|\bmaakt iedereen kapot\b",
    r"\b(?:zijn|haar|mijn) (?:hart|borst)\b.{0,30}\b(?:pijn|knelt|drukt)\b.{0,40}\b(?:arm|zweet|misselijk)",
    r"\b(?:heb|heeft|hebben|had)\b(?:\s+\w+){0,4}\s+(?:pillen|tabletten|medicijnen|slaappillen|paracetamol\w*|xtc|ghb|drugs)\s+(?:ingenomen|geslikt|genomen|gedronken|gebruikt)\b",
    r"\b\w*(?:batterij|magneet|magneetjes|vaatwastablet|wasmiddel|schoonmaakmiddel|ontstopper|bleek|lampolie|aansteker)\w*\b.{0,40}\b(?:ingeslikt|opgegeten|opgedronken|gedronken|geslikt)\b",
    r"\b(?:rijdt|reed) (?:\w+ ){0,4}(?:verkeerde kant op|tegen het verkeer in)\b|\bverkeerde kant op\b.{0,30}\bsnelweg\b|\bsnelweg\b.{0,30}\bverkeerde kant op\b",
    r"\b(?:val|valt|viel) (?:ineens |opeens |zomaar |net |gewoon )?neer\b",
    r"\b(?:het |t )?bloeden stopt niet\b|\bstopt (?:het |t )?bloeden (?:\w+ )?niet\b",
    r"\b(?:ademt|ademde) niet\b|\bgeen adem\b|\bniet meer (?:ademen|ademt)\b|\bstopt met ademen\b|\bkrijgt geen lucht\b|\bkrijg geen lucht\b|\bkan niet (?:meer )?ademen\b",
    r"\b(?:bewusteloos|buiten bewustzijn|reageert niet|reageert nergens op|niet (?:meer )?wakker te krijgen|word(?:t)? niet (?:meer )?wakker|krijg (?:hem|haar) niet (?:meer )?wakker|in elkaar gezakt|flauwgevallen)",
    r"\b(?:ligt|lag) (?:\w+ ){0,3}op (?:de|het) (?:grond|straat|vloer|stoep)\b|\bbeweegt niet\b",
    r"\boverdosis\w*|\bte veel (?:\w+ )?(?:pillen|drugs|medicijnen|slaappillen|paracetamol|xtc|coke|ghb|alcohol)\b",
    r"\b(?:heb|heeft|hebben|had) (?:net |zojuist |al )?(?:\d+ |een hele |heel veel |te veel )?(?:\w+ )?(?:pillen|tabletten|medicijnen|slaappillen|paracetamol|gif|bleek|xtc|ghb) (?:ingenomen|geslikt|genomen|gedronken|op)\b",
    r"\b(?:ingeslikt|opgegeten|opgedronken|leeggedronken)\b.{0,40}\b(?:batterij|tablet|vaatwas|wasmiddel|schoonmaak|bleek|pillen|fles|wodka|drank)|\b(?:batterij\w*|vaatwastablet\w*|wasmiddel\w*|schoonmaakmiddel\w*|bleek)\b.{0,40}\b(?:ingeslikt|opgegeten|opgedronken|gedronken|in (?:zijn|haar) mond)",
    r"\bhele fles\b.{0,40}\b(?:leeg|op|gedronken)\b",
    r"\blippen (?:\w+ )?(?:blauw|paars)\b|\bblauw aan(?:gelopen)?\b|\bschokken\b.{0,30}\b(?:minuten|blijft|stopt niet)|\bblijft (?:maar )?schokken\b|\b(?:epileptische )?aanval\b.{0,30}\b(?:minuten|stopt niet|blijft)",
    r"\bhartaanval\b|\bhartstilstand\b|\bberoerte\b|\bherseninfarct\b|\bpijn op de borst\b|\breanim\w*",
    r"\b(?:bloedt|bloed|bloeden) (?:\w+ )?(?:heel |enorm |ontzettend |erg |veel |hard )?(?:erg|veel|hard|enorm|niet)\b|\bveel bloed\b|\bslagader\b|\bhet bloed stopt niet\b",
    r"\b(?:been|arm|nek) staat (?:helemaal )?(?:raar|scheef|verkeerd)|\bvan de trap gevallen\b",
    r"\b(?:gevallen|gevallen van)\b.{0,40}\b(?:suf|spuugt|overgeven|bewusteloos|bloed|hoofd)\b|\b(?:suf|slap)\b.{0,30}\b(?:spuugt|zweterig|praat raar|reageert)",
    r"\b(?:slap en zweterig|zweterig en slap|praat (?:heel )?raar)\b",
    r"\b(?:brand|vuur|rook) (?:in|bij|uit|onder) (?:huis|de keuken|de flat|mijn|het|de)\b|\bhet brandt\b|\bstaat in brand\b|\bin brand\b|\brook\b.{0,40}\b(?:alarm|deur|ramen|trappenhuis)|\b(?:rookmelder|brandalarm)\b.{0,20}\bgaat af",
    r"\b(?:ruik|ruiken|rook) (?:\w+ )?gas\b|\bgaslucht\b|\bgaslek\b|\bkoolmonoxide\b",
    r"\b(?:verdrinkt|verdrinken)\b|\b(?:kind|iemand|man|vrouw) (?:is )?(?:te water|in het water gevallen)\b",
    r"\b(?:aangereden|ongeluk (?:gehad|gebeurd))\b.{0,80}\b(?:gewond|bloed|beweegt niet|ligt)\b",
    r"\bvergiftig\w*|\bgif (?:gedronken|ingenomen|binnengekregen)\b",
    r"\bopgesloten in (?:een|de) (?:auto|kofferbak)\b|\bkind\w* (?:\w+ )?in (?:een|de) (?:hete |warme )?auto\b.{0,40}\b(?:zon|hitte|warm|opgesloten)",
    r"\bverkeerde kant op\b.{0,30}\b(?:snelweg|weg)|\bspookrij\w*",
    r"\b(?:2|twee|3|drie|paar) dagen niet gezien\b.{0,60}\b(?:grond|ligt|reageert)",
]

# violence or a threat happening now: 112 (and Veilig Thuis when it is someone close)
VIOLENCE_NOW_PATTERNS = [
    r"\b(?:hit|hits|hitting|beat|beats|beating|kick|kicks|choke|chokes|kill|kills)\b (?:\w+ ){0,2}(?:me|my|her|him|us)\b|\b(?:knife|gun)\b",
    r"\b(?:gaat|wil|gaan) (?:\w+ ){0,4}(?:neersteken|neerschieten|doodsteken|doodschieten|vermoorden|in elkaar slaan)\b",
    r"\b(?:slaan|slaat|schoppen|schopt|trappen|trapt) (?:\w+ ){1,3}in elkaar\b",
    r"\b(?:voor)?deur (?:\w+ )?in (?:te )?(?:trappen|beuken|breken)\b|\bprobe\w* (?:\w+ ){0,3}in te breken\b",
    r"\bdreig\w* (?:\w+ ){0,3}(?:iets|wat) aan te doen\b|\bdreig\w* (?:\w+ ){0,3}pijn te doen\b",
    r"\b(?:met|heeft|had|pakt|pakte|trekt|zwaait|staat met|zit \w+ achter \w+ aan met) (?:een |zijn |haar |z'n )?(?:mes|pistool|geweer|wapen|vuurwapen)\b",
    r"\b(?:zwaait|dreigt|staat|staan|stond|stonden|komt|komen|loopt|lopen|zit (?:\w+ )?achter \w+ aan|zitten (?:\w+ )?achter \w+ aan|loopt op \w+ af) (?:\w+ ){0,2}met (?:een |zijn |haar |z'n |\d+ )?(?:bijl|hamer|schaar|honkbalknuppel|honkbalknuppels|knuppel|knuppels|mes|messen|wapens?)\b",
    r"\b(?:mes|pistool|geweer|wapen|vuurwapen)\w* (?:op|tegen|bij) (?:mijn|me|mij|haar|hem|de) ?(?:keel|hoofd|buik)?",
    r"\bgestoken\b|\bsteekt (?:me|mij|hem|haar|iemand)\b|\bneergestoken\b|\bneergeschoten\b|\bschiet (?:op|iemand)\b|\bschoten\b|\bgeschoten\b|\bschietpartij\b|\bknallen\b.{0,30}\b(?:gil|schreeuw|straat)",
    r"\b(?:wil|gaat|dreigt|zegt dat hij|zei dat hij|zegt dat ze) (?:\w+ )?(?:me|mij|ons|haar|hem|de kinderen|mijn \w+) (?:\w+ )?(?:te )?(?:vermoorden|vermoorde|doden|doodmaken|dood maken|neersteken|neerschieten|steken|iets aandoen|wat aandoen|dood)\b",
    r"\bdreigt (?:me|mij|ons|haar|hem) (?:dood|om te brengen|te vermoorden)",
    r"\bloopt (?:\w+ ){0,3}achter (?:me|mij) aan\b.{0,60}\b(?:steken|slaan|vermoorden|pakken|mes|wapen)",
    r"\bbreekt in\b|\binbreker\w*\b.{0,40}\b(?:nu|binnen|huis)|\bingebroken\b.{0,40}\bnog (?:in|binnen)\b",
    r"\b(?:trapt|schopt|bonkt|beukt) (?:\w+ )?(?:de|mijn|onze) deur (?:in|kapot)\b|\b(?:de|mijn) deur in (?:te )?trappen\b",
    r"\bwordt (?:nu )?(?:in elkaar geslagen|neergestoken|aangevallen|gewurgd)|\b(?:ik ben|wij zijn|we zijn) (?:net |zojuist )?(?:aangevallen|neergestoken)",
    r"\bbij (?:de|haar|zijn|mijn) keel\b",
    r"\b(?:rijdt|rent|loopt) (?:\w+ )?achter (?:ons|me|mij) aan\b",
    r"\bzit (?:nu )?(?:\w+ )?(?:opgesloten|verstopt)\b.{0,40}\b(?:wc|badkamer|kamer|kast)\b|\bheb (?:me|mij) (?:\w+ )?opgesloten\b",
]

DV_PATTERNS = [
    r"\bpinpas van (?:oma|opa|mijn moeder|mijn vader|mijn oma|mijn opa|haar|hem)\b|\b(?:nieuw )?testament (?:\w+ ){0,3}(?:tekenen|tekent|laten tekenen|veranderen)\b",
    r"\b\d+ berichten per dag\b|\bop (?:me|mij) (?:te )?(?:staan )?wachten\b.{0,40}\b(?:werk|huis|school)\b|\b(?:ex|hij)\b.{0,30}\b(?:blijft|staat) (?:steeds |elke dag )?(?:voor|bij) (?:mijn|m'n) (?:huis|deur|werk)\b",
    r"\b(?:krijgen|krijgt|kregen) (?:\w+ )?geen eten\b|\b(?:drinkt|gebruikt) (?:\w+ ){0,3}elke dag\b.{0,60}\b(?:kinderen|broertjes|zusjes|kids)\b",
    r"\bvriend van (?:2\d|3\d|4\d)\b.{0,80}\b(?:geld|cadeaus|iphone|feestjes|hotel\w*)\b",
    r"\b(?:anders|dan) (?:\w+ ){0,3}niet meer (?:terug|thuis)\b(?: mag| mogen| komen)?",
    # main-clause order: "mijn buurman slaat zijn vrouw", "hij ... slaat me"
    r"\b(?:" + WHO + r"|hij|zij)\s+(?:\w+\s){0,4}?(?:slaat|schopt|trapt|wurgt|stompt|mishandelt|misbruikt|bedreigt|duwt|mept|knijpt|verkracht)\s+(?:\w+\s){0,5}?" + OBJ + r"\b",
    r"\ben (?:slaat|schopt|trapt|wurgt|stompt|mishandelt|bedreigt) (?:me|mij|ons|haar|hem)\b",
    # inverted order after a clause: "als ik er iets van zeg slaat hij me"
    r"\b(?:slaat|sloeg|schopt|schopte|trapt|wurgt|stompt|mishandelt|duwt|duwde|mept|knijpt) (?:hij|ze|zij) (?:me|mij|ons|haar|hem|de kinderen)\b",
    r"\b(?:gooide|gooit|smeet|smijt|duwde|duwt) (?:me|mij|haar|hem) (?:\w+ ){0,2}(?:tegenaan|tegen ?aan|tegen (?:de|het|een) (?:muur|kast|deur|grond|vloer|bank|tafel))",
    r"\b(?:me|mij|haar|hem) (?:er )?(?:tegenaan|tegen (?:de|het|een) (?:muur|kast|deur|grond|vloer|bank|tafel)) (?:gegooid|gesmeten|geduwd|duwde|gooide|smeet|duwt|gooit)\b",
    r"\b(?:beating|beats|hits|hitting|abusing|abuses|hurting|hurts|chokes|choking) (?:his|her|my|their) (?:wife|husband|girlfriend|boyfriend|kids|children|child|son|daughter|mother|mom|father|dad|partner)\b"
    r"|\b(?:won'?t|doesn'?t|does not|will not) let me (?:\w+ ){0,3}(?:see|leave|go out|have|learn|talk|call)\b|\btakes? all (?:my|the) money\b",
    # forced marriage, loverboys, exploitation
    r"\b(?:willen|wil|moet|moeten) (?:dat ik |dat ze |dat zij )?(?:\w+ ){0,6}trouw\w*\b.{0,60}\b(?:wil (?:dat|het) niet|niet wil|mag niks|mag niets|mag niet|gedwongen|moet van)\b",
    r"\b(?:geld|schuld) (?:\w+ ){0,3}terug (?:\w+ )?(?:te )?verdienen\b|\bmee naar (?:een )?hotel\w*\b|\bfoto'?s (?:\w+ ){0,4}voor (?:andere )?mannen\b|\bal (?:het|haar|mijn) geld aan hem\b",
    r"\bword\w* uitgebuit\b|\bmag (?:nooit|niet) alleen (?:naar buiten|de deur uit|weg)\b",
    # locking someone up, taking an elderly person's money, threats, stalking
    r"\beer\b (?:\w+ ){0,3}(?:geschonden|bezoedeld|te schande)\b|\bschande (?:over|voor) de familie\b",
    r"\b(?:stuurt|vraagt|wil|eist|maakt) (?:\w+ ){0,3}naakt ?foto'?s\b",
    r"\b(?:sluit|sloot) (?:hij |ze |zij )?(?:me|mij|haar|hem|ons|de kinderen) (?:\w+ ){0,3}op\b|\b(?:me|mij|haar|hem|ons) (?:\w+ )?opsluit\w*\b",
    r"\bgeld (?:\w+ ){0,3}van (?:de )?rekening van (?:mijn|haar|zijn) (?:moeder|vader|oma|opa|schoonmoeder|schoonvader)\b",
    r"\bik (?:ben|word) de volgende\b|\bdat ik de volgende ben\b",
    r"\b(?:gps|tracker|volgsysteem)\b.{0,60}\b(?:auto|fiets|telefoon|tas)\b|\bweet (?:\w+ )?(?:steeds|altijd|precies) waar ik ben\b",
    r"\b(?:heeft|had) (?:me|mij|haar|hem) (?:\w+ )?aangeraakt\b",
    WHO + r"\s+(?:\w+\s){0,2}?" + OBJ + r"\s+(?:\w+\s){0,3}?" + HURT + r"\b",
    r"\b" + OBJ + r" (?:heeft|hebben|had|hadden) (?:\w+ )?(?:geslagen|geschopt|geduwd|gewurgd|mishandeld|misbruikt|bedreigd|verkracht|aangerand)\b",
    r"\baan (?:haar|hem|me|mij) (?:zit|zat|zitten)\b",
    r"\b(?:kijkt|checkt|controleert|leest) (?:\w+ ){0,2}(?:mijn|haar) (?:telefoon|berichten|mail|whatsapp)\b|\bbonnetje\w* (?:laten )?(?:zien|inleveren)\b",
    r"\bmag (?:alleen|pas) (?:\w+ ){0,4}als (?:hij|zij|ze) (?:het )?(?:goed vindt|toestemming geeft|mag)\b",
    r"\b(?:al )?mijn wachtwoorden\b|\bzegt dat ik gek ben\b|\bniemand (?:me|mij) gelooft\b",
    r"\b(?:verblijfs\w*|ind[- ]?pas|papieren)\b.{0,60}\b(?:afpakt|afgepakt|terugsturen|stuurt (?:ze|hij) (?:me|mij) terug|het land uit)",
    r"\b(?:beheert|heeft) (?:de |het )?(?:rekening|bankrekening|geld|volmacht|bewind)\b.{0,80}\b(?:geld weg|spaargeld weg|weg is|gekocht|geen geld|niet meer betaald)",
    r"\bvolmacht\b.{0,100}\b(?:gekocht|weg|voor zichzelf|opgenomen|niet meer)",
    r"\beist (?:\w+ ){0,3}geld\b|\bgaat (?:hij|ze) dreigen\b|\bslaat (?:hij|ze) (?:\w+ )?(?:dingen|spullen|alles) kapot",
    r"\b'?ongelukje'?\b.{0,60}\b(?:arm|been|oog|gezicht|vriend|man|partner)|\blaat (?:haar|hem|me|mij) nooit alleen\b",
    r"\b(?:zit|zat) aan (?:haar|hem|me|mij)\b|\b(?:naar bed|seks)\b.{0,30}\b(?:voor geld|met zijn vrienden|met vrienden van)|\biets terug (?:moet|moeten) doen\b",
    r"\bgeen loon\b.{0,80}\b(?:paspoort|slaapt|zolder|werkt)\b|\bpaspoort\b.{0,60}\b'?bewaart'?\b",
    r"\b(?:uren|dagen) (?:laten )?huilen\b.{0,60}\b(?:luier|dronken|alleen)\b|\bvieze luier\b",
    r"\baltijd honger\b|\b(?:slippers|zomerkleren)\b.{0,30}\b(?:januari|winter|kou)|\b(?:moeder|vader|ouders) (?:is |zijn )?(?:soms )?dagen weg\b",
    r"\bop (?:zijn|haar) knie\w* op (?:rijst|erwten)\b|\bhard(?:handig)?\b.{0,40}\b(?:vastpakt|vastgepakt|uitscheldt|slaat|straft)",
    r"\bblauwe (?:pols|arm|plek|plekken|ogen|oog)\b|\buitscheldt\b",
    r"\b(?:heeft|hebben) (?:me|mij|haar|hem|ons) (?:\w+ ){0,2}(?:geslagen|geschopt|geduwd|gewurgd|in elkaar geslagen|het huis uit geslagen)\b",
    r"\bgooit (?:hij|ze|zij) (?:\w+ )?met (?:dingen|spullen|borden)\b|\bverstoppen (?:\w+ )?zich\b",
    r"\btrouwen\b.{0,80}\b(?:ik wil niet|wil ik niet|wil het niet|nooit gezien|ken ik niet|moet|gehuild)\b|\bland van (?:haar|mijn|zijn) ouders\b.{0,30}\btrouwen\b",
    r"\b'?besnijden'?\b|\bbesnijdenis\b",
    r"\b(?:staat|stond) (?:steeds |elke dag )?(?:bij|voor) (?:mijn|m'n) (?:werk|huis|deur|school)\b.{0,80}\b(?:oppassen|dreig|berichten|weet waar)|\bweet waar ik (?:nu )?woon\b",
    r"\bcontactverbod\b|\bstraatverbod\b|\blocatieverbod\b",
    r"\bdoor elkaar geschud\b|\bgeschud\b.{0,30}\b(?:baby|kind|zusje|broertje|huilt niet)",
    r"\b(?:zegt|zei|gezegd|dreigt|gedreigd|roept|riep) (?:\w+ )?dat (?:hij|ze|zij) (?:me|mij|haar|hem|ons|de kinderen) (?:\w+ )?(?:afmaakt|afmaken|vermoordt|vermoorden|vermoorde|doodmaakt|dood maakt|iets aandoet|wat aandoet|kapot maakt|kapotmaakt)\b",
    r"\b(?:controleert|checkt|leest) (?:\w+ )?(?:mijn|haar) (?:telefoon|berichten|whatsapp|locatie|mail)\b.{0,80}\b(?:mag niet|mag nergens|moet steeds|moet altijd|foto|bewijzen)",
    r"\bnaar (?:me|mij|haar|hem|mama|papa|ons) (?:gegooid|gesmeten|gooit|smijt|gegooit)\b",
    r"\b(?:word|wordt) (?:hij|ze|zij) (?:heel |erg |echt )?(?:agressief|gewelddadig)\b|\b(?:hij|ze|zij) (?:wordt|werd) (?:heel |erg |echt )?(?:agressief|gewelddadig)\b",
    r"\b(?:doet|deed) (?:hij|ze|zij|die) (?:me|mij|haar|hem|ons|de kinderen) (?:\w+ )?pijn\b|\b(?:doet|deed) (?:me|mij|haar|hem|de kinderen|ons) (?:\w+ )?pijn\b",
    r"\b(?:en|dan|die|hij|ze|zij) (?:me|mij|haar|hem|ons) (?:\w+ )?(?:slaat|sloeg|schopt|schopte|wurgt|mishandelt|misbruikt|bedreigt|duwt|slaan|trapt)\b",
    r"\b(?:schopt|schopte|slaat|sloeg|stompt|trapt) (?:\w+ )?(?:tegen|in|op) (?:mijn|haar|zijn) (?:buik|hoofd|gezicht|lijf|rug|borst)\b",
    r"\baan (?:haar|zijn|mijn) haren\b.{0,40}\b(?:trekken|trekt|sleuren|sleept|getrokken|gesleurd)|\b(?:trekt|sleurt|sleept) (?:\w+ ){0,3}aan (?:haar|zijn|mijn) haren",
    r"\b(?:hem|haar|mijn \w+) (?:\w+ ){0,2}(?:een klap|klappen|een duw|een schop|een trap) (?:heb|heeft|had|gegeven|gegeven heb)\b",
    r"\b(?:mijn|haar|zijn) (?:pinpas|bankpas|paspoort|geld|pensioen|uitkering)\b (?:\w+ )?(?:heeft|afpakt|houdt)\b.{0,80}\b(?:kwaad|boos|agressief|bang|geen geld)",
    r"\b(?:heeft|hebben) (?:\w+ ){0,4}opgesloten\b|\bniet genoeg (?:te )?eten\b",
    r"\bhuiselijk geweld\b|\bkindermishandeling\w*|\bouderenmishandeling\w*|\bpartnergeweld\b|\beergerelateerd\w*|\beerwraak\b",
    r"\bmishandeld\b|\bmisbruikt?\b|\bmisbruiken\b|\bseksueel (?:misbruik\w*|geweld|lastig\w*|overschreden)|\bverkracht\w*|\baangerand\w*|\bincest\b",
    WHO + r"\s+(?:\w+\s){0,4}?" + HURT + r"\s*(?:\w+\s){0,2}?" + OBJ + r"\b",
    WHO + r"\s+(?:\w+\s){0,4}?(?:heeft|had) " + OBJ + r"\s+(?:\w+\s){0,3}?" + HURT + r"\b",
    r"\b(?:hij|zij|ze|die|pa|papa)\s+(?:\w+\s){0,3}?" + HURT + r"\s*(?:\w+\s){0,2}?" + OBJ + r"\b",
    r"\b(?:hij|zij|ze|die) (?:heeft|had) " + OBJ + r"\s+(?:\w+\s){0,3}?" + HURT + r"\b",
    r"\b(?:ik|mijn \w+|zij|hij|ze) (?:word|wordt|worden|werd) (?:\w+ ){0,6}?(?:geslagen|geschopt|mishandeld|misbruikt|verwaarloosd|opgesloten|bedreigd|gewurgd)\b",
    r"\b(?:krijg|krijgt|kreeg|krijgen) (?:\w+ )?(?:slaag|klappen|een klap|rammel|een pak slaag)\b",
    r"\b(?:mept|mepte|slaat|sloeg) " + OBJ + r" (?:\w+ ){0,3}met (?:zijn|een|z'n|de|haar) (?:riem|stok|hand|vuist|pollepel|slof)",
    r"\b(?:heb|heeft|had) (?:hem|haar) (?:\w+ )?(?:een klap|klappen|geslagen)\b",
    r"\b(?:blauwe plekken|blauw oog|blauwe ogen|striemen|brandwonden)\b",
    r"\b(?:bang|doodsbang|doodsbenauwd|angstig) (?:voor|van) " + WHO,
    r"\b(?:durf|durft|durven|durfde) (?:\w+ )?(?:niet|niks|niets) (?:meer )?(?:naar huis|thuis te komen|weg te gaan|tegen (?:hem|haar) in)",
    r"\b(?:mag|mocht) (?:\w+ ){0,3}(?:nergens|niet) (?:meer )?(?:heen|naar buiten|de deur uit|alleen weg|met vriendinnen|het huis uit)",
    r"\b(?:zonder (?:hun|zijn|haar) toestemming)\b.{0,40}\b(?:huis|deur|buiten)|\b(?:huis|deur) (?:niet )?uit zonder (?:hun|zijn|haar) toestemming",
    r"\b(?:pakt|neemt|pikt) (?:\w+ )?(?:mijn|haar|zijn|het) (?:\w+ )?(?:telefoon|geld|pinpas|bankpas|paspoort|pensioen|uitkering|loon) (?:\w+ ){0,3}af\b",
    r"\b(?:heeft|houdt|beheert|controleert) (?:al )?(?:mijn|haar|zijn|het) (?:\w+ )?(?:geld|telefoon|pinpas|bankpas|paspoort|papieren|pensioen|berichten)\b.{0,80}\b(?:mag|bang|boos|kwaad|agressief|niet|geen|duwt|slaat|scheldt|dreigt|uit)",
    r"\b(?:geeft|gaf) (?:me|mij|haar) (?:\w+ )?geen (?:geld|eten|eigen pinpas)\b|\bkrijg geen (?:eigen )?(?:pinpas|geld|loon)\b",
    r"\b(?:zit|zitten) (?:aan|op) (?:het |al het |haar |zijn )?geld van (?:mijn |haar |zijn )?(?:oma|opa|moeder|vader|tante|oom|buurvrouw|buurman)",
    r"\b(?:steelt|stal|pakt|neemt) (?:\w+ )?geld (?:van|uit) (?:mijn |haar |zijn )?(?:oma|opa|moeder|vader|portemonnee)",
    r"\b(?:sluit|sloot) (?:me|mij|haar|hem|de kinderen|ons) op\b|\bopgesloten (?:in|door)\b|\bin de kast (?:zitten|moet|moest|opgesloten)",
    r"\b(?:loverboy\w*|mensenhandel\w*|uitbuit\w*|gedwongen (?:tot )?(?:seks|prostitutie|werken|te werken|te trouwen|trouwen))",
    r"\b(?:dwingt|dwong|gedwongen) (?:\w+ )?(?:me|mij|haar|hem) (?:\w+ )?(?:tot|om)\b",
    r"\b(?:moet|moeten|moest) (?:van \w+ )?(?:\w+ )?(?:met|naar) (?:mannen|andere mannen|klanten)\b|\baardig zijn\b.{0,30}\bvrienden van hem\b|\boudere vriend\b.{0,60}\b(?:dure|cadeaus|geld|vrienden)\b",
    r"\b(?:uithuwelijk\w*|gedwongen huwelijk\w*|moet (?:\w+ ){0,5}trouwen\b.{0,60}\b(?:wil niet|wil het niet|niet wil|ben \d+)|man voor (?:me|mij|haar) (?:uitgekozen|gekozen))",
    r"\bmeisjesbesnijdenis\b|\bbesneden (?:moet|worden|laten)\b|\bbesnijdenis\b.{0,30}\b(?:dochter|meisje|nichtje)\b",
    r"\beer van de familie\b|\bde familie(?:eer)? (?:\w+ )?(?:geschonden|kapot|te schande)",
    r"\b(?:gillen|gil|schreeuwen|geschreeuw|gehuil|huilen|krijsen)\b.{0,60}\b(?:klappen|slaan|bonken|klap|dreunen|gestommel|gegooid|smijten)",
    r"\b(?:klappen|slaan|dreunen|klap)\b.{0,60}\b(?:gillen|gil|schreeuwen|huilen|help)",
    r"\b(?:chanteert|chanteren|gechanteerd|afpersen|afgeperst|sextortion)\b",
    r"\bnaakt ?foto\w*\b.{0,80}\b(?:verspreiden|sturen naar|online|dreigt|anders)\b",
    r"\b(?:stalkt|gestalkt|stalker)\b",
    r"\b(?:grooming|groomt)\b",
    r"\b(?:niet|niemand)\b.{0,30}\b(?:vertellen|zeggen)\b.{0,40}\b(?:geheim|ouders|mama|papa|niemand)\b.{0,60}\b(?:thuis|alleen|spelletje|foto|kamer)|\bgeheime? spelletje\w*|\balleen bij hem thuis\b",
    r"\bkomt (?:\w+ )?'?s ?nachts (?:\w+ )?op (?:mijn|haar|zijn) kamer\b",
    r"\bzit (?:aan|op) (?:me|mij|haar|hem) (?:terwijl|als|wanneer|en)|\bzit aan (?:mijn|haar) (?:lichaam|borsten|kruis)",
    r"\b(?:krijgt|krijg) (?:als straf )?(?:geen|nauwelijks) (?:eten|te eten)\b|\bals straf\b.{0,40}\b(?:geen eten|kast|opgesloten|slaan)|\bverwaarloos\w*\b(?! (?:zich|zichzelf|mezelf|mijzelf)\b| (?:\w+ )?(?:huis|tuin|woning|flat|administratie|gezondheid|post)\b)",
    r"\b(?:kind|kinderen|jongetje|meisje|baby|dochter|zoon) (?:\w+ ){0,2}(?:wordt|worden) (?:\w+ )?(?:geslagen|geschopt|mishandeld|misbruikt|verwaarloosd|opgesloten)",
    r"\b(?:geweld|agressief|tekeer)\b.{0,60}\b(?:durft|bang|niks te zeggen|niets te zeggen)\b|\b(?:tegen (?:haar|hem|mij|me) )?tekeer (?:gaan|gaat)\b.{0,60}\bdurft\b",
    r"\bgeweld (?:thuis|in huis|in ons gezin|in het gezin)\b|\bthuis (?:is|wordt) (?:er )?geweld\b|\bthuis niet veilig\b|\bniet veilig (?:thuis|bij (?:mijn|hem|haar))",
    r"\bzeggen? dat (?:ze|hij) (?:me|mij|haar) (?:wat|iets) (?:aandoen|aan doen)\b|\bheeft gevolgen\b.{0,10}$|\bdat het gevolgen heeft\b",
    r"\b(?:het land uit|uitgezet)\b.{0,40}\bals ik (?:niet )?(?:doe wat|gehoorzaam|luister)\b|\bals ik niet doe wat hij zegt\b",
    r"\bscheldt (?:me|mij|haar|hem) (?:\w+ )?uit\b.{0,60}\b(?:duwt|slaat|schopt|bang|mag niet)|\bmaken? (?:me|mij) (?:\w+ ){0,3}uit\b.{0,60}\b(?:mag|huis|toestemming)",
    r"\bpaspoort\b.{0,60}\b(?:geen loon|slaap|afgepakt|ingenomen|heeft de baas|baas heeft)|\bbaas heeft mijn paspoort\b",
    r"\bberichten\b.{0,60}\b(?:niet (?:aan|tegen) (?:mijn )?ouders (?:vertel|zeggen)|alleen bij hem)",
]

def _compile(patterns: List[str]) -> List[Pattern[str]]:
    return [re.compile(p) for p in patterns]


VIOLENCE_NOW = "violence_now"  # internal: acute violence; with someone close -> Veilig Thuis too

_LEVELS: List[Tuple[str, List[Pattern[str]]]] = [
    (SUICIDE, _compile(SUICIDE_PATTERNS)),
    (ACUUT, _compile(MEDICAL_PATTERNS)),
    (VIOLENCE_NOW, _compile(VIOLENCE_NOW_PATTERNS)),
    (HUISELIJK, _compile(DV_PATTERNS)),
]
CLOSE_PERSON = re.compile(r"\b(?:hij|zij)\b|\b" + WHO + r"\b")

# "now" markers make a domestic-violence or suicide match acute as well
NOW = re.compile(
    r"^help\b|\b(?:nu|op dit moment|op het moment|zojuist|vannacht|vanavond|meteen|help (?:me|mij|ons)|kom (?:alsjeblieft |aub |nou )?snel|"
    r"(?:is|zijn|ben) (?:\w+ ){0,4}aan het (?:wurgen|slaan|schoppen|steken|mishandelen|vechten|stikken)|"
    r"staat (?:nu )?(?:voor|aan) (?:de|mijn) deur|is (?:hier|binnen|binnengedrongen)|"
    r"ingenomen|geslikt|laatste bericht|net (?:\w+ )?(?:geslagen|gewurgd|geschopt|gestoken|bedreigd)|(?:staat|is|zit) (?:hij |ze )?nog (?:hier|binnen|in (?:de|het) (?:kamer|huis))|(?:belt|belde) net|net gebeld|(?:slaat|schopt|wurgt|trapt|duwt)\b.{0,40}\b(?:huilt|gilt|schreeuwt|wat moet ik doen|help)|(?:roept|schreeuwt|zegt) (?:\w+ )?dat (?:ze|hij|zij) (?:zich|zichzelf) (?:nu |gaat|wil)|sta op (?:de|een|het) (?:brug|rand|dak|spoor)|zit op het spoor|gaskraan)\b"
)
NEGATORS = re.compile(r"\b(?:geen|niet|nooit|nee|zonder)\b")
# "wordt niet gepest of geslagen": the negation sits inside the matched phrase, before the act
INNER_NEGATION = re.compile(
    r"\b(?:niet|nooit|geen)\b(?:\s+\w+){0,2}\s+(?:geslagen|gepest|mishandeld|misbruikt|bedreigd|geschopt|slaat|schopt|mishandelt|misbruikt|bedreigt|pijn)\b"
)
# danger named as a topic, not as something happening to someone
TOPIC = re.compile(
    r"^(?:huiselijk geweld|kindermishandeling\w*|ouderenmishandeling\w*|partnergeweld|eergerelateerd\w*|eerwraak|"
    r"zelfmoord\w*|loverboy\w*|mensenhandel\w*|uitbuit\w*|mishandeld|misbruikt?|misbruiken|verkracht\w*|aangerand\w*|"
    r"suicidaal\w*|zelfmoordgedachte\w*|grooming|sextortion|stalker|euthanasie|contactverbod|straatverbod|huisverbod|misbruik|"
    r"reanimatie|reanim\w*|overdosis\w*|vechtpartij|vergiftig\w*|met messen|messen|steekpartij|schietpartij)$"
)
INFO = re.compile(
    r"\b(?:wat (?:is|doet|betekent|zijn)|hoe werkt|meldcode|meldingen|voorlichting|training|cursus|presentatie|folder\w*|"
    r"programma|werkstuk|spreekbeurt|informatie over|info over|preventie|beleid|cijfers|statistiek\w*|documentaire|film|serie|"
    r"boek|artikel|nieuws|studie|opleiding|scriptie|ik werk (?:bij|als|in)|vrijwilliger\w*|op tv|op televisie|preventiemedewerker|"
    r"vereniging|cursus|tiktok|filmpje|thriller|npo|maatschappijleer|voorlichting|cameratoezicht|berichten over|lees|gelezen|podcast|"
    r"in (?:19|20)\d\d|clean|vog|poster|om te weten|voor later)"
)
DENIAL = re.compile(r"\b(?:vroeg|vraagt|vroegen|vragen) (?:\w+ )?of ik\b.*\b(?:niet zo|helemaal niet|echt niet|nee)\b")
PAST = re.compile(r"\b(?:\w+ jaar geleden|jaren geleden|in (?:19|20)\d\d|vroeger|toen ik (?:klein|jong|kind|tiener|\d+)|als kind|in mijn jeugd|in het verleden|lang geleden)\b")
# a young child hitting or biting is a parenting question, not domestic violence
YOUNG_ACTOR = re.compile(
    r"\b(?:peuter\w*|kleuter\w*|dreumes\w*|(?:zoon|dochter|kind|broer|zus)\w* (?:is |van )(?:[1-8]|een|twee|drie|vier|vijf|zes|zeven|acht)(?: jaar)?)\s+(?:\w+\s){0,2}?(?:slaat|bijt|schopt|duwt|krabt|knijpt|trapt|stalkt|zeurt)\b"
)
# a bruise or black eye from sport or play, not from a person at home
SPORT = re.compile(
    r"\b(?:training|trainen|wedstrijd|voetbal\w*|hockey\w*|kickboks\w*|boksen|judo|karate|paintball\w*|lasergame\w*|rugby|"
    r"vechtsport\w*|sparren|skate\w*|(?:van|met) de fiets gevallen|gym(?:les)?)\b"
)
INJURY = re.compile(r"^(?:blauwe plekken|blauw oog|blauwe ogen|blauwe (?:pols|arm|plek))$")
# an emergency that is over ("heeft in januari een hartaanval gehad, revalideert goed")
MEDICAL_OVER = re.compile(
    r"\bgehad\b|\b(?:revalideert|revalidatie|hersteld|herstelt|is weer thuis|weer thuis|gaat (?:het )?(?:weer )?goed)\b"
    # repaired or solved; not "gemaakt" or "dichtgedraaid": "ramen open gemaakt", "kraan dichtgedraaid" is first aid, not the end
    r"|\b(?:gerepareerd|opgelost)\b"
    r"|\b(?:ligt|is) (?:nu |inmiddels )?(?:weer )?stabiel\b|\b(?:is|gaat) (?:het |ze |hij |zij )?(?:nu |inmiddels )?(?:weer|alweer|helemaal)(?: helemaal)? (?:goed|beter|in orde|opgeknapt)\b"
)
# "de verhuurder reageert niet (op mijn mail)": an office or a landlord that does not answer, not a body
NO_ANSWER = re.compile(
    r"\b(?:verhuurder|huisbaas|corporatie|woningcorporatie|gemeente|instantie\w*|loket|werkgever|baas|coach|werkcoach|"
    r"consulent|begeleider|stagebegeleider|school|leraar|mentor|uwv|belastingdienst|bank|verzekeraar|verzekering|"
    r"bedrijf|winkel|aannemer|installateur|klantenservice|wijkteam)\s+(?:\w+\s+){0,2}$"
)
NO_ANSWER_AFTER = re.compile(r"^\s*(?:meer\s+)?op\s+(?:\w+\s+){0,2}(?:mail\w*|e-?mail\w*|brie\w*|bericht\w*|telefoon|app\w*|bezwaar|aanvraag|vraag|vragen|klacht\w*)\b")
# after an emergency ("na een beroerte", "sinds zijn hartaanval"): it is over, the question is about what comes next
MEDICAL_AFTER = re.compile(r"\b(?:(?:na|sinds|door|vanwege)|(?:overleden|gestorven|overlijden) (?:\w+ )?aan) (?:een|zijn|haar|mijn|de) $")
MEDICAL_PAST = re.compile(r"\b(?:vorig jaar|vorige (?:maand|week)|\w+ (?:jaar|maanden) geleden|in (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))\b")
# grief about someone who died by suicide long ago: a question for a rouwgroep, not an alarm
BEREAVED = re.compile(r"\b(?:overleden|gestorven) (?:\w+ )?(?:door|aan) (?:zelfmoord|zelfdoding)\b|\b(?:heeft|had) zelfmoord gepleegd\b|\bzelfmoord van (?:mijn|haar|zijn)\b")
JOKE = re.compile(r"\b(?:haha\w*|hihi\w*|grapje|lol|xd)\b|😂|🤣|😅|😜")
THREAT_WORD = re.compile(r"\b(?:vermoord\w*|kill\w*|maak \w+ af|sloop\w*|stalk\w*)\b")
CURRENT = re.compile(r"\b(?:nog steeds|nog altijd|weer|opnieuw|sinds kort|deze week|gisteren|vandaag|elke dag|steeds|vannacht|vanavond|nu (?:slaat|doet|bedreigt|zit|is hij|is ze))\b")


@dataclass
class Screen:
    level: Optional[str] = None  # ACUUT, SUICIDE, HUISELIJK or None
    acute: bool = False
    matches: List[str] = field(default_factory=list)
    suppressed: List[str] = field(default_factory=list)  # why a match was dropped (idiom, negation, info, past)

    @property
    def danger(self) -> bool:
        return self.level is not None

    @property
    def overrules_classifier(self) -> bool:
        """An idiom, negation, joke or information question: the words look like danger but the
        sentence says otherwise, which a bag-of-words classifier cannot see. (Context judgements,
        such as an emergency that is over, are left to the classifier, which learned them too.)"""
        return any(s.startswith(("idiom", "negation", "joke", "topic in an information question")) for s in self.suppressed)

    def as_dict(self) -> dict:
        return {"level": self.level, "acute": self.acute, "matches": self.matches, "suppressed": self.suppressed}


def _negated(text: str, start: int, end: int, matched: str, level: str) -> bool:
    """A negator right before ("geen zelfmoordgedachten"), inside ("wordt niet geslagen") or after
    ("slaat me niet") the match. Suicide patterns may contain their own negation ("wil niet meer leven")."""
    if level in (HUISELIJK, VIOLENCE_NOW) and INNER_NEGATION.search(matched):
        return True
    clause = text[max(0, start - 40) : start].split(" . ")[-1]
    if re.search(r"\bals (?:ik|je|ze|zij|hij|we|wij) (?:\w+ )?(?:niet|nooit) \w+\s*$", clause):
        return False  # "als ik niet luister, sluit hij me op": the negation belongs to the condition
    before = clause.split()[-2:]
    after = text[end : end + 12].split()[:1]
    if any(NEGATORS.fullmatch(w) for w in before) or re.search(r"\b(?:geen sprake van|er is geen|er was geen|geen enkele)\s*$", clause):
        return True
    return bool(after) and after[0] in ("niet", "nooit") and not text[end:].lstrip().startswith(("niet meer", "nooit meer"))


def screen(raw: Optional[str]) -> Screen:
    """Decide whether a message signals danger, and which kind."""
    result = Screen()
    if not raw or not raw.strip():
        return result
    text = normalise(raw)
    idioms = _IDIOM_RE.findall(text)
    if idioms:
        result.suppressed += [f"idiom: {m[0] if isinstance(m, tuple) else m}" for m in idioms]
        text = _IDIOM_RE.sub(" _ ", text)
    informational = bool(INFO.search(text)) or bool(DENIAL.search(text))
    past_only = bool(PAST.search(text)) and not CURRENT.search(text)
    found: dict = {}
    for level, patterns in _LEVELS:
        for pattern in patterns:
            for match in pattern.finditer(text):
                matched = match.group(0).strip()
                if not matched:
                    continue
                if _negated(text, match.start(), match.end(), matched, level):
                    result.suppressed.append(f"negation: {matched}")
                    continue
                if informational and TOPIC.match(matched):
                    result.suppressed.append(f"topic in an information question: {matched}")
                    continue
                if level == HUISELIJK and YOUNG_ACTOR.search(text):
                    result.suppressed.append(f"young child: {matched}")
                    continue
                if level == HUISELIJK and INJURY.match(matched) and SPORT.search(text):
                    result.suppressed.append(f"injury from sport: {matched}")
                    continue
                if level == SUICIDE and BEREAVED.search(text) and PAST.search(text):
                    result.suppressed.append(f"grief, long ago: {matched}")
                    continue
                if level in (VIOLENCE_NOW, HUISELIJK) and JOKE.search(text) and THREAT_WORD.search(matched):
                    result.suppressed.append(f"joke: {matched}")
                    continue
                before = text[max(0, match.start() - 40) : match.start()]
                if matched.startswith("reageert") and (NO_ANSWER.search(before) or NO_ANSWER_AFTER.search(text[match.end() : match.end() + 40])):
                    result.suppressed.append(f"no answer from an office: {matched}")
                    continue
                if level == ACUUT and (MEDICAL_OVER.search(text[match.end() : match.end() + 80]) or MEDICAL_PAST.search(before) or MEDICAL_AFTER.search(before)):
                    result.suppressed.append(f"over: {matched}")
                    continue
                if past_only and level in (HUISELIJK, SUICIDE):
                    result.suppressed.append(f"long past: {matched}")
                    continue
                found.setdefault(level, []).append(matched)
    if not found:
        return result
    result.matches = [m for ms in found.values() for m in ms]
    now = bool(NOW.search(text))
    if SUICIDE in found:
        # a suicide attempt in progress is acute and suicidal: 112 and 113
        result.level, result.acute = SUICIDE, now or ACUUT in found
    elif VIOLENCE_NOW in found:
        close = HUISELIJK in found or CLOSE_PERSON.search(text)
        result.level, result.acute = (HUISELIJK if close else ACUUT), True
    elif ACUUT in found:
        result.level, result.acute = ACUUT, True
    else:
        result.level, result.acute = HUISELIJK, now
    return result
