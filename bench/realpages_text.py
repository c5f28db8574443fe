"""Sentences for bench/realpages.py: one event told twice, by two outlets, in four languages.

Every sentence here was written for this benchmark. Each topic has two banks that report the same
facts in different words: the original is written from one bank, an independent article on the
same story from the other, so the pair shares names and figures but no run of wording.
Slots: {place} {agency} {official} {role} {num} {amount} {day} {month} {project} {other}.
"""

from __future__ import annotations

TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "bridge": {
        "headline": (
            "{place} bridge to close for {num} weeks of repairs",
            "Repairs will shut the {project} in {place} until {month}",
        ),
        "a": (
            "The {project} in {place} will close to traffic on {day} so that crews can replace "
            "the worn bearings under its central span, the {agency} said.",
            "Engineers found the damage during a routine inspection last spring and have "
            "watched the bridge closely ever since.",
            "The work is expected to take {num} weeks and to cost about {amount}, most of it "
            "paid from the regional road fund.",
            "Drivers will be sent along the river road, which adds roughly ten minutes to a "
            "crossing at the busiest hours of the morning.",
            "{official}, the {role} at the {agency}, said the closure had been timed to avoid "
            "the harvest traffic that crowds the valley every {month}.",
            "Cyclists and people on foot will still be able to cross on a narrow lane that stays "
            "open on the northern side of the deck.",
            "Shop owners near the eastern ramp told the agency they feared losing customers who "
            "usually stop on their way to work.",
            "The agency promised signs in both directions and a weekly update on its website "
            "for as long as the crews are on site.",
            "A second inspection, planned for the following year, will decide whether the "
            "railings also need to be renewed.",
            "{other} residents have asked for a public meeting before the work begins, and the "
            "agency said it would hold one.",
        ),
        "b": (
            "Traffic across the {project} stops on {day}, when contractors begin swapping out "
            "bearings that inspectors judged unsafe.",
            "According to the {agency}, the job should last {num} weeks; its budget is close to "
            "{amount}.",
            "Motorists face a detour via the river road, and the morning commute could stretch "
            "by about ten minutes.",
            "Speaking for the {agency}, {official} ({role}) explained that starting before "
            "{month} keeps the repairs clear of harvest season.",
            "A slim walkway on the north edge remains usable for pedestrians and bicycles "
            "throughout.",
            "Businesses by the east approach worry that fewer commuters will pull in for "
            "coffee or groceries.",
            "Officials expect to post progress reports online every week and to put detour "
            "signs on both banks.",
            "Whether the railings must be replaced too will be settled by another survey next "
            "year.",
            "A neighbourhood group from {other} wants a town hall session first, which the "
            "agency has agreed to organise.",
            "Spring inspections first flagged the problem, and monitoring has continued since.",
        ),
    },
    "budget": {
        "headline": (
            "{place} council approves budget with {amount} for schools",
            "Council in {place} passes budget, schools gain {amount}",
        ),
        "a": (
            "The council in {place} approved next year's budget on {day} by {num} votes to "
            "four, after a meeting that ran late into the evening.",
            "The plan sets aside {amount} for school buildings, the largest sum the town has "
            "spent on them in a decade.",
            "{official}, the {role}, told members that the money would fix leaking roofs and "
            "replace heating systems installed in the 1970s.",
            "Opponents argued that the spending leaves too little for road maintenance, which "
            "has been cut three years in a row.",
            "Property taxes will rise slightly, by an amount the finance office put at a few "
            "pounds a month for a typical household.",
            "Parents who packed the public gallery applauded when the vote was announced.",
            "The {agency} will publish a list of the first projects in {month}, starting with "
            "the two primary schools in the oldest part of town.",
            "Councillors from {other} said they would press for a review of the road budget "
            "before the end of the year.",
            "Library opening hours, which had been at risk, are kept at their current level.",
        ),
        "b": (
            "Schools are the big winners in the spending plan that {place} councillors adopted "
            "on {day}: they receive {amount}.",
            "The measure passed {num} to four following hours of debate.",
            "Roof leaks and decades-old boilers top the list of repairs, according to {role} "
            "{official}.",
            "Critics on the council warned that roads, already trimmed for three straight "
            "years, are again short-changed.",
            "Homeowners should expect a modest increase in their tax bill, a few pounds per "
            "month by the finance office's estimate.",
            "Cheers went up from parents in the gallery once the result was read out.",
            "In {month} the {agency} plans to name the first schools to benefit, beginning with "
            "two primaries in the historic centre.",
            "Members representing {other} vowed to revisit road funding before year end.",
            "The library keeps its present opening hours after all.",
        ),
    },
    "clinic": {
        "headline": (
            "New health clinic opens in {place} after long wait",
            "{place} finally gets its health clinic",
        ),
        "a": (
            "A new health clinic opened its doors in {place} on {day}, four years after the "
            "town first asked the {agency} for one.",
            "The clinic has {num} rooms for consultations and a small pharmacy, and it will be "
            "open six days a week.",
            "{official}, the {role}, said that patients would no longer have to travel an hour "
            "to see a nurse for routine care.",
            "The building cost {amount}, shared between the regional health board and a "
            "charity set up by local farmers.",
            "Two doctors and five nurses have been hired so far, and the clinic hopes to add a "
            "dentist by {month}.",
            "On the first morning a queue formed outside well before the doors opened.",
            "Residents of {other} will also be served by the clinic, which has a minibus for "
            "patients without a car.",
            "The old surgery in the market square will become a community centre.",
        ),
        "b": (
            "{place} residents no longer need an hour's drive for basic care: their clinic "
            "began seeing patients on {day}.",
            "The town had lobbied the {agency} for four years before getting it.",
            "There are {num} consulting rooms plus a pharmacy counter, with opening hours from "
            "Monday to Saturday.",
            "A farmers' charity and the regional health board split the {amount} bill.",
            "Staff currently number two doctors and five nurses; a dentist could join in "
            "{month}, said {official}, who serves as {role}.",
            "People were lining up at dawn on opening day.",
            "A minibus will bring in patients from {other} who do not drive.",
            "Plans call for the former surgery on the market square to house community groups.",
        ),
    },
    "de": {
        "headline": ("Neue Brücke in {place} wird im {month} eröffnet",),
        "a": (
            "Die neue Brücke über den Fluss in {place} soll im {month} für den Verkehr "
            "freigegeben werden, teilte die {agency} am {day} mit.",
            "Der Bau hat rund {amount} gekostet und dauerte fast {num} Monate länger als geplant.",
            "{official}, {role} der Behörde, sprach von einem wichtigen Tag für die ganze Region.",
            "Pendler aus {other} sparen künftig jeden Morgen fast eine Viertelstunde.",
            "Die alte Holzbrücke bleibt stehen und wird nur noch von Fußgängern genutzt.",
            "Anwohner hatten sich lange über den Lärm der Baustelle beschwert.",
            "Zur Eröffnung ist ein kleines Fest mit Musik am Ufer geplant.",
        ),
        "b": (
            "Ab {month} rollt der Verkehr in {place} über eine neue Flussbrücke, wie die "
            "{agency} bekannt gab.",
            "Mit etwa {amount} und einer Verzögerung von {num} Monaten fiel das Projekt teurer "
            "und länger aus.",
            "Für die Region sei das ein großer Schritt, erklärte {official} ({role}).",
            "Wer aus {other} zur Arbeit fährt, gewinnt morgens rund fünfzehn Minuten.",
            "Über den hölzernen Vorgängerbau dürfen künftig nur noch Fußgänger gehen.",
            "Baulärm hatte die Nachbarschaft monatelang gestört.",
            "Am Ufer soll die Freigabe mit Musik gefeiert werden.",
        ),
    },
    "es": {
        "headline": ("{place} abre una biblioteca nueva en el centro",),
        "a": (
            "La nueva biblioteca de {place} abrió sus puertas el {day} en un antiguo almacén "
            "del centro, según informó la {agency}.",
            "La obra costó unos {amount} y ofrece {num} puestos de lectura y una sala infantil.",
            "{official}, {role} del municipio, dijo que el edificio quiere ser un lugar de "
            "encuentro para todos los vecinos.",
            "Los estudiantes de {other} podrán usar las salas de estudio hasta la medianoche "
            "durante los exámenes.",
            "La colección inicial reúne libros donados por familias del barrio.",
            "En {month} empezarán los talleres de lectura para mayores.",
        ),
        "b": (
            "Un viejo almacén del centro de {place} se ha convertido en biblioteca, inaugurada "
            "el {day}.",
            "Con una inversión cercana a {amount}, el espacio suma {num} plazas y una zona "
            "para niños, indicó la {agency}.",
            "Para {official}, que ejerce como {role}, la biblioteca será un punto de reunión "
            "vecinal.",
            "En época de exámenes, los alumnos de {other} tendrán salas abiertas hasta las doce "
            "de la noche.",
            "Muchos de los primeros volúmenes fueron regalados por familias de la zona.",
            "Los talleres para personas mayores arrancan en {month}.",
        ),
    },
    "fr": {
        "headline": ("Le marché couvert de {place} rouvre après travaux",),
        "a": (
            "Le marché couvert de {place} a rouvert le {day} après {num} mois de travaux, a "
            "annoncé la {agency}.",
            "La rénovation a coûté environ {amount}, dont une partie financée par la région.",
            "{official}, {role}, a salué le retour des commerçants dans un bâtiment plus clair "
            "et mieux isolé.",
            "Les producteurs de {other} disposent désormais de stands réservés le samedi.",
            "La toiture en verre a été entièrement remplacée.",
            "Une fête est prévue en {month} pour célébrer la réouverture.",
        ),
        "b": (
            "Fermé pendant {num} mois, le marché couvert de {place} accueille de nouveau le "
            "public depuis le {day}.",
            "Selon la {agency}, le chantier a représenté près de {amount}, avec une aide "
            "régionale.",
            "Pour {official} ({role}), les commerçants retrouvent un lieu lumineux et bien "
            "chauffé.",
            "Le samedi, des emplacements sont réservés aux agriculteurs venus de {other}.",
            "Toute la verrière du toit est neuve.",
            "Les habitants sont invités à une fête en {month}.",
        ),
    },
}

# Words around the story, by language: byline lead, date lead, tags lead.
CHROME: dict[str, dict[str, str]] = {
    "en": {"by": "By", "tags": "Tags", "lang": "en"},
    "de": {"by": "Von", "tags": "Schlagwörter", "lang": "de"},
    "es": {"by": "Por", "tags": "Etiquetas", "lang": "es"},
    "fr": {"by": "Par", "tags": "Étiquettes", "lang": "fr"},
}

PLACES = (
    "Ashford Vale",
    "Brackwater",
    "Corrin Bay",
    "Dunmere",
    "Elsworth",
    "Farrowby",
    "Glenholt",
    "Harlow Reach",
    "Inverlane",
    "Kestrel Hill",
    "Larchmont Falls",
    "Millbrook",
)
PEOPLE = (
    "Mara Lindqvist",
    "Tomas Okafor",
    "Ines Barreto",
    "Hugo Marchetti",
    "Priya Raman",
    "Jonas Weber",
    "Aoife Brennan",
    "Lucas Moreau",
    "Sofia Castellanos",
    "Daniel Asante",
    "Helena Novak",
    "Rafael Quintero",
)
ROLES = ("director of works", "finance chair", "chief executive", "deputy mayor", "spokesperson")
AGENCIES = ("regional transport agency", "county works office", "district council", "city office")
PROJECTS = ("Old Mill Bridge", "Quay Street crossing", "Harbour Road viaduct", "Station Bridge")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("March", "April", "May", "June", "September", "October")
MONTH_NAMES: dict[str, tuple[str, ...]] = {
    "en": tuple(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
    "de": tuple(
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ]
    ),
    "es": tuple(
        [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ]
    ),
    "fr": tuple(
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
    ),
}
