"""The notice reader: an original's own republishing notice read into terms, clause by clause.

Every notice here is written for these tests (the labelled real notices are only read by
bench/notices.py).
"""

from __future__ import annotations

from typing import Any

import pytest

from compliance.model import Attribution, Document
from compliance.terms.notice import read_notice, sentences
from compliance.terms.notice_rule import find_notice, notice_terms, rule_data
from compliance.terms.patterns import builtin_patterns_dir, load_patterns

CROSS_POST = (
    "Example News grants permission to cross-post its articles on community websites, provided "
    "the source and the copyright are acknowledged together with a hyperlink to the original "
    "article. Commercial sites and print publications must obtain written permission from "
    "rights@example.news."
)


def test_sentences_keep_offsets_into_the_text() -> None:
    text = "First rule.\n• Second rule: keep links.  Third."
    assert [text[a:b] for a, b in sentences(text)] == [
        "First rule.",
        "Second rule: keep links.",
        "Third.",
    ]


def test_a_version_number_does_not_end_a_sentence() -> None:
    text = "Licensed under CC BY 4.0 International."
    assert [text[a:b] for a, b in sentences(text)] == [text]


def test_a_cross_posting_grant_allows_with_conditions() -> None:
    assert read_notice(CROSS_POST).republishing == "allowed-with-conditions"


def test_each_required_element_is_read() -> None:
    requires = read_notice(CROSS_POST).requires
    assert (requires.credit_source, requires.copyright_notice, requires.together) == (
        True,
        True,
        True,
    )
    assert requires.link_to_original == "article"


def test_venues_in_the_grant_are_allowed_and_those_told_to_ask_need_permission() -> None:
    notice = read_notice(CROSS_POST)
    assert "community" in notice.venues_allowed
    assert set(notice.venues_needing_permission) == {"commercial", "print"}


def test_the_contact_is_the_address_in_the_notice() -> None:
    assert read_notice(CROSS_POST).contact == "rights@example.news"


def test_every_clause_quotes_its_sentence_with_offsets() -> None:
    notice = read_notice(CROSS_POST)
    for clause in notice.clauses:
        assert CROSS_POST[clause.start : clause.end] == clause.sentence


def test_the_credit_clause_is_the_sentence_that_asks_for_it() -> None:
    notice = read_notice(CROSS_POST)
    [credit] = [c for c in notice.clauses if c.field == "credit_source"]
    assert credit.sentence.startswith("Example News grants permission")


def test_all_rights_reserved_alone_needs_permission() -> None:
    notice = read_notice("© 2024 Orchard Media. All rights reserved.")
    assert (notice.republishing, notice.venues_needing_permission) == (
        "permission-required",
        ("any",),
    )


def test_reproduction_without_permission_prohibited_needs_permission() -> None:
    notice = read_notice("Reproduction without our written permission is strictly prohibited.")
    assert notice.republishing == "permission-required"


def test_a_flat_prohibition_with_no_route_to_permission_is_forbidden() -> None:
    notice = read_notice("This material may not be published, broadcast or redistributed.")
    assert notice.republishing == "forbidden"


def test_a_grant_turned_around_by_no_part_is_not_a_grant() -> None:
    notice = read_notice("No part of this site may be reproduced without the written consent.")
    assert notice.republishing == "permission-required"


def test_a_grant_for_private_use_only_is_not_a_republishing_grant() -> None:
    text = "You may copy these pages for personal use only. Other use requires our permission."
    assert read_notice(text).republishing == "permission-required"


def test_a_grant_without_conditions_is_allowed() -> None:
    assert read_notice("This story can be republished for free.").republishing == "allowed"


def test_a_wish_is_not_a_requirement() -> None:
    text = "You may republish our stories. It's nice if you include a link back to the article."
    assert read_notice(text).requires.link_to_original is None


@pytest.mark.parametrize(
    ("wording", "licence"),
    [
        ("licensed under CC BY-NC-ND 4.0", "cc-by-nc-nd-4.0"),
        ("licensed under a Creative Commons Attribution-ShareAlike 4.0 License", "cc-by-sa-4.0"),
        ("LICENSED UNDER CC BY NC", "cc-by-nc"),
        ("available under a Creative Commons licence", "cc-unspecified"),
    ],
)
def test_the_creative_commons_licence_is_named_by_id(wording: str, licence: str) -> None:
    assert read_notice(f"This article is {wording}.").requires.license_notice == licence


@pytest.mark.parametrize(
    ("text", "licence"),
    [
        (
            "Esta crónica está bajo una licencia Creative Commons "
            "Reconocimiento-NoComercial-SinObraDerivada 4.0 Internacional.",
            "cc-by-nc-nd-4.0",
        ),
        (
            "Cette chronique est mise à disposition selon les termes de la Licence Creative "
            "Commons Attribution - Partage dans les Mêmes Conditions 4.0 International.",
            "cc-by-sa-4.0",
        ),
        (
            "Diese Chronik ist lizenziert unter einer Creative Commons Namensnennung - Nicht "
            "kommerziell 4.0 International Lizenz.",
            "cc-by-nc-4.0",
        ),
        (
            "Esta crônica está licenciada com uma Licença Creative Commons - "
            "Atribuição-SemDerivações 4.0 Internacional.",
            "cc-by-nd-4.0",
        ),
        (
            "この記事はクリエイティブ・コモンズ 表示 - 継承 4.0 国際 "
            "ライセンスで提供されています。",
            "cc-by-sa-4.0",
        ),
    ],
)
def test_translated_creative_commons_licence_names_are_read(text: str, licence: str) -> None:
    assert read_notice(text).requires.license_notice == licence


def test_a_no_derivatives_licence_forbids_edits_and_an_nc_one_reserves_commercial_use() -> None:
    notice = read_notice("Our work is published under CC BY-NC-ND 4.0.")
    assert notice.requires.no_modification
    assert notice.venues_allowed == ("non-commercial",)
    assert "commercial" in notice.venues_needing_permission


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Se autoriza la reproducción citando la fuente.", "allowed-with-conditions"),
        (
            "Todos los derechos reservados. Prohibida la reproducción sin autorización.",
            "permission-required",
        ),
        ("Vous pouvez republier cet article en citant la source.", "allowed-with-conditions"),
        ("Reproduction interdite sans autorisation. Tous droits réservés.", "permission-required"),
        (
            "Sie dürfen den Artikel übernehmen, wenn Sie die Quelle angeben.",
            "allowed-with-conditions",
        ),
        ("Nachdruck nur mit Genehmigung der Redaktion.", "permission-required"),
        ("Este texto pode ser republicado, desde que cite a fonte.", "allowed-with-conditions"),
        (
            "Todos os direitos reservados. Proibida a reprodução sem autorização.",
            "permission-required",
        ),
    ],
)
def test_notices_in_spanish_french_german_and_portuguese_are_read(text: str, status: str) -> None:
    notice = read_notice(text)
    assert notice.republishing == status
    assert notice.requires.credit_source == (status == "allowed-with-conditions")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("© RIPRODUZIONE RISERVATA", "forbidden"),
        ("È consentita la riproduzione citando la fonte.", "allowed-with-conditions"),
        ("Все права защищены. Копирование без разрешения запрещено.", "permission-required"),
    ],
)
def test_italian_and_russian_notices_are_read(text: str, status: str) -> None:
    assert read_notice(text).republishing == status


def test_a_text_without_a_notice_reads_as_none() -> None:
    assert read_notice("The council met on Tuesday to discuss the bins.").republishing is None


# -- the notice as a rule file --------------------------------------------------------------


def test_derived_terms_pass_the_rule_file_validation_and_quote_the_notice() -> None:
    terms = notice_terms(read_notice(CROSS_POST), Attribution(publisher="Example News"), "x.txt")
    kinds = {r.kind for r in terms.requirements}
    assert {"credit_source", "copyright_notice", "link_to_original", "proximity"} <= kinds
    assert terms.clauses["main"].startswith("Example News grants permission")


def test_derived_terms_take_publisher_and_contact_from_the_original() -> None:
    terms = notice_terms(read_notice(CROSS_POST), Attribution(publisher="Example News"), "x.txt")
    assert (terms.publisher, terms.contact) == ("Example News", "rights@example.news")


def test_derived_venues_ask_permission_where_the_notice_does() -> None:
    terms = notice_terms(read_notice(CROSS_POST), Attribution(), "x.txt")
    assert (terms.venues["community"], terms.venues["commercial"], terms.venues["print"]) == (
        "allowed",
        "permission",
        "permission",
    )


def test_a_notice_that_reserves_all_rights_licenses_nothing() -> None:
    notice = read_notice("All rights reserved.")
    data = rule_data(notice, Attribution(), "x.txt")
    assert (data["licensed"], data["requirements"]) == (False, [])


def test_requirements_sharing_a_sentence_share_one_quoted_clause() -> None:
    data = rule_data(read_notice(CROSS_POST), Attribution(), "x.txt")
    quoted = {r["id"]: r.get("clause") for r in data["requirements"]}
    assert quoted["source-credit"] == quoted["copyright-notice"] == "main"


def test_only_with_permission_inside_a_grant_phrase_needs_permission() -> None:
    text = "Die Weiterverbreitung ist nur mit vorheriger schriftlicher Genehmigung gestattet."
    assert read_notice(text).republishing == "permission-required"


@pytest.mark.parametrize(
    "sentence",
    ["You can't edit our stories.", "Stories cannot be modified.", "Do not alter the text."],
)
def test_contracted_and_plain_negations_forbid_edits(sentence: str) -> None:
    notice = read_notice(f"You may republish our stories. {sentence}")
    assert notice.requires.no_modification


def test_a_venue_in_an_if_clause_is_a_condition_not_a_venue() -> None:
    text = "You may republish our articles. If you publish online, keep every link."
    notice = read_notice(text)
    assert (notice.venues_allowed, notice.requires.keep_links) == (("any",), True)


def _page(text: str, furniture: str) -> Document:
    return Document(id="p", origin="page", format="html", title="t", text=text, furniture=furniture)


def test_a_footer_grant_beats_a_reserved_rights_line_in_the_text() -> None:
    page = _page("Story.\n\n© 2024 Example News. All rights reserved.", CROSS_POST)
    notice, where = find_notice(page)
    assert (notice.republishing, where) == ("allowed-with-conditions", "furniture")


def test_a_grant_in_the_text_beats_the_footer() -> None:
    page = _page("Story.\n\nYou may republish this story if you credit us.", "All rights reserved.")
    notice, where = find_notice(page)
    assert (notice.republishing, where) == ("allowed-with-conditions", "text")


@pytest.mark.parametrize(
    "prose",
    [
        "You can share your thoughts in the comments below.",
        "The app is free to use.",
        "Protesters entered the building without permission.",
        "La venta de la cosecha está prohibida.",
        "Readers can order copies of the report from the ministry.",
        "The new law allows the reproduction of plants in greenhouses.",
        "La playa es de dominio público y su reproducción en maqueta costó poco.",
        "Permission is granted to build the tower, the council said in its publication.",
        "He said the drugs were for personal use only. Police copied the files.",
        "See our terms of use at https://example.org/terms before you post a comment.",
    ],
)
def test_ordinary_prose_is_not_read_as_a_notice(prose: str) -> None:
    assert read_notice(f"The council met on Tuesday.\n\n{prose}").republishing is None


@pytest.mark.parametrize(
    "prose",
    [
        "Republicans in the state senate held the vote without permission from the committee.",
        "The Republican candidate spoke at the rally without the consent of the organisers.",
        "The republic was founded by officers who acted without permission from the crown.",
        "A worm can replicate itself on a network without the consent of its owner.",
        "Villagers feared reprisals after the march, which went ahead without permission.",
    ],
)
def test_english_words_spelt_like_another_languages_reuse_words_make_no_notice(
    prose: str,
) -> None:
    assert read_notice(f"The council met on Tuesday.\n\n{prose}").republishing is None


def test_author_credited_in_the_passive_is_a_byline() -> None:
    notice = read_notice("You may republish our features, provided the reporter is credited.")
    assert notice.requires.byline


def test_credit_to_the_newsroom_beside_the_author_credits_the_source() -> None:
    notice = read_notice("You may republish this story if you credit the author and our newsroom.")
    assert notice.requires.credit_source


def test_use_named_beside_a_permission_phrase_in_a_granting_sentence_needs_permission() -> None:
    notice = read_notice(
        "You may republish this story for free if you credit us, but do not use our "
        "photographs without permission."
    )
    assert notice.uses_needing_permission == ("photos",)


@pytest.mark.parametrize(
    "text",
    [
        "Перепечатка материалов разрешена при условии активной гиперссылки на источник.",
        "記事の転載は、出典を明記すれば自由です。",
    ],
)
def test_russian_and_japanese_grants_are_read(text: str) -> None:
    assert read_notice(text).republishing == "allowed-with-conditions"


def test_a_standalone_personal_use_line_is_a_flat_prohibition() -> None:
    assert read_notice(
        "Transcript of the evening bulletin.\n\nFor personal use only."
    ).republishing == ("forbidden")


def test_a_personal_use_copy_with_reprints_to_order_needs_permission_for_any_venue() -> None:
    notice = read_notice(
        "This copy is for your personal, non-commercial use only. To order reprints for "
        "distribution to clients, visit https://reprints.example.com/order."
    )
    assert (notice.republishing, notice.venues_needing_permission, notice.contact) == (
        "permission-required",
        ("any",),
        "https://reprints.example.com/order",
    )


def test_a_pointer_to_the_terms_of_use_for_reuse_needs_permission_and_names_them() -> None:
    notice = read_notice(
        "For any reuse of our reporting, please consult our terms of use at "
        "https://news.example.org/legal."
    )
    assert (notice.republishing, notice.contact) == (
        "permission-required",
        "https://news.example.org/legal",
    )


def test_russian_use_with_a_link_to_the_site_is_a_grant_linking_home() -> None:
    notice = read_notice(
        "При полном или частичном использовании материалов ссылка на наш сайт обязательна."
    )
    assert (notice.republishing, notice.requires.link_to_original) == (
        "allowed-with-conditions",
        "home",
    )


def test_an_invitation_to_republish_is_a_grant() -> None:
    notice = read_notice("We encourage you to republish our essays if you credit the author.")
    assert notice.republishing == "allowed-with-conditions"


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "Las crónicas pueden reproducirse citando la fuente y a la autora, con un enlace a "
            "nuestra página web.",
            "home",
        ),
        (
            "Vous pouvez republier nos chroniques en mentionnant la source et l'auteur, avec un "
            "lien vers notre site.",
            "home",
        ),
        (
            "Die Reportagen dürfen unter Nennung der Quelle und des Autors sowie mit einem Link "
            "zu unserer Website weiterverbreitet werden.",
            "home",
        ),
    ],
)
def test_grants_with_source_author_and_home_link_are_read_in_es_fr_de(text: str, link: str) -> None:
    notice = read_notice(text)
    assert (
        notice.republishing,
        notice.requires.credit_source,
        notice.requires.link_to_original,
    ) == (
        "allowed-with-conditions",
        True,
        link,
    )


@pytest.mark.parametrize(
    "text",
    [
        "You may republish this essay if the © line and a credit to the Institute appear.",
        "Se permite la reproducción siempre que se mantenga el aviso de copyright.",
        "La reproduction est autorisée à condition de conserver la mention de copyright.",
        "Der Nachdruck ist gestattet, sofern der Copyright-Hinweis erhalten bleibt.",
        "A reprodução é permitida desde que mantido o aviso de direitos autorais.",
    ],
)
def test_a_copyright_notice_to_keep_is_required_in_en_es_fr_de_pt(text: str) -> None:
    assert read_notice(text).requires.copyright_notice


@pytest.mark.parametrize(
    "text",
    [
        "Puede republicar nuestras crónicas sin modificar el texto y manteniendo los enlaces.",
        "Vous pouvez reprendre nos chroniques sans les modifier et en conservant les liens.",
        "Sie dürfen die Chroniken übernehmen, ohne sie zu verändern; Links bitte beibehalten.",
        "Você pode republicar nossas crônicas sem alterar o texto e mantendo os links.",
    ],
)
def test_no_edits_and_kept_links_are_read_in_es_fr_de_pt(text: str) -> None:
    requires = read_notice(text).requires
    assert (requires.no_modification, requires.keep_links) == (True, True)


def test_a_source_named_in_the_german_passive_is_credited() -> None:
    notice = read_notice("Der Abdruck ist erlaubt, wenn die Quelle genannt wird.")
    assert notice.requires.credit_source


def _status_cases(status: str | None, family: str, texts: list[str]) -> list[Any]:
    return [pytest.param(t, status, id=f"{family}-{n}") for n, t in enumerate(texts)]


STATUS_CASES = [
    *_status_cases(
        "permission-required",
        "grant_tied_to_permission_by_only",
        [
            "Reproduction is permitted only with our written permission.",
            "La reproducción está permitida solo con autorización previa.",
            "Der Nachdruck ist nur mit Genehmigung der Redaktion gestattet.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "pointer_to_the_terms_of_use_for_reuse",
        [
            "Para reutilizar nuestras crónicas, consulte nuestras condiciones de uso.",
            "Pour toute réutilisation de nos chroniques, consultez nos conditions d'utilisation.",
            "Für die Weiterverwendung unserer Chroniken gelten unsere Nutzungsbedingungen.",
            "Para reutilizar nossas crônicas, consulte nossos termos de uso.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "use_without_consent",
        [
            "Nos chroniques ne peuvent être reprises sans l'accord de la rédaction.",
            "All columns are the property of the Courier and may not be used without permission. "
            "For licensing, write to the desk.",
        ],
    ),
    *_status_cases(
        "allowed-with-conditions",
        "invitation_or_permission_to_republish",
        [
            "Permission is granted to reprint this column provided the source is acknowledged.",
            "You have our permission to republish this column with a link to the original.",
            "Republishing is encouraged, with attribution.",
            "You are welcome to share this column on your blog if you credit us.",
            "We allow republication of our columns, provided the byline is kept.",
            "Republish this column for free. Credit the author.",
            "Si deseas republicar esta crónica, puedes hacerlo citando la fuente.",
            "Siéntete libre de republicar nuestras crónicas citando la fuente.",
            "N'hésitez pas à reprendre nos chroniques en citant la source.",
            "Gerne dürfen Sie unsere Chroniken übernehmen, bitte nennen Sie die Quelle.",
            "Fique à vontade para republicar nossas crônicas, citando a fonte.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "use_allowed_only_with_consent",
        ["Использование материалов допускается только с согласия редакции."],
    ),
    *_status_cases(
        "allowed",
        "public_domain",
        [
            "This report is a work of a federal agency and is not subject to copyright.",
            "Este texto es de dominio público.",
            "Ces photos sont dans le domaine public.",
            "Diese Chronik ist gemeinfrei.",
            "Esta obra está em domínio público.",
        ],
    ),
    *_status_cases(
        "forbidden",
        "personal_use_only_line",
        [
            "Copyright 2021 Example Radio - For Personal Use Only",
            "For personal, noncommercial use only.",
            "Use of this feed is for personal, non-commercial use only.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "personal_use_with_a_route_to_permission",
        [
            "For personal, noncommercial use only. For other uses, prior permission required.",
            "Copyright: (C) Example Broadcasting, see https://example.org/rss-terms for terms and "
            "conditions of reuse.",
        ],
    ),
    *_status_cases(
        "forbidden",
        "reproduction_marked_prohibited",
        [
            "Reprodução proibida.",
            "Reproducción prohibida.",
            "Riproduzione vietata.",
            "Nachdruck verboten.",
        ],
    ),
    *_status_cases(
        "forbidden",
        "personal_use_only_sentence_after_a_copyright_line",
        [
            "© 2024 Example News. For Personal Use Only.",
            "Copyright 2024 Example News. For personal use only.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "permission_stated_as_required",
        [
            "Prior permission is required to republish our articles.",
            "Written permission is needed to reprint this story.",
            "Se requiere autorización previa para republicar nuestros artículos.",
            "Une autorisation préalable est requise pour republier nos articles.",
            "Für die Veröffentlichung unserer Artikel ist eine vorherige Genehmigung erforderlich.",
            "É necessária autorização prévia para republicar os nossos artigos.",
        ],
    ),
    *_status_cases(
        "allowed",
        "permission_stated_as_not_required",
        [
            "No prior permission is required to republish our articles.",
            "No written permission is needed to reprint this story.",
            "There is no need to ask for permission to republish our stories.",
            "No se requiere autorización previa para republicar nuestros artículos.",
            "Aucune autorisation préalable n'est requise pour republier nos articles.",
            "La republication de nos articles ne nécessite aucune autorisation.",
            "Zum Nachdruck unserer Artikel ist keine vorherige Genehmigung erforderlich.",
            "Die Veröffentlichung unserer Artikel bedarf keiner Genehmigung.",
            "Não é necessária autorização prévia para republicar os nossos artigos.",
            "Você não precisa de autorização para republicar os nossos artigos.",
        ],
    ),
    *_status_cases(
        "permission-required",
        "permission_required_after_a_no_about_something_else",
        [
            "There is no charge but permission is required to reprint our stories.",
            "You do not need to pay but permission is needed to reprint our stories.",
            "No se requiere pago sino autorización para republicar nuestros artículos.",
            "La republication de nos articles ne nécessite que notre autorisation écrite.",
            "Für den Nachdruck unserer Artikel ist keine Zahlung sondern Genehmigung nötig.",
            "Para republicar não é necessária apenas autorização prévia.",
        ],
    ),
]


@pytest.mark.parametrize(("text", "status"), STATUS_CASES)
def test_a_phrasing_family_states_its_status(text: str, status: str | None) -> None:
    assert read_notice(text).republishing == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Republication of this column is prohibited.", "forbidden"),
        ("Republication is not allowed.", "forbidden"),
        ("Republications are forbidden without our written consent.", "permission-required"),
    ],
)
def test_the_english_file_alone_reads_republication_as_a_reuse_word(text: str, status: str) -> None:
    english = load_patterns([builtin_patterns_dir() / "en.yaml"], builtin=False)
    assert read_notice(text, english).republishing == status


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        (
            "To reprint our columns, please fill out the form at https://courier.example/rights.",
            "https://courier.example/rights",
        ),
        (
            "For permission to reprint, call the rights desk at +44 20 7946 0000.",
            "+44 20 7946 0000",
        ),
        (
            "Reprinting without permission is prohibited. For reprint rights, contact the "
            "Licensing Office.",
            "Licensing Office",
        ),
        (
            "Pour toute demande de reproduction, écrivez à droits@chronique.example.",
            "droits@chronique.example",
        ),
        (
            "Für Abdruckgenehmigungen wenden Sie sich bitte an die Rechteabteilung.",
            "Rechteabteilung",
        ),
        (
            "Para republicar nossas crônicas, solicite autorização em https://cronica.example/pedido.",
            "https://cronica.example/pedido",
        ),
    ],
)
def test_the_contact_is_the_form_phone_office_or_address_to_ask(text: str, contact: str) -> None:
    notice = read_notice(text)
    assert (notice.republishing, notice.contact) == ("permission-required", contact)


def test_a_source_cited_in_the_italian_passive_is_credited() -> None:
    notice = read_notice("È consentita la riproduzione purché sia citata la fonte.")
    assert notice.requires.credit_source


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("You may republish this column with a hyperlink to our homepage.", "home"),
        ("Sie dürfen die Chronik übernehmen, wenn Sie auf unsere Website verlinken.", "home"),
        ("Sie dürfen die Chronik übernehmen, mit einem Link zur Quelle.", "any"),
        ("Você pode republicar esta crônica com link para a fonte.", "any"),
    ],
)
def test_the_link_target_is_read_from_the_phrase(text: str, link: str) -> None:
    assert read_notice(text).requires.link_to_original == link


@pytest.mark.parametrize(
    ("text", "source", "author"),
    [
        ("You may republish this column. Please attribute it to the Courier.", True, False),
        (
            'You may republish this column. Include the line: "This column was first published '
            'by the Courier."',
            True,
            False,
        ),
        ("You may republish this column. Please include the writer's name.", False, True),
        ("You may republish this column if you name the author and the publication.", True, True),
        ("You may republish this column with proper credit to the reporter.", False, True),
        ("Puede republicar esta crónica mencionando a la autora y el medio.", True, True),
        (
            "Vous pouvez republier cette chronique en indiquant le nom du site et de l'auteur.",
            True,
            True,
        ),
        ("Sie dürfen die Chronik übernehmen, unter Angabe des Autors und der Quelle.", True, True),
    ],
)
def test_source_and_author_credits_are_told_apart(text: str, source: bool, author: bool) -> None:
    requires = read_notice(text).requires
    assert (requires.credit_source, requires.byline) == (source, author)


@pytest.mark.parametrize(
    "text",
    [
        "Puede republicar esta crónica si cita la fuente junto con un enlace al artículo "
        "original e incluye el píxel de seguimiento.",
        "Vous pouvez republier cette chronique en citant la source, accompagnée d'un lien vers "
        "l'article original, et en gardant le pixel de suivi.",
        "Sie dürfen die Chronik übernehmen, wenn Sie die Quelle zusammen mit einem Link zum "
        "Original nennen und das Zählpixel einbinden.",
        "Você pode republicar esta crônica citando a fonte junto com o link para a matéria "
        "original e mantendo o pixel de rastreamento.",
    ],
)
def test_credit_with_a_link_together_and_a_tracking_pixel_in_es_fr_de_pt(text: str) -> None:
    requires = read_notice(text).requires
    assert (requires.credit_source, requires.together, requires.tracking_pixel) == (True,) * 3
    assert requires.link_to_original == "article"


def test_the_sentence_before_a_notice_paragraph_is_not_read_as_one_of_its_terms() -> None:
    text = "The mayor spoke at noon. Do not alter the text.\n\nYou may republish our stories."
    notice = read_notice(text)
    assert (notice.republishing, notice.requires.no_modification) == ("allowed", False)


# -- phrasings found missing when the reader was tried on notices written for it -----------


def test_sites_named_as_the_subject_of_a_grant_may_republish() -> None:
    notice = read_notice("Community websites may reproduce our reports if they credit us.")
    assert notice.republishing == "allowed-with-conditions"


def test_print_or_commercial_use_to_write_for_needs_permission_for_those_venues() -> None:
    notice = read_notice(
        "Non-commercial websites may reproduce this article with a link to the original. "
        "For print or commercial use, please write to rights@example.org."
    )
    assert (notice.venues_allowed, set(notice.venues_needing_permission)) == (
        ("non-commercial",),
        {"print", "commercial"},
    )


def test_editing_only_for_style_is_a_no_modification_requirement() -> None:
    notice = read_notice("You may republish this story. Edit only for style or length.")
    assert notice.requires.no_modification


def test_a_spanish_link_to_the_original_is_a_link_to_the_article() -> None:
    notice = read_notice("Se permite la reproducción con un enlace al original.")
    assert notice.requires.link_to_original == "article"


def test_a_russian_notice_naming_the_author_requires_the_byline() -> None:
    notice = read_notice("Использование материалов разрешено при условии указания автора.")
    assert notice.requires.byline


def test_a_russian_reprint_without_changes_requires_no_modification() -> None:
    notice = read_notice("Материалы можно свободно перепечатывать без изменений.")
    assert (notice.republishing, notice.requires.no_modification) == (
        "allowed-with-conditions",
        True,
    )


def test_a_russian_prohibition_in_any_tense_is_read() -> None:
    notice = read_notice("Перепечатка материалов запрещается.")
    assert notice.republishing == "forbidden"


def test_a_russian_ban_outside_a_notice_is_prose() -> None:
    notice = read_notice("Председатель не допускается к голосованию по этому вопросу.")
    assert notice.republishing is None


def test_a_japanese_ban_on_reprinting_is_a_prohibition() -> None:
    assert read_notice("本記事の転載・複製を禁止します。").republishing == "forbidden"


def test_a_japanese_copyright_held_line_reserves_rights() -> None:
    notice = read_notice("著作権は株式会社サンプルに帰属します。")
    assert notice.republishing == "permission-required"


def test_a_japanese_notice_asking_for_the_author_and_source_requires_both() -> None:
    notice = read_notice("出典と筆者名を明記してください。記事の転載は自由です。")
    assert (notice.requires.credit_source, notice.requires.byline) == (True, True)


def test_a_japanese_non_commercial_grant_leaves_commercial_use_to_ask() -> None:
    notice = read_notice("非営利目的に限り、出典を明記の上、転載できます。")
    assert (notice.venues_allowed, notice.venues_needing_permission) == (
        ("non-commercial",),
        ("commercial",),
    )


def test_permission_to_reprint_granted_is_a_grant() -> None:
    notice = read_notice(
        "Permission to reprint in whole or in part is gladly granted, provided full credit "
        "and a live link are given."
    )
    assert notice.republishing == "allowed-with-conditions"


def test_provided_full_credit_requires_the_source_credit() -> None:
    notice = read_notice("You may republish our columns provided full credit is given.")
    assert notice.requires.credit_source


def test_a_live_link_is_a_link_requirement() -> None:
    notice = read_notice("You may republish our columns with a live link.")
    assert notice.requires.link_to_original == "any"


def test_the_author_being_credited_requires_the_byline() -> None:
    notice = read_notice(
        "This article may be reproduced in any medium, provided the original author and "
        "source are credited."
    )
    assert notice.requires.byline


def test_excerpts_with_attribution_are_granted_and_the_full_text_needs_permission() -> None:
    notice = read_notice(
        "Material from this site may be quoted in short excerpts with attribution. "
        "Full reproduction requires permission."
    )
    assert (notice.republishing, notice.uses_needing_permission) == (
        "allowed-with-conditions",
        ("full-text",),
    )


def test_a_person_who_may_be_quoted_is_no_notice() -> None:
    assert read_notice("The minister may be quoted with care, aides said.").republishing is None


def test_a_portuguese_notice_naming_author_and_source_requires_both() -> None:
    notice = read_notice("A reprodução é permitida, desde que citados o autor e a fonte.")
    assert (notice.requires.credit_source, notice.requires.byline) == (True, True)


def test_an_italian_plural_grant_is_read() -> None:
    notice = read_notice("Gli articoli possono essere ripubblicati citando la fonte.")
    assert notice.republishing == "allowed-with-conditions"


def test_an_inquiry_about_licensing_needs_permission_and_names_the_contact() -> None:
    notice = read_notice(
        "To inquire about licensing or syndication of this content, please contact "
        "licensing@example.com."
    )
    assert (notice.republishing, notice.contact) == (
        "permission-required",
        "licensing@example.com",
    )


def test_you_may_not_republish_is_a_prohibition() -> None:
    notice = read_notice("You may share the link, but you may not copy or republish this article.")
    assert notice.republishing == "forbidden"


def test_encouraging_other_outlets_to_republish_is_a_grant() -> None:
    notice = read_notice("We encourage other outlets to republish our investigations.")
    assert notice.republishing == "allowed"


def test_attributing_the_story_to_the_newsroom_requires_the_source_credit() -> None:
    notice = read_notice("You may republish it. Attribute the story to our newsroom.")
    assert notice.requires.credit_source


def test_including_the_reporters_byline_requires_the_byline() -> None:
    notice = read_notice("You may republish it. Include the reporter's byline.")
    assert notice.requires.byline


def test_not_removing_the_links_requires_keeping_them() -> None:
    notice = read_notice("You may republish this story. Please do not remove the links.")
    assert notice.requires.keep_links


def test_a_grant_to_some_venues_only_is_conditional() -> None:
    notice = read_notice(
        "Nonprofit news organizations may republish this story at no cost. For-profit outlets "
        "should contact us for licensing."
    )
    assert (notice.republishing, notice.venues_needing_permission) == (
        "allowed-with-conditions",
        ("commercial",),
    )


def test_a_newspaper_named_as_where_to_republish_is_print() -> None:
    notice = read_notice("You can republish our articles on your website or in your newspaper.")
    assert set(notice.venues_allowed) == {"online", "print"}


def test_a_german_grant_for_the_article_to_be_used_is_read() -> None:
    notice = read_notice(
        "Dieser Artikel darf unter Angabe der Quelle und mit einem Link auf den "
        "Originalbeitrag frei verwendet werden."
    )
    assert (notice.republishing, notice.requires.link_to_original) == (
        "allowed-with-conditions",
        "article",
    )


def test_a_german_rule_about_money_being_used_is_no_notice() -> None:
    assert read_notice("Das Geld darf nur für Schulen verwendet werden.").republishing is None


def test_german_use_only_after_consultation_needs_permission() -> None:
    notice = read_notice(
        "Die Übernahme ist erlaubt. Eine kommerzielle Nutzung ist nur nach Rücksprache mit "
        "der Redaktion möglich."
    )
    assert notice.venues_needing_permission == ("commercial",)


def test_german_naming_of_the_authors_requires_the_byline() -> None:
    notice = read_notice("Die Weiterverwendung ist unter Nennung der Urheber erlaubt.")
    assert notice.requires.byline


def test_a_french_condition_not_to_modify_requires_no_modification() -> None:
    notice = read_notice(
        "Les articles peuvent être reproduits librement, à condition de ne pas les modifier."
    )
    assert notice.requires.no_modification


def test_a_spanish_request_to_write_before_reproducing_needs_permission() -> None:
    notice = read_notice("Para reproducir este contenido, escriba a redaccion@example.com.")
    assert (notice.republishing, notice.contact) == (
        "permission-required",
        "redaccion@example.com",
    )


def test_a_portuguese_credit_to_the_author_is_the_byline_not_the_source() -> None:
    notice = read_notice("Você pode republicar nossas reportagens. Dê crédito ao autor.")
    assert (notice.requires.byline, notice.requires.credit_source) == (True, False)


def test_portuguese_online_or_printed_names_both_venues() -> None:
    notice = read_notice("Você pode republicar nossas reportagens, on-line ou impressas.")
    assert set(notice.venues_allowed) == {"online", "print"}


def test_an_italian_link_to_the_original_is_a_link_to_the_article() -> None:
    notice = read_notice("Gli articoli possono essere riprodotti con un link all'originale.")
    assert notice.requires.link_to_original == "article"


@pytest.mark.parametrize(
    "text",
    [
        "Under the new policy, schools may copy the plan for their own districts.",
        "Journalists can now access copyright records online.",
        "Broadcasters may reuse the footage from the pool camera.",
        "Permission to share patient records is granted only to treating doctors.",
        "Under fair use, a work can be quoted if the excerpt is short, the professor explained.",
        "The council received 40 inquiries about licensing for food trucks this year.",
        "For academic or commercial purposes, researchers can e-mail the lab for the data.",
        "Nach Artikel 3 der Verordnung dürfen die Fördermittel nur für Schulen verwendet werden.",
        "Das Grundstück wurde jahrelang ohne Genehmigung genutzt, sagte der Bürgermeister.",
        "Эти средства можно использовать для ремонта школ, заявил министр.",
        "Queste preoccupazioni possono essere condivise da molti cittadini.",
        "Para que el alumno escriba mejor, el maestro fomenta el uso de diarios personales.",
        "海賊版の複製を禁止する法律が成立した。",
        "著作権はすべて作者に帰属する、と裁判所は判断した。",
    ],
)
def test_ordinary_prose_about_use_and_copying_is_no_notice(text: str) -> None:
    assert read_notice(text).republishing is None


def test_a_prohibition_unless_the_source_is_credited_is_no_flat_ban() -> None:
    notice = read_notice("You may not republish this article unless you link to the original.")
    assert notice.republishing != "forbidden"


def test_a_ban_on_editing_beside_a_grant_keeps_the_grant_and_its_condition() -> None:
    notice = read_notice(
        "You may republish our stories for free. You may not edit them or republish them in part."
    )
    assert (notice.republishing, notice.requires.no_modification) == (
        "allowed-with-conditions",
        True,
    )


def test_permission_granted_on_request_needs_permission() -> None:
    notice = read_notice("Permission to reprint our articles is given on request.")
    assert notice.republishing == "permission-required"


def test_a_grant_including_commercial_use_has_no_condition() -> None:
    notice = read_notice(
        "You may republish our stories for free, including for commercial purposes."
    )
    assert notice.republishing == "allowed"


def test_a_print_edition_named_in_a_history_line_is_no_venue() -> None:
    notice = read_notice(
        "This story appeared in the print edition of The Example Times. "
        "You may republish it for free."
    )
    assert notice.venues_allowed == ("any",)


def test_a_german_grant_after_consultation_is_no_grant() -> None:
    notice = read_notice("Unsere Artikel dürfen nur nach vorheriger Rücksprache verwendet werden.")
    assert notice.republishing != "allowed"


def test_a_portuguese_credit_for_the_author_is_the_byline() -> None:
    notice = read_notice(
        "Você pode republicar nossas reportagens, desde que dê crédito para o autor."
    )
    assert notice.requires.byline


@pytest.mark.parametrize(
    "text",
    [
        "Plastic bags can be reused several times before they must be recycled.",
        "Digital files can be copied endlessly at almost no cost, the economist noted.",
        "We invite readers to share their experiences of the floods in the comments below.",
        "You can copy the code from GitHub and run it on a laptop, the developer said.",
        "Publishers can no longer reprint the novel after the estate withdrew its consent.",
        "The author said she was happy to see the novel reprinted after forty years.",
        "The treaty allows the reproduction of the work in braille for blind readers.",
        "Car sharing is allowed in the city centre from Monday.",
        "The treated water will be available for reuse on farms next summer.",
        "The library's 3D printers are free to use with a library card.",
        "Mickey Mouse's earliest version entered the public domain on January 1.",
        "Facts are not subject to copyright, but the expression of them is.",
        "The museum released 50,000 images under a Creative Commons licence.",
        "The court order gives permission to copy the hard drives seized in the raid.",
        "The material can be shared with police under the data protection law.",
        "Die Schüler können ihre Ergebnisse im Internet veröffentlichen, sagte die Lehrerin.",
        "Los estudiantes pueden reproducir el experimento en casa.",
        "Vous êtes libres de choisir votre école, a dit le ministre.",
        "La diffusion du match est autorisée en clair.",
        "A empresa pode reproduzir o experimento em outros países.",
        "Das Werk ist gemeinfrei, seit der Autor vor 70 Jahren starb.",
        "Die Übernahme des Unternehmens ist erlaubt, entschied das Kartellamt.",
        "La reproducción asistida está permitida en el país desde 2006.",
        "Se permite la publicación de los resultados a partir del lunes, según la ley electoral.",
        "La obra pasó a ser de dominio público en 2020, y los textos son de dominio público.",
        "A reprodução assistida é permitida no país.",
        "As fotos podem ser publicadas com autorização da família.",
    ],
)
def test_a_sentence_about_someone_elses_copying_grants_nothing(text: str) -> None:
    assert read_notice("The council met on Tuesday.\n\n" + text).republishing is None


def test_a_story_about_copying_leaves_the_footer_reserving_rights() -> None:
    page = (
        "Newspaper sues aggregator over copied articles\n\n"
        'The Daily Ledger says NewsHub copied thousands of its articles. "Anyone can copy a '
        "web page,\" said NewsHub's lawyer. Its chief executive said short excerpts can be "
        "reproduced under the law. Under U.S. law, facts are not subject to copyright.\n\n"
        "© 2024 Example News. All rights reserved."
    )
    assert read_notice(page).republishing == "permission-required"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("No content from this site may be reproduced without permission.", "permission-required"),
        ("Articles may only be reproduced with written permission.", "permission-required"),
        ("Our stories can be republished with our permission.", "permission-required"),
        (
            "Neither this article nor any part of it may be reproduced without permission.",
            "permission-required",
        ),
        ("This article cannot be republished.", "forbidden"),
        ("Our content must not be copied or republished.", "forbidden"),
        ("Do not republish our stories.", "forbidden"),
        ("We do not allow republication of our articles.", "forbidden"),
        ("Permission is not granted to republish our articles.", "forbidden"),
        ("Users may not copy or redistribute material from this site.", "forbidden"),
        ("Personal use only. Not for redistribution.", "forbidden"),
        ("For reprint and licensing requests for this article, click here.", "permission-required"),
        (
            "Republishing is free, but please credit us and link to the original.",
            "allowed-with-conditions",
        ),
        (
            "This article is a work of the U.S. federal government and is in the public domain.",
            "allowed",
        ),
        (
            "All Example content can be shared freely if no profit is made.",
            "allowed-with-conditions",
        ),
    ],
)
def test_the_publishers_own_terms_for_its_work_are_read(text: str, status: str) -> None:
    assert read_notice(text).republishing == status


def test_a_sentence_is_not_cut_at_the_initials_of_a_country() -> None:
    text = "Articles may be republished in the U.S. and Canada with credit."
    assert [text[a:b] for a, b in sentences(text)] == [text]


def test_no_permission_needed_for_something_else_grants_nothing() -> None:
    notice = read_notice(
        "No permission is needed to photograph buildings from the street, but publication of "
        "the images may be restricted."
    )
    assert notice.republishing != "allowed"


@pytest.mark.parametrize(
    "text",
    [
        "Any news outlet can republish this investigation free of charge if it credits us.",
        "You can reprint these essays in your own publication as long as you credit the writer.",
        "You may republish Example News articles provided you credit Example News.",
        "Stories published by The Tidewater Times may be republished by other outlets with credit.",
        "Editors: this story is free for republication with credit to the Plains Herald.",
        "Reprints allowed with credit.",
        "We encourage republication of this article; please credit us and link to our site.",
        "Feel free to republish, with credit to Prairie Public Press.",
        "All Lakeside Press content can be republished with credit.",
    ],
)
def test_the_shapes_of_a_republish_box_are_conditional_grants(text: str) -> None:
    assert read_notice(text).republishing == "allowed-with-conditions"


def test_letting_outlets_republish_our_work_is_a_grant() -> None:
    notice = read_notice("We let other outlets republish our work for free.")
    assert notice.republishing == "allowed"


def test_reprinted_with_permission_needs_permission() -> None:
    notice = read_notice("© 2023 The Daily Ledger. Reprinted with permission.")
    assert notice.republishing == "permission-required"


def test_credit_card_is_no_credit_requirement() -> None:
    notice = read_notice("You may republish this story. Pay with credit card for prints.")
    assert not notice.requires.credit_source


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Nachdruck der Artikel erlaubt.", "allowed"),
        ("Dieser Artikel ist gemeinfrei.", "allowed"),
        (
            "Se permite la reproducción total o parcial citando la fuente.",
            "allowed-with-conditions",
        ),
        ("Estos textos son de dominio público.", "allowed"),
        ("Reprodução permitida desde que citada a fonte.", "allowed-with-conditions"),
    ],
)
def test_short_notices_in_other_languages_are_still_read(text: str, status: str) -> None:
    assert read_notice(text).republishing == status


def test_initials_ending_a_sentence_still_end_it() -> None:
    notice = read_notice(
        "Our stories may be republished in the U.S. Commercial use requires our written permission."
    )
    assert notice.venues_needing_permission == ("commercial",)


def test_a_venue_after_but_belongs_to_its_own_clause() -> None:
    notice = read_notice(
        "Print outlets need our permission, but commercial outlets may republish our stories."
    )
    assert (notice.venues_allowed, notice.venues_needing_permission) == (
        ("commercial",),
        ("print",),
    )
