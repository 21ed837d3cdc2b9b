"""What one `cleaner clean` run has to do: the inputs expanded into pages, less the ones an
earlier run already wrote, and where each page's output goes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from cleaner.engines.local import RunReport, Source, output_relpath, plan_outputs
from cleaner.inputs.records import RecordFields
from cleaner.inputs.stream import STDIN, container_format, expand
from cleaner.outputs.resume import is_fresh, jsonl_ids
from cleaner.outputs.writers import EXTENSIONS


class Run:
    def __init__(
        self,
        inputs: list[Source],
        input_format: str,
        fields: RecordFields,
        report: RunReport,
        *,
        output: Path | None,
        fmt: str,
        force: bool,
    ) -> None:
        self.inputs = inputs
        self.input_format = input_format
        self.fields = fields
        self.report = report
        self.output = output  # None: standard output
        self.fmt = fmt
        self.force = force
        self.pages_only = all(self._format(source) == "page" for source in inputs)
        # Output names are planned for a directory only (one JSONL file or standard output has none).
        to_directory = output is not None and fmt != "jsonl"
        page_files = [source for source in inputs if to_directory and self._format(source) == "page"]
        extension = EXTENSIONS[fmt]
        plan, self.collisions = plan_outputs(page_files, extension)
        # Only the inputs kept apart from a namesake; the others go where their name says.
        self._apart = {
            page_files[index].name: relative
            for index, relative in plan.items()
            if relative != output_relpath(page_files[index].relative, extension)
        }

    def _format(self, source: Source) -> str:
        return container_format("" if source.name == STDIN else source.name, self.input_format)

    def destination(self, source: Source) -> Path:
        """The output file of one page below the output directory: a page file's planned path,
        a record's ``<file without extension>/<position>`` with the format's extension."""
        assert self.output is not None
        relative = self._apart.get(source.name) or output_relpath(source.relative, EXTENSIONS[self.fmt])
        return self.output / relative

    def pending(self) -> tuple[Iterator[Source], int | None]:
        """The pages still to clean, in input order, and their number when it is known without
        reading any file (page files only). What an earlier run wrote is counted in the report
        as ``already_done`` and left out, unless --force."""
        pages = self._pending(self._done_check())
        if not self.pages_only:
            return pages, None
        listed = list(pages)
        return iter(listed), len(listed)

    def _pending(self, done: Callable[[Source, float | None], bool]) -> Iterator[Source]:
        for top in self.inputs:
            mtime = _mtime(top)
            records = self.report.skipped_records
            for source in expand([top], self.input_format, fields=self.fields, skipped_records=records):
                if source.error is None and done(source, mtime):
                    self.report.already_done += 1
                    continue
                yield source

    def _done_check(self) -> Callable[[Source, float | None], bool]:
        """Whether a page's output is already there (read now, before anything is written)."""
        if self.force or self.output is None:
            return lambda source, mtime: False
        if self.fmt == "jsonl":
            ids = jsonl_ids(self.output)
            return lambda source, mtime: (source.id or str(source.relative)) in ids
        return lambda source, mtime: is_fresh(self.destination(source), mtime)


def _mtime(source: Source) -> float | None:
    if source.path is None:
        return None
    try:
        return os.stat(source.path).st_mtime
    except OSError:
        return None
