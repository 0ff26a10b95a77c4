"""Helpers shared by several test packages (servers, Redis)."""
