"""`make bench`'s ceiling: a minimal Django project (no apps, no middleware, one view).

Served by ``gunicorn bench.bare.wsgi`` with the same workers and options as the portal, in
the same run, so the ratios of the table say what the portal's own work costs.
"""
