"""``leadreg build``: the static lead board.

:func:`leadreg.sitebuild.builder.build_site` reads the registry once, derives
one public view per lead (private fields removed before anything else sees
them) and writes pages, data exports, calendars and a sharded search index.
"""
