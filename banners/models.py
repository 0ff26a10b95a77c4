"""Models of the banners app."""
