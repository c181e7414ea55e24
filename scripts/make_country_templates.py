#!/usr/bin/env python3
"""Generate Templates/countries.csv and Templates/country-indices.csv.

Why a script: the country list and its Swedish names come from Debian's iso-codes package
(ISO 3166-1 and its Swedish translation), and the index values from the project's reference file
of published country indices. Regenerating from those sources keeps the templates traceable;
editing 249 rows by hand would not be.

Usage:
    python3 scripts/make_country_templates.py [INDICES_CSV] [--out DIR]

INDICES_CSV defaults to ../shared/data/country-indices.csv (relative to the repository root, the
folder holding Package.swift); --out defaults to the repository's Templates/ folder.
Needs Debian's `iso-codes` package (apt-get install iso-codes).

Output format is the templates' own: UTF-8 with BOM, `;`-separated, CRLF line endings, header on
row 1, so the files open cleanly in Excel with a Swedish locale.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import io
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALE_DIR = Path("/usr/share/locale")

# Common forms that procurement exports and supplier registers use but ISO 3166-1 does not list.
# Keys are alpha-2 codes; the generated names (ISO name, official name, common name and their
# Swedish translations) are added automatically and need not be repeated here.
HAND_VARIANTS: dict[str, list[str]] = {
    "AE": ["UAE", "Förenade arabemiraten", "Emiraten"],
    "BA": ["Bosnien", "Bosnia"],
    "BO": ["Bolivia"],
    "CD": ["DR Kongo", "DR Congo", "DRC", "Kongo-Kinshasa", "Demokratiska republiken Kongo",
           "Democratic Republic of the Congo"],
    "CG": ["Kongo-Brazzaville", "Congo-Brazzaville", "Republiken Kongo"],
    "CI": ["Ivory Coast", "Elfenbenskusten"],
    "CN": ["Kina", "Folkrepubliken Kina", "PRC", "People's Republic of China", "Mainland China"],
    "CZ": ["Czech Republic", "Tjeckien"],
    "DE": ["Tyskland", "Förbundsrepubliken Tyskland"],
    "DK": ["Danmark"],
    "FI": ["Suomi"],
    "GB": ["UK", "U.K.", "Great Britain", "Britain", "Storbritannien", "England", "Scotland",
           "Skottland", "Wales", "Northern Ireland", "Nordirland", "Förenade kungariket"],
    "HK": ["Hongkong"],
    "IR": ["Iran"],
    "KP": ["North Korea", "Nordkorea"],
    "KR": ["South Korea", "Sydkorea", "Republic of Korea", "Republiken Korea"],
    "LA": ["Laos"],
    "MD": ["Moldova", "Moldavien"],
    "MK": ["Macedonia", "Makedonien", "Nordmakedonien"],
    "MM": ["Burma"],
    "NL": ["Holland", "Nederländerna", "The Netherlands"],
    "NO": ["Norge"],
    "PS": ["Palestine", "Palestina"],
    "RU": ["Russia", "Ryssland"],
    "SE": ["Sverige", "Konungariket Sverige"],
    "SY": ["Syria", "Syrien"],
    "SZ": ["Swaziland", "Eswatini"],
    "TR": ["Turkey", "Turkiet", "Türkiye"],
    "TW": ["Taiwan"],
    "TZ": ["Tanzania"],
    "US": ["USA", "U.S.A.", "US", "U.S.", "United States of America", "Förenta staterna",
           "Amerikas förenta stater"],
    "VA": ["Vatican", "Vatikanen", "Vatikanstaten", "Holy See"],
    "VE": ["Venezuela"],
    "VN": ["Vietnam", "Viet Nam"],
    "YE": ["Jemen"],
}

# Kosovo has no ISO 3166-1 entry; XK is the user-assigned code the EU and the index publishers use.
KOSOVO = {
    "alpha2": "XK",
    "alpha3": "XKX",
    "name_en": "Kosovo",
    "name_sv": "Kosovo",
    "variants": ["Republic of Kosovo", "Republiken Kosovo"],
}

# The indices in the reference file: (template index id, value column, edition column, source text).
INDICES = [
    ("cpi", "cpi_score", "cpi_year", "Transparency International, Corruption Perceptions Index {edition}"),
    ("ituc", "ituc_rating", "ituc_year", "ITUC Global Rights Index {edition}"),
    ("fh_status", "fh_status", "fh_year", "Freedom House, Freedom in the World {edition} (status)"),
    ("fh_score", "fh_score", "fh_year", "Freedom House, Freedom in the World {edition} (total score)"),
]


def normalized(text: str) -> str:
    """Fold a name the way Kedja's lookup does: no accents, no case, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch for ch in stripped.casefold() if ch.isalnum())


def iso_codes_version() -> str:
    """The installed iso-codes package version, for the `source` column."""
    try:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", "iso-codes"],
            check=True, capture_output=True, text=True)
        return result.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown version"


def write_table(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write a template table: UTF-8 with BOM, `;`, CRLF, minimal quoting."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def country_rows() -> list[list[str]]:
    """One row per ISO 3166-1 country plus Kosovo, sorted by alpha-2."""
    if not ISO_JSON.exists():
        sys.exit(f"{ISO_JSON} not found: install Debian's iso-codes package (apt-get install iso-codes)")
    swedish = gettext.translation("iso_3166-1", localedir=str(LOCALE_DIR), languages=["sv"])
    source = f"Debian iso-codes {iso_codes_version()} (ISO 3166-1, Swedish translation)"
    entries = json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]

    rows: list[list[str]] = []
    for entry in entries:
        alpha2 = entry["alpha_2"]
        english_forms = [entry.get("common_name"), entry["name"], entry.get("official_name")]
        english_forms = [form for form in english_forms if form]
        swedish_forms = [swedish.gettext(form) for form in english_forms]
        name_en = english_forms[0]
        name_sv = swedish_forms[0]
        rows.append(make_row(alpha2, entry["alpha_3"], name_en, name_sv,
                             english_forms + swedish_forms + HAND_VARIANTS.get(alpha2, []), source))
    rows.append(make_row(KOSOVO["alpha2"], KOSOVO["alpha3"], KOSOVO["name_en"], KOSOVO["name_sv"],
                         KOSOVO["variants"], "Kedja: user-assigned code XK (not in ISO 3166-1)"))
    rows.sort(key=lambda row: row[0])
    check_unambiguous(rows)
    return rows


def make_row(alpha2: str, alpha3: str, name_en: str, name_sv: str, forms: list[str], source: str) -> list[str]:
    """A countries.csv row; variants keep each distinct spelling once, minus the two names."""
    seen = {normalized(name_en), normalized(name_sv), normalized(alpha2), normalized(alpha3)}
    variants: list[str] = []
    for form in forms:
        key = normalized(form)
        if key and key not in seen:
            seen.add(key)
            variants.append(form)
    return [alpha2, alpha3, name_en, name_sv, "|".join(variants), source]


def check_unambiguous(rows: list[list[str]]) -> None:
    """Stop if two countries share a lookup key: a name must point at one country only."""
    owner: dict[str, str] = {}
    for alpha2, alpha3, name_en, name_sv, variants, _ in rows:
        for form in [alpha2, alpha3, name_en, name_sv, *filter(None, variants.split("|"))]:
            key = normalized(form)
            if key in owner and owner[key] != alpha2:
                sys.exit(f"'{form}' names both {owner[key]} and {alpha2}: remove it from HAND_VARIANTS")
            owner[key] = alpha2


def index_rows(indices_path: Path, known_codes: set[str]) -> list[list[str]]:
    """Long-format index rows; an empty cell gives no row, so 'not assessed' stays not assessed."""
    with indices_path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows: list[list[str]] = []
    for record in records:
        alpha2 = record["iso2"].strip()
        if alpha2 not in known_codes:
            sys.exit(f"{indices_path}: country code {alpha2!r} is not in countries.csv")
        for index_id, value_column, edition_column, source in INDICES:
            value = record[value_column].strip()
            edition = record[edition_column].strip()
            if not value:
                continue
            if not edition:
                sys.exit(f"{indices_path}: {alpha2} has a {value_column} but no {edition_column}")
            rows.append([alpha2, index_id, edition, value, source.format(edition=edition)])
    rows.sort(key=lambda row: (row[0], [index[0] for index in INDICES].index(row[1])))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("indices", nargs="?", default=str(REPO_ROOT / "../shared/data/country-indices.csv"),
                        help="wide country-indices CSV (default: ../shared/data/country-indices.csv)")
    parser.add_argument("--out", default=str(REPO_ROOT / "Templates"), help="templates folder to write into")
    arguments = parser.parse_args()

    out = Path(arguments.out)
    out.mkdir(parents=True, exist_ok=True)
    countries = country_rows()
    write_table(out / "countries.csv", ["alpha2", "alpha3", "name_en", "name_sv", "variants", "source"], countries)
    indices = index_rows(Path(arguments.indices), {row[0] for row in countries})
    write_table(out / "country-indices.csv", ["alpha2", "index", "edition", "value", "source"], indices)
    print(f"wrote {len(countries)} countries and {len(indices)} index values to {out}")


if __name__ == "__main__":
    main()
