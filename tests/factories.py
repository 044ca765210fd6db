"""factory-boy factories for every model; `.build()` for tests that need no database."""

import datetime

import factory
from django.contrib.auth import get_user_model

from pledges.choices import Category, ItemKind, Qualifier, ReviewState
from pledges.models import Donor, Pledge, PledgeSource, Proposal, Report, System


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class DonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"Donorland {n}")
    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    slug = factory.LazyAttribute(lambda o: o.code.lower())
    aliases = factory.List([])


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = System
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"System {n}")
    slug = factory.Sequence(lambda n: f"system-{n}")
    family = factory.LazyAttribute(lambda o: o.name)
    category = Category.AIR_DEFENCE
    unit = ItemKind.SYSTEM


class ReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Report

    title = factory.Sequence(lambda n: f"Report {n}")
    publisher = "Ministry of Defence"
    published_on = datetime.date(2025, 4, 11)
    body = factory.Sequence(lambda n: f"Report number {n}. Germany will send four IRIS-T systems.")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    report = factory.SubFactory(ReportFactory)
    donor = factory.SubFactory(DonorFactory)
    system = factory.SubFactory(SystemFactory)
    item = ItemKind.SYSTEM
    quantity = 4
    qualifier = Qualifier.EXACT
    quantity_text = "four"
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.report.body))
    evidence = factory.LazyAttribute(lambda o: o.report.body[o.start : o.end])
    confidence = 0.9
    parser_key = factory.Sequence(lambda n: f"key-{n}")
    state = ReviewState.PENDING


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    donor = factory.SubFactory(DonorFactory)
    system = factory.SubFactory(SystemFactory)
    item = ItemKind.SYSTEM
    quantity = 4
    qualifier = Qualifier.EXACT
    announced_on = datetime.date(2025, 4, 11)
    source_report = factory.SubFactory(ReportFactory)
    evidence = factory.LazyAttribute(lambda o: o.source_report.body)


class PledgeSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeSource

    pledge = factory.SubFactory(PledgeFactory)
    report = factory.LazyAttribute(lambda o: o.pledge.source_report)
    evidence = factory.LazyAttribute(lambda o: o.pledge.evidence)
