"""The form editor (Decap CMS) for editors who do not write YAML.

``config.py`` turns the content models into Decap's ``config.yml``; ``admin.py`` lists the
files that make up ``/admin/`` in the preview (never in the published site) and starts
``decap-server``, Decap's local back end, on 127.0.0.1.
"""
