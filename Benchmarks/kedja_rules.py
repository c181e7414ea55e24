"""The rating method of Templates/README.md in plain Python (standard library only), shared by the
pandas and polars baselines so that both apply the same rules; each baseline calls these functions
once per distinct value and spreads the answers over the lines with its own vectorised operations.

What it covers (Templates/README.md, /work/shared/design/DOMAIN.md "Combining layers" and "What is not
procurement"):
  * text folding: case-insensitive, accents such as é and ü removed, but å, ä and ö kept as letters of
    their own; punctuation is a word break, and so are Latin-1's symbols (U+0080–U+00BF, the no-break space
    among them), General Punctuation (U+2000–U+206F: dashes, quotes, spaces), currency signs (U+20A0–U+20CF)
    and the minus sign (U+2212). Country names fold å, ä, ö away too (lookup key);
  * the supplier list's category: its CPV code, else the best keyword of its category text and its name
    (a coarse category text and the name compete by the keyword rule below; the category text wins ties);
  * categories.csv: one or more CPV codes per row separated by `|`, each code's matching prefix (without
    trailing zeros, at least 2 digits) belongs to that row; the longest prefix wins; the first code is the
    category code; `kind` goods/service/works; `labour_conditions`;
  * keywords.csv: a keyword matches at a word start (and may run on into the word), keywords of at most 3
    characters only as whole words; best = most specific category (longest CPV prefix the keyword's code
    matched), then longest keyword (UTF-8 bytes), then table order. A line's texts (description, account
    text, supplier name) compete as one by that rule; on a tie the earlier text;
  * accounts.csv: the longest account prefix; a longer prefix with no code gives no hint;
  * scope.csv: org_number prefix of a non-sole-trader's organisation number; else (no organisation
    number) whole words of the supplier name or the supplier list's category text, never of a name that
    carries a company's legal form (AB, HB, Ek. för., Ltd, GmbH, …); these supplier rules always apply.
    Account prefix of the line, then whole words of the description or account text, only for a line with
    an empty CPV field from a supplier the list does not categorise;
  * country: production country (the line's, then the supplier list's), then registered country (the
    line's, then the list's); country layer: goods only (or no category); production country, else a
    registered country that is not Sweden; combining per area: category known -> max(category, country);
    unknown -> high only when the country says high, else unknown;
  * priority (settings.csv; materiality against the procurement spend, the total less the spend outside
    the scope), tasks (tasks.csv; `applies_to` goods tasks left out for services and works, kind != goods)
    and the follow-up track (followup.csv `track`; steps carrying out a goods-only task left out for
    services and works).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import unicodedata
from pathlib import Path

LEVELS = ["unknown", "low", "medium", "high"]  # index = rank; unknown = not assessed
LEVEL_INPUT = {"high": 3, "hög": 3, "hog": 3, "medium": 2, "medel": 2, "low": 1, "låg": 1, "lag": 1,
               "unknown": 0, "okänd": 0, "okand": 0, "": 0}
LEVEL_SV = ["Okänd", "Låg", "Medel", "Hög"]
AREAS = ["human_rights", "labour_rights", "environment", "anti_corruption"]
# The columns `kedja tag` appends, in CONTRACT.md's order.
KEDJA_COLUMNS = (["kedja_category_code", "kedja_category", "kedja_category_source", "kedja_country"]
                 + [f"kedja_risk_{area}" for area in AREAS]
                 + ["kedja_risk_overall", "kedja_priority", "kedja_tasks", "kedja_reason"])
AREA_SV = ["Mänskliga rättigheter", "Arbetares rättigheter", "Miljöskydd", "Anti-korruption"]
AREA_SHORT_SV = ["MR", "AR", "MI", "AK"]
KIND = {"goods": "goods", "vara": "goods", "varor": "goods", "service": "service", "tjänst": "service",
        "tjanst": "service", "works": "works", "entreprenad": "works", "byggentreprenad": "works"}
KIND_SV = {"goods": "vara", "service": "tjänst utförd i Sverige", "works": "entreprenad utförd i Sverige"}
LABOUR_RISK = {"high risk", "hög risk", "hog risk", "risk"}
REASON_LIMIT = 255
SWEDISH = {"å": "å", "Å": "å", "ä": "ä", "Ä": "ä", "ö": "ö", "Ö": "ö"}


def _latin1_letter(value: int) -> str | None:
    """The unaccented ASCII letter of a Latin-1 letter U+00C0–U+00FF, or None (Æ, Ð, ×, Ø, Þ, ß, æ, ð, ÷, ø, þ)."""
    second = 0x80 + value - 0xC0
    low = second & 0xDF
    if 0x80 <= low <= 0x85:
        return "a"
    if low == 0x87:
        return "c"
    if 0x88 <= low <= 0x8B:
        return "e"
    if 0x8C <= low <= 0x8F:
        return "i"
    if low == 0x91:
        return "n"
    if 0x92 <= low <= 0x96:
        return "o"
    if 0x99 <= low <= 0x9C:
        return "u"
    if low == 0x9D:
        return "y"
    if low == 0x9F and second == 0xBF:
        return "y"  # ÿ; ß stays
    return None


def _fold_char(ch: str, keep_swedish: bool) -> str:
    """Kedja's TextFolding for one scalar: ASCII as it is (punctuation a space), Latin-1 letters from a table,
    Latin-1 symbols, General Punctuation, currency signs and the minus sign a space, anything else folded
    case- and accent-insensitively."""
    if ch < "\x80":
        return ch.lower() if ch.isalnum() else " "
    value = ord(ch)
    if 0xC0 <= value <= 0xFF:
        if keep_swedish and ch in SWEDISH:
            return SWEDISH[ch]
        return _latin1_letter(value) or ch.lower()
    if value < 0xC0 or 0x2000 <= value <= 0x206F or 0x20A0 <= value <= 0x20CF or value == 0x2212:
        return " "
    # Foundation's case-, diacritic- and width-insensitive folding of the scalar alone: full-width forms become
    # ASCII, a canonical decomposition loses its marks, compatibility forms (℀, ﬁ) stay, a lone mark stays.
    if 0xFF01 <= value <= 0xFF5E:
        ch = chr(value - 0xFEE0)
    parts = [part for part in unicodedata.normalize("NFD", ch) if not unicodedata.combining(part)]
    if not parts:
        return ch
    return "".join(part if part >= "\x80" or part.isalnum() else " " for part in "".join(parts).lower())


_FOLD_CACHE: dict[tuple[str, bool], str] = {}


def fold_char(ch: str, keep_swedish: bool) -> str:
    key = (ch, keep_swedish)
    found = _FOLD_CACHE.get(key)
    if found is None:
        found = _FOLD_CACHE[key] = _fold_char(ch, keep_swedish)
    return found


def search_fold(text: str) -> str:
    """Folded words separated by single spaces (å, ä, ö kept): 'IT-Tjänster, Kaffé' -> 'it tjänster kaffe'."""
    if text.isascii():
        folded = "".join(ch if ch.isalnum() else " " for ch in text.lower())
    else:
        folded = "".join(fold_char(ch, True) for ch in text)
    return " ".join(word for word in folded.split(" ") if word)


def lookup_key(text: str) -> str:
    """Letters and digits only, å, ä, ö folded too: 'Förenta staterna' -> 'forentastaterna'."""
    return "".join(fold_char(ch, False) for ch in text).replace(" ", "")


# Legal forms as words of a folded name (Kedja's SupplierList.legalForms; å, ä, ö kept, so `för` and `for`).
LEGAL_FORMS = {"ab", "publ", "hb", "kb", "ek", "för", "for", "ekonomisk", "förening", "forening", "ltd", "limited",
               "plc", "llp", "inc", "gmbh", "oy", "as", "aps", "bv", "sa", "srl", "co", "company"}


def has_legal_form(name: str) -> bool:
    """Whether a name carries a company's legal form (`AB`, `HB`, `Ek. för.`, `Ltd`, `GmbH`, …)."""
    return any(word in LEGAL_FORMS for word in search_fold(name).split(" "))


def level(text: str, where: str) -> int:
    try:
        return LEVEL_INPUT[text.strip().casefold()]
    except KeyError:
        raise SystemExit(f"error: {where}: '{text}' is not a level (high, medium, low, unknown)")


def parse_org(text: str):
    """(ten digits, is_sole_trader) for a Swedish organisation or personal number, else None (Luhn-checked)."""
    text = text.strip()
    if not text:
        return None
    digits, hyphen = "", None
    for ch in text:
        if "0" <= ch <= "9":
            digits += ch
            if len(digits) > 12:
                return None
        elif ch == "-" and hyphen is None and digits:
            hyphen = len(digits)
        else:
            return None
    if hyphen is not None and hyphen != len(digits) - 4:
        return None
    if len(digits) == 10:
        century, ten = None, digits
    elif len(digits) == 12:
        century, ten = int(digits[:2]), digits[2:]
    else:
        return None
    total = 0
    for position, ch in enumerate(reversed(ten)):
        d = int(ch)
        if position % 2 == 1:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    if total % 10:
        return None
    third, fifth = int(ten[2:4]), int(ten[4:6])
    if third >= 20:
        if century not in (None, 16) or ten[0] == "0":
            return None
        return ten, False
    if century not in (None, 19, 20) or not 1 <= third <= 12 or not (1 <= fifth <= 31 or 61 <= fifth <= 91):
        return None
    return ten, True


def leading_cpv(text: str) -> str | None:
    """The 8-digit CPV code at the start of a field (7 digits: a dropped leading zero), else None."""
    text = text.lstrip(" \t")
    n = 0
    while n < len(text) and "0" <= text[n] <= "9":
        n += 1
        if n > 8:
            return None
    if n == 8:
        return text[:8]
    if n == 7:
        return "0" + text[:7]
    return None


def matching_prefix(code: str) -> str:
    digits = code
    while len(digits) > 2 and digits[-1] == "0":
        digits = digits[:-1]
    return digits


def leading_digits(text: str, limit: int) -> str:
    text = text.lstrip(" \t")
    n = 0
    while n < len(text) and n < limit and "0" <= text[n] <= "9":
        n += 1
    return text[:n]


def read_table(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "") for k, v in row.items()} for row in csv.DictReader(handle, delimiter=";")]


class Matcher:
    """Keywords or scope words in a trie of folded text; see the module docstring for the rules."""

    def __init__(self) -> None:
        self.root: dict = {}
        self.entries: list[tuple[str, int, int, bool, int]] = []  # keyword, target, bytes, whole, specificity

    def insert(self, keyword: str, target: int, specificity: int = 0, whole_word: bool = False) -> bool:
        key = search_fold(keyword)
        if not key:
            return False
        node = self.root
        for ch in key:
            node = node.setdefault(ch, {})
        if None in node:
            return False
        self.entries.append((keyword.strip(), target, len(key.encode()), whole_word or len(key) <= 3,
                             specificity))
        node[None] = len(self.entries) - 1
        return True

    def ranks(self) -> list[int]:
        """Each entry's rank: a higher rank is a better match (more specific, then longer, then earlier)."""
        order = sorted(range(len(self.entries)), key=lambda i: (self.entries[i][4], self.entries[i][2], -i))
        rank = [0] * len(order)
        for position, entry in enumerate(order):
            rank[entry] = position
        return rank

    def better(self, candidate: int, current: int) -> bool:
        """More specific, then longer, then earlier in the table."""
        a, b = self.entries[candidate], self.entries[current]
        return (a[4], a[2], -candidate) > (b[4], b[2], -current)

    def best(self, text: str) -> int:
        """Position of the best entry in `text`, or -1."""
        folded = search_fold(text)
        best = -1
        n = len(folded)
        entries = self.entries
        for start in range(n):
            if start and folded[start - 1] != " ":
                continue
            node = self.root
            position = start
            while position < n:
                node = node.get(folded[position])
                if node is None:
                    break
                position += 1
                candidate = node.get(None)
                if candidate is None:
                    continue
                entry = entries[candidate]
                if entry[3] and position < n and folded[position] != " ":
                    continue
                if best < 0:
                    best = candidate
                else:
                    current = entries[best]
                    if (entry[4], entry[2], -candidate) > (current[4], current[2], -best):
                        best = candidate
        return best


class Rules:
    """The Templates/ tables with the lookups the tagging needs."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.categories = []
        self.prefix_to_category: dict[str, int] = {}
        for i, row in enumerate(read_table(directory / "categories.csv")):
            codes = [c.strip().split("-")[0] for c in row["cpv_code"].split("|") if c.strip()]
            kind = KIND.get(row.get("kind", "").strip().lower(), "goods")
            labour = row.get("labour_conditions", "").strip().lower()
            self.categories.append({
                "code": codes[0] if codes else "", "name_sv": row["category_sv"], "name_en": row["category_en"],
                "kind": kind, "levels": tuple(level(row[a], f"categories.csv, {a}") for a in AREAS),
                "labour_track": kind != "goods" and labour in LABOUR_RISK, "labour_conditions": labour,
                "source": row.get("source", ""), "year": row.get("year", ""), "url": row.get("url", ""),
                "stages": ""})
            for code in codes:
                self.prefix_to_category.setdefault(matching_prefix(code), i)
        self.category_levels = [c["levels"] for c in self.categories]
        stages_path = directory / "category-stages.csv"
        if stages_path.exists():
            stage_sv = {"raw_material": "råvara", "processing": "bearbetning", "final_manufacture": "sluttillverkning"}
            by_code = {c["code"]: c for c in self.categories}
            for row in read_table(stages_path):
                category = by_code.get(row["cpv_code"].strip().split("-")[0])
                if category is None:
                    continue
                words = ", ".join(f"{s} {LEVEL_SV[level(row[a], 'category-stages.csv')].lower()}"
                                  for s, a in zip(AREA_SHORT_SV, AREAS))
                part = f"{stage_sv.get(row['stage'], row['stage'])}: {words}"
                category["stages"] = f"{category['stages']}; {part}" if category["stages"] else part

        self.accounts: dict[str, tuple[int, str]] = {}
        for row in read_table(directory / "accounts.csv"):
            category = self.category_for_code(row["cpv_code"].strip().split("-")[0]) if row["cpv_code"].strip() else -1
            self.accounts.setdefault(row["account_prefix"].strip(), (category, row["account_group_sv"]))
        self.longest_account = max((len(p) for p in self.accounts), default=0)

        self.keywords = Matcher()
        for row in read_table(directory / "keywords.csv"):
            code = row["cpv_code"].strip().split("-")[0]
            category, specificity = self.category_and_length(code)
            if category >= 0:
                self.keywords.insert(row["keyword"], category, specificity)
        self.keyword_rank = self.keywords.ranks()

        self.countries: dict[str, str] = {}
        self.country_name: dict[str, str] = {}
        for row in read_table(directory / "countries.csv"):
            for form in [row["alpha2"], row["alpha3"], row["name_en"], row["name_sv"], *row["variants"].split("|")]:
                key = lookup_key(form)
                if key:
                    self.countries.setdefault(key, row["alpha2"])
            self.country_name.setdefault(row["alpha2"], row["name_sv"])
        self.country_levels, self.country_reasons = self._country_levels(
            read_table(directory / "country-indices.csv"), read_table(directory / "country-bands.csv"))

        self.scope = read_table(directory / "scope.csv") if (directory / "scope.csv").exists() else []
        self.scope_org: list[tuple[str, int]] = []
        self.scope_account: dict[str, int] = {}
        self.scope_names, self.scope_text = Matcher(), Matcher()
        for i, row in enumerate(self.scope):
            field, value = row["field"].strip().lower(), row["value"].strip()
            if field == "org_number":
                self.scope_org.append((value, i))
            elif field == "account":
                self.scope_account.setdefault(value, i)
            elif field == "name":
                self.scope_names.insert(value, i, whole_word=True)
            elif field == "text":
                self.scope_text.insert(value, i, whole_word=True)
        self.scope_org.sort(key=lambda p: -len(p[0]))
        self.longest_scope_account = max((len(p) for p in self.scope_account), default=0)

        values = {row["key"]: row["value"] for row in read_table(directory / "settings.csv")}
        self.p1_share = float(values["priority1_min_share"])
        self.p1_ore = int(float(values["priority1_min_spend"]) * 100)
        self.p2_ore = int(float(values["priority2_min_spend"]) * 100)
        self.tasks = read_table(directory / "tasks.csv")
        for row in self.tasks:
            applies_to = row.get("applies_to", "").strip().lower()
            if applies_to not in ("", "any", "goods"):
                raise SystemExit(f"error: tasks.csv: applies_to '{row['applies_to']}' must be any or goods")
            row["goods_only"] = applies_to == "goods"
        self.goods_only_tasks = {row["id"].strip().upper() for row in self.tasks if row["goods_only"]}
        self.followup = read_table(directory / "followup.csv")
        for row in self.followup:
            row["track"] = row.get("track", "").strip() or "supply_chain"
            # A step that carries out a goods-only task (a factory audit) is left out for services and works.
            row["goods_only"] = row.get("task_id", "").strip().upper() in self.goods_only_tasks

    # --- categories ------------------------------------------------------------------------------------------

    def category_and_length(self, code: str) -> tuple[int, int]:
        """(category, length of the matched prefix) for an 8-digit code, or (-1, 0)."""
        for length in range(min(len(code), 8), 1, -1):
            found = self.prefix_to_category.get(code[:length])
            if found is not None:
                return found, length
        return -1, 0

    def category_for_code(self, code: str) -> int:
        return self.category_and_length(code)[0] if len(code) == 8 and code.isdigit() else -1

    def category_for_cpv_field(self, text: str) -> int:
        code = leading_cpv(text)
        return self.category_and_length(code)[0] if code else -1

    def keyword(self, text: str) -> tuple[int, str]:
        if not text.strip():
            return -1, ""
        best = self.keywords.best(text)
        if best < 0:
            return -1, ""
        entry = self.keywords.entries[best]
        return entry[1], entry[0]

    def keyword_match(self, text: str) -> tuple[int, int, str]:
        """(rank, category, keyword) of the best keyword in `text`, or (-1, -1, ''): of a line's texts the one
        with the highest rank wins (the earlier text on a tie)."""
        best = self.keywords.best(text) if text.strip() else -1
        if best < 0:
            return -1, -1, ""
        entry = self.keywords.entries[best]
        return self.keyword_rank[best], entry[1], entry[0]

    def account(self, text: str) -> tuple[int, str]:
        """(category, 'prefix group name') of the longest account prefix with a hint, or (-1, '')."""
        digits = leading_digits(text, self.longest_account)
        for length in range(len(digits), 0, -1):
            hint = self.accounts.get(digits[:length])
            if hint is not None:
                return (hint[0], f"{digits[:length]} {hint[1]}") if hint[0] >= 0 else (-1, "")
        return -1, ""

    def country(self, text: str) -> str:
        key = lookup_key(text) if text.strip() else ""
        return self.countries.get(key, "") if key else ""

    # --- scope -----------------------------------------------------------------------------------------------

    def scope_for_supplier(self, org_numbers: list[str], names: list[str]) -> int:
        organisation = None
        for text in org_numbers:
            parsed = parse_org(text)
            if parsed and not parsed[1]:
                organisation = parsed[0]
                break
        if organisation is not None:
            for prefix, rule in self.scope_org:
                if organisation.startswith(prefix):
                    return rule
            return -1
        for name in names:
            # A company's name may hold such a word ("Stad & Land Bygg AB"): names with a legal form never count.
            if name and not has_legal_form(name):
                best = self.scope_names.best(name)
                if best >= 0:
                    return self.scope_names.entries[best][1]
        return -1

    def scope_for_account(self, text: str) -> int:
        digits = leading_digits(text, self.longest_scope_account)
        for length in range(len(digits), 0, -1):
            rule = self.scope_account.get(digits[:length])
            if rule is not None:
                return rule
        return -1

    def scope_for_text(self, text: str) -> int:
        if not text.strip():
            return -1
        best = self.scope_text.best(text)
        return self.scope_text.entries[best][1] if best >= 0 else -1

    # --- levels ----------------------------------------------------------------------------------------------

    def levels(self, category: int, country: str, production: bool) -> tuple[int, int, int, int]:
        """The line's levels per area: the category layer raised by the country layer where it applies."""
        base = self.category_levels[category] if category >= 0 else (0, 0, 0, 0)
        if not self.country_applies(category, country, production):
            return base
        other = self.country_levels.get(country, (0, 0, 0, 0))
        return tuple(max(own, c) if own else (3 if c == 3 else 0) for own, c in zip(base, other))

    def country_applies(self, category: int, country: str, production: bool) -> bool:
        if category >= 0 and self.categories[category]["kind"] != "goods":
            return False
        return bool(country) and (production or country != "SE")

    def priority(self, overall: int, ore: int, total: int) -> int:
        """Priority 1–3; `total` is the procurement spend (the total less the spend outside the scope)."""
        material = ore >= self.p1_ore or (total > 0 and ore >= total * self.p1_share)
        if overall == 3 and material:
            return 1
        if ore < self.p2_ore:
            return 3
        if overall == 3:
            return 2
        if overall in (2, 0):
            return 2 if material else 3
        return 3

    def performed_in_sweden(self, category: int) -> bool:
        """A service or works (kind other than goods): no task or follow-up step about a product's chain."""
        return category >= 0 and self.categories[category]["kind"] != "goods"

    def task_ids(self, levels, overall: int, priority: int, in_sweden: bool = False) -> str:
        minimum = {"any": -1, "low": 1, "medium": 2, "high": 3}
        ids = []
        for task in self.tasks:
            if in_sweden and task["goods_only"]:
                continue
            need = task["min_risk"].strip()
            if need == "unknown":
                applies = overall == 0 or overall >= 2
            else:
                applies = overall >= minimum[need]
            if applies and task["areas"].strip() != "any" and need in ("low", "medium", "high"):
                listed = [levels[AREAS.index(a)] for a in task["areas"].split("|") if a in AREAS]
                applies = bool(listed) and max(listed) >= minimum[need]
            if applies and priority <= int(task["max_priority"]):
                ids.append(task["id"])
        return "|".join(ids)

    def reason(self, category: int, evidence: str, country: str, country_evidence: str, production: bool,
               scope: int, levels) -> str:
        """A compact reason (at most 255 characters) naming every input."""
        if scope >= 0:
            return truncate(f"utanför omfånget: {self.scope[scope]['reason_sv']}")
        parts = []
        if category >= 0:
            c = self.categories[category]
            parts.append(f"{c['name_sv']} ({c['code']}, {KIND_SV[c['kind']]}) via {evidence}: "
                         + ", ".join(f"{s} {LEVELS[v]}" for s, v in zip(AREA_SHORT_SV, c["levels"]))
                         + f" [{c['source']} {c['year']}]")
        else:
            parts.append("kategori okänd")
        if country:
            if self.country_applies(category, country, production):
                parts.append(f"land {country} ({country_evidence}): {self.country_reasons.get(country, 'inga indexvärden')}")
            else:
                parts.append(f"land {country} ({country_evidence}): inget landlager")
        parts.append("samlad " + LEVELS[max(levels)])
        return truncate("; ".join(parts))

    @staticmethod
    def _country_levels(indices: list[dict], bands: list[dict]):
        levels: dict[str, list[int]] = {}
        reasons: dict[str, list[str]] = {}
        bands_of: dict[str, list[dict]] = {}
        for band in bands:
            bands_of.setdefault(band["index"], []).append(band)
        for row in indices:
            for band in bands_of.get(row["index"], []):
                if band["value"]:
                    hit = band["value"].casefold() == row["value"].casefold()
                else:
                    try:
                        number = float(row["value"])
                    except ValueError:
                        continue
                    hit = float(band["lower"]) <= number <= float(band["upper"])
                if hit:
                    area = AREAS.index(band["area"])
                    rank = level(band["level"], "country-bands.csv")
                    country = levels.setdefault(row["alpha2"], [0, 0, 0, 0])
                    country[area] = max(country[area], rank)
                    reasons.setdefault(row["alpha2"], []).append(
                        f"{band['index_name']} {row['edition']} {row['value']} = {LEVELS[rank]}")
                    break
        return {k: tuple(v) for k, v in levels.items()}, {k: "; ".join(v) for k, v in reasons.items()}


def truncate(text: str, limit: int = REASON_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def id_key(text: str) -> str:
    trimmed = text.strip()
    return trimmed.lstrip("0") or trimmed


def name_key(text: str) -> str:
    return " ".join(text.casefold().split())


def supplier_facts(rules: Rules, line_id: str, line_org: str, line_name: str, entry: dict | None, row: int) -> dict:
    """What one distinct supplier spelling (ledger id, org number, name) says, given its list entry (or None):
    the supplier's key, its scope rule, the list's category and country."""
    parsed = parse_org(line_org)
    if entry is not None:
        key = f"list:{row}"
    elif line_id.strip():
        key = f"id:{id_key(line_id)}"
    elif parsed:
        key = f"org:{parsed[0]}"
    else:
        key = f"name:{name_key(line_name)}"
    facts = {"key": key, "name": (entry or {}).get("name") or line_name.strip(),
             "org": (entry or {}).get("org") or line_org.strip(),
             "category": -1, "category_evidence": "", "country": "", "country_evidence": "", "production": False}
    if entry is not None:
        cpv = entry["cpv"].strip()
        category = rules.category_for_cpv_field(cpv) if cpv else -1
        if category >= 0:
            facts["category"], facts["category_evidence"] = category, f"leverantörsregistrets CPV {cpv}"
        elif entry["kind"].strip():
            # A coarse category text and the listed name compete: the most specific keyword of the two wins
            # (earlier text on a tie), as in Kedja ("Transporter" for a fuel dealer is fuel).
            best, which = -1, 0
            for position, text in enumerate((entry["kind"], entry["name"])):
                found = rules.keywords.best(text) if text.strip() else -1
                if found >= 0 and (best < 0 or rules.keywords.better(found, best)):
                    best, which = found, position
            if best >= 0:
                category, keyword = rules.keywords.entries[best][1], rules.keywords.entries[best][0]
                facts["category"] = category
                facts["category_evidence"] = (
                    f"leverantörsregistrets kategori '{entry['kind']}' (nyckelord '{keyword}')" if which == 0
                    else f"leverantörsnamnet '{entry['name']}' (kategori '{entry['kind']}', nyckelord '{keyword}')")
        for text, production in ((entry["made"], True), (entry["land"], False)):
            if text.strip():
                code = rules.country(text)
                if code:
                    facts["country"], facts["production"] = code, production
                    facts["country_evidence"] = ("tillverkningsland" if production else "land") + \
                        f" '{text}' i leverantörsregistret"
                    break
    orgs = [line_org] + ([entry["org"]] if entry is not None else [])
    names = [line_name.strip()] + ([entry["name"], entry["kind"]] if entry is not None else [])
    facts["scope"] = rules.scope_for_supplier(orgs, names)
    return facts


class SupplierList:
    """The supplier list's lookups: id (leading zeros dropped), organisation number, normalised name."""

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows
        self.by_id, self.by_org, self.by_name = {}, {}, {}
        for i, row in enumerate(rows):
            if row["id"].strip():
                self.by_id.setdefault(id_key(row["id"]), i)
            parsed = parse_org(row["org"])
            if parsed:
                self.by_org.setdefault(parsed[0], i)
            if row["name"].strip():
                self.by_name.setdefault(name_key(row["name"]), i)

    def match(self, line_id: str, line_org: str, line_name: str) -> tuple[int, str]:
        if line_id.strip() and id_key(line_id) in self.by_id:
            return self.by_id[id_key(line_id)], "id"
        parsed = parse_org(line_org)
        if parsed and parsed[0] in self.by_org:
            return self.by_org[parsed[0]], "org number"
        if line_name.strip() and name_key(line_name) in self.by_name:
            return self.by_name[name_key(line_name)], "name"
        return -1, ""


def join_spellings(rules: Rules, entries: list[dict], spellings) -> tuple[list[int], list[dict], dict]:
    """Each distinct raw spelling (`id \\x1f org \\x1f name`) joined to the supplier list once (id, then org
    number, then normalised name), as Kedja does: per spelling the position of its supplier's facts, the facts
    (spellings that join one list entry, or share an id, are one supplier) and how many suppliers joined each way."""
    lookup = SupplierList(entries)
    facts: list[dict] = []
    key_position: dict[str, int] = {}
    positions: list[int] = []
    joined: dict[str, int] = {}
    for value in spellings:
        line_id, line_org, line_name = value.split("\x1f")
        row, how = lookup.match(line_id, line_org, line_name)
        found = supplier_facts(rules, line_id, line_org, line_name, entries[row] if row >= 0 else None, row)
        if found["key"] not in key_position:
            key_position[found["key"]] = len(facts)
            facts.append(found)
            joined[how or "unmatched"] = joined.get(how or "unmatched", 0) + 1
        positions.append(key_position[found["key"]])
    return positions, facts, joined


def baseline_arguments(doc: str, name: str) -> argparse.ArgumentParser:
    """The command line both baselines take: the spend file, the supplier list, the tables, where the outputs go,
    the input's dialect and the plan's first day."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("spend", type=Path)
    parser.add_argument("--suppliers", type=Path, required=True)
    parser.add_argument("--templates", type=Path, default=Path(__file__).resolve().parent.parent / "Templates")
    parser.add_argument("--out-dir", type=Path, default=Path(f"Reports/{name}"))
    parser.add_argument("--encoding", default="cp1252")
    parser.add_argument("--sep", default=";")
    parser.add_argument("--decimal", default=",")
    parser.add_argument("--start", type=datetime.date.fromisoformat, default=datetime.date.today(),
                        help="first day of the follow-up plan (default today)")
    return parser
