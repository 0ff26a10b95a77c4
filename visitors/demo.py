"""Demo content of the visitors app, loaded by ``manage.py loaddemo``."""

from visitors.models import VisitorStatsSettings


def load(*, stdout=None):
    """Create the settings row (starting offset 0); running it again changes nothing.

    No page views are invented: the numbers shown are the demo site's real ones.
    """
    VisitorStatsSettings.load()
