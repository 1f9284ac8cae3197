"""The slide deck's slug no longer implies an author: an existing database's row is renamed
by a migration, loading the catalogue afterwards finds it, and its old address redirects."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from collaborations.models import Passage, SiteDocument, Source

pytestmark = pytest.mark.django_db

OLD, NEW = "golab-research-slides", "slide-deck-ten-research-subjects"
migration = importlib.import_module("collaborations.migrations.0013_source_slide_deck_slug")


def test_the_migration_renames_an_existing_row_and_loading_then_finds_it():
    call_command("load_catalogue", verbosity=0)
    deck = Source.objects.get(slug=NEW)
    passages = deck.passages.count()
    Source.objects.filter(pk=deck.pk).update(slug=OLD)  # a database from before the rename
    migration.rename(OLD, NEW)(apps, None)
    assert Source.objects.get(pk=deck.pk).slug == NEW
    assert not SiteDocument.objects.exists()  # stored API documents named the old slug
    call_command("load_catalogue", verbosity=0)
    assert not Source.objects.filter(slug=OLD).exists()
    assert Source.objects.get(slug=NEW).pk == deck.pk
    assert Passage.objects.filter(source=deck).count() == passages


def test_the_migration_leaves_a_database_that_has_the_new_slug_alone():
    Source.objects.create(slug=NEW, title="Deck", short_title="Deck")
    Source.objects.create(slug=OLD, title="Other", short_title="Other")
    migration.rename(OLD, NEW)(apps, None)
    assert set(Source.objects.values_list("slug", flat=True)) == {OLD, NEW}


def test_the_old_address_of_the_deck_redirects_to_the_new_one(client):
    Source.objects.create(slug=NEW, title="Deck", short_title="Deck")
    response = client.get(f"/sources/{OLD}/")
    assert response.status_code == 301 and response["Location"] == f"/sources/{NEW}/"
    assert client.get("/sources/no-such-source/").status_code == 404


def test_a_document_source_does_not_claim_it_was_published():
    assert Source.Kind.DOCUMENT.label == "Document"
