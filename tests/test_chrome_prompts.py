"""Sentence-shaped chrome: the stock strings of comment forms and newsletter sign-ups."""

from __future__ import annotations

import pytest

import newsclean

BODY = (
    "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive.\n\n"
    "Engineers said the work would take four months and close the promenade to walkers.\n\n"
)

COMMENT_FORM = [
    "Your email address will not be published. Required fields are marked *",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Notify me of follow-up comments by email.",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Tu dirección de correo electrónico no será publicada.",
    "Il tuo indirizzo email non sarà pubblicato.",
    "O seu endereço de e-mail não será publicado.",
    "Je e-mailadres wordt niet gepubliceerd.",
    "Twój adres e-mail nie zostanie opublikowany.",
    "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
    "Thank you for subscribing! Please check your inbox to confirm your subscription.",
    "Please check your inbox to confirm your subscription.",
    "You must be logged in to post a comment.",
]


@pytest.mark.parametrize("line", COMMENT_FORM)
def test_a_comment_form_or_sign_up_notice_is_chrome(line: str) -> None:
    article = newsclean.clean(BODY + line + "\n")
    assert [r.kind for r in article.removed if r.text == line] == ["chrome"]
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize("line", [
    "The mayor said your email address will not be published in the new register.",
    "Required fields are the main obstacle to filing online, the tax office admitted on Monday.",
    # the prompts' opening words, at the start of a body sentence that goes on
    "Your email address will not change when you switch to the new plan, the company said on Monday.",
    "Ihre E-Mail-Adresse wird nicht an Dritte weitergegeben, versicherte das Unternehmen am Montag.",
    "Votre adresse e-mail ne sera pas conservée au-delà de trois mois, précise la Cnil dans son avis.",
    "Thanks for signing up to help, the organisers wrote to more than 3,000 volunteers on Friday.",
    "Required fields are marked with a red star on the new tax form, which goes online in April.",
    "You must be logged in to post a comment on the ministry's consultation, which critics call a barrier.",
    "Notify me of new posts is the option most readers ignore, according to the survey's authors.",
])
def test_the_same_words_inside_a_body_sentence_stay(line: str) -> None:
    article = newsclean.clean(BODY + line + "\n")
    assert line in article.paragraphs
