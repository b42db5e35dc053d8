"""The event table: one row per event. Codes are categorical strings, dates are dates.

``SCHEMA_VERSION`` is written into every file's Parquet metadata with the run's settings; bump it when
a column changes meaning or type.
"""

from __future__ import annotations

import polars as pl

SCHEMA_VERSION = "1"

Code = pl.Categorical()

# (column, dtype, description) in output order
COLUMNS: tuple[tuple[str, pl.DataType, str], ...] = (
    ("event_id", pl.String(), "deterministic id: a hash of the document, sentence, verb, actors and code"),
    ("doc_id", pl.String(), "document id from the corpus"),
    ("sentence_idx", pl.Int32(), "0-based sentence index within the document"),
    ("pub_date", pl.Date(), "publication date of the article"),
    ("event_date", pl.Date(), "date of the event (a temporal expression resolved, else the lead's, else pub_date)"),
    ("date_precision", Code, "day, week, month or year"),
    ("date_source", Code, "verb (expression attached to the verb), sentence, lead (the day the article's first "
                    "sentence gives its main verb, for a sentence with no date of its own), or publication"),
    ("date_text", pl.String(), "the temporal expression used, if any"),
    ("source_text", pl.String(), "source actor as written"),
    ("source_code", Code, "full source code, e.g. IRNGOV"),
    ("source_country", Code, "country/actor part of the source code (--- if unknown)"),
    ("source_agent", Code, "agent part of the source code (GOV, MIL, COP, ...), empty if none"),
    ("source_entry", pl.String(), "dictionary entry id(s) of the source"),
    ("target_text", pl.String(), "target actor as written"),
    ("target_code", Code, "full target code"),
    ("target_country", Code, "country/actor part of the target code"),
    ("target_agent", Code, "agent part of the target code"),
    ("target_entry", pl.String(), "dictionary entry id(s) of the target"),
    ("cameo_code", Code, "CAMEO event code (string, e.g. 036)"),
    ("cameo_root", Code, "CAMEO root code (first two digits)"),
    ("quad_class", pl.Int8(), "QuadClass 1-4 (verbal coop, material coop, verbal conflict, material conflict)"),
    ("goldstein", pl.Float32(), "Goldstein scale value of the CAMEO code"),
    ("plover_event", Code, "PLOVER event type (CAMEO2PLOVER-2021)"),
    ("plover_mode", Code, "PLOVER mode"),
    ("geo_text", pl.String(), "place as written"),
    ("geo_name", pl.String(), "gazetteer name of the place"),
    ("geo_country", Code, "ISO 3166 alpha-3 country of the place"),
    ("geo_admin1", pl.String(), "first-level administrative division"),
    ("geo_lat", pl.Float64(), "latitude"),
    ("geo_lon", pl.Float64(), "longitude"),
    ("geo_geonameid", pl.Int64(), "GeoNames id"),
    ("geo_precision", Code, "city, admin1 or country"),
    ("geo_source", Code, "verb, sentence, dateline or article"),
    ("sentence_text", pl.String(), "the sentence the event was coded from"),
    ("verb_lemma", pl.String(), "lemma of the event verb"),
    ("pattern_id", pl.String(), "verb pattern that gave the code (null: the verb block's base code)"),
    ("source_start", pl.Int64(), "character offsets of the source, verb and target in the document"),
    ("source_end", pl.Int64(), ""),
    ("verb_start", pl.Int64(), ""),
    ("verb_end", pl.Int64(), ""),
    ("target_start", pl.Int64(), ""),
    ("target_end", pl.Int64(), ""),
    ("news_source", Code, "news source of the article (corpus source field)"),
    ("coder_version", Code, "eventcoder version"),
    ("dict_hash", Code, "hash of the dictionaries used"),
    ("nlp_model", Code, "parser model id"),
)

SCHEMA: dict[str, pl.DataType] = {name: dtype for name, dtype, _ in COLUMNS}
PARTITION_COLUMNS = ("year", "month")  # directory datasets: hive-partitioned by publication year and month


def empty_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=SCHEMA)


def describe() -> list[tuple[str, str, str]]:
    """(column, type, description) rows, for ``eventcoder schema`` and the README."""
    return [(name, _type_name(dtype), text) for name, dtype, text in COLUMNS]


def _type_name(dtype: pl.DataType) -> str:
    return "categorical" if isinstance(dtype, pl.Categorical) else str(dtype).lower()
