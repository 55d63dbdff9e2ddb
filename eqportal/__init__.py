"""Kent County Council's equality and diversity portal: content model, checks and page generation.

The core knows nothing of MkDocs; ``hooks/`` adapts it to MkDocs events.
"""

__version__ = "0.1.0"
