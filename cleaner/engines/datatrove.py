"""A datatrove pipeline step that cleans Documents with the cleaner (``pip install ".[datatrove]"``).

``CleanerExtractor`` stands where datatrove's own ``Trafilatura`` extractor stands: after a
reader (WARC, JSONL, ...) whose ``Document.text`` is the raw HTML or text dump of a page. It
replaces ``text`` with the article body and puts the article's metadata and warnings in
``Document.metadata``. Like datatrove's extractors it cleans in a sandbox process with a
per-document ``timeout`` and counts what happened in the step's stats.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # the optional extra is not installed
    raise ImportError(
        'cleaner.engines.datatrove needs datatrove, which is not installed: pip install ".[datatrove]"'
    ) from exc

from cleaner.engines.local import Options, clean_source, registry_for
from cleaner.errors import InputError
from cleaner.inputs.records import capture_date
from cleaner.inputs.source import Source

#: Article fields copied into Document.metadata (text is the Document's text; id is its id).
METADATA_FIELDS = (
    "site",
    "site_name",
    "layout",
    "canonical_url",
    "title",
    "subtitle",
    "authors",
    "published",
    "updated",
    "crawl_date",
    "tags",
    "image_caption",
    "language",
    "warnings",
)


class CleanerExtractor(BaseExtractor):
    """Clean each Document's raw page (HTML or text dump) into its article.

    Args:
        site: force a site rule by id (or ``generic``); by default the url and the page decide.
        rule_dirs: extra rule directories, as ``--rules``.
        override: let those rules replace built-in ones with the same id.
        timeout: seconds one document may take (datatrove's extractor convention).
        keep_failed: keep documents whose cleaning failed or found no article, with their
            input text unchanged and the reason in ``metadata["cleaner_error"]`` (or
            ``no_article`` among ``metadata["warnings"]``), so a later step can look at them
            or try another extractor. By default they are dropped.
        keep_blocks: also put the typed body blocks in ``metadata["blocks"]``.
        url_key: the metadata key holding the page's URL (datatrove's readers use ``url``).
        date_keys: metadata keys tried in order for the capture date (ISO 8601; the WARC
            reader's ``date`` is WARC-Date).
    """

    name = "🧹 cleaner"

    def __init__(
        self,
        *,
        site: str | None = None,
        rule_dirs: Iterable[str] = (),
        override: bool = False,
        timeout: float = 10.0,
        keep_failed: bool = False,
        keep_blocks: bool = False,
        url_key: str = "url",
        date_keys: Iterable[str] = ("crawl_date", "date"),
    ) -> None:
        super().__init__(timeout)
        self._warned_error = False
        # The sandbox enforces the timeout; an alarm inside it as well would only race it.
        self.options = Options(site=site, rule_dirs=tuple(rule_dirs), override=override, timeout=0)
        self.keep_failed = keep_failed
        self.keep_blocks = keep_blocks
        self.url_key = url_key
        self.date_keys = tuple(date_keys)

    def extract(self, text: str) -> str:
        """The article body of one page (BaseExtractor's interface; ``run`` also passes the url)."""
        result = self.clean_page({"text": text})
        return result["article"]["text"] if result["article"] is not None else ""

    def clean_page(self, page: dict[str, Any] | str) -> dict[str, Any]:
        """``{"article": dict | None, "error": str | None}`` for ``{"text", "url", "id",
        "crawl_date"}``; never raises. Runs in the sandbox process; the sandbox's warm-up
        call (an empty string) loads the rule registry once per process."""
        if isinstance(page, str):
            registry_for(self.options)
            page = {"text": page}
        source = Source(
            name=page.get("id") or "document",
            relative=PurePosixPath(page.get("id") or "document"),
            data=page["text"],
            url=page.get("url"),
            id=page.get("id"),
            crawl_date=page.get("crawl_date"),
        )
        outcome = clean_source(source, self.options)
        return {"article": outcome.article, "error": outcome.error}

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    article, error = self._clean(sandbox, doc)
                if article is not None and "no_article" not in article["warnings"]:
                    self.stat_update("extracted", f"site_{article['site']}")
                    if article["warnings"]:
                        self.stat_update(*(f"warning_{code}" for code in article["warnings"]))
                    doc.text = article["text"]
                    self._keep_metadata(doc, article)
                elif article is not None:
                    self.stat_update("no_article")
                    if not self.keep_failed:
                        self.stat_update(StatHints.dropped)
                        continue
                    self._keep_metadata(doc, article)
                else:
                    if not self.keep_failed:
                        self.stat_update(StatHints.dropped)
                        continue
                    doc.metadata["cleaner_error"] = error
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc

    def _clean(self, sandbox: ExtractorSandbox, doc: Document) -> tuple[dict[str, Any] | None, str | None]:
        url = doc.metadata.get(self.url_key)
        page = {
            "text": doc.text,
            "url": url if isinstance(url, str) else None,
            "id": str(doc.id) if doc.id is not None else None,
            "crawl_date": self._crawl_date(doc.metadata),
        }
        try:
            result = sandbox.process_document(page, self.clean_page)
        except TimeoutError:
            self.stat_update("timeout")
            logger.warning(f"⏰ Timeout while cleaning document {doc.id}.")
            return None, f"timed out after {self.timeout:g} s"
        except EOFError:
            self.stat_update("broken_process")
            logger.warning("The cleaning process died; a new one is started for the next document.")
            return None, "the cleaning process died (out of memory?)"
        if result["error"] is not None:
            self.stat_update("clean_error")
            if not self._warned_error:
                logger.warning(f'❌ Error "{result["error"]}" while cleaning document {doc.id}. Shown once.')
                self._warned_error = True
        return result["article"], result["error"]

    def _crawl_date(self, metadata: dict[str, Any]) -> str | None:
        """The first of ``date_keys`` that holds an ISO 8601 date or date-time, as YYYY-MM-DD."""
        for key in self.date_keys:
            with contextlib.suppress(InputError):
                if found := capture_date(metadata.get(key)):
                    return found
        return None

    def _keep_metadata(self, doc: Document, article: dict[str, Any]) -> None:
        doc.metadata.update({name: article[name] for name in METADATA_FIELDS})
        if article["url"] is not None:
            doc.metadata.setdefault(self.url_key, article["url"])
        if self.keep_blocks:
            doc.metadata["blocks"] = article["blocks"]
