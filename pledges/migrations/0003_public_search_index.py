"""Full-text search over pledge evidence on PostgreSQL: a GIN expression index.

The public table's `q` filter matches `to_tsvector('english', evidence)`
(pledges.selectors.pledges_search); without this index that is a scan of every
pledge. Other databases (SQLite in development) search with LIKE and get no index.
"""

from django.db import migrations

INDEX = "pledge_evidence_fts_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON pledges_pledge "
            "USING gin (to_tsvector('english'::regconfig, evidence))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("pledges", "0002_editors_group")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
