"""The build cache (``.cache/build/``): what a rebuild reuses, and what it writes again."""

from __future__ import annotations

import time
import os
from pathlib import Path


def test_the_build_cache_rewrites_only_the_files_whose_entries_changed(tmp_path: Path):
    """After one edit a save writes one or two of a store's files, not hundreds of megabytes; what it
    keeps is exactly what the build used."""
    from eqportal.buildcache import SHARDS, Store, shard_of

    store = Store(tmp_path, "records")
    for i in range(200):
        store.put(f"{i:064x}", {"record": i})
    store.save()
    files = sorted((tmp_path / "records").glob("*.pickle"))
    assert len(files) == SHARDS
    written = {path.name: path.stat().st_mtime_ns for path in files}

    assert Store(tmp_path, "records").get(f"{7:064x}") == {"record": 7}
    again = Store(tmp_path, "records")
    assert f"{7:064x}" in again  # held, but not used by this build
    for i in range(200):
        if i != 7:
            again.get(f"{i:064x}")  # used again: kept
    again.put("edited", {"record": "new"})  # one file changed: its entry goes, another comes
    time.sleep(0.01)
    again.save()
    rewritten = {p.name for p in (tmp_path / "records").glob("*.pickle") if p.stat().st_mtime_ns != written.get(p.name)}
    assert rewritten == {f"{shard_of(f'{7:064x}'):02x}.pickle", f"{shard_of('edited'):02x}.pickle"}

    last = Store(tmp_path, "records")
    assert last.get(f"{7:064x}") is None and last.get("edited") == {"record": "new"} and last.get(f"{8:064x}") == {"record": 8}
    untouched = Store(tmp_path, "records")
    untouched.save()  # nothing used, nothing put: every entry goes
    assert Store(tmp_path, "records").get(f"{8:064x}") is None


def test_a_lazy_store_reads_a_file_only_for_an_entry_asked_for_or_a_file_it_writes_again(tmp_path: Path, monkeypatch):
    """The HTML of kept pages: a rebuild marks it used without reading it (``keep``), reads the few it asks for,
    and writes again only the files whose entries changed, each still holding every entry the build used."""
    from eqportal.buildcache import Store, shard_of

    store = Store(tmp_path, "html")
    for i in range(200):
        store.put(f"{i:064x}", f"page {i}")
    store.save()

    read: list[str] = []
    load = Store._load

    def counted(path, *, entries=True):
        if entries:
            read.append(path.name)
        return load(path, entries=entries)

    monkeypatch.setattr(Store, "_load", staticmethod(counted))
    lazy = Store(tmp_path, "html", lazy=True)
    assert read == [] and f"{5:064x}" in lazy and "missing" not in lazy
    assert all(lazy.keep(f"{i:064x}") for i in range(200) if i != 7) and not lazy.keep("missing")
    assert read == []  # kept, not read
    assert lazy.get(f"{9:064x}") == "page 9" and read == [f"{shard_of(f'{9:064x}'):02x}.pickle"]  # one file, for the one asked
    lazy.put("new", "page new")
    read.clear()
    lazy.save()
    # Written again: the file that lost entry 7 and the one that gained "new"; each read first, for the entries kept unread.
    assert set(read) <= {f"{shard_of(f'{7:064x}'):02x}.pickle", f"{shard_of('new'):02x}.pickle"}
    again = Store(tmp_path, "html")
    assert again.get(f"{7:064x}") is None and again.get("new") == "page new"
    assert all(again.get(f"{i:064x}") == f"page {i}" for i in range(200) if i != 7)


def test_a_kept_page_is_linked_again_only_when_a_page_or_file_it_links_to_has_moved(tmp_path: Path):
    """The link memo: a rebuild skips finishing a kept page's links only when nothing they depend on changed:
    the page itself, and where each of its links leads (a page's address, or whether a file is there)."""
    import dataclasses
    import shutil

    from eqportal.buildcache import Store
    from eqportal.frontend import load_build, site_files
    from tests.site_fixture import CONTENT, TODAY

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(CONTENT, tmp_path / "content")
    build, problems = load_build(tmp_path / "content", today=TODAY, docs_dir=root / "docs")
    assert problems == [] and build is not None
    existing = {path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*") if path.is_file()}

    def finish(build, existing):
        return {f.src_uri: f for f in site_files(build, root, existing, memo=Store(tmp_path / "memo", "linked")) if f.page}

    first = finish(build, existing)
    assert all(f.relink is None for f in first.values())  # nothing remembered yet: every page linked
    again = finish(build, existing)
    remembered = [uri for uri, f in again.items() if f.relink is not None]
    kept = {item.src_uri for item in build.generated if getattr(item, "kept_as", None)}
    assert set(remembered) == kept and len(kept) > 20  # pages kept in the build cache were not linked again...
    for uri in remembered:  # ...and what the memo says of them is what linking gives
        assert again[uri].published_as == first[uri].published_as
        assert again[uri].relink().html == first[uri].page.html
        assert (again[uri].page.anchor_links, again[uri].page.problems) == (first[uri].page.anchor_links, first[uri].page.problems)

    # A file added that no page links to, or a new page: every kept page is as it was, and is not linked again.
    assert {uri for uri, f in finish(build, existing | {"new-file.pdf"}).items() if f.relink is not None} == kept
    # A page that others link to becomes a file: those pages, and only those, are linked again, and now lead to the file.
    moved = "eqias/bus-passes/index.md"
    linking = {item.src_uri for item in build.generated if moved in getattr(getattr(item, "prepared", None), "targets", ())}
    assert linking & kept and kept - linking
    without = dataclasses.replace(build, generated=[item for item in build.generated if item.src_uri != moved])
    after = finish(without, existing | {moved})
    assert {uri for uri, f in after.items() if f.relink is None} == (set(after) - kept) | (linking & kept)
    assert all(after[uri].page.html != first[uri].page.html for uri in linking & kept)  # the link is now to the file


def test_a_site_assembled_in_the_spare_holds_exactly_the_new_sites_files(tmp_path: Path):
    """Whatever the spare held (stale pages, a folder where a file now goes, a file where a folder now goes), the
    assembled site has the reused files, MkDocs' files and nothing else, and the published site is untouched."""
    import os

    from eqportal.outputs import OutputCache

    def tree(root: Path) -> dict[str, str]:
        return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}

    def write(root: Path, files: dict[str, str]) -> None:
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text)

    site, spare, built = tmp_path / "site", tmp_path / ".site-spare", tmp_path / ".site-build"
    write(site, {"a/index.html": "A", "b/index.html": "B", "data/x.json": "X", "c/index.html": "C"})
    published = tree(site)
    write(spare, {"a/index.html": "old A", "gone/index.html": "stale", "gone/deep/index.html": "stale",
                  "data/x.json/index.html": "a folder where a file now goes", "new": "a file where a folder now goes"})
    (spare / "c").mkdir()
    os.link(site / "c" / "index.html", spare / "c" / "index.html")  # unchanged since the spare: the same file
    write(built, {"new/index.html": "NEW", "assets/app.css": "css", "a/extra.txt": "E"})
    (spare / "empty" / "deeper").mkdir(parents=True)  # left empty by something that was interrupted

    outputs = OutputCache(tmp_path / "cache", site.resolve(), spare=spare.resolve())
    outputs.reused = {"a/index.html", "b/index.html", "data/x.json", "c/index.html"}
    outputs.place(built)
    assembled = outputs.assemble(built)

    assert assembled == spare.resolve() and not built.exists()
    assert tree(assembled) == {"a/index.html": "A", "a/extra.txt": "E", "b/index.html": "B", "c/index.html": "C",
                               "data/x.json": "X", "new/index.html": "NEW", "assets/app.css": "css"}
    assert not (assembled / "gone").exists()  # a stale page's folder goes with it
    assert not (assembled / "empty").exists()  # and so does a folder with nothing in it
    assert tree(site) == published  # the published site is never written through a shared file
    assert (assembled / "a" / "index.html").stat().st_ino == (site / "a" / "index.html").stat().st_ino  # linked, not copied


def test_links_in_the_spare_never_lead_a_build_outside_it_or_into_the_published_site(tmp_path: Path):
    """A link where a folder or a file of the new site goes is removed, not written through."""
    from eqportal.outputs import OutputCache

    site, spare, built, outside = tmp_path / "site", tmp_path / ".site-spare", tmp_path / ".site-build", tmp_path / "outside"
    for folder in (site / "a", site / "b", spare, built / "new", outside):
        folder.mkdir(parents=True)
    (site / "a" / "index.html").write_text("A")
    (site / "b" / "index.html").write_text("B")
    (built / "new" / "index.html").write_text("NEW")
    (spare / "a").symlink_to(site / "a")  # the same file, reached through a link to a folder
    (spare / "new").symlink_to(outside)  # a folder of the new site, leading out
    (spare / "b").mkdir()
    (spare / "b" / "index.html").symlink_to(site / "b" / "index.html")  # a link to the file, not the file

    outputs = OutputCache(tmp_path / "cache", site.resolve(), spare=spare.resolve())
    outputs.reused = {"a/index.html", "b/index.html"}
    outputs.place(built)
    assembled = outputs.assemble(built)

    assert not any(path.is_symlink() for path in assembled.rglob("*"))
    assert {p.relative_to(assembled).as_posix(): p.read_text() for p in assembled.rglob("*") if p.is_file()} == \
        {"a/index.html": "A", "b/index.html": "B", "new/index.html": "NEW"}
    assert list(outside.iterdir()) == []
    assert (site / "a" / "index.html").read_text() == "A" and (site / "b" / "index.html").read_text() == "B"


def test_a_spare_that_is_a_link_is_not_used(tmp_path: Path):
    from eqportal.outputs import OutputCache

    (tmp_path / "elsewhere").mkdir()
    (tmp_path / ".site-spare").symlink_to(tmp_path / "elsewhere")
    assert OutputCache.load(tmp_path / "cache", tmp_path / "site", spare=tmp_path / ".site-spare").spare is None
    (tmp_path / "real-spare").mkdir()
    assert OutputCache.load(tmp_path / "cache", tmp_path / "site", spare=tmp_path / "real-spare").spare == (tmp_path / "real-spare").resolve()


def test_reused_files_are_placed_in_the_build_folder_even_before_mkdocs_makes_it(tmp_path: Path):
    """Without a spare, reused files go into MkDocs' folder, which the background placing may find not made yet."""
    from eqportal.outputs import OutputCache

    (tmp_path / "site" / "eqias" / "a").mkdir(parents=True)
    (tmp_path / "site" / "eqias" / "a" / "index.html").write_text("A")
    outputs = OutputCache(tmp_path / "cache", (tmp_path / "site").resolve())
    outputs.reused = {"eqias/a/index.html"}
    outputs.place(tmp_path / ".site-build")
    assert (tmp_path / ".site-build" / "eqias" / "a" / "index.html").read_text() == "A"
    assert outputs.assemble(tmp_path / ".site-build") == tmp_path / ".site-build"  # no spare: the build folder is the site


def test_the_spare_is_walked_as_os_walk_would_walk_it(tmp_path: Path):
    """Assembling reads each folder of the spare once; what it finds is what os.walk, islink and relpath tell."""
    from eqportal.outputs import _tree

    root = tmp_path / "site"
    (root / "a" / "b").mkdir(parents=True)
    (root / "empty").mkdir()
    (root / "a" / "index.html").write_text("x")
    (root / "a" / "b" / "page.html").write_text("x")
    (root / "top.txt").write_text("x")
    (root / "to-folder").symlink_to(root / "a", target_is_directory=True)
    (root / "a" / "to-file").symlink_to(root / "top.txt")
    (root / "a" / "broken").symlink_to(tmp_path / "nowhere")
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "a" / "b" / "to-outside").symlink_to(outside, target_is_directory=True)

    expected = {}
    for folder, folders, names in os.walk(root):
        links = sorted(n for n in folders if os.path.islink(os.path.join(folder, n)))
        rel = os.path.relpath(folder, root)
        expected[folder] = ("" if rel == "." else rel + os.sep, sorted(set(folders) - set(links)), links,
                            sorted(os.path.relpath(os.path.join(folder, n), root) for n in names))
    found = {folder: (rel, sorted(folders), sorted(linked), sorted(rel + n for n in names))
             for folder, rel, folders, linked, names in _tree(str(root))}
    assert found == expected


def test_the_first_rebuild_makes_a_spare_of_the_published_sites_folders_alone(tmp_path: Path):
    """After a cold build there is no spare: the next build makes one, every folder of the published site and nothing else."""
    from eqportal.outputs import OutputCache

    site = tmp_path / "site"
    (site / "eqias" / "a").mkdir(parents=True)
    (site / "eqias" / "a" / "index.html").write_text("page")
    (site / "data").mkdir()
    (site / "data" / "eqias.json").write_text("{}")
    (tmp_path / "elsewhere" / "deep").mkdir(parents=True)
    (site / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    outputs = OutputCache(tmp_path / "cache", site.resolve(), previous={"eqias/a/index.html": ["key", 4, 0]})
    outputs.make_spare(tmp_path / ".site-spare")
    outputs.spare_ready()
    assert outputs.spare == (tmp_path / ".site-spare").resolve()
    made = sorted(str(p.relative_to(outputs.spare)) for p in outputs.spare.rglob("*"))
    assert made == ["data", "eqias", "eqias/a"]  # no file, no link, nothing from where a link leads
    assert (site / "eqias" / "a" / "index.html").read_text() == "page"  # the published site as it was

    cold = OutputCache(tmp_path / "cache", site.resolve())  # no manifest: nothing would be reused, so no spare
    cold.make_spare(tmp_path / ".other-spare")
    assert cold.spare is None and not (tmp_path / ".other-spare").exists()


def test_the_spares_folders_are_made_level_by_level_and_making_them_again_changes_nothing(tmp_path: Path):
    """Folders are listed several at once, a level at a time: each is still made after the one holding it, links
    and files are not made, a folder that cannot be listed is passed over, and a second run makes nothing more."""
    import os

    from eqportal.outputs import _copy_folders

    site, spare = tmp_path / "site", tmp_path / "spare"
    expected = []
    for i in range(40):
        for rel in (f"eqias/a{i}", f"eqias/a{i}/easy-read", f"eqias/a{i}/easy-read/pictures"):
            (site / rel).mkdir(parents=True)
            expected.append(rel)
        (site / f"eqias/a{i}/index.html").write_text("page")
    expected.append("eqias")
    (site / "linked").symlink_to(site / "eqias", target_is_directory=True)
    (site / "closed" / "inside").mkdir(parents=True)
    expected += ["closed"]
    spare.mkdir()
    os.chmod(site / "closed", 0)
    try:
        if os.access(site / "closed", os.R_OK):  # running as root: every folder can be read
            expected.append("closed/inside")
        for _ in range(2):
            _copy_folders(str(site), str(spare))
            made = sorted(str(p.relative_to(spare)) for p in spare.rglob("*"))
            assert made == sorted(expected)
            assert all(p.is_dir() and not p.is_symlink() for p in spare.rglob("*"))
    finally:
        os.chmod(site / "closed", 0o755)


def test_asking_ahead_about_the_last_sites_files_changes_nothing_and_ends_with_the_build(tmp_path: Path):
    """The build asks the file system about every file and folder of the last site and of the spare, in the
    background (so a rebuild after a pause does not wait for the disk file by file): it writes nothing, minds
    files and folders that are gone, and is over when the site is."""
    import os

    from eqportal.outputs import OutputCache

    site, spare = tmp_path / "site", tmp_path / ".site-spare"
    for root in (site, spare):
        (root / "a").mkdir(parents=True)
        (root / "a" / "index.html").write_text("A")
    before = {p: (p.stat().st_mtime_ns, p.read_text()) for root in (site, spare) for p in root.rglob("*") if p.is_file()}
    outputs = OutputCache(tmp_path / "cache", site.resolve(), spare=spare.resolve())
    outputs.previous = {"a/index.html": ["k", 1, 0], "gone/index.html": ["k", 1, 0]}
    outputs.warm()
    warming = outputs.warming
    assert warming is not None
    if warming.process is not None:  # forked where that is safe (not beside other threads, as in a pytest-xdist worker)
        warming.process.join(60)
        assert warming.process.exitcode == 0
    warming.work()  # the same asking, here: it must not fail either
    assert {p: (p.stat().st_mtime_ns, p.read_text()) for root in (site, spare) for p in root.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in spare.rglob("*")) == ["a", "index.html"]
    (tmp_path / "built").mkdir()
    outputs.assemble(tmp_path / "built")  # nothing built, nothing reused: the asking is over with the site
    assert outputs.warming is None
    assert not os.path.exists(tmp_path / "built")


def test_a_rebuild_reads_ahead_the_stores_it_reads_whole_and_not_the_lazy_ones(tmp_path: Path):
    """The read-ahead at the start of a rebuild skips the stores read only in part (kept pages' HTML, bodies):
    each lazy store says so in its own folder, so no list elsewhere has to know which they are."""
    from eqportal.buildcache import Store
    from eqportal.cachedir import read_whole

    for name, lazy in (("records", False), ("pages-eqias-html", True), ("bodies", True)):
        store = Store(tmp_path, name, lazy=lazy)
        store.put(f"{1:064x}", name)
        store.save()
    (tmp_path / "jinja").mkdir()
    assert [p.name for p in read_whole(tmp_path)] == ["jinja", "records"]
    assert read_whole(tmp_path / "no-such-folder") == []


def test_what_every_page_shares_is_the_same_when_python_has_compiled_the_hooks(tmp_path: Path):
    """Python writes hooks/__pycache__/ when MkDocs first imports the hooks: the pages must not all be made again for it."""
    from eqportal.outputs import tree_digest

    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "portal.py").write_text("def on_config(config):\n    return config\n")
    before = tree_digest(hooks, None)
    (hooks / "__pycache__").mkdir()
    (hooks / "__pycache__" / "portal.cpython-312.pyc").write_bytes(b"compiled")
    assert tree_digest(hooks, None) == before
    (hooks / "portal.py").write_text("def on_config(config):\n    return None\n")
    assert tree_digest(hooks, None) != before  # the source itself still counts


def test_asking_ahead_lists_every_folder_of_the_spare_that_assembling_will_walk(tmp_path: Path, monkeypatch):
    import os

    import eqportal.outputs as outputs

    listed: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(outputs, "_listed", listed.append)
    monkeypatch.setattr(outputs, "_asked", asked.append)
    monkeypatch.setattr(os, "nice", lambda increment: 0)  # the test process keeps its priority
    outputs._ask_about("/site", "/spare", ["index.html", "eqias/a/index.html", "eqias/b/index.html"])
    assert sorted(listed) == ["/spare/", "/spare/eqias/a", "/spare/eqias/b"]
    assert sorted(asked) == sorted(["/site/index.html", "/site/eqias/a/index.html", "/site/eqias/b/index.html",
                                    "/spare/index.html", "/spare/eqias/a/index.html", "/spare/eqias/b/index.html"])
    listed.clear()
    outputs._ask_about("/site", None, ["index.html"])  # no spare: nothing to list
    assert listed == []


def test_after_a_title_edit_the_index_pages_make_again_only_that_assessments_row(tmp_path: Path, monkeypatch):
    """Index pages are kept by the assessments they list, and each row by its own assessment: a new title
    renders one row on each page listing it, and every index page is what a cold build makes."""
    import shutil

    from eqportal.frontend import load_build
    from eqportal.site import indexes
    from eqportal.site.pages import GeneratedPage
    from tests.site_fixture import CONTENT, TODAY

    docs = Path(__file__).resolve().parent.parent / "docs"
    shutil.copytree(CONTENT, tmp_path / "warm")
    load_build(tmp_path / "warm", today=TODAY, docs_dir=docs)
    grants = tmp_path / "warm" / "eqias" / "old-grants.md"
    grants.write_text(grants.read_text(encoding="utf-8").replace("title: Community grants\n", "title: Community grants scheme\n", 1),
                      encoding="utf-8")
    rows: list[tuple[str, str]] = []
    pages: list[str] = []
    render, render_page = indexes.render, indexes.render_page
    monkeypatch.setattr(indexes, "render", lambda context, template, page, **values:
                        rows.append((page.url, values["row"].eqia.id)) or render(context, template, page, **values))
    monkeypatch.setattr(indexes, "render_page", lambda context, url, *args, **values:
                        pages.append(url) or render_page(context, url, *args, **values))
    warm, problems = load_build(tmp_path / "warm", today=TODAY, docs_dir=docs)
    assert problems == [] and warm is not None

    def index_pages(build) -> dict[str, str]:
        return {p.url: p.html for p in build.generated if isinstance(p, GeneratedPage) and 'class="eqp-table eqp-table--index' in p.html}

    listing = {url for url, html in index_pages(warm).items() if "Community grants scheme" in html}
    assert len(listing) >= 3 and set(index_pages(warm)) - listing  # all, its directorate, its year; not the others
    assert sorted(rows) == sorted((url, "old-grants") for url in listing)
    assert set(pages) - {"/eqias/reviews/"} == listing  # (reviews lists every assessment due, not in a kept table)
    shutil.copytree(tmp_path / "warm", tmp_path / "cold")
    cold, _ = load_build(tmp_path / "cold", today=TODAY, docs_dir=docs)
    assert index_pages(warm) == index_pages(cold)
