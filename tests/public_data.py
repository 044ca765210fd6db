"""A small, varied set of published pledges for the public-site tests."""

import datetime
from dataclasses import dataclass

from pledges.choices import Category, ItemKind, PledgeStatus, Qualifier
from pledges.models import Donor, Pledge, System
from tests.factories import DonorFactory, PledgeFactory, PledgeSourceFactory, ReportFactory, SystemFactory


@dataclass
class PublicData:
    germany: Donor
    poland: Donor
    norway: Donor
    patriot: System
    leopard: System
    shells: System
    pledges: list[Pledge]


def public_data_make(*, extra: int = 0) -> PublicData:
    """Nine pledges over three donors and three systems (ties on date and quantity on purpose),
    plus `extra` German Patriot pledges for pagination."""
    germany = DonorFactory(name="Germany", code="DE", slug="de")
    poland = DonorFactory(name="Poland", code="PL", slug="pl")
    norway = DonorFactory(name="Norway", code="NO", slug="no")
    patriot = SystemFactory(name="Patriot", slug="patriot", category=Category.AIR_DEFENCE, unit=ItemKind.LAUNCHER)
    leopard = SystemFactory(name="Leopard 2A6", slug="leopard-2a6", category=Category.TANKS, unit=ItemKind.VEHICLE)
    shells = SystemFactory(
        name="155mm artillery ammunition", slug="155mm-ammunition", category=Category.MUNITIONS, unit=ItemKind.ROUND
    )
    specs = [
        (germany, patriot, 4, Qualifier.EXACT, "2023-01-05", PledgeStatus.DELIVERED, ItemKind.LAUNCHER),
        (germany, leopard, 18, Qualifier.EXACT, "2023-01-25", PledgeStatus.DELIVERED, ItemKind.VEHICLE),
        (germany, shells, None, Qualifier.UNDISCLOSED, "2024-03-01", PledgeStatus.PLEDGED, ItemKind.ROUND),
        (poland, leopard, 14, Qualifier.EXACT, "2023-01-25", PledgeStatus.DELIVERED, ItemKind.VEHICLE),
        (poland, shells, 4, Qualifier.AT_LEAST, "2024-06-10", PledgeStatus.PLEDGED, ItemKind.ROUND),
        (norway, patriot, 2, Qualifier.APPROXIMATELY, "2022-11-30", PledgeStatus.PLEDGED, ItemKind.LAUNCHER),
        (norway, leopard, 8, Qualifier.EXACT, "2023-02-24", PledgeStatus.PLEDGED, ItemKind.VEHICLE),
        (poland, patriot, None, Qualifier.VAGUE, "2025-05-01", PledgeStatus.PLEDGED, ItemKind.MISSILE),
        (germany, shells, 100000, Qualifier.UP_TO, "2025-05-01", PledgeStatus.PLEDGED, ItemKind.ROUND),
    ]
    pledges = []
    for donor, system, quantity, qualifier, day, status, item in specs:
        report = ReportFactory(
            publisher=f"{donor.name} MoD",
            body=f"Opening paragraph about {donor.name} on {day}.\n\n"
            f"{donor.name} will send {quantity or 'some'} {system.name} to Ukraine. Officials confirmed it.\n\n"
            "Closing paragraph.",
        )
        evidence = f"{donor.name} will send {quantity or 'some'} {system.name} to Ukraine."
        start = report.body.index(evidence)
        pledge = PledgeFactory(
            donor=donor, system=system, quantity=quantity, qualifier=qualifier, item=item,
            announced_on=datetime.date.fromisoformat(day), status=status, source_report=report,
            evidence=evidence, evidence_start=start, evidence_end=start + len(evidence),
        )
        PledgeSourceFactory(pledge=pledge, evidence_start=start, evidence_end=start + len(evidence))
        pledges.append(pledge)
    for n in range(extra):
        pledges.append(
            PledgeFactory(
                donor=germany, system=patriot, quantity=n + 1, item=ItemKind.MISSILE,
                announced_on=datetime.date(2022, 6, 1) + datetime.timedelta(days=n % 200),
            )
        )
    return PublicData(germany, poland, norway, patriot, leopard, shells, pledges)
