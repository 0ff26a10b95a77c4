"""Demo content of the banners app, loaded by ``manage.py loaddemo``."""


def load(*, stdout=None):
    """Create this app's demo records; running it again changes nothing."""
