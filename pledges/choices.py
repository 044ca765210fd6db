"""The closed vocabularies of the tracker: categories, item kinds, qualifiers, states.

Values are stable slugs: they appear in URLs, exports and the parser's output.
"""

from django.db import models


class DonorKind(models.TextChoices):
    COUNTRY = "country", "Country"
    ORGANISATION = "organisation", "Organisation"


class Category(models.TextChoices):
    AIR_DEFENCE = "air-defence", "Air defence"
    ARTILLERY = "artillery", "Artillery"
    ROCKET_ARTILLERY = "rocket-artillery", "Rocket artillery"
    TANKS = "tanks", "Tanks"
    IFV_APC = "ifv-apc", "Infantry fighting vehicles and APCs"
    AIRCRAFT = "aircraft", "Aircraft"
    HELICOPTERS = "helicopters", "Helicopters"
    DRONES = "drones", "Drones"
    ANTI_TANK = "anti-tank", "Anti-tank weapons"
    MUNITIONS = "munitions", "Munitions"
    NAVAL = "naval", "Naval"
    SMALL_ARMS = "small-arms", "Small arms"
    VEHICLES_LOGISTICS = "vehicles-logistics", "Vehicles and logistics"
    OTHER = "other", "Other"


class ItemKind(models.TextChoices):
    SYSTEM = "system", "System"
    LAUNCHER = "launcher", "Launcher"
    MISSILE = "missile", "Missile"
    ROUND = "round", "Round"
    VEHICLE = "vehicle", "Vehicle"
    AIRCRAFT = "aircraft", "Aircraft"
    DRONE = "drone", "Drone"
    VESSEL = "vessel", "Vessel"
    OTHER = "other", "Other"


class Qualifier(models.TextChoices):
    EXACT = "exact", "exactly"
    AT_LEAST = "at-least", "at least"
    APPROXIMATELY = "approximately", "approximately"
    UP_TO = "up-to", "up to"
    VAGUE = "vague", "vague"
    UNDISCLOSED = "undisclosed", "undisclosed"


class SourceKind(models.TextChoices):
    GOVERNMENT = "government", "Government"
    INTERNATIONAL_ORGANISATION = "international-organisation", "International organisation"
    NEWS_AGENCY = "news-agency", "News agency"
    NEWSPAPER = "newspaper", "Newspaper"
    STATE_MEDIA = "state-media", "State-controlled media"
    OTHER = "other", "Other"


class ParseStatus(models.TextChoices):
    PENDING = "pending", "Not parsed yet"
    PARSED = "parsed", "Parsed"
    FAILED = "failed", "Parse failed"


class ReviewState(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class PledgeStatus(models.TextChoices):
    PLEDGED = "pledged", "Pledged"
    DELIVERED = "delivered", "Delivered"
