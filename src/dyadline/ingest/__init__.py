"""dyadline.ingest: from raw inputs to clean, dated, language-tagged article documents.

- ``readers``   files, folders, stdin, WARC, feeds, URL lists -> Documents (streaming; bad input -> error docs)
- ``decode``    bytes -> text (charset sniffing for mislabelled Cyrillic pages, binary refusal)
- ``fetch``     bounded HTTP for feeds and URL lists
- ``body``      article body: trafilatura, with readability as a gated second opinion
- ``furniture`` line-level filter for page chrome (counters, comment widgets, language links, other stories)
- ``metadata``  title, canonical URL, date (with its source), outlet, author, credited original outlet
- ``extract``   the "extract" stage tying body, furniture and metadata together
- ``langid``    the "language" stage (offline fastText lite model)
"""
