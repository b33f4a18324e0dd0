"""The figures of many documents on a Dask cluster: a dask bag or a dask dataframe of figures, and the
command line's ``--dask``. Needs the extra: ``pip install 'numbers-extract[dask]'``.

Paths are expanded here (folders, globs) and read on the workers, so the workers must see the same files
at the same paths (one machine, or a shared file system); standard input ("-") and texts are read here and
shipped. Every document goes through the same ``read_document`` and ``extract_document`` as a local run.

>>> from distributed import Client                                  # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")                         # doctest: +SKIP
>>> figures_dataframe(["archive/"]).groupby("kind").size().compute()  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING

from ..export.dataframe import to_dataframe
from ..io.inputs import OK, STDIN, Document, Report, expand, extract_files_on, extract_input, read_document
from ..table import Figure

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import distributed
    import pandas

MISSING = "numbers_extract.dask needs Dask: pip install 'numbers-extract[dask]'"
LOCAL = "local"  # --dask local: a LocalCluster started here
PARTITIONS = 100  # partitions at most by default: enough for any cluster's workers to share the documents

Items = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


@contextmanager
def _needs_dask() -> Iterator[None]:
    """Dask, or an ImportError that names the extra to install."""
    try:
        yield
    except ImportError as error:
        raise ImportError(f"{MISSING} ({error})") from error


def documents_bag(
    items: Items, *, texts: bool = False, docs: Sequence[str] | None = None, npartitions: int | None = None
) -> dask.bag.Bag:
    """A bag of ``(figures, report)``, one per document, in order: the documents are the files, folders and
    globs named by ``items`` (as ``extract_files`` reads them), or with ``texts`` the texts themselves,
    named by ``docs`` in the ``doc`` column ("" without). A document not read or whose extraction failed
    has no figures and a report that says why."""
    with _needs_dask():
        import dask.bag

    parcels = _parcels(items, texts, docs)
    bag: dask.bag.Bag = dask.bag.from_sequence(parcels, npartitions=_partitions(len(parcels), npartitions))
    documents: dask.bag.Bag = bag.map(extract_input)
    return documents


def figures_bag(
    items: Items, *, texts: bool = False, docs: Sequence[str] | None = None, npartitions: int | None = None
) -> dask.bag.Bag:
    """A bag of figures as dicts (``Figure.as_dict()``: the table's columns, in order), in the order of the
    documents and of each document's text. ``items``, ``texts`` and ``docs`` as for ``documents_bag``."""
    figures: dask.bag.Bag = documents_bag(items, texts=texts, docs=docs, npartitions=npartitions).pluck(0)
    rows: dask.bag.Bag = figures.flatten().map(Figure.as_dict)
    return rows


def figures_dataframe(
    items: Items, *, texts: bool = False, docs: Sequence[str] | None = None, npartitions: int | None = None
) -> dask.dataframe.DataFrame:
    """A dask dataframe of figures, in the order of the documents, with the table's columns and the dtypes
    of ``to_dataframe`` (start and end int64; the numbers float64; the rest strings). Each
    partition's index starts at 0: ``.compute().reset_index(drop=True)`` is ``to_dataframe`` of the
    figures. ``items``, ``texts`` and ``docs`` as for ``documents_bag``."""
    with _needs_dask():
        import dask.dataframe

    parcels = _parcels(items, texts, docs)
    batches = _batches(parcels, _partitions(len(parcels), npartitions))
    frame: dask.dataframe.DataFrame = dask.dataframe.from_map(_frame, batches, meta=to_dataframe([]))
    return frame


def extract_files(
    paths: Items, client: distributed.Client, on_document: Callable[[Report], None] | None = None
) -> Iterator[Figure]:
    """``numbers_extract.extract_files`` with the documents read and extracted on ``client``'s cluster:
    the same figures in the same order, ``on_document`` called in order, a few documents per worker
    thread in flight (memory stays bounded). A document whose task fails (its worker died more often
    than the cluster allows) is reported failed, with the reason."""
    threads = sum(client.nthreads().values()) or 1
    return extract_files_on(paths, on_document, threads, lambda _: client.get_executor(pure=False))


@contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[distributed.Client]:
    """A client of the scheduler at ``address`` (``tcp://host:8786``), or with ``"local"`` of a LocalCluster
    started here: ``workers`` processes (one per core by default), a thread each, no dashboard, no fixed
    port. Closed, and the cluster stopped, at the end. Raises ImportError without Dask, and ConnectionError
    when the cluster cannot be reached or started."""
    with _needs_dask():
        import distributed

    if not address:
        raise ConnectionError("no scheduler's address: give one (tcp://host:8786), or 'local'")
    with ExitStack() as opened:
        try:
            if address == LOCAL:
                cluster = distributed.LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,  # no dashboard,
                    scheduler_kwargs={"dashboard_address": ":0"},  # and the scheduler's HTTP server on a free port
                )
                opened.callback(cluster.close)
                client = distributed.Client(cluster)
            else:
                client = distributed.Client(address)
            opened.callback(client.close)
        except Exception as error:
            where = "start a local Dask cluster" if address == LOCAL else f"reach the Dask scheduler at {address}"
            raise ConnectionError(f"cannot {where}: {error}") from error
        yield client


def _parcels(items: Items, texts: bool, docs: Sequence[str] | None) -> list[str | Document]:
    """What each task gets: a path to read on the worker, or a document read here (stdin, a text)."""
    if texts:
        given = [items] if isinstance(items, str | os.PathLike) else list(items)
        strings = [text for text in given if isinstance(text, str)]
        if len(strings) != len(given):
            raise TypeError("texts=True takes a text or texts (str), not paths")
        names = [""] * len(strings) if docs is None else list(docs)
        if len(names) != len(strings):
            raise ValueError(f"{len(strings)} texts but {len(names)} docs")
        return [Document(doc, text, "text", OK, "") for doc, text in zip(names, strings, strict=True)]
    named = [items] if isinstance(items, str | os.PathLike) else items
    return [read_document(path) if path == STDIN else path for path in expand(os.fspath(p) for p in named)]


def _partitions(n: int, npartitions: int | None) -> int:
    return max(1, min(n, npartitions or PARTITIONS))


def _batches(parcels: list[str | Document], n: int) -> list[list[str | Document]]:
    """The parcels in ``n`` runs in order, as even as can be (never an empty run, except for no parcels)."""
    size, extra = divmod(len(parcels), n)
    bounds = [k * size + min(k, extra) for k in range(n + 1)]
    return [parcels[bounds[k] : bounds[k + 1]] for k in range(n)]


def _frame(batch: list[str | Document]) -> pandas.DataFrame:
    return to_dataframe(figure for item in batch for figure in extract_input(item)[0])
