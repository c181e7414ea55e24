#!/usr/bin/env python3
"""What an analyst who outgrew pandas would write: `kedja run` done with polars and XlsxWriter.

Same job, same rule tables and same method as pandas_baseline.py (the rules are in kedja_rules.py, shared
by both baselines; see its docstring), written the polars way:
  * the ledger is scanned lazily with every column as text and never held whole in memory: one streaming
    pass collects the distinct values the rules look at, a second aggregates supplier x category groups,
    a third writes the enriched CSV with `sink_csv`;
  * each rule runs once per distinct value in Python and is spread over the lines with `replace_strict`
    (a vectorised hash map); the cascades (scope, category, country, levels) are `when/then` expressions;
  * amounts are parsed with string expressions into integer öre (exact);
  * the risk register and the follow-up plan are written with `DataFrame.write_excel` (XlsxWriter).
polars reads and writes UTF-8 only, so a Windows-1252 export is transcoded to a UTF-8 copy first and the
enriched CSV back again, each streamed in 16 MB chunks (that time counts). A record with more fields than
the header is rejected; a record cut short shows as an empty amount (polars fills the missing fields).

    python3 Benchmarks/polars_baseline.py SampleData/leverantorsreskontra-2025.csv \\
        --suppliers SampleData/leverantorer.csv --out-dir Benchmarks/out/polars
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import polars as pl
import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kedja_rules import (  # noqa: E402
    AREA_SV, AREAS, KEDJA_COLUMNS, KIND_SV, LEVEL_SV, LEVELS, Rules, baseline_arguments, join_spellings)

ROLES = ["supplier_id", "supplier_name", "org_number", "account", "cpv", "description", "amount", "account_text",
         "country", "production_country", "category"]
EXTRA = ["__extra1", "__extra2", "__extra3"]  # fields beyond the header land here: the record is rejected
CHUNK = 16 << 20


def transcode(source: Path, target: Path, from_encoding: str, to_encoding: str) -> None:
    """Copy a text file from one encoding to another: with iconv(1) where it is installed and knows both
    encodings, else in Python in 16 MB chunks (a UTF-8 BOM is dropped either way)."""
    iconv = shutil.which("iconv")
    names = {"cp1252": "CP1252", "windows-1252": "CP1252", "utf-8": "UTF-8", "utf8": "UTF-8", "latin-1": "LATIN1",
             "iso-8859-1": "LATIN1"}
    if iconv and from_encoding.lower() in names and to_encoding.lower() in names:
        with open(source, "rb", buffering=0) as inp, open(target, "wb") as out:
            if names[from_encoding.lower()] != "UTF-8" or inp.read(3) != codecs.BOM_UTF8:
                inp.seek(0)  # unbuffered: the descriptor iconv reads from is where this file object is
            if subprocess.run([iconv, "-f", names[from_encoding.lower()], "-t", names[to_encoding.lower()]],
                              stdin=inp, stdout=out).returncode == 0:
                return
    decoder = codecs.getincrementaldecoder(from_encoding)()
    encoder = codecs.getincrementalencoder(to_encoding)()
    with open(source, "rb") as inp, open(target, "wb") as out:
        while chunk := inp.read(CHUNK):
            out.write(encoder.encode(decoder.decode(chunk)))
        out.write(encoder.encode(decoder.decode(b"", final=True), final=True))


def header_of(path: Path, sep: str) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle, delimiter=sep))


def role_columns(header: list[str], templates: Path) -> dict[str, str]:
    """Role -> the file's header for it, through Templates/roles.csv (case-insensitive, first synonym wins)."""
    with open(templates / "roles.csv", encoding="utf-8-sig", newline="") as handle:
        synonyms = [(row["role"], row["synonym"].strip().lower()) for row in csv.DictReader(handle, delimiter=";")]
    present = {h.strip().lower(): h for h in header}
    found: dict[str, str] = {}
    for role in ROLES:
        for owner, name in synonyms:
            if owner == role and name in present and present[name] not in found.values():
                found[role] = present[name]
                break
    return found


def mapped(column: str, mapping: dict, default, dtype) -> pl.Expr:
    """The rule's answer for every line: a vectorised lookup of the column's value in `mapping`."""
    return pl.col(column).replace_strict(list(mapping.keys()), list(mapping.values()), default=default,
                                         return_dtype=dtype)


STARTED = time.monotonic()
TIMINGS = False


def stage(name: str) -> None:
    """With --timings: seconds since start and peak RSS so far, on stderr."""
    if TIMINGS:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{time.monotonic() - STARTED:7.2f} s {peak:7.0f} MB  {name}", file=sys.stderr)


def ore_text(ore: int) -> str:
    return str((Decimal(int(ore)) / 100).quantize(Decimal("0.01")))


def main(argv: list[str]) -> int:
    parser = baseline_arguments(__doc__, "polars")
    parser.add_argument("--timings", action="store_true", help="print each stage's end time and peak RSS")
    args = parser.parse_args(argv)
    global TIMINGS
    TIMINGS = args.timings
    args.out_dir.mkdir(parents=True, exist_ok=True)
    rules = Rules(args.templates)

    # --- the ledger, as a lazy scan of a UTF-8 copy -----------------------------------------------------------
    utf8 = args.encoding.lower().replace("_", "-") in ("utf-8", "utf8")
    input_path = args.spend
    if not utf8 or args.encoding.lower().endswith("sig"):
        input_path = args.out_dir / ".input-utf8.csv"
        transcode(args.spend, input_path, args.encoding, "utf-8")
    stage("transcoded the input")
    header = header_of(input_path, args.sep)
    roles = role_columns(header, args.templates)
    names = [f"c{i}" for i in range(len(header))]  # positional names: headers may repeat or be empty
    col = {role: names[header.index(h)] for role, h in roles.items()}
    scan = pl.scan_csv(input_path, separator=args.sep, has_header=False, skip_rows=1,
                       schema={n: pl.String for n in names + EXTRA}, missing_columns="insert",
                       truncate_ragged_lines=True)
    scan = scan.with_row_index("record", offset=1).with_columns(pl.col(names).fill_null(""))
    for role in ROLES:
        if role not in col:
            col[role] = f"__{role}"
            scan = scan.with_columns(pl.lit("").alias(col[role]))
    C = col  # noqa: N806

    # Amounts: separators out, the decimal mark a split point, whole and cents as exact integers.
    mark = "\\" + args.decimal if args.decimal in ".^$*+?()[]{}|\\" else args.decimal
    amount = pl.col(C["amount"]).str.replace_all(r"[\s\u00a0\u202f]", "")
    parts = amount.str.extract_groups(rf"^([-+]?)(\d+)(?:{mark}(\d{{1,2}}))?$")
    scan = scan.with_columns(
        sign=parts.struct.field("1"), whole=parts.struct.field("2"), cents=parts.struct.field("3"),
        extra=pl.col(EXTRA[0]).is_not_null())
    scan = scan.with_columns(
        valid=pl.col("whole").is_not_null() & ~pl.col("extra"),
        ore=(pl.col("whole").cast(pl.Int64, strict=False) * 100
             + pl.col("cents").fill_null("0").str.pad_end(2, "0").cast(pl.Int64, strict=False))
        * pl.when(pl.col("sign") == "-").then(-1).otherwise(1))

    # --- pass 1: the distinct values the rules look at --------------------------------------------------------
    spelling = pl.concat_str([pl.col(C["supplier_id"]), pl.col(C["org_number"]), pl.col(C["supplier_name"])],
                             separator="\x1f")
    wanted = {"spelling": spelling, "cpv": pl.col(C["cpv"]), "description": pl.col(C["description"]),
              "account_text": pl.col(C["account_text"]), "supplier_name": pl.col(C["supplier_name"]),
              "account": pl.col(C["account"]), "country": pl.col(C["country"]),
              "production_country": pl.col(C["production_country"])}
    distinct = pl.collect_all([scan.select(expr.unique().alias("v")) for expr in wanted.values()],
                              engine="streaming")
    values = {key: frame["v"].to_list() for key, frame in zip(wanted, distinct)}
    stage("pass 1: distinct values")

    listing = pl.read_csv(args.suppliers, separator=";", encoding="utf8", infer_schema=False).fill_null("")
    listing = listing.rename(lambda name: name.lstrip("\ufeff"))
    list_roles = role_columns(listing.columns, args.templates)
    get = lambda role: listing[list_roles[role]].to_list() if role in list_roles else [""] * len(listing)  # noqa: E731
    entries = [{"id": i, "name": n, "org": o, "land": l, "made": m, "cpv": c, "kind": k} for i, n, o, l, m, c, k in zip(
        get("supplier_id"), get("supplier_name"), get("org_number"), get("country"), get("production_country"),
        get("cpv"), get("category"))]
    spellings = values["spelling"]
    positions, facts, joined = join_spellings(rules, entries, spellings)
    by_spelling = dict(zip(spellings, positions))

    def facts_of(field):
        return {value: facts[position][field] for value, position in by_spelling.items()}

    keyword = {key: {v: rules.keyword_match(v) for v in values[key]}
               for key in ("description", "account_text", "supplier_name")}
    text_scope = {key: {v: rules.scope_for_text(v) for v in values[key]} for key in ("description", "account_text")}
    account = {v: rules.account(v) for v in values["account"]}
    stage("rules per distinct value")
    cats = rules.categories
    I64, STR, BOOL = pl.Int64, pl.String, pl.Boolean  # noqa: N806

    lines = scan.filter("valid").with_columns(spelling=spelling).with_columns(
        supplier=mapped("spelling", by_spelling, -1, I64),
        sup_scope=mapped("spelling", facts_of("scope"), -1, I64),
        sup_cat=mapped("spelling", facts_of("category"), -1, I64),
        sup_cat_ev=mapped("spelling", facts_of("category_evidence"), "", STR),
        sup_country=mapped("spelling", facts_of("country"), "", STR),
        sup_production=mapped("spelling", facts_of("production"), False, BOOL),
        sup_country_ev=mapped("spelling", facts_of("country_evidence"), "", STR),
        acct_scope=mapped(C["account"], {v: rules.scope_for_account(v) for v in values["account"]}, -1, I64),
        desc_scope=mapped(C["description"], text_scope["description"], -1, I64),
        at_scope=mapped(C["account_text"], text_scope["account_text"], -1, I64),
        cpv_cat=mapped(C["cpv"], {v: rules.category_for_cpv_field(v) for v in values["cpv"]}, -1, I64),
        **{f"kw_{k}_rank": mapped(C[k], {v: m[0] for v, m in keyword[k].items()}, -1, I64) for k in keyword},
        **{f"kw_{k}": mapped(C[k], {v: m[1] for v, m in keyword[k].items()}, -1, I64) for k in keyword},
        **{f"kw_{k}_word": mapped(C[k], {v: m[2] for v, m in keyword[k].items()}, "", STR) for k in keyword},
        acct_cat=mapped(C["account"], {v: a[0] for v, a in account.items()}, -1, I64),
        acct_ev=mapped(C["account"], {v: a[1] for v, a in account.items()}, "", STR),
        line_land=mapped(C["country"], {v: rules.country(v) for v in values["country"]}, "", STR),
        line_made=mapped(C["production_country"], {v: rules.country(v) for v in values["production_country"]},
                         "", STR),
    ).drop("spelling")

    # Scope, then category, then country: the first hit of each cascade wins. The account and text rules only
    # for a line with an empty CPV field from a supplier the list does not categorise.
    scope = pl.lit(-1, I64)
    for name in ("at_scope", "desc_scope", "acct_scope"):
        scope = pl.when(pl.col(name) >= 0).then(pl.col(name)).otherwise(scope)
    scope = pl.when((pl.col("sup_cat") < 0) & (pl.col(C["cpv"]).fill_null("") == "")).then(scope).otherwise(-1)
    scope = pl.when(pl.col("sup_scope") >= 0).then(pl.col("sup_scope")).otherwise(scope)
    # The line's texts compete as one: the best keyword (rank) wins, the earlier text on a tie.
    kw_rank, kw_cat = pl.col("kw_description_rank"), pl.col("kw_description")
    kw_ev = pl.format("nyckelord '{}' i beskrivningen", "kw_description_word")
    for key, place in (("account_text", "kontotexten"), ("supplier_name", "leverantörsnamnet")):
        better = pl.col(f"kw_{key}_rank") > kw_rank
        kw_cat = pl.when(better).then(pl.col(f"kw_{key}")).otherwise(kw_cat)
        kw_ev = pl.when(better).then(pl.format(f"nyckelord '{{}}' i {place}", f"kw_{key}_word")).otherwise(kw_ev)
        kw_rank = pl.when(better).then(pl.col(f"kw_{key}_rank")).otherwise(kw_rank)
    lines = lines.with_columns(kw_cat=kw_cat, kw_ev=kw_ev)
    steps = [("cpv_cat", "cpv", pl.lit("CPV ") + pl.col(C["cpv"]).str.strip_chars()),
             ("sup_cat", "supplier", pl.col("sup_cat_ev")),
             ("kw_cat", "keyword", pl.col("kw_ev")),
             ("acct_cat", "account", pl.format("kontogrupp {}", "acct_ev"))]
    category, source, evidence = pl.lit(-1, I64), pl.lit("none"), pl.lit("")
    for name, label, text in reversed(steps):
        hit = pl.col(name) >= 0
        category = pl.when(hit).then(pl.col(name)).otherwise(category)
        source = pl.when(hit).then(pl.lit(label)).otherwise(source)
        evidence = pl.when(hit).then(text).otherwise(evidence)
    # Country: the production country (the line's, then the list's), then the registered country (the line's,
    # then the list's). The list's facts hold its production country, else its registered country.
    country, production, country_ev = pl.col("sup_country"), pl.col("sup_production"), pl.col("sup_country_ev")
    list_made = pl.col("sup_production") & (pl.col("sup_country") != "")
    for name, is_production, words in (("line_land", False, "land på raden"),
                                       ("line_made", True, "tillverkningsland på raden")):
        has = (pl.col(name) != "") if is_production else ((pl.col(name) != "") & ~list_made)
        country = pl.when(has).then(pl.col(name)).otherwise(country)
        production = pl.when(has).then(pl.lit(is_production)).otherwise(production)
        country_ev = pl.when(has).then(pl.lit(words)).otherwise(country_ev)
    lines = lines.with_columns(scope=scope, category=category, source=source, evidence=evidence,
                               country=country, production=production, country_ev=country_ev)
    excluded = pl.col("scope") >= 0
    lines = lines.with_columns(
        excluded=excluded,
        category=pl.when(excluded).then(-1).otherwise("category"),
        source=pl.when(excluded).then(pl.lit("excluded")).otherwise("source"))

    # Levels per area: the category layer raised by the country layer where it applies (goods only).
    goods = {i: c["kind"] == "goods" for i, c in enumerate(cats)}
    applies = ((pl.col("category") < 0) | mapped("category", goods, True, BOOL)) & (pl.col("country") != "") & (
        pl.col("production") | (pl.col("country") != "SE"))
    area_exprs = {}
    for i, area in enumerate(AREAS):
        own = mapped("category", {j: c["levels"][i] for j, c in enumerate(cats)}, 0, I64)
        other = mapped("country", {k: v[i] for k, v in rules.country_levels.items()}, 0, I64)
        raised = (pl.when(own > 0).then(pl.max_horizontal(own, other))
                  .when(other == 3).then(3).otherwise(0))
        area_exprs[area] = pl.when(pl.col("excluded")).then(0).when(applies).then(raised).otherwise(own)
    lines = lines.with_columns(**area_exprs).with_columns(
        overall=pl.max_horizontal(AREAS),
        group_category=pl.when(pl.col("excluded")).then(-2).otherwise("category"))
    class_keys = ["category", "evidence", "country", "country_ev", "production", "scope"]
    # Integer keys for the maps back onto the lines: supplier x category, and the class of lines tagged alike.
    assert len(cats) < 1000, "group keys hold the category in 10 bits"
    lines = lines.with_columns(group_key=pl.col("supplier") * 1024 + pl.col("group_category") + 2,
                               class_key=pl.struct(class_keys).hash(seed=0))

    # --- pass 2: supplier x category groups, the distinct classes of lines, the rejects -----------------------
    groups, classes, rejected, totals = pl.collect_all([
        lines.group_by("supplier", "group_category").agg(
            pl.col("ore").sum(), pl.len().alias("lines"), pl.col("country").first(), *[pl.col(a).max() for a in AREAS],
            pl.col(class_keys).first().name.prefix("first_")),
        lines.select(["class_key"] + class_keys + AREAS).unique("class_key"),
        scan.filter(~pl.col("valid")).select("record", pl.col(C["amount"]).alias("amount"), "extra"),
        scan.filter("valid").select(pl.col("ore").sum().alias("total")),
    ], engine="streaming")
    stage("pass 2: groups, classes, rejects")
    total = int(totals["total"][0] or 0)
    # Materiality and shares are of the procurement spend: payments outside the scope take no part.
    procurement = total - int(groups.filter(pl.col("group_category") == -2)["ore"].sum())
    rejects = sorted(
        (int(r), f"the record has more fields than the header, {len(header)}" if extra
         else f"amount '{a}' is not a number") for r, a, extra in rejected.iter_rows())

    reasons = classes.with_columns(reason=pl.Series([
        rules.reason(c, e, k, ke, p, s, lv) for _, c, e, k, ke, p, s, *lv in classes.iter_rows()], dtype=pl.String))
    groups = groups.with_columns(overall=pl.max_horizontal(AREAS))
    task_cache: dict = {}
    priorities, tasks = [], []
    for *levels, overall, ore, group_category in groups.select(
            AREAS + ["overall", "ore", "group_category"]).iter_rows():
        excluded_group = group_category == -2
        priority = rules.priority(overall, ore, procurement)
        in_sweden = rules.performed_in_sweden(group_category)
        key = (*levels, overall, priority, in_sweden)
        if key not in task_cache:
            task_cache[key] = rules.task_ids(levels, overall, priority, in_sweden)
        priorities.append("" if excluded_group else str(priority))
        tasks.append("" if excluded_group else task_cache[key])
    groups = groups.with_columns(priority=pl.Series(priorities, dtype=pl.String),
                                 tasks=pl.Series(tasks, dtype=pl.String))

    # --- pass 3: the enriched CSV ------------------------------------------------------------------------------
    word = {i: w for i, w in enumerate(LEVELS)}
    blank = lambda expr: pl.when(pl.col("excluded")).then(pl.lit("")).otherwise(expr)  # noqa: E731
    enriched_utf8 = args.out_dir / ".enriched-utf8.csv"
    group_keys = (groups["supplier"] * 1024 + groups["group_category"] + 2).to_list()
    out = lines.with_columns(
        priority=mapped("group_key", dict(zip(group_keys, groups["priority"].to_list())), "", STR),
        tasks=mapped("group_key", dict(zip(group_keys, groups["tasks"].to_list())), "", STR),
        reason=mapped("class_key", dict(zip(reasons["class_key"].to_list(), reasons["reason"].to_list())), "", STR))
    out = out.select(
        *[pl.col(n).alias(h) for n, h in zip(names, header)],
        kedja_category_code=mapped("category", {i: c["code"] for i, c in enumerate(cats)}, "", STR),
        kedja_category=mapped("category", {i: c["name_sv"] for i, c in enumerate(cats)}, "", STR),
        kedja_category_source=pl.col("source"),
        kedja_country=blank(pl.col("country")),
        **{f"kedja_risk_{a}": blank(mapped(a, word, "", STR)) for a in AREAS},
        kedja_risk_overall=blank(mapped("overall", word, "", STR)),
        kedja_priority=pl.col("priority"), kedja_tasks=pl.col("tasks"), kedja_reason=pl.col("reason"))
    # polars writes an empty string as "" and a null as nothing: empty cells go out as nulls, as they came in.
    out = out.select(pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in header + KEDJA_COLUMNS)
    out.sink_csv(enriched_utf8, separator=args.sep, line_terminator="\r\n", quote_style="necessary",
                 engine="streaming")
    stage("pass 3: enriched CSV (UTF-8)")
    stem = args.spend.stem
    enriched = args.out_dir / f"{stem}.tagged.csv"
    if utf8 and not args.encoding.lower().endswith("sig"):
        os.replace(enriched_utf8, enriched)
    else:
        transcode(enriched_utf8, enriched, "utf-8", args.encoding)
        enriched_utf8.unlink()
    if input_path != args.spend:
        input_path.unlink()
    stage("enriched CSV transcoded")
    rejects_path = args.out_dir / f"{stem}.rejects.csv"
    with open(rejects_path, "w", encoding=args.encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=args.sep, lineterminator="\r\n")
        writer.writerow(["record", "reason"])
        writer.writerows(rejects)

    # --- the register and the plan ----------------------------------------------------------------------------
    excluded_groups = groups.filter(pl.col("group_category") == -2)
    excluded_lines, excluded_ore = int(excluded_groups["lines"].sum()), int(excluded_groups["ore"].sum())
    rated = groups.filter(pl.col("group_category") != -2)
    level_sv = {i: w for i, w in enumerate(LEVEL_SV)}
    supplier_name = {i: f["name"] for i, f in enumerate(facts)}
    supplier_org = {i: f["org"] for i, f in enumerate(facts)}
    # The cascade per track and priority; for services and works without the steps of goods-only tasks.
    followup = pl.DataFrame(rules.followup).with_columns(pl.col("priority").cast(pl.Int64),
                                                         pl.col("offset_days").cast(pl.Int64))
    followup = pl.concat([followup.with_columns(in_sweden=pl.lit(False)),
                          followup.filter(~pl.col("goods_only")).with_columns(in_sweden=pl.lit(True))])
    methods = followup.group_by("track", "priority", "in_sweden", maintain_order=True).agg(
        pl.col("method_sv").str.join(" → ").alias("Uppföljning"))
    register = rated.select(
        Leverantör=mapped("supplier", supplier_name, "", STR),
        **{"Org.nr": mapped("supplier", supplier_org, "", STR)},
        Land=pl.col("country"),
        Kategori=mapped("group_category", {i: c["name_sv"] for i, c in enumerate(cats)}, "", STR),
        Spend=pl.col("ore") / 100,
        **{"Andel av spend": pl.col("ore") / procurement if procurement else pl.lit(0.0)},
        **{label: mapped(area, level_sv, "", STR) for label, area in zip(AREA_SV, AREAS)},
        **{"Samlad risk": mapped("overall", level_sv, "", STR)},
        Prioritet=pl.col("priority").cast(pl.Int64),
        Motivering=pl.struct(pl.col("^first_.*$")).map_elements(
            lambda r: rules.reason(r["first_category"], r["first_evidence"], r["first_country"], r["first_country_ev"],
                                   r["first_production"], r["first_scope"], (0,)), return_dtype=STR),
        Uppgifter=pl.col("tasks"),
        Typ=mapped("group_category", {i: KIND_SV[c["kind"]] for i, c in enumerate(cats)}, "", STR),
        **{"Var i kedjan": mapped("group_category", {i: c["stages"] for i, c in enumerate(cats)}, "", STR)},
        track=mapped("group_category", {i: "labour_conditions" if c["labour_track"] else "supply_chain"
                                        for i, c in enumerate(cats)}, "supply_chain", STR),
        in_sweden=mapped("group_category", {i: rules.performed_in_sweden(i) for i in range(len(cats))}, False,
                         BOOL),
    ).join(methods, left_on=["track", "Prioritet", "in_sweden"], right_on=["track", "priority", "in_sweden"],
           how="left",
           maintain_order="left").with_columns(pl.col("Uppföljning").fill_null("")).sort(
        ["Prioritet", "Spend"], descending=[False, True], maintain_order=True)
    plan = register.select("Leverantör", "Kategori", "Prioritet", "track", "in_sweden").join(
        followup.select("track", "priority", "in_sweden", "method_sv", "task_id", "offset_days"),
        left_on=["track", "Prioritet", "in_sweden"], right_on=["track", "priority", "in_sweden"], how="inner",
        maintain_order="left").select(
        "Leverantör", "Kategori", "Prioritet", Metod=pl.col("method_sv"), Uppgift=pl.col("task_id"),
        Förfallodatum=pl.lit(args.start) + pl.duration(days=pl.col("offset_days")),
        Ansvarig=pl.lit(""), Status=pl.lit("Ej påbörjad"), Kommentar=pl.lit(""),
        Spår=pl.when(pl.col("track") == "labour_conditions").then(pl.lit("arbetsrättsliga villkor"))
        .otherwise(pl.lit("leveranskedja")))
    register = register.drop("track", "in_sweden")

    n_lines = int(groups["lines"].sum())
    summary = pl.DataFrame({"Uppgift": ["Fil", "Rader lästa", "Rader taggade", "Avvisade rader", "Total spend (SEK)",
                                        "Utanför omfånget: rader", "Utanför omfånget (SEK)", "Leverantör x kategori",
                                        "Regeltabeller"],
                            "Värde": [str(args.spend), str(n_lines + len(rejects)), str(n_lines), str(len(rejects)),
                                      ore_text(total), str(excluded_lines), ore_text(excluded_ore), str(rated.height),
                                      str(args.templates)]})
    register_path, plan_path = args.out_dir / "riskregister.xlsx", args.out_dir / "uppfoljningsplan.xlsx"
    colours = {"Hög": "#F8CBAD", "Medel": "#FFE699", "Låg": "#C6EFCE", "Okänd": "#D9D9D9"}
    with xlsxwriter.Workbook(register_path) as book:
        summary.write_excel(book, worksheet="Sammanfattning", autofit=True)
        register.write_excel(
            book, worksheet="Riskregister", autofilter=True, freeze_panes=(1, 1),
            column_formats={"Spend": "#,##0.00", "Andel av spend": "0.00%"},
            column_widths={"Leverantör": 38, "Motivering": 50, "Uppgifter": 30, "Uppföljning": 50,
                           "Var i kedjan": 50},
            conditional_formats={tuple(AREA_SV + ["Samlad risk"]): [
                {"type": "cell", "criteria": "==", "value": f'"{w}"', "format": {"bg_color": c}}
                for w, c in colours.items()]})
    with xlsxwriter.Workbook(plan_path) as book:
        plan.write_excel(book, worksheet="Uppföljningsplan", freeze_panes=(1, 0), dtype_formats={pl.Date: "yyyy-mm-dd"},
                         column_widths={"Leverantör": 36, "Kategori": 36, "Metod": 40, "Förfallodatum": 12})
        if plan.height:
            book.get_worksheet_by_name("Uppföljningsplan").data_validation(
                1, 7, plan.height, 7, {"validate": "list", "source": ["Ej påbörjad", "Pågår", "Klar", "Avvikelse"]})

    stage("register and plan workbooks")
    print(json.dumps({
        "input": {"path": str(args.spend), "encoding": args.encoding, "delimiter": args.sep,
                  "decimal_mark": args.decimal},
        "rows_read": n_lines + len(rejects), "rows_written": n_lines, "rows_rejected": len(rejects),
        "amount_total": ore_text(total),
        "rejects": [{"record": r, "reason": reason} for r, reason in rejects],
        "excluded_lines": excluded_lines, "excluded_total": ore_text(excluded_ore),
        "supplier_join": joined,
        "outputs": [str(p) for p in (enriched, rejects_path, register_path, plan_path)],
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
