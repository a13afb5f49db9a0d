"""A city's (or province's) view over its counties: each county a tenant with its own workspace.

A city coordinates its counties' preparation (全市推进…两考一评估) and a province receives every
county's dossier. Each county keeps its own scheme, year, units, users, catalogue and archive (a
workspace, on local disk or on a server's PostgreSQL and S3 under its own schema and prefix); the city
holds only `city.toml`, naming its counties, and reads them — never takes a county's writer lock,
never writes into a county.

- config.py: city.toml — the city's name and its counties
- view.py: each county read once into typed records (status, gaps, authenticity findings)
- report.py: the 全市推进情况通报 (.docx) from the same records
"""
