#!/usr/bin/env python3
"""What an analyst would otherwise write: `kedja run` done with pandas and XlsxWriter.

The benchmark compares Kedja with this script on the same export, so it is meant to be an honest,
reasonably efficient pandas program, not a strawman: every column stays text so the enriched CSV
gives the input's fields back unchanged, money is summed in integer öre (exact), and the per-line
work is vectorised — lookups run once per distinct value (`pd.factorize`) and are spread back to
the lines with NumPy indexing.

It reads the same rule tables as Kedja (`Templates/`) and applies the same method:
  * join each ledger supplier to the supplier list on supplier id, then org number, then normalised
    name (case-folded, spaces collapsed);
  * category, first hit wins (Kedja's order): the line's CPV code (longest prefix in categories.csv) ->
    the supplier list's CPV code, else a keyword in its Kategori text -> a keyword in the description,
    the account text, the supplier name -> the account (longest prefix in accounts.csv) -> none;
  * country: production country (Tillverkningsland) before registered country (Land), resolved via
    countries.csv; country levels from country-indices.csv banded by country-bands.csv;
  * per area the higher of the assessed layers, overall the highest area, unknown when nothing is
    assessed; priority and tasks per supplier x category from settings.csv and tasks.csv;
and writes the enriched CSV in the input's dialect, a rejects CSV, the risk register and the
follow-up plan workbooks. It prints a JSON summary like `kedja run --json`.

    python3 Benchmarks/pandas_baseline.py SampleData/leverantorsreskontra-2025.csv \\
        --suppliers SampleData/leverantorer.csv --out-dir Benchmarks/out/pandas
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
import sys
import unicodedata
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

LEVELS = ["unknown", "low", "medium", "high"]            # index = rank; unknown = not assessed
LEVEL_INPUT = {"high": 3, "hög": 3, "medium": 2, "medel": 2, "low": 1, "låg": 1, "unknown": 0, "okänd": 0, "": 0}
LEVEL_SV = ["Okänd", "Låg", "Medel", "Hög"]
AREAS = ["human_rights", "labour_rights", "environment", "anti_corruption"]
AREA_SV = ["Mänskliga rättigheter", "Arbetares rättigheter", "Miljöskydd", "Anti-korruption"]
KEDJA_COLUMNS = ["kedja_category_code", "kedja_category", "kedja_category_source", "kedja_country",
                 "kedja_risk_human_rights", "kedja_risk_labour_rights", "kedja_risk_environment",
                 "kedja_risk_anti_corruption", "kedja_risk_overall", "kedja_priority", "kedja_tasks",
                 "kedja_reason"]

# Ledger and supplier-list headers (Swedish ERP names).
COL_ID, COL_NAME, COL_ORG = "Leverantörsnummer", "Leverantörsnamn", "Organisationsnummer"
COL_ACCOUNT, COL_CPV, COL_TEXT, COL_AMOUNT = "Konto", "CPV-kod", "Beskrivning", "Belopp exkl. moms"
COL_ACCOUNT_TEXT, COL_LAND, COL_MADE, COL_KIND = "Kontotext", "Land", "Tillverkningsland", "Kategori"
# The role (Templates/roles.csv) each of those names stands for: a file's own headers are renamed to them.
ROLE_COLUMNS = {"supplier_id": COL_ID, "supplier_name": COL_NAME, "org_number": COL_ORG, "account": COL_ACCOUNT,
                "cpv": COL_CPV, "description": COL_TEXT, "amount": COL_AMOUNT, "account_text": COL_ACCOUNT_TEXT,
                "country": COL_LAND, "production_country": COL_MADE, "category": COL_KIND}


# ----------------------------------------------------------------------------------------------
# Small helpers


def fold(text: str) -> str:
    """Case- and accent-insensitive form with punctuation as spaces, for keywords and countries."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join((ch if ch.isalnum() else " ") for ch in decomposed if not unicodedata.combining(ch))


def level(text: str, where: str) -> int:
    """A level word (English or Swedish) as its rank; a clear error for anything else."""
    try:
        return LEVEL_INPUT[text.strip().casefold()]
    except KeyError:
        sys.exit(f"error: {where}: '{text}' is not a level (high, medium, low, unknown)")


def norm_name(text: str) -> str:
    """Normalised supplier name for the name join."""
    return " ".join(text.casefold().split())


def norm_org(text: str) -> str:
    """Organisation number as 10 digits ('' when it is not one)."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    return digits if len(digits) == 10 else ""


def cpv_prefix(code: str) -> str:
    """A CPV code's matching prefix: digits without check digit or trailing zeros, at least 2."""
    digits = re.sub(r"\D", "", code.split("-")[0])[:8]
    return digits.rstrip("0").ljust(2, "0") if digits else ""


def per_unique_pair(series: pd.Series, func) -> tuple[np.ndarray, np.ndarray]:
    """Apply `func` (returning category index, reason text) once per distinct value; spread to every row."""
    codes, uniques = pd.factorize(series, sort=False)
    pairs = [func(value) for value in uniques] + [func("")]
    found = np.array([p[0] for p in pairs], dtype=np.int64)
    reason = np.array([p[1] for p in pairs], dtype=object)
    return found[codes], reason[codes]


def ore_text(ore: int) -> str:
    """Exact amount text with '.' decimal mark, e.g. 123450 -> '1234.50'."""
    return str((Decimal(int(ore)) / 100).quantize(Decimal("0.01")))


def read_table(path: Path) -> pd.DataFrame:
    """Read one rule table (UTF-8 with BOM, ';') as text."""
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


# ----------------------------------------------------------------------------------------------
# Rule tables


class Rules:
    """The Templates/ tables, with the lookups the tagging needs."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        cats = read_table(directory / "categories.csv")
        cats["prefix"] = cats["cpv_code"].map(cpv_prefix)
        self.categories = cats.reset_index(drop=True)
        self.category_levels = np.zeros((len(cats) + 1, 4), dtype=np.int8)  # last row: no category
        for i, area in enumerate(AREAS):
            self.category_levels[:-1, i] = [level(v, f"categories.csv, {area}") for v in cats[area]]
        self.prefix_to_category = dict(zip(cats["prefix"], range(len(cats))))

        accounts = read_table(directory / "accounts.csv")
        # Rows with no cpv_code stay in: a longer prefix without a hint blocks a shorter one with one.
        self.accounts = {row.account_prefix: (self.category_for_cpv(row.cpv_code) if row.cpv_code else -1,
                                              row.account_group_sv) for row in accounts.itertuples()}

        keywords = read_table(directory / "keywords.csv")
        entries = []
        for row in keywords.itertuples():
            category = self.category_for_cpv(row.cpv_code)
            key = " ".join(fold(row.keyword).split())
            if category >= 0 and key:
                whole_word = sum(ch.isalpha() for ch in key) <= 3
                entries.append((key, category, whole_word, row.keyword.strip()))
        # Longest first, table order among equals: the first alternative that matches at a position wins.
        entries.sort(key=lambda e: -len(e[0]))
        self.keyword_by_key: dict[str, tuple[int, str]] = {}
        self.keyword_rank: dict[str, int] = {}
        for rank, (key, category, _, original) in enumerate(entries):
            self.keyword_by_key.setdefault(key, (category, original))
            self.keyword_rank.setdefault(key, rank)
        self.keyword_pattern = re.compile("|".join(
            re.escape(k) + (r"(?![0-9a-z])" if whole else "") for k, _, whole, _ in entries))

        countries = read_table(directory / "countries.csv")
        self.country_names = {}
        for row in countries.itertuples():
            forms = [row.alpha2, row.alpha3, row.name_en, row.name_sv, *row.variants.split("|")]
            for form in forms:
                if form.strip():
                    self.country_names.setdefault(fold(form).replace(" ", ""), row.alpha2)
        self.country_label = dict(zip(countries["alpha2"], countries["name_sv"]))

        self.country_levels, self.country_reasons = self._country_levels(
            read_table(directory / "country-indices.csv"), read_table(directory / "country-bands.csv"))

        settings = read_table(directory / "settings.csv")
        values = dict(zip(settings["key"], settings["value"]))
        self.p1_share = float(values["priority1_min_share"])
        self.p1_spend = Decimal(values["priority1_min_spend"]) * 100
        self.p2_spend = Decimal(values["priority2_min_spend"]) * 100
        self.tasks = read_table(directory / "tasks.csv")
        self.followup = read_table(directory / "followup.csv")

    def category_for_cpv(self, code: str) -> int:
        """Index of the category with the longest prefix of `code`, or -1."""
        prefix = cpv_prefix(code)
        while len(prefix) >= 2:
            found = self.prefix_to_category.get(prefix)
            if found is not None:
                return found
            prefix = prefix[:-1]
        return -1

    def category_for_text(self, text: str) -> tuple[int, str]:
        """Longest keyword that starts a word in `text`: (category index, keyword) or (-1, '')."""
        folded = " ".join(fold(text).split())
        best = None
        for word in re.finditer(r"(?<![0-9a-z])[0-9a-z]", folded):
            match = self.keyword_pattern.match(folded, word.start())
            if match and (best is None or self.keyword_rank[match.group()] < self.keyword_rank[best]):
                best = match.group()
        return self.keyword_by_key[best] if best is not None else (-1, "")

    def category_for_account(self, account: str) -> tuple[int, str]:
        """Longest account prefix with a category hint: (category index, account group) or (-1, '')."""
        digits = re.sub(r"\D", "", account.split(" ")[0])
        for length in range(len(digits), 0, -1):
            hint = self.accounts.get(digits[:length])
            if hint is not None:
                return hint
        return -1, ""

    def country(self, text: str) -> str:
        """Alpha-2 code for a country written any common way, or ''."""
        return self.country_names.get(fold(text).replace(" ", ""), "") if text.strip() else ""

    @staticmethod
    def _country_levels(indices: pd.DataFrame, bands: pd.DataFrame):
        """Per country: the level per area and the reason text naming index, edition and value."""
        levels: dict[str, np.ndarray] = {}
        reasons: dict[str, list[str]] = {}
        bands_of = {name: list(group.itertuples()) for name, group in bands.groupby("index", sort=False)}
        for row in indices.itertuples():
            for band in bands_of.get(row.index, []):
                if band.value:
                    hit = band.value.casefold() == row.value.casefold()
                else:
                    try:
                        number = float(row.value)
                    except ValueError:
                        continue
                    hit = float(band.lower) <= number <= float(band.upper)
                if hit:
                    area = AREAS.index(band.area)
                    rank = level(band.level, "country-bands.csv")
                    country = levels.setdefault(row.alpha2, np.zeros(4, dtype=np.int8))
                    country[area] = max(country[area], rank)
                    reasons.setdefault(row.alpha2, []).append(
                        f"{band.index_name} {row.edition} {row.value} = {LEVELS[rank]} {band.area}")
                    break
        return levels, {k: "; ".join(v) for k, v in reasons.items()}


# ----------------------------------------------------------------------------------------------
# Reading


def role_names(frame: pd.DataFrame, templates: Path) -> tuple[pd.DataFrame, dict]:
    """Rename a file's headers to this script's names by their role, through the synonyms of
    Templates/roles.csv (case-insensitive, the table's first synonym present wins; Kedja also folds accents
    and punctuation and knows ERP profiles, so it recognises more), and add the roles the file lacks as empty
    columns. Returns the frame and the renaming to undo when writing it back."""
    with open(templates / "roles.csv", encoding="utf-8-sig", newline="") as handle:
        synonyms = [(row["role"], row["synonym"].strip().lower()) for row in csv.DictReader(handle, delimiter=";")]
    present = {str(header).strip().lower(): header for header in frame.columns}
    rename = {}
    for role, target in ROLE_COLUMNS.items():
        for synonym in (name for owner, name in synonyms if owner == role):
            header = present.get(synonym)
            if header is not None and header not in rename and target not in frame.columns:
                rename[header] = target
                break
    frame = frame.rename(columns=rename)
    for target in ROLE_COLUMNS.values():
        if target not in frame.columns:
            frame[target] = ""
    return frame, {target: header for header, target in rename.items()}


def read_ledger(path: Path, args: argparse.Namespace):
    """Read every field as text; return accepted rows, their öre amounts and the rejects (record, reason)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pd.read_csv(path, sep=args.sep, encoding=args.encoding, dtype=str, keep_default_na=False,
                            na_filter=False, on_bad_lines="warn")
    input_columns = list(frame.columns)
    frame, args.original_names = role_names(frame, args.templates)
    args.input_columns = input_columns
    rejects = []
    skipped = []
    for warning in caught:
        for number, expected, saw in re.findall(r"line (\d+): expected (\d+) fields, saw (\d+)",
                                                str(warning.message)):
            record = int(number) - 1  # pandas counts the header as line 1
            skipped.append(record)
            rejects.append((record, f"the record has {saw} fields, the header {expected}"))
    skipped.sort()
    positions = np.arange(1, len(frame) + 1)
    records = positions + np.searchsorted(np.array(skipped, dtype=np.int64), positions, side="right")
    # Thousands separators (space, no-break space) go, the decimal mark becomes a split point.
    text = frame[COL_AMOUNT].str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    mark = re.escape(args.decimal)
    parts = text.str.extract(rf"^([-+]?)(\d+)(?:{mark}(\d{{1,2}}))?$")
    valid = parts[1].notna().to_numpy()
    whole = pd.to_numeric(parts[1].where(valid, "0")).to_numpy(dtype=np.int64)
    cents = pd.to_numeric(parts[2].fillna("0").str.ljust(2, "0")).to_numpy(dtype=np.int64)
    ore = (whole * 100 + cents) * np.where(parts[0].to_numpy() == "-", -1, 1)
    for record, amount in zip(records[~valid], frame.loc[~valid, COL_AMOUNT]):
        rejects.append((int(record), f"amount '{amount}' is not a number"))
    rejects.sort()
    return frame.loc[valid].reset_index(drop=True), ore[valid], rejects


def join_suppliers(ledger: pd.DataFrame, listing: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """One row per ledger supplier id with the list entry it joins to (id, then org, then name)."""
    suppliers = ledger[[COL_ID, COL_NAME, COL_ORG]].drop_duplicates(COL_ID).reset_index(drop=True)
    suppliers["org"] = suppliers[COL_ORG].map(norm_org)
    suppliers["name_key"] = suppliers[COL_NAME].map(norm_name)
    listing = listing.copy()
    listing["org"] = listing[COL_ORG].map(norm_org)
    listing["name_key"] = listing[COL_NAME].map(norm_name)
    listing["row"] = np.arange(len(listing))
    by_id = listing[listing[COL_ID] != ""].drop_duplicates(COL_ID).set_index(COL_ID)["row"]
    by_org = listing[listing["org"] != ""].drop_duplicates("org").set_index("org")["row"]
    by_name = listing.drop_duplicates("name_key").set_index("name_key")["row"]
    match = suppliers[COL_ID].map(by_id)
    how = np.where(match.notna(), "id", "")
    org_match = suppliers["org"].map(by_org).where(suppliers["org"] != "")
    take = match.isna() & org_match.notna()
    match, how = match.where(~take, org_match), np.where(take, "org number", how)
    name_match = suppliers["name_key"].map(by_name)
    take = match.isna() & name_match.notna()
    match, how = match.where(~take, name_match), np.where(take, "name", how)
    suppliers["joined_by"] = how
    rows = match.fillna(-1).astype(int).to_numpy()
    made = np.where(rows >= 0, listing[COL_MADE].to_numpy()[rows], "")
    land = np.where(rows >= 0, listing[COL_LAND].to_numpy()[rows], "")
    made_code = [rules.country(v) for v in made]
    land_code = [rules.country(v) for v in land]
    suppliers["country"] = [m or l for m, l in zip(made_code, land_code)]
    suppliers["country_reason"] = [
        f"country {m or l} ({COL_MADE if m else COL_LAND}): {rules.country_reasons.get(m or l, 'no index values')}"
        if m or l else "country unknown" for m, l in zip(made_code, land_code)]
    list_cpv = np.where(rows >= 0, listing[COL_CPV].to_numpy()[rows], "")
    list_kind = np.where(rows >= 0, listing[COL_KIND].to_numpy()[rows], "")
    found = [supplier_category(rules, cpv, kind) for cpv, kind in zip(list_cpv, list_kind)]
    suppliers["category"] = np.array([f[0] for f in found], dtype=np.int64)
    suppliers["category_reason"] = [f[1] for f in found]
    return suppliers


def supplier_category(rules: Rules, cpv: str, kind: str) -> tuple[int, str]:
    """The supplier list's category: its CPV code, else a keyword in its Kategori text."""
    category = rules.category_for_cpv(cpv) if cpv else -1
    if category >= 0:
        return category, f"supplier list CPV {cpv}"
    category, keyword = rules.category_for_text(kind)
    if category >= 0:
        return category, f"supplier list category '{kind}' (keyword '{keyword}')"
    return -1, ""


# ----------------------------------------------------------------------------------------------
# Tagging


def tag(ledger: pd.DataFrame, ore: np.ndarray, suppliers: pd.DataFrame, rules: Rules):
    """Category, country, risk per area and overall per line; priority and tasks per supplier x category."""
    n = len(ledger)
    supplier_of_line = pd.Index(suppliers[COL_ID]).get_indexer(ledger[COL_ID])

    category = np.full(n, -1, dtype=np.int64)
    source = np.full(n, "none", dtype=object)
    detail = np.full(n, "", dtype=object)

    def fill(found, label):
        found_category, found_detail = found
        todo = (category < 0) & (found_category >= 0)
        category[todo] = found_category[todo]
        source[todo] = label
        detail[todo] = found_detail[todo]

    fill(per_unique_pair(ledger[COL_CPV], lambda c: (rules.category_for_cpv(c), f"CPV {c}")), "cpv")
    fill((suppliers["category"].to_numpy()[supplier_of_line],
          suppliers["category_reason"].to_numpy()[supplier_of_line]), "supplier")
    for column, label in ((COL_TEXT, "description"), (COL_ACCOUNT_TEXT, "account text"),
                          (COL_NAME, "supplier name")):
        template = "keyword '{}' in the " + label
        fill(per_unique_pair(ledger[column], lambda t: described(rules.category_for_text(t), template)),
             "keyword")
    fill(per_unique_pair(ledger[COL_ACCOUNT],
                         lambda a: described(rules.category_for_account(a), "account " + a + " {}")),
         "account")

    country = suppliers["country"].to_numpy()[supplier_of_line]
    reason = detail + "; " + suppliers["country_reason"].to_numpy()[supplier_of_line]
    country_codes, country_uniques = pd.factorize(pd.Series(country))
    country_table = np.zeros((len(country_uniques) + 1, 4), dtype=np.int8)
    for i, code in enumerate(country_uniques):
        country_table[i] = rules.country_levels.get(code, np.zeros(4, dtype=np.int8))
    levels = np.maximum(rules.category_levels[category], country_table[country_codes])
    overall = levels.max(axis=1)

    # Supplier x category groups: spend, share, priority, tasks.
    groups = pd.DataFrame({"supplier": supplier_of_line, "category": category, "ore": ore, "reason": reason})
    for i, area in enumerate(AREAS):
        groups[area] = levels[:, i]
    groups["overall"] = overall
    keys = ["supplier", "category"]
    agg = groups.groupby(keys, sort=True).agg(
        ore=("ore", "sum"), lines=("ore", "size"), reason=("reason", "first"),
        **{a: (a, "max") for a in AREAS + ["overall"]})
    agg = agg.reset_index()
    total = int(ore.sum())
    agg["share"] = agg["ore"] / total if total else 0.0
    material = (agg["share"] >= rules.p1_share) | (agg["ore"] >= int(rules.p1_spend))
    high, medium, unknown = agg["overall"] == 3, agg["overall"] == 2, agg["overall"] == 0
    agg["priority"] = np.select(
        [high & material, (agg["ore"] >= int(rules.p2_spend)) & (high | ((medium | unknown) & material))],
        [1, 2], 3)
    agg["tasks"] = task_lists(agg, rules)
    line_group = groups.groupby(keys, sort=True).ngroup().to_numpy()
    return category, source, reason, country, levels, overall, agg, line_group


def described(found: tuple[int, str], template: str) -> tuple[int, str]:
    """Turn a (category, matched key) lookup into (category, reason text)."""
    return found[0], template.format(found[1]) if found[0] >= 0 else ""


def task_lists(agg: pd.DataFrame, rules: Rules) -> list[str]:
    """Task ids per group: overall >= min_risk, a listed area at that level, priority <= max_priority."""
    minimum = {"any": -1, "low": 1, "medium": 2, "high": 3}
    columns = []
    ids = []
    for task in rules.tasks.itertuples():
        if task.min_risk == "unknown":  # 'needs mapping': unknown counts, as does medium or higher
            applies = (agg["overall"] == 0) | (agg["overall"] >= 2)
        else:
            applies = agg["overall"] >= minimum[task.min_risk]
        if task.areas != "any" and task.min_risk in ("low", "medium", "high"):
            listed = [a for a in task.areas.split("|") if a in AREAS]
            applies &= agg[listed].max(axis=1) >= minimum[task.min_risk]
        applies &= agg["priority"] <= int(task.max_priority)
        columns.append(applies.to_numpy())
        ids.append(task.id)
    matrix = np.column_stack(columns) if columns else np.zeros((len(agg), 0), dtype=bool)
    return ["|".join(i for i, on in zip(ids, row) if on) for row in matrix]


# ----------------------------------------------------------------------------------------------
# Writing


def write_enriched(path: Path, ledger: pd.DataFrame, columns: dict, args: argparse.Namespace) -> None:
    """Input columns unchanged plus the kedja_* columns, in the input's dialect."""
    out = ledger.rename(columns=args.original_names)[args.input_columns]
    for name in KEDJA_COLUMNS:
        out[name] = columns[name]
    out.to_csv(path, sep=args.sep, encoding=args.encoding, lineterminator="\r\n", index=False,
               quoting=csv.QUOTE_MINIMAL)


def write_register(path: Path, table: pd.DataFrame, summary: dict) -> None:
    """The risk register: one row per supplier x category, plus a summary sheet."""
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        book = writer.book
        pd.DataFrame(list(summary.items()), columns=["Uppgift", "Värde"]).to_excel(
            writer, sheet_name="Sammanfattning", index=False)
        table.to_excel(writer, sheet_name="Riskregister", index=False)
        sheet = writer.sheets["Riskregister"]
        money = book.add_format({"num_format": "#,##0.00"})
        share = book.add_format({"num_format": "0.00%"})
        sheet.set_column(0, 0, 38)
        sheet.set_column(1, 3, 16)
        sheet.set_column(4, 4, 16, money)
        sheet.set_column(5, 5, 10, share)
        sheet.set_column(6, 11, 12)
        sheet.set_column(12, 14, 50)
        sheet.freeze_panes(1, 1)
        sheet.autofilter(0, 0, len(table), len(table.columns) - 1)
        colours = {"Hög": "#F8CBAD", "Medel": "#FFE699", "Låg": "#C6EFCE", "Okänd": "#D9D9D9"}
        for word, colour in colours.items():
            sheet.conditional_format(1, 6, len(table), 10, {
                "type": "cell", "criteria": "==", "value": f'"{word}"',
                "format": book.add_format({"bg_color": colour})})


def write_plan(path: Path, plan: pd.DataFrame) -> None:
    """The follow-up plan with a date column and a status drop-down."""
    with pd.ExcelWriter(path, engine="xlsxwriter", datetime_format="yyyy-mm-dd",
                        date_format="yyyy-mm-dd") as writer:
        plan.to_excel(writer, sheet_name="Uppföljningsplan", index=False)
        sheet = writer.sheets["Uppföljningsplan"]
        sheet.set_column(0, 1, 36)
        sheet.set_column(3, 4, 40)
        sheet.set_column(5, 5, 12)
        sheet.freeze_panes(1, 0)
        if len(plan):
            sheet.data_validation(1, 7, len(plan), 7, {
                "validate": "list", "source": ["Ej påbörjad", "Pågår", "Klar", "Avvikelse"]})


# ----------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("spend", type=Path)
    parser.add_argument("--suppliers", type=Path, required=True)
    parser.add_argument("--templates", type=Path, default=Path(__file__).resolve().parent.parent / "Templates")
    parser.add_argument("--out-dir", type=Path, default=Path("Reports/pandas"))
    parser.add_argument("--encoding", default="cp1252")
    parser.add_argument("--sep", default=";")
    parser.add_argument("--decimal", default=",")
    parser.add_argument("--start", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="first day of the follow-up plan (default today)")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    rules = Rules(args.templates)
    ledger, ore, rejects = read_ledger(args.spend, args)
    listing = pd.read_csv(args.suppliers, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    listing, _ = role_names(listing, args.templates)
    suppliers = join_suppliers(ledger, listing, rules)
    category, source, reason, country, levels, overall, agg, line_group = tag(ledger, ore, suppliers, rules)

    cats = rules.categories
    code_of = np.append(cats["cpv_code"].to_numpy(), "")
    name_of = np.append(cats["category_sv"].to_numpy(), "")
    word = np.array(LEVELS, dtype=object)
    columns = {
        "kedja_category_code": code_of[category],
        "kedja_category": name_of[category],
        "kedja_category_source": source,
        "kedja_country": country,
        **{f"kedja_risk_{area}": word[levels[:, i]] for i, area in enumerate(AREAS)},
        "kedja_risk_overall": word[overall],
        "kedja_priority": agg["priority"].to_numpy()[line_group],
        "kedja_tasks": np.array(agg["tasks"], dtype=object)[line_group],
        "kedja_reason": reason,
    }
    stem = args.spend.stem
    enriched = args.out_dir / f"{stem}.tagged.csv"
    write_enriched(enriched, ledger, columns, args)
    rejects_path = args.out_dir / f"{stem}.rejects.csv"
    pd.DataFrame(rejects, columns=["record", "reason"]).to_csv(
        rejects_path, sep=args.sep, encoding=args.encoding, lineterminator="\r\n", index=False)

    level_sv = np.array(LEVEL_SV, dtype=object)
    supplier_rows = agg["supplier"].to_numpy()
    register = pd.DataFrame({
        "Leverantör": suppliers[COL_NAME].to_numpy()[supplier_rows],
        "Org.nr": suppliers[COL_ORG].to_numpy()[supplier_rows],
        "Land": suppliers["country"].to_numpy()[supplier_rows],
        "Kategori": name_of[agg["category"].to_numpy()],
        "Spend": agg["ore"].to_numpy() / 100,
        "Andel av spend": agg["share"].to_numpy(),
        **{label: level_sv[agg[area].to_numpy()] for label, area in zip(AREA_SV, AREAS)},
        "Samlad risk": level_sv[agg["overall"].to_numpy()],
        "Prioritet": agg["priority"].to_numpy(),
        "Motivering": agg["reason"],
        "Uppgifter": agg["tasks"],
    })
    followup = rules.followup.assign(priority=lambda f: f["priority"].astype(int),
                                     offset=lambda f: f["offset_days"].astype(int))
    methods = followup.groupby("priority")["method_sv"].agg(" → ".join)
    register["Uppföljning"] = agg["priority"].map(methods).fillna("").to_numpy()
    register = register.sort_values(["Prioritet", "Spend"], ascending=[True, False], kind="stable")

    plan = register[["Leverantör", "Kategori", "Prioritet"]].merge(
        followup[["priority", "method_sv", "task_id", "offset"]], left_on="Prioritet", right_on="priority")
    plan = pd.DataFrame({
        "Leverantör": plan["Leverantör"], "Kategori": plan["Kategori"], "Prioritet": plan["Prioritet"],
        "Metod": plan["method_sv"], "Uppgift": plan["task_id"],
        "Förfallodatum": pd.Timestamp(args.start) + pd.to_timedelta(plan["offset"], unit="D"),
        "Ansvarig": "", "Status": "Ej påbörjad", "Kommentar": ""})

    total = int(ore.sum())
    summary = {"Fil": str(args.spend), "Rader lästa": len(ledger) + len(rejects), "Rader taggade": len(ledger),
               "Avvisade rader": len(rejects), "Total spend (SEK)": ore_text(total),
               "Leverantör x kategori": len(agg), "Regeltabeller": str(args.templates)}
    register_path, plan_path = args.out_dir / "riskregister.xlsx", args.out_dir / "uppfoljningsplan.xlsx"
    write_register(register_path, register, summary)
    write_plan(plan_path, plan)

    print(json.dumps({
        "input": {"path": str(args.spend), "encoding": args.encoding, "delimiter": args.sep,
                  "decimal_mark": args.decimal},
        "rows_read": len(ledger) + len(rejects), "rows_written": len(ledger), "rows_rejected": len(rejects),
        "amount_total": ore_text(total),
        "rejects": [{"record": r, "reason": reason} for r, reason in rejects],
        "supplier_join": suppliers["joined_by"].replace("", "unmatched").value_counts().to_dict(),
        "outputs": [str(p) for p in (enriched, rejects_path, register_path, plan_path)],
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
