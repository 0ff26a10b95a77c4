"""Models of the visitors app."""
