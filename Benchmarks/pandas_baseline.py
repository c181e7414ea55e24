#!/usr/bin/env python3
"""What an analyst would otherwise write: `kedja run` done with pandas and XlsxWriter.

The benchmark compares Kedja with this script on the same export, so it is meant to be an honest,
reasonably efficient pandas program, not a strawman: every column stays text so the enriched CSV
gives the input's fields back unchanged, money is summed in integer öre (exact), and the per-line
work is vectorised — lookups run once per distinct value (`pd.factorize`) and are spread back to
the lines with NumPy indexing.

It reads the same rule tables as Kedja (`Templates/`) and applies the same method (the rules are in
kedja_rules.py, shared with polars_baseline.py):
  * join each ledger supplier to the supplier list on supplier id, then org number, then normalised
    name (case-folded, spaces collapsed);
  * scope (scope.csv): a supplier whose organisation number starts with a listed prefix (a sole trader's
    personal number never does), or with no organisation number whose name or list category holds a listed
    word (never a name with a company's legal form: AB, HB, Ek. för., Ltd, GmbH, …); for a line with an
    empty CPV field from a supplier the list does not categorise, also an account that starts with a listed
    prefix or a description or account text that holds a listed word: `excluded`, not rated, not in the
    register or the plan;
  * category, first hit wins (Kedja's order): the line's CPV code (longest prefix of any of a category's
    `|`-separated codes) -> the supplier list's CPV code, else a keyword in its Kategori text or name -> the
    best keyword among the description, the account text and the supplier name (most specific category,
    then longest keyword, then table order, then the earlier text; case- and accent-insensitive but å, ä, ö
    kept) -> the account (accounts.csv) -> none;
  * country: production country (on the line, then the list's), then registered country (on the line, then
    the list's) (countries.csv); country levels from country-indices.csv banded by country-bands.csv.
    The country layer applies to goods only (not services or works), from the production country or a
    registered country other than Sweden;
  * per area: category known -> the higher of category and country; category unknown -> high only when the
    country says high, else unknown. Overall = highest area; priority and tasks per supplier x category from
    settings.csv (materiality and shares of the procurement spend: the total less the spend outside the
    scope) and tasks.csv (goods-only tasks, `applies_to`, left out for services and works); the plan follows
    followup.csv's labour-conditions track for services and works whose `labour_conditions` is `risk` or
    `high risk`, else the supply-chain track, without the steps of goods-only tasks for services and works;
and writes the enriched CSV in the input's dialect, a rejects CSV, the risk register and the
follow-up plan workbooks. It prints a JSON summary like `kedja run --json`.

    python3 Benchmarks/pandas_baseline.py SampleData/leverantorsreskontra-2025.csv \\
        --suppliers SampleData/leverantorer.csv --out-dir Benchmarks/out/pandas
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import warnings
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kedja_rules import (  # noqa: E402
    AREA_SV, AREAS, KEDJA_COLUMNS, KIND_SV, LEVEL_SV, LEVELS, Rules, baseline_arguments, join_spellings)

# Ledger and supplier-list headers (Swedish ERP names).
COL_ID, COL_NAME, COL_ORG = "Leverantörsnummer", "Leverantörsnamn", "Organisationsnummer"
COL_ACCOUNT, COL_CPV, COL_TEXT, COL_AMOUNT = "Konto", "CPV-kod", "Beskrivning", "Belopp exkl. moms"
COL_ACCOUNT_TEXT, COL_LAND, COL_MADE, COL_KIND = "Kontotext", "Land", "Tillverkningsland", "Kategori"
# The role (Templates/roles.csv) each of those names stands for: a file's own headers are renamed to them.
ROLE_COLUMNS = {"supplier_id": COL_ID, "supplier_name": COL_NAME, "org_number": COL_ORG, "account": COL_ACCOUNT,
                "cpv": COL_CPV, "description": COL_TEXT, "amount": COL_AMOUNT, "account_text": COL_ACCOUNT_TEXT,
                "country": COL_LAND, "production_country": COL_MADE, "category": COL_KIND}


# ----------------------------------------------------------------------------------------------
# Small helpers (the rules themselves are in kedja_rules.py, shared with the polars baseline)


def per_unique(series: pd.Series, func, dtype=object) -> np.ndarray:
    """Apply `func` once per distinct value of `series` and spread the answers to every row."""
    codes, uniques = pd.factorize(series, sort=False)
    answers = [func(value) for value in uniques] + [func("")]
    if dtype is object:
        out = np.empty(len(answers), dtype=object)
        out[:] = answers
    else:
        out = np.array(answers, dtype=dtype)
    return out[codes]


def ore_text(ore: int) -> str:
    """Exact amount text with '.' decimal mark, e.g. 123450 -> '1234.50'."""
    return str((Decimal(int(ore)) / 100).quantize(Decimal("0.01")))


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


def join_suppliers(ledger: pd.DataFrame, listing: pd.DataFrame, rules: Rules):
    """Per line, the position of its supplier (one row per distinct supplier key) and the suppliers' facts.

    Each distinct spelling (id, org number, name) joins the list once (id, then org number, then normalised
    name); spellings that join the same list entry, or share an id, are one supplier, as in Kedja."""
    entries = [{"id": i, "name": n, "org": o, "land": l, "made": m, "cpv": c, "kind": k} for i, n, o, l, m, c, k in zip(
        listing[COL_ID], listing[COL_NAME], listing[COL_ORG], listing[COL_LAND], listing[COL_MADE], listing[COL_CPV],
        listing[COL_KIND])]
    spelling = ledger[COL_ID] + "\x1f" + ledger[COL_ORG] + "\x1f" + ledger[COL_NAME]
    codes, uniques = pd.factorize(spelling, sort=False)
    positions, facts, joined = join_spellings(rules, entries, uniques)
    supplier_of_spelling = np.asarray(positions, dtype=np.int64)
    return supplier_of_spelling[codes], pd.DataFrame(facts), joined


# ----------------------------------------------------------------------------------------------
# Tagging


def tag(ledger: pd.DataFrame, ore: np.ndarray, supplier: np.ndarray, facts: pd.DataFrame, rules: Rules):
    """Scope, category, country, risk per area per line; priority and tasks per supplier x category."""
    n = len(ledger)
    # What is not procurement: the supplier's rule, then (only for a line with an empty CPV field from a supplier
    # the list does not categorise) the account's, then words of the description / account text.
    scope = facts["scope"].to_numpy(dtype=np.int64)[supplier]
    line_rules = (scope < 0) & (facts["category"].to_numpy(dtype=np.int64)[supplier] < 0) & (
        ledger[COL_CPV].to_numpy(dtype=object) == "")
    for column, func in ((COL_ACCOUNT, rules.scope_for_account), (COL_TEXT, rules.scope_for_text),
                         (COL_ACCOUNT_TEXT, rules.scope_for_text)):
        todo = line_rules & (scope < 0)
        if todo.any():
            scope = np.where(todo, per_unique(ledger[column], func, np.int64), scope)

    category = np.full(n, -1, dtype=np.int64)
    source = np.full(n, "none", dtype=object)
    evidence = np.full(n, "", dtype=object)

    def fill(found, found_evidence, label):
        todo = (category < 0) & (found >= 0)
        category[todo] = found[todo]
        source[todo] = label
        evidence[todo] = found_evidence[todo]

    cpv = per_unique(ledger[COL_CPV], rules.category_for_cpv_field, np.int64)
    fill(cpv, "CPV " + ledger[COL_CPV].str.strip().to_numpy(dtype=object), "cpv")
    fill(facts["category"].to_numpy(dtype=np.int64)[supplier],
         facts["category_evidence"].to_numpy(dtype=object)[supplier], "supplier")
    # The line's texts compete as one: the best keyword (rank) among them wins, the earlier text on a tie.
    ranks, categories, evidences = [], [], []
    for column, place in ((COL_TEXT, "beskrivningen"), (COL_ACCOUNT_TEXT, "kontotexten"),
                          (COL_NAME, "leverantörsnamnet")):
        found = per_unique(ledger[column], rules.keyword_match)
        ranks.append(np.array([f[0] for f in found], dtype=np.int64))
        categories.append(np.array([f[1] for f in found], dtype=np.int64))
        evidences.append(np.array([f"nyckelord '{f[2]}' i {place}" for f in found], dtype=object))
    winner = np.argmax(np.stack(ranks), axis=0)  # the first of equal ranks
    rows = np.arange(n)
    fill(np.stack(categories)[winner, rows], np.stack(evidences)[winner, rows], "keyword")
    found = per_unique(ledger[COL_ACCOUNT], rules.account)
    fill(np.array([f[0] for f in found], dtype=np.int64),
         np.array([f"kontogrupp {f[1]}" for f in found], dtype=object), "account")

    # Country: the production country (the line's, then the list's), then the registered country (the line's,
    # then the list's). The list's facts hold its production country, else its registered country.
    country = facts["country"].to_numpy(dtype=object)[supplier]
    production = facts["production"].to_numpy(dtype=bool)[supplier]
    country_evidence = facts["country_evidence"].to_numpy(dtype=object)[supplier]
    list_made = production & (country != "")
    for column, is_production, words, keep in ((COL_LAND, False, "land på raden", list_made),
                                               (COL_MADE, True, "tillverkningsland på raden", None)):  # last wins
        on_line = per_unique(ledger[column], rules.country)
        has = on_line != ""
        if keep is not None:
            has = has & ~keep
        country = np.where(has, on_line, country)
        production = np.where(has, is_production, production)
        country_evidence = np.where(has, words, country_evidence)

    # Levels and reason once per class of lines tagged alike.
    excluded = scope >= 0
    category = np.where(excluded, -1, category)
    source = np.where(excluded, "excluded", source)
    classes = pd.DataFrame({"category": category, "evidence": evidence, "country": country,
                            "country_evidence": country_evidence, "production": production, "scope": scope})
    class_of_line = classes.drop_duplicates().reset_index(drop=True)
    class_ids = pd.MultiIndex.from_frame(class_of_line).get_indexer(pd.MultiIndex.from_frame(classes))
    levels_of_class = np.array([rules.levels(c, k, p) if s < 0 else (0, 0, 0, 0) for c, k, p, s in zip(
        class_of_line["category"], class_of_line["country"], class_of_line["production"], class_of_line["scope"])],
        dtype=np.int8).reshape(-1, 4)
    reason_of_class = np.array([rules.reason(c, e, k, ke, p, s, lv) for (c, e, k, ke, p, s), lv in zip(
        class_of_line.itertuples(index=False), levels_of_class)], dtype=object)
    levels = levels_of_class[class_ids]
    overall = levels.max(axis=1)
    reason = reason_of_class[class_ids]

    # Supplier x category groups (excluded lines apart): spend, share, priority, tasks.
    group_category = np.where(excluded, -2, category)
    groups = pd.DataFrame({"supplier": supplier, "category": group_category, "ore": ore, "reason": reason,
                           "country": country})
    for i, area in enumerate(AREAS):
        groups[area] = levels[:, i]
    keys = ["supplier", "category"]
    grouped = groups.groupby(keys, sort=True)
    agg = grouped.agg(ore=("ore", "sum"), lines=("ore", "size"), reason=("reason", "first"),
                      country=("country", "first"), **{a: (a, "max") for a in AREAS}).reset_index()
    agg["overall"] = agg[AREAS].max(axis=1)
    line_group = grouped.ngroup().to_numpy()
    # Materiality and shares are of the procurement spend: payments outside the scope take no part.
    procurement = int(ore.sum()) - int(ore[excluded].sum())
    agg["priority"] = [rules.priority(o, int(s), procurement) for o, s in zip(agg["overall"], agg["ore"])]
    agg["in_sweden"] = [rules.performed_in_sweden(c) for c in agg["category"]]
    task_cache: dict = {}
    tasks = []
    for row in zip(*(agg[a] for a in AREAS), agg["overall"], agg["priority"], agg["in_sweden"]):
        if row not in task_cache:
            task_cache[row] = rules.task_ids(row[:4], row[4], row[5], row[6])
        tasks.append(task_cache[row])
    agg["tasks"] = tasks
    agg["share"] = agg["ore"] / procurement if procurement else 0.0
    return category, source, reason, country, levels, overall, excluded, agg, line_group


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
    parser = baseline_arguments(__doc__, "pandas")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)

    rules = Rules(args.templates)
    ledger, ore, rejects = read_ledger(args.spend, args)
    listing = pd.read_csv(args.suppliers, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    listing, _ = role_names(listing, args.templates)
    supplier, facts, joined = join_suppliers(ledger, listing, rules)
    category, source, reason, country, levels, overall, excluded, agg, line_group = tag(
        ledger, ore, supplier, facts, rules)

    cats = rules.categories
    code_of = np.array([c["code"] for c in cats] + [""], dtype=object)
    name_of = np.array([c["name_sv"] for c in cats] + [""], dtype=object)
    word = np.array(LEVELS, dtype=object)
    # Lines outside the scope: empty category, country, risk, priority and task cells.
    rated = lambda values: np.where(excluded, "", values)  # noqa: E731
    priority_text = agg["priority"].astype(str).to_numpy(dtype=object)
    columns = {
        "kedja_category_code": code_of[category],
        "kedja_category": name_of[category],
        "kedja_category_source": source,
        "kedja_country": rated(country),
        **{f"kedja_risk_{area}": rated(word[levels[:, i]]) for i, area in enumerate(AREAS)},
        "kedja_risk_overall": rated(word[overall]),
        "kedja_priority": rated(priority_text[line_group]),
        "kedja_tasks": rated(np.array(agg["tasks"], dtype=object)[line_group]),
        "kedja_reason": reason,
    }
    stem = args.spend.stem
    enriched = args.out_dir / f"{stem}.tagged.csv"
    write_enriched(enriched, ledger, columns, args)
    rejects_path = args.out_dir / f"{stem}.rejects.csv"
    pd.DataFrame(rejects, columns=["record", "reason"]).to_csv(
        rejects_path, sep=args.sep, encoding=args.encoding, lineterminator="\r\n", index=False)

    # The register and the plan: supplier x category rows, payments outside the scope left out.
    total = int(ore.sum())
    excluded_ore = int(ore[excluded].sum())
    agg = agg[agg["category"] != -2].reset_index(drop=True)
    level_sv = np.array(LEVEL_SV, dtype=object)
    supplier_rows = agg["supplier"].to_numpy()
    category_rows = agg["category"].to_numpy()
    kind_of = np.array([KIND_SV[c["kind"]] for c in cats] + [""], dtype=object)
    stages_of = np.array([c["stages"] for c in cats] + [""], dtype=object)
    track_of = np.array([c["labour_track"] for c in cats] + [False])
    register = pd.DataFrame({
        "Leverantör": facts["name"].to_numpy()[supplier_rows],
        "Org.nr": facts["org"].to_numpy()[supplier_rows],
        "Land": agg["country"].to_numpy(),
        "Kategori": name_of[category_rows],
        "Spend": agg["ore"].to_numpy() / 100,
        "Andel av spend": agg["share"].to_numpy(),
        **{label: level_sv[agg[area].to_numpy()] for label, area in zip(AREA_SV, AREAS)},
        "Samlad risk": level_sv[agg["overall"].to_numpy()],
        "Prioritet": agg["priority"].to_numpy(),
        "Motivering": agg["reason"],
        "Uppgifter": agg["tasks"],
        "Typ": kind_of[category_rows],
        "Var i kedjan": stages_of[category_rows],
        "track": np.where(track_of[category_rows], "labour_conditions", "supply_chain"),
        "in_sweden": agg["in_sweden"].to_numpy(dtype=bool),
    })
    # The cascade per track and priority; for services and works without the steps of goods-only tasks.
    followup = pd.DataFrame(rules.followup).assign(priority=lambda f: f["priority"].astype(int),
                                                   offset=lambda f: f["offset_days"].astype(int))
    followup = pd.concat([followup.assign(in_sweden=False),
                          followup[~followup["goods_only"]].assign(in_sweden=True)], ignore_index=True)
    methods = followup.groupby(["track", "priority", "in_sweden"])["method_sv"].agg(" → ".join)
    register["Uppföljning"] = [methods.get((t, p, s), "") for t, p, s in zip(
        register["track"], register["Prioritet"], register["in_sweden"])]
    register = register.sort_values(["Prioritet", "Spend"], ascending=[True, False], kind="stable")

    plan = register[["Leverantör", "Kategori", "Prioritet", "track", "in_sweden"]].merge(
        followup[["track", "priority", "in_sweden", "method_sv", "task_id", "offset"]],
        left_on=["track", "Prioritet", "in_sweden"], right_on=["track", "priority", "in_sweden"])
    plan = pd.DataFrame({
        "Leverantör": plan["Leverantör"], "Kategori": plan["Kategori"], "Prioritet": plan["Prioritet"],
        "Metod": plan["method_sv"], "Uppgift": plan["task_id"],
        "Förfallodatum": pd.Timestamp(args.start) + pd.to_timedelta(plan["offset"], unit="D"),
        "Ansvarig": "", "Status": "Ej påbörjad", "Kommentar": "",
        "Spår": np.where(plan["track"] == "labour_conditions", "arbetsrättsliga villkor", "leveranskedja")})
    register = register.drop(columns=["track", "in_sweden"])

    summary = {"Fil": str(args.spend), "Rader lästa": len(ledger) + len(rejects), "Rader taggade": len(ledger),
               "Avvisade rader": len(rejects), "Total spend (SEK)": ore_text(total),
               "Utanför omfånget: rader": int(excluded.sum()), "Utanför omfånget (SEK)": ore_text(excluded_ore),
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
        "excluded_lines": int(excluded.sum()), "excluded_total": ore_text(excluded_ore),
        "supplier_join": joined,
        "outputs": [str(p) for p in (enriched, rejects_path, register_path, plan_path)],
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
