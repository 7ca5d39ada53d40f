"""Batch processing: many sources in, a stream of Articles (and error records) out.

>>> from xinhua_extract import parse_articles
>>> for item in parse_articles(["archive/2023/", "pages.warc.gz"], workers=4):  # doctest: +SKIP
...     if isinstance(item, ArticleError):
...         print("failed:", item.source, item.code, item.message)
...     else:
...         print(item.id, len(item.facts))

Guarantees:

* **Input order.** Results come in the order of the input (sources in the order given;
  a directory or glob sorted by path; JSONL lines and WARC records in file order), one
  result per article, whatever the number of workers.
* **Deterministic.** The same input gives the same results -- serialised, the same bytes
  -- with 1 or N workers: every article goes through the same function,
  :func:`process_doc`, and the parent only reorders nothing.
* **Nothing lost silently.** A source that cannot be read or parsed yields an
  :class:`ArticleError` at its place in the stream, and the run goes on. A worker process
  that dies (a crash, the OOM killer) is replaced; the article it was parsing is
  isolated by retrying alone and reported as ``E998`` if it kills a worker again.
* **Bounded memory.** Sources are read lazily and at most ``workers * prefetch`` chunks
  of ``chunksize`` articles are in flight; results are yielded as they come.

Parallelism. Our stages are Python and hold the GIL; Kiwi releases it only inside its own
thread pool. Measured on the fixture corpus (``benchmarks/README.md``), a pool of worker
*processes* scales almost linearly while Kiwi threads speed up only the tokenizer share of
the work, so ``workers > 1`` means processes. On Linux the pool is started with ``fork``
*after* the parent has loaded Kiwi, the gazetteer and jieba (:func:`warm_up` plus one
small sample article), so the workers share those pages copy-on-write instead of loading
~500 MB each; Kiwi must then run single-threaded (``XINHUA_KIWI_THREADS`` unset or ``0``)
because a forked child cannot use its parent's threads. Where ``fork`` is unsafe (another
OS, or Kiwi runs its own thread pool) the pool uses ``spawn`` and every worker loads its
own resources once, in its initializer, with single-threaded Kiwi.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing as mp
import os
import sys
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, Union

from .errors import SourceError, XinhuaExtractError
from .io.readers import ArticleError, SourceDoc, html_to_text, iter_sources
from .records import Article
from .source_text import DEFAULT_MAX_CHARS

log = logging.getLogger(__name__)

Result = Union[Article, ArticleError]

#: Default number of articles sent to a worker at once (measured: larger chunks gain
#: nothing once an article takes tens of milliseconds, smaller ones cost IPC).
DEFAULT_CHUNKSIZE = 8
#: Chunks in flight per worker (bounded memory, yet workers never starve).
DEFAULT_PREFETCH = 2


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """What every article is parsed with (picklable; sent to the workers)."""

    published: Any = None
    reference_date: Any = None
    max_chars: Optional[int] = DEFAULT_MAX_CHARS
    tokens: bool = True
    transform: Optional[Callable[[Article], Any]] = None


def process_doc(item: Union[SourceDoc, ArticleError], options: ParseOptions = ParseOptions()) -> Result:
    """Parse one :class:`SourceDoc` into an Article, or an :class:`ArticleError`.

    The one per-article function of every execution path (in-process, process pool,
    Dask). Error records coming from the readers pass through unchanged. Never raises
    for a bad article.
    """
    if isinstance(item, ArticleError):
        return item
    from .layout import coerce_published
    from .pipeline import parse_article

    published = item.published if item.published is not None else options.published
    try:
        coerce_published(published)
    except (TypeError, ValueError) as exc:
        return ArticleError(id=item.id, source=item.source, code=SourceError.code,
                            message=f"the publication time {published!r} is unreadable ({exc}); give an ISO date")
    try:
        text = html_to_text(item.text) if item.format == "html" else item.text
        article = parse_article(text, id=item.id, published=published, reference_date=options.reference_date, url=item.url,
                                max_chars=options.max_chars)
    except XinhuaExtractError as exc:
        return ArticleError.from_exception(exc, id=item.id, source=item.source)
    except Exception as exc:  # a bug: report it in the stream, keep the run going
        log.exception("internal error while parsing %s (%s)", item.id, item.source)
        return ArticleError.from_exception(exc, id=item.id, source=item.source)
    if not options.tokens:
        article = dataclasses.replace(article, tokens=())
    if options.transform is not None:
        try:
            return options.transform(article)
        except Exception as exc:
            log.exception("transform failed on %s (%s)", item.id, item.source)
            return ArticleError.from_exception(exc, id=item.id, source=item.source)
    return article


def _process_chunk(items: list, options: ParseOptions) -> list[Result]:
    return [process_doc(item, options) for item in items]


# --------------------------------------------------------------------------- resources
#: A short page that touches every lazily loaded resource (Kiwi, gazetteer, jieba).
_SAMPLE = (
    "출처: 신화망 | 2023-04-26 10:21:03 | 편집: 王磊\n\n"
    "[신화망 난징 4월26일] 장쑤(江蘇)성 쑤저우(蘇州)시의 1분기 매출은 3조 위안(약 576조원)으로 "
    "전년 동기 대비 4.7% 증가해 전국 1위를 차지했고, 기업 43개가 새로 들어섰다.\n"
)


def warm_process() -> None:
    """Load every heavy resource of this process now: Kiwi (with its user words), the
    gazetteer and jieba, by :func:`~xinhua_extract.warm_up` and one sample article."""
    from .pipeline import parse_article
    from .tokenize import warm_up

    warm_up()
    try:
        parse_article(_SAMPLE, id="warm-up")
    except Exception:  # the real articles will report whatever is wrong
        log.debug("warm-up sample failed", exc_info=True)


def _os_threads() -> Optional[int]:
    """Number of OS threads of this process (Linux), or None when unknown."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def _kiwi_is_threaded() -> bool:
    """Whether this process's Kiwi runs a thread pool (``num_workers`` != 0).

    A forked child cannot use its parent's threads: Kiwi analyses would hang. Kiwi in
    single-thread mode refuses an iterable of texts (``asyncAnalyze doesn't work at
    single thread mode``); that refusal is the probe. Anything else -- including a
    future Kiwi that accepts it -- counts as threaded, the safe answer (spawn).
    """
    from .tokenize import get_kiwi

    try:
        list(get_kiwi().tokenize(["가"]))
    except Exception:
        return False
    return True


def _release_free_heap() -> None:
    """Give the C heap's free pages back to the OS before forking (glibc ``malloc_trim``):
    a child reusing them would copy them; measured, ~40 MB less in a 2-worker run."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _pool_context(start_method: Optional[str]) -> tuple[Any, bool]:
    """(multiprocessing context, whether workers must warm up themselves).

    ``fork`` (Linux) after warming the parent, so that the workers share Kiwi, the
    gazetteer and jieba copy-on-write, unless Kiwi runs its own threads; else ``spawn``.
    Other threads of the parent (OpenBLAS, Arrow, jemalloc) are fork-aware.
    """
    if start_method not in (None, "fork"):
        return mp.get_context(start_method), True
    if sys.platform.startswith("linux") and "fork" in mp.get_all_start_methods():
        warm_process()
        if not _kiwi_is_threaded():
            log.debug("forking workers from a warm parent (%s OS threads)", _os_threads())
            # keep the garbage collector of every process off the pages shared with the
            # parent (it writes to each object it scans, which would copy the page):
            # everything alive now -- Kiwi's wrapper, gazetteer, jieba -- lives forever anyway
            gc.freeze()
            _release_free_heap()
            return mp.get_context("fork"), False
        log.info("not forking: Kiwi runs its own threads (XINHUA_KIWI_THREADS); workers are spawned")
    if start_method == "fork":
        raise ValueError("start_method='fork' is unsafe here (not Linux, or Kiwi runs its own threads)")
    return mp.get_context("spawn"), True


#: How often a worker checks that its parent is still alive (seconds).
PARENT_POLL_SECONDS = 0.5


def _set_parent_death_signal(sig: int) -> bool:
    """Linux: ask the kernel to send ``sig`` to this process when its parent dies
    (``prctl(PR_SET_PDEATHSIG)``), even while it runs native code holding the GIL."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(1, int(sig), 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    """Exit this worker as soon as its parent is gone (it is then re-parented, so
    ``getppid`` changes). Nothing else would end it: it holds both ends of its own
    task pipe, so it never sees end-of-file there, and would stay resident forever."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="xinhua-parent-watch", daemon=True).start()


def _init_worker(warm: bool, parent: Optional[int] = None, death_signal: bool = False) -> None:
    """Worker start: die with the parent (a SIGKILLed or OOM-killed parent must not leave
    workers behind), leave Ctrl-C to the parent (it shuts the pool down cleanly) and, for
    spawned workers, load the resources once."""
    import signal

    if death_signal:  # only when the pool was made by the main thread: the signal follows
        _set_parent_death_signal(signal.SIGKILL)  # the creating *thread*, not the process
    if parent is not None:
        if os.getppid() != parent:  # the parent died before we could watch it
            os._exit(1)
        _watch_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the CLI's handler, inherited by fork
    if warm:
        os.environ["XINHUA_KIWI_THREADS"] = "0"  # processes already use the cores
        warm_process()


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------- the stream
def parse_articles(
    sources: Any,
    *,
    workers: Optional[int] = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    published: Any = None,
    reference_date: Any = None,
    max_chars: Optional[int] = DEFAULT_MAX_CHARS,
    tokens: bool = True,
    transform: Optional[Callable[[Article], Any]] = None,
    text_field: str = "text",
    id_field: Optional[str] = "id",
    published_field: Optional[str] = "published",
    skip: Union[Mapping[Optional[str], int], Iterable[Optional[str]], None] = None,
    prefetch: int = DEFAULT_PREFETCH,
    start_method: Optional[str] = None,
    stdin: Any = None,
    join_pages: bool = False,
) -> Iterator[Result]:
    """Parse every article of ``sources``; yield :class:`~xinhua_extract.Article` or
    :class:`ArticleError` records in input order.

    ``sources``: one source or an iterable of them -- paths (``str``/``PathLike``: a
    ``.txt``, ``.html``, ``.jsonl``, ``.warc``/``.warc.gz`` file, a directory, a glob, or
    ``"-"`` for stdin) and :class:`SourceDoc` objects. A ``str`` is always a path; wrap
    text held in memory as ``SourceDoc(text, id=...)``.

    ``workers``: ``None`` = every usable CPU, ``1`` = in this process (no pool).
    ``chunksize``: articles per task. ``published`` / ``reference_date`` / ``max_chars``
    are passed to :func:`~xinhua_extract.parse_article` (a source's own ``published``
    wins). ``tokens=False`` drops ``Article.tokens`` in the worker (less to send back).
    ``transform``: a picklable callable (module-level function, or instance of a
    module-level class) applied to every Article *in the worker*; the stream yields
    its results instead of Articles (errors stay :class:`ArticleError`). The writers'
    :class:`~xinhua_extract.io.writers.Encoder` is one: serialising in the workers
    keeps the parent, which only writes bytes, from becoming the bottleneck.
    ``text_field`` / ``id_field`` / ``published_field``: JSONL field names.
    ``skip``: ids to leave out -- a multiset (``Counter``) or iterable; an id listed *n*
    times skips its first *n* occurrences (how ``--resume`` skips what a writer already
    holds, see :attr:`JsonlWriter.done`); error records from the readers are matched on
    their id, or ``"source:" + source`` when they have none.
    ``join_pages``: join consecutive pages of one multi-page article (``c_<id>_2.htm``…,
    known by their URLs) into one Article (:func:`xinhua_extract.pages.join_pages`).
    ``start_method``: force a multiprocessing start method (default: ``fork`` on Linux
    after warming up the parent, else ``spawn``).
    """
    if workers is None:
        workers = default_workers()
    if workers < 1:
        raise ValueError(f"workers must be >= 1, not {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, not {chunksize}")
    options = ParseOptions(published=published, reference_date=reference_date, max_chars=max_chars, tokens=tokens,
                           transform=transform)
    items: Iterator = iter_sources(sources, text_field=text_field, id_field=id_field,
                                   published_field=published_field, stdin=stdin)
    if join_pages:
        from .pages import join_pages as _join_pages

        items = _join_pages(items)
    if skip:
        items = _skipping(items, skip)
    if workers == 1:
        return (process_doc(item, options) for item in items)
    return _parallel(items, options, workers, chunksize, max(1, prefetch), start_method)


def _item_key(item: Union[SourceDoc, ArticleError]) -> Optional[str]:
    if isinstance(item, ArticleError) and item.id is None:
        return "source:" + item.source
    return item.id


def _skipping(items: Iterator, skip) -> Iterator:
    remaining = Counter(skip)
    for item in items:
        key = _item_key(item)
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
            continue
        yield item


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Pool:
    """A process pool that can be rebuilt after a worker died."""

    def __init__(self, workers: int, start_method: Optional[str]) -> None:
        self.workers = workers
        self.start_method = start_method
        self.executor: Optional[ProcessPoolExecutor] = None
        self.start()

    def start(self) -> None:
        ctx, self_warm = _pool_context(self.start_method)
        self.froze = not self_warm
        log.debug("starting %d %s workers", self.workers, ctx.get_start_method())
        import threading

        main_thread = threading.current_thread() is threading.main_thread()
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=_init_worker,
            # a forkserver's workers are the server's children, not ours: no parent check
            initargs=(self_warm, os.getpid() if ctx.get_start_method() != "forkserver" else None, main_thread),
        )

    def submit(self, chunk: list, options: ParseOptions):
        return self.executor.submit(_process_chunk, chunk, options)

    def restart(self) -> None:
        self.shutdown()
        self.start()

    def shutdown(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None
        if getattr(self, "froze", False):
            gc.unfreeze()  # back to normal collection in the caller's process
            self.froze = False


def _parallel(items: Iterator, options: ParseOptions, workers: int, chunksize: int, prefetch: int,
              start_method: Optional[str]) -> Iterator[Result]:
    pool = _Pool(workers, start_method)
    window = workers * prefetch
    chunks = _chunks(items, chunksize)
    pending: deque = deque()  # (future, chunk), in input order
    try:
        for chunk in chunks:
            pending.append((pool.submit(chunk, options), chunk))
            if len(pending) >= window:
                yield from _drain_one(pending, pool, options)
        while pending:
            yield from _drain_one(pending, pool, options)
    finally:
        pool.shutdown()


def _drain_one(pending: deque, pool: _Pool, options: ParseOptions) -> Iterator[Result]:
    future, chunk = pending[0]
    try:
        results = future.result()
    except BrokenProcessPool:
        # a worker died: every chunk in flight is lost. Rebuild the pool and redo them
        # one article at a time, so the one that kills a worker is found and reported.
        log.warning("a worker process died; restarting the pool and retrying %d chunk(s) article by article",
                    len(pending))
        lost = [item for _, c in pending for item in c]
        pending.clear()
        pool.restart()
        yield from _isolate(lost, pool, options)
        return
    pending.popleft()
    yield from results


#: Consecutive articles that each killed a fresh worker before the pool is declared
#: unusable (a worker that cannot even start, e.g. ``spawn`` without the
#: ``if __name__ == "__main__":`` guard in the calling script).
MAX_CONSECUTIVE_DEATHS = 3


def _isolate(items: list, pool: _Pool, options: ParseOptions) -> list[Result]:
    """Parse ``items`` one per task; an item whose task kills the worker becomes E998."""
    out: list[Result] = []
    deaths = 0
    for item in items:
        try:
            out.extend(pool.submit([item], options).result())
            deaths = 0
        except BrokenProcessPool:
            deaths += 1
            if deaths >= MAX_CONSECUTIVE_DEATHS:
                raise RuntimeError(
                    f"{deaths} worker processes in a row died at once: the pool is unusable. With the spawn "
                    "start method the calling script needs an `if __name__ == '__main__':` guard; "
                    "otherwise try workers=1 to see the error"
                ) from None
            pool.restart()
            out.append(ArticleError(
                id=getattr(item, "id", None), source=getattr(item, "source", "?"), code="E998",
                message="the worker process died while parsing this article (a crash or out of memory); "
                "parse it alone with parse_article to see why",
            ))
    return out


__all__ = [
    "ArticleError",
    "SourceDoc",
    "ParseOptions",
    "Result",
    "DEFAULT_CHUNKSIZE",
    "parse_articles",
    "process_doc",
    "warm_process",
    "default_workers",
]
