"""Sitemaps of this app, gathered by portal.sitemaps."""

SITEMAPS = {}
