#!/usr/bin/env python3
"""Generate a realistic, invented Swedish supplier-invoice ledger and supplier list.

Kedja reads ERP spend exports (leverantörsreskontra) from Swedish municipalities and regions. Real
exports cannot be committed (they hold personal data and are large), so this script writes files with
the same shape and the same quirks: Windows-1252, `;`, CRLF, decimal comma with space or no-break-space
thousands, credit notes, quoted fields with `;`, `"` and line breaks, Kommun-Bas accounts, CPV codes on
part of the lines, masked sole traders, and a supplier list that joins only partly.

Everything is invented: names are built from word parts, organisation numbers are random numbers with a
valid Luhn check digit (they are not looked up and may coincide with real registrations).

Determinism: one `random.Random(seed)` stream drives everything, only `random()`-based draws are used,
and nothing iterates over a set or relies on hash order, so the same seed and arguments give
byte-identical files.

Standard library only, so it runs wherever python3 does:

    python3 scripts/generate_ledger.py --lines 3000 \\
        --out-ledger SampleData/leverantorsreskontra-2025.csv \\
        --out-suppliers SampleData/leverantorer.csv \\
        --out-summary SampleData/expected-summary.json
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import math
import random
import sys
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

LEDGER_HEADER = [
    "Verifikationsnummer", "Fakturanummer", "Fakturadatum", "Bokföringsdatum", "Leverantörsnummer",
    "Leverantörsnamn", "Organisationsnummer", "Konto", "Kontotext", "Ansvar", "Verksamhet", "Projekt",
    "CPV-kod", "Beskrivning", "Belopp exkl. moms", "Moms", "Valuta",
]
AMOUNT_COLUMN = LEDGER_HEADER.index("Belopp exkl. moms")

SUPPLIER_HEADER = [
    "Leverantörsnummer", "Leverantörsnamn", "Organisationsnummer", "Land", "Tillverkningsland",
    "CPV-kod", "Kategori",
]

MASKED_NAME = "Privatperson (skyddad)"

# --------------------------------------------------------------------------------------------------
# Output dialects. `raindance` is what a Raindance (CGI) export opened nowhere near Excel looks like;
# `opendata` is how municipalities republish the same ledger as open data (UTF-8 with BOM, comma,
# decimal point). Both carry the same content, so totals can be compared across dialects.


@dataclass(frozen=True)
class Style:
    """One file dialect: how the same ledger content is written to bytes."""

    encoding: str
    bom: bool
    delimiter: str
    line_ending: str
    decimal_mark: str
    thousands: tuple[str, ...]  # separators drawn per amount; "" means none
    thousands_weights: tuple[float, ...]
    default_dates: str


STYLES = {
    "raindance": Style("windows-1252", False, ";", "\r\n", ",", ("\u00a0", " ", ""), (0.55, 0.35, 0.10),
                       "yyyymmdd"),
    "opendata": Style("utf-8", True, ",", "\n", ".", ("",), (1.0,), "iso"),
}

# --------------------------------------------------------------------------------------------------
# Kommun-Bas style accounts. Versions differ between municipalities; these follow the groups in
# DOMAIN.md (41 construction material, 45/46 purchased activities, 62 energy, 64 consumables,
# 65 office and print, 68 telecom/IT, 69-70 vehicles and transport, 74 external services).

ACCOUNTS = {
    "4110": "Anläggnings- och underhållsmaterial",
    "4520": "Entreprenader bygg och anläggning",
    "4610": "Köp av huvudverksamhet",
    "6010": "Lokalhyror",
    "6210": "Elenergi",
    "6230": "Fjärrvärme",
    "6250": "Drivmedel",
    "6410": "Förbrukningsinventarier",
    "6420": "Förbrukningsmaterial",
    "6440": "Arbetskläder och skyddsutrustning",
    "6450": "Livsmedel",
    "6460": "Sjukvårdsmaterial och läkemedel",
    "6510": "Kontorsmaterial",
    "6530": "Trycksaker",
    "6810": "Tele- och datakommunikation",
    "6840": "Datorutrustning och programvara",
    "6910": "Leasing av fordon",
    "6920": "Reparation och underhåll av fordon",
    "7010": "Transporter och frakter",
    "7020": "Resor",
    "7410": "Konsulttjänster",
    "7420": "Städtjänster",
    "7430": "Tvätt- och rengöringstjänster",
    "7490": "Övriga främmande tjänster",
}

# --------------------------------------------------------------------------------------------------
# What the suppliers sell. Every CPV code is written with its check digit as in CPV 2008 and must
# exist in the CPV list (`--check-cpv` verifies that). Amounts are SEK excluding VAT, drawn
# log-uniformly between lo and hi; `whole` items are invoiced in whole kronor (services, rents).


@dataclass(frozen=True)
class Item:
    """One kind of invoice line a supplier sends: what it says, where it is booked, what it costs."""

    text: str
    account: str
    cpv: str | None
    lo: int
    hi: int
    vat: int = 25
    whole: bool = False


PLACES = ["Östersund", "Umeå", "Luleå", "Gävle", "Västerås", "Örebro", "Jönköping", "Växjö", "Borås",
          "Skövde", "Härnösand", "Sundsvall", "Falun", "Mölndal", "Trollhättan", "Åre", "Älmhult",
          "Ängelholm", "Norrköping", "Kiruna", "Ystad", "Söderhamn", "Höör", "Malå", "Strömsund",
          "Karlstad", "Kalmar", "Visby", "Hudiksvall", "Skellefteå", "Örnsköldsvik", "Nässjö",
          "Eslöv", "Märsta", "Täby", "Åmål", "Lidköping", "Motala", "Ludvika", "Sollefteå"]
REGIONS = ["Norrland", "Mälardalen", "Västkusten", "Skåne", "Småland", "Jämtland", "Bergslagen",
           "Roslagen", "Östergötland", "Värmland", "Dalarna", "Halland", "Gotland", "Ångermanland",
           "Hälsingland", "Västerbotten", "Blekinge", "Sörmland"]
SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
            "Persson", "Svensson", "Gustafsson", "Lindström", "Bergström", "Åberg", "Öberg",
            "Sjöberg", "Ekström", "Hägglund", "Lundqvist", "Östlund", "Nyström", "Wikström",
            "Söderberg", "Forsgren", "Blomqvist", "Håkansson", "Jäderberg", "Lövgren", "Strömberg"]
SITES = ["Solrosens förskola", "Kvarnbyskolan", "Björkängens äldreboende", "Ekbackens förskola",
         "Östra gymnasiet", "Älvdalsskolan", "Hagagården", "Lärkans förskola", "Stadshuset",
         "Simhallen", "Biblioteket", "Fritidsgården Nova", "Måsens LSS-boende"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"]

FOREIGN_WORDS = ["Nordic", "Baltic", "Euro", "Alpha", "Polar", "Atlas", "Vega", "Orion", "Nova",
                 "Delta", "Aurora", "Summit", "Crown", "Pioneer"]
CHINESE_PLACES = ["Shenzhen", "Ningbo", "Xiamen", "Jiangsu", "Suzhou", "Dongguan", "Hangzhou"]
FOREIGN_TRADE = {"coffee": "Coffee", "food": "Foods", "workwear": "Textiles", "medical": "Medical",
                 "it_hardware": "Tech Distribution", "it_services": "Cloud Services", "furniture": "Furniture",
                 "cleaning": "Hygiene", "construction": "Steel", "solar": "Solar Energy",
                 "consulting": "Advisory", "toys": "Toys & Games"}


@dataclass(frozen=True)
class Archetype:
    """A kind of supplier: what it is called, where it is, what it sells, how often it invoices."""

    key: str
    share: float            # relative number of suppliers of this kind
    lines: float            # relative invoice lines per supplier of this kind
    cores: tuple[str, ...]  # business words for the name
    items: tuple[Item, ...]
    list_category: str      # the buyer's own category text in the supplier list
    list_cpv: str | None
    production: tuple[str, ...] = ()   # alpha-2 codes of upstream production countries
    production_share: float = 0.0      # share of suppliers that name a production country
    foreign: tuple[str, ...] = ()      # alpha-2 codes a foreign supplier of this kind may have
    foreign_share: float = 0.0
    legal: tuple[str, ...] = ("AB", "AB", "AB", "AB", "AB", "AB", "Aktiebolag", "HB", "KB")


ARCHETYPES = (
    Archetype("coffee", 0.6, 1.4, ("Kaffegrossist", "Kaffekompaniet", "Kaffe & Dryck", "Bönor & Bryggt"), (
        Item("Kaffe Gevalia 6x500g", "6450", "15861000-1", 350, 4500, 12),
        Item("Kaffe Zoégas Skånerost 450g", "6450", "15861000-1", 300, 3800, 12),
        Item("Kaffebönor eko Fairtrade 1 kg", "6450", "15861000-1", 400, 6000, 12),
        Item("Te Earl Grey 100 påsar", "6450", "15863000-5", 150, 1800, 12),
        Item("Kakao O'boy 1 kg", "6450", "15841000-5", 200, 2400, 12),
        Item("Kaffeautomater hyra {month}", "6410", None, 900, 4500, 25, True),
        Item("Kaffe, te; socker och mjölk till personalrum", "6420", None, 250, 3000, 12),
    ), "Livsmedel - kaffe", "15860000-4", ("BR", "CO", "ET", "VN", "HN", "PE"), 0.8),
    Archetype("food", 2.5, 2.5, ("Livs", "Storköksgrossisten", "Frukt & Grönt", "Fiskhallen", "Mat & Måltid"), (
        Item("Bananer eko 18 kg", "6450", "03222111-4", 250, 2500, 12),
        Item("Äpplen Ingrid Marie 10 kg", "6450", "03222321-9", 200, 1800, 12),
        Item("Potatis fast 25 kg", "6450", "03212100-1", 150, 1500, 12),
        Item("Torskfilé fryst 5 kg", "6450", "15220000-6", 600, 6000, 12),
        Item("Fisk färsk enl. beställning", "6450", "03311000-2", 500, 5000, 12),
        Item("Kycklingfilé fryst 2,5 kg", "6450", "15112000-6", 400, 5500, 12),
        Item("Mjölk standard 3% 10 l", "6450", "15511000-3", 200, 2500, 12),
        Item("Ris jasmin 5 kg", "6450", "03211300-6", 150, 1800, 12),
        Item("Havregryn 5 kg", "6450", "15613000-8", 100, 900, 12),
        Item("Livsmedel v.{week} enl. följesedel", "6450", None, 1500, 45000, 12),
        Item("Frukt och grönt v.{week}; leverans {site}", "6450", "03220000-9", 500, 9000, 12),
    ), "Livsmedel", "15000000-8", ("EC", "CR", "CO", "NO"), 0.3),
    Archetype("workwear", 1.2, 1.0, ("Arbetskläder", "Skydd & Kläder", "Textilservice", "Profilkläder"), (
        Item("Arbetskläder vinter", "6440", "18100000-0", 1200, 45000),
        Item("Arbetsbyxor stl C50", "6440", "18110000-3", 600, 9000),
        Item("Varselväst klass 2 stl L", "6440", "18143000-3", 300, 6000),
        Item("Skyddsskor S3 stl 42", "6440", "18830000-6", 900, 12000),
        Item("Nitrilhandskar str M", "6440", "18424300-0", 300, 8000),
        Item("Frottéhanddukar 50x70 20 st", "6420", "39514100-9", 500, 5000),
        Item("Sängkläder äldreboende", "6420", "39512000-4", 1500, 30000),
        Item("Tvätt av arbetskläder {month}", "7430", "98310000-9", 3000, 45000, 25, True),
    ), "Textil och arbetskläder", "18100000-0", ("BD", "PK", "CN", "IN", "VN", "TR", "KH"), 0.7,
        ("DK", "FI"), 0.05),
    Archetype("medical", 1.2, 1.6, ("MedicinTeknik", "Vårdmaterial", "Sjukvårdsprodukter", "Medtek"), (
        Item("Nitrilhandskar str M 200 st", "6460", "18424300-0", 300, 12000),
        Item("Undersökningshandskar vinyl str L", "6460", "18424300-0", 200, 6000),
        Item("Operationshandskar sterila str 7,5", "6460", "33141420-0", 800, 15000),
        Item("Förband sterilt 10x10 cm", "6460", "33141110-4", 200, 8000),
        Item("Inkontinensskydd natt", "6460", "33141621-9", 1000, 40000),
        Item("Sprutor 5 ml 100 st", "6460", "33141310-6", 150, 3500),
        Item("Läkemedel enl. rekvisition {site}", "6460", "33600000-6", 1000, 150000),
    ), "Sjukvårdsmaterial", "33140000-3", ("MY", "TH", "CN", "IN"), 0.5, ("DE", "NL"), 0.05),
    Archetype("it_hardware", 1.2, 1.0, ("Data", "IT-Partner", "Datautrustning", "Teknikhuset"), (
        Item('Bärbar dator 14"', "6410", "30213100-6", 7000, 180000),
        Item('Skärm 27" 4K', "6410", "30231300-0", 2500, 60000),
        Item("Dockningsstation USB-C", "6410", "30237000-9", 1200, 25000),
        Item("Mobiltelefon Samsung Galaxy A55", "6410", "32250000-0", 3000, 90000),
        Item("Headset trådlöst", "6420", "32342100-3", 800, 15000),
        Item("Skrivare laser A4", "6410", "30232110-8", 2500, 30000),
        Item("Laddkabel USB-C 2 m", "6420", "30237000-9", 100, 3000),
    ), "IT-utrustning", "30200000-1", ("CN", "TW", "VN", "MY"), 0.6, ("DE", "NL", "CN"), 0.1),
    Archetype("it_services", 1.2, 1.0, ("IT-drift", "Telenät", "Systemhuset", "Molntjänster"), (
        Item("Mobilabonnemang {month}", "6810", "64212000-5", 2000, 120000, 25, True),
        Item("Bredband skolor kv {quarter}", "6810", "64210000-1", 8000, 250000, 25, True),
        Item("Drift och support {month}", "6840", "72250000-2", 15000, 400000, 25, True),
        Item("Licens verksamhetssystem 2025", "6840", "48000000-8", 20000, 1200000, 25, True),
        Item("Konsulttimmar systemutveckling {month}", "6840", "72200000-7", 10000, 300000, 25, True),
    ), "IT-tjänster", "72000000-5", (), 0.0, ("IE", "NL"), 0.05),
    Archetype("office", 1.2, 1.5, ("Kontorsvaruhuset", "Kontor & Papper", "Tryckeri", "Grafiska"), (
        Item("Kontorsmaterial enl. order", "6510", "30190000-7", 100, 15000),
        Item("Kopieringspapper A4 80 g 2500 ark", "6510", "30197630-1", 300, 9000),
        Item("Pärmar A4 10 st", "6510", "30199000-0", 100, 2000),
        Item("Whiteboardpennor 4-pack", "6510", "30192000-1", 60, 1500),
        Item("Tryck broschyr skolval\r\nUpplaga 2 000 ex", "6530", "79810000-5", 1500, 60000),
        Item("Visitkort 250 st", "6530", "79800000-2", 300, 3000),
    ), "Kontorsmaterial och trycksaker", "30190000-7"),
    Archetype("furniture", 0.8, 0.6, ("Möbelhuset", "Inredning", "Skolmöbler", "Kontorsmöbler"), (
        Item("Skrivbord höj- och sänkbart 160x80", "6410", "39121100-7", 4000, 120000),
        Item("Kontorsstol ergonomisk", "6410", "39130000-2", 2500, 80000),
        Item("Elevstolar 20 st", "6410", "39160000-1", 8000, 60000),
        Item("Förvaringsskåp 2 dörrar", "6410", "39100000-3", 2500, 25000),
    ), "Möbler", "39100000-3", ("PL", "LT", "CN", "VN"), 0.3, ("DK", "PL"), 0.1),
    Archetype("cleaning", 1.5, 1.5, ("Städbolaget", "Städ & Fönsterputs", "Rent & Fint", "Lokalvård"), (
        Item("Städning v.{week}", "7420", "90910000-9", 5000, 120000, 25, True),
        Item("Städning v.{week}\nInkl. fönsterputs entré", "7420", "90910000-9", 6000, 130000, 25, True),
        Item("Storstädning {site}", "7420", "90911200-8", 8000, 90000, 25, True),
        Item("Fönsterputs kv {quarter}", "7420", "90911300-9", 3000, 40000, 25, True),
        Item("Golvvårdsmedel 5 l", "6420", "39830000-9", 200, 4000),
        Item("Toalettpapper 64 rl", "6420", "33760000-5", 300, 6000),
        Item("Handtvål refill 6x1 l", "6420", "33711900-6", 200, 3000),
    ), "Städ och lokalvård", "90910000-9", ("DE", "PL"), 0.1),
    Archetype("construction", 2.5, 1.2, ("Bygg", "Bygg & Anläggning", "Trävaror", "Byggservice", "Mark & Väg"), (
        Item("Ombyggnad kök {site}", "4520", "45210000-2", 50000, 3000000, 25, True),
        Item("Ombyggnad kök {site}\nÄTA-arbeten enl. protokoll", "4520", "45210000-2", 20000, 800000, 25, True),
        Item("Takrenovering etapp 2", "4520", "45261000-4", 100000, 4000000, 25, True),
        Item("Asfaltering parkering {site}", "4520", "45233222-1", 40000, 1500000, 25, True),
        Item("Reglar 45x95 virke", "4110", "44191000-5", 800, 60000),
        Item("Gipsskivor 13 mm", "4110", "44111000-1", 600, 40000),
        Item("Betong C25/30 8 m3", "4110", "44114000-2", 4000, 60000),
        Item("Armeringsjärn 12 mm", "4110", "44212000-9", 1500, 90000),
        Item("Vägsalt 25 kg", "4110", "34927100-2", 5000, 200000),
        Item("Arbete enl. avtal, ej specificerat", "4520", None, 10000, 500000, 25, True),
    ), "Bygg och anläggning", "45000000-7", ("CN", "DE", "PL"), 0.2),
    Archetype("solar", 0.4, 0.6, ("Solkraft", "Solenergi", "Solcellsteknik", "Batteriteknik"), (
        Item("Solpaneler tak förskola", "4110", "09331200-0", 80000, 2500000, 25, True),
        Item("Solcellsanläggning {site}", "4520", "09331200-0", 150000, 3000000, 25, True),
        Item("Växelriktare 10 kW", "4110", "31682000-0", 12000, 90000),
        Item("Batterier AA 40-pack", "6420", "31440000-2", 100, 3000),
        Item("Batterier till nödbelysning", "6420", "31400000-0", 500, 12000),
    ), "Energi - solceller", "09331200-0", ("CN",), 0.8, ("CN", "DE"), 0.2),
    Archetype("consulting", 2.5, 0.8, ("Konsult", "& Partners", "Kommunkonsulterna", "Advokatbyrå", "Rekrytering"), (
        Item("Konsulttjänst {month}", "7410", "79400000-8", 10000, 450000, 25, True),
        Item("Konsulttjänst {month}; enl. avtal 2024-118", "7410", "79400000-8", 10000, 300000, 25, True),
        Item("Utredning äldreomsorgens bemanning", "7410", "79411000-8", 40000, 600000, 25, True),
        Item("Processledning workshop {day}/{month_no}", "7410", "79411000-8", 8000, 90000, 25, True),
        Item("Juridisk rådgivning upphandling", "7410", "79110000-8", 5000, 250000, 25, True),
        Item("Rekrytering rektor", "7410", "79600000-0", 40000, 180000, 25, True),
    ), "Konsulttjänster", "79400000-8", (), 0.0, ("DK", "NO"), 0.05),
    Archetype("transport", 1.8, 1.4, ("Taxi", "Buss & Skolskjuts", "Bilcentrum", "Drivmedel", "Åkeri"), (
        Item("Skolskjuts v.{week}", "7010", "60130000-8", 20000, 600000, 6, True),
        Item("Färdtjänst {month}", "7010", "60140000-1", 10000, 400000, 6, True),
        Item("Diesel HVO100", "6250", "09134200-9", 500, 80000),
        Item("Bensin 95", "6250", "09132000-3", 400, 30000),
        Item("Leasing elbil – {month}", "6910", "34144900-7", 3000, 9000, 25, True),
        Item("Service och däckbyte", "6920", "50112000-3", 1000, 30000),
        Item("Frakt pall", "7010", None, 300, 5000),
    ), "Transporter och fordon", "60000000-8"),
    Archetype("energy", 0.6, 1.2, ("Energi", "Elnät", "Fjärrvärme", "Kraft"), (
        Item("Elenergi {month}", "6210", "09310000-5", 5000, 900000, 25, True),
        Item("Fjärrvärme {month}", "6230", "09323000-9", 10000, 1500000, 25, True),
        Item("Nätavgift {month}", "6210", None, 2000, 200000, 25, True),
    ), "Energi", "09310000-5"),
    Archetype("toys", 0.7, 0.8, ("Lek & Lär", "Idrottsmaterial", "Pyssel", "Lekmaterial"), (
        Item("Leksaker förskola", "6420", "37520000-9", 200, 15000),
        Item("Pärlor och pyssel", "6420", "37800000-6", 100, 4000),
        Item("Bollar och idrottsmaterial", "6420", "37400000-2", 300, 20000),
        Item("Lego Duplo", "6420", "37520000-9", 300, 8000),
    ), "Lek- och idrottsmaterial", "37500000-3", ("CN",), 0.7, ("DK", "DE"), 0.15),
    Archetype("care", 1.2, 1.0, ("Omsorgshuset", "Care", "Måltidsservice", "Omsorg & Hälsa"), (
        Item("Måltidsservice äldreboende {month}", "4610", "55520000-1", 20000, 900000, 12, True),
        Item("Hemtjänst LOV {month}", "4610", "85310000-5", 50000, 3000000, 0, True),
        Item("Placering HVB {month}", "4610", "85311000-2", 40000, 600000, 0, True),
    ), "Köp av verksamhet", "85000000-9",
        legal=("AB", "AB", "AB", "ek. för.", "Stiftelsen")),
    Archetype("rent", 0.8, 0.7, ("Fastigheter", "Kommunfastigheter", "Lokaler", "Fastighetsbolaget"), (
        Item("Lokalhyra {month}", "6010", None, 15000, 2000000, 0, True),
        Item("Lokalhyra {month} {site}", "6010", None, 15000, 900000, 0, True),
        Item("Tilläggsdebitering el {month}", "6010", None, 1000, 40000, 25, True),
    ), "Lokaler", None),
    Archetype("public", 0.4, 0.4, ("Samordningsförbundet", "Räddningstjänstförbundet", "kommun"), (
        Item("Interkommunal ersättning gymnasieplatser", "4610", None, 50000, 2000000, 0, True),
        Item("Samverkansavgift {year}", "4610", None, 20000, 800000, 0, True),
    ), "Offentlig sektor", None, legal=("",)),
    Archetype("sole_trader", 1.5, 0.4, ("",), (
        Item("Föreläsning {day}/{month_no}", "7490", "80000000-4", 1000, 25000, 0, True),
        Item("Tolkuppdrag {month}", "7490", "79540000-1", 800, 20000, 25, True),
        Item("Musikunderhållning äldreboende", "7490", "92312000-1", 1500, 12000, 6, True),
        Item("Fotografering skolkatalog", "7490", "79961000-8", 3000, 30000, 25, True),
    ), "Övriga tjänster", None),
)

ARCHETYPE_BY_KEY = {arch.key: arch for arch in ARCHETYPES}
GOODS_SELLERS = ("coffee", "food", "workwear", "medical", "it_hardware", "office", "furniture", "cleaning",
                 "construction", "toys")
SIDE_ITEMS = (
    ARCHETYPE_BY_KEY["coffee"].items[0],      # Kaffe Gevalia
    ARCHETYPE_BY_KEY["workwear"].items[4],    # Nitrilhandskar
    ARCHETYPE_BY_KEY["office"].items[0],      # Kontorsmaterial
    ARCHETYPE_BY_KEY["cleaning"].items[5],    # Toalettpapper
    ARCHETYPE_BY_KEY["solar"].items[3],       # Batterier AA
    ARCHETYPE_BY_KEY["transport"].items[6],   # Frakt pall
)

# --------------------------------------------------------------------------------------------------
# Country forms used in the supplier list: Swedish names (as in Debian iso-codes), alpha-2, alpha-3
# and a few common variants, mixed as they are in real supplier registers.

COUNTRY_FORMS = {
    "SE": ("Sverige", "SE", "SWE", "Sweden"),
    "DE": ("Tyskland", "DE", "DEU", "Germany"),
    "DK": ("Danmark", "DK", "DNK"),
    "FI": ("Finland", "FI", "FIN"),
    "NO": ("Norge", "NO", "NOR"),
    "NL": ("Nederländerna", "NL", "NLD", "Holland"),
    "IE": ("Irland", "IE", "IRL"),
    "PL": ("Polen", "PL", "POL"),
    "LT": ("Litauen", "LT", "LTU"),
    "CN": ("Kina", "CN", "CHN", "China"),
    "TW": ("TW", "TWN"),
    "BD": ("Bangladesh", "BD", "BGD"),
    "PK": ("Pakistan", "PK", "PAK"),
    "IN": ("Indien", "IN", "IND"),
    "VN": ("Vietnam", "VN", "VNM"),
    "TR": ("Turkiet", "TR", "TUR"),
    "KH": ("Kambodja", "KH", "KHM"),
    "MY": ("Malaysia", "MY", "MYS"),
    "TH": ("Thailand", "TH", "THA"),
    "BR": ("Brasilien", "BR", "BRA"),
    "CO": ("Colombia", "CO", "COL"),
    "ET": ("Etiopien", "ET", "ETH"),
    "HN": ("Honduras", "HN", "HND"),
    "PE": ("Peru", "PE", "PER"),
    "EC": ("Ecuador", "EC", "ECU"),
    "CR": ("Costa Rica", "CR", "CRI"),
}
COUNTRY_FORM_WEIGHTS = (0.55, 0.25, 0.15, 0.05)  # Swedish name, alpha-2, alpha-3, variant
FOREIGN_CURRENCY = {"DE": "EUR", "DK": "DKK", "FI": "EUR", "NO": "NOK", "NL": "EUR", "IE": "EUR",
                    "PL": "EUR", "CN": "USD"}
FOREIGN_LEGAL = {"DE": "GmbH", "DK": "A/S", "FI": "Oy", "NO": "AS", "NL": "B.V.", "IE": "Ltd",
                 "PL": "Sp. z o.o.", "CN": "Co., Ltd."}

ANSVAR = ["010100", "010200", "021000", "031500", "041000", "041200", "042500", "051000", "051200",
          "052300", "061000", "071000", "081000", "082000", "090100"]
VERKSAMHET = ["0100", "0210", "0250", "0310", "0407", "0425", "0430", "0510", "0511", "0520", "0610",
              "0800"]
PROJECTS = ["P2025-014", "00731", "P2024-102", "EU-2291", "00045", "P2025-031"]


# --------------------------------------------------------------------------------------------------
# Helpers


def pick(rng: random.Random, seq):
    """Return a uniformly drawn element, using only `random()` so sequences stay stable."""
    return seq[int(rng.random() * len(seq))]


def pick_weighted(rng: random.Random, seq, weights):
    """Return an element drawn with the given relative weights."""
    total = sum(weights)
    x = rng.random() * total
    acc = 0.0
    for item, weight in zip(seq, weights):
        acc += weight
        if x < acc:
            return item
    return seq[-1]


def luhn_digit(nine_digits: str) -> str:
    """The Luhn check digit Swedish organisation numbers end with."""
    total = 0
    for index, char in enumerate(nine_digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def format_org(digits: str, form: str) -> str:
    """Write a 10-digit organisation number as NNNNNN-NNNN, plain, or with the 16 prefix."""
    if form == "hyphen":
        return f"{digits[:6]}-{digits[6:]}"
    if form == "plain":
        return digits
    return "16" + digits


def quote(text: str, delimiter: str) -> str:
    """Quote a field the way spreadsheet exports do: only when it needs it, doubling quotes."""
    if '"' in text or delimiter in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def format_amount(ore: int, decimal_mark: str, thousands: str) -> str:
    """Write an amount in öre as text with two decimals, e.g. -123456 -> '-1 234,56'."""
    sign = "-" if ore < 0 else ""
    kronor, cents = divmod(abs(ore), 100)
    whole = f"{kronor:,}".replace(",", thousands) if thousands and kronor >= 1000 else str(kronor)
    return f"{sign}{whole}{decimal_mark}{cents:02d}"


def vat_of(ore: int, rate: int) -> int:
    """VAT in öre, rounded half away from zero like invoicing systems do."""
    value = (abs(ore) * rate + 50) // 100
    return -value if ore < 0 else value


def ore_to_text(ore: int) -> str:
    """Exact '1234.50' text for JSON, via Decimal so no float ever touches money."""
    return str((Decimal(ore) / 100).quantize(Decimal("0.01")))


# --------------------------------------------------------------------------------------------------
# Suppliers


@dataclass
class Supplier:
    """One supplier as the ERP knows it, plus what the generator tracks about its lines."""

    number: str
    name: str
    org_digits: str      # 10 digits, or "" for foreign suppliers and masked sole traders
    org_form: str
    country: str         # alpha-2 of the registered country
    production: str      # alpha-2 of the production country, or ""
    currency: str
    archetype: Archetype
    items: tuple[Item, ...]
    weight: float
    invoice_style: int
    next_invoice: int
    name_field: str = ""
    org_field: str = ""
    valid_lines: int = 0
    list_status: str = "id"   # id | absent | org | name | (inactive suppliers are never in the ledger)


LEGAL_TOKENS = ("ab", "aktiebolag", "hb", "kb", "ek.", "för.", "gmbh", "a/s", "oy", "as", "b.v.", "ltd",
                "ltd.", "co.,", "sp.", "z", "o.o.")


class NameBook:
    """Hands out supplier names that stay unique even when case, spacing and legal form are ignored,
    so a join by normalised name is never ambiguous."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    @staticmethod
    def key(name: str) -> str:
        """The name without case, extra spaces or a trailing legal form."""
        words = name.casefold().split()
        while len(words) > 1 and words[-1] in LEGAL_TOKENS:
            words.pop()
        return " ".join(words)

    def take(self, rng: random.Random, arch: Archetype, country: str, legal: str | None = None) -> str:
        """A name not used before; `legal` forces the legal form (a renamed company keeps its form)."""
        for attempt in range(400):
            name = self._draw(rng, arch, country, attempt, legal)
            key = self.key(name)
            if key not in self.used:
                self.used.add(key)
                return name
        raise RuntimeError(f"could not find a unique name for a {arch.key} supplier")

    @staticmethod
    def _draw(rng: random.Random, arch: Archetype, country: str, attempt: int, legal: str | None) -> str:
        """One candidate name; after 20 clashes only the roomiest patterns are drawn."""
        core = pick(rng, arch.cores)
        crowded = attempt >= 20
        if country != "SE":
            word = pick(rng, FOREIGN_WORDS)
            english = FOREIGN_TRADE.get(arch.key, "Trading")
            head = f"{pick(rng, CHINESE_PLACES)} {word}" if country == "CN" else word
            suffix = f" {pick(rng, FOREIGN_WORDS)}" if crowded else ""
            return f"{head}{suffix} {english} {FOREIGN_LEGAL[country]}"
        legal = legal or pick(rng, arch.legal)
        place, region, surname = pick(rng, PLACES), pick(rng, REGIONS), pick(rng, SURNAMES)
        if arch.key == "public":
            if crowded:
                return f"Kommunalförbundet {place}-{pick(rng, PLACES)}"
            return f"{place} kommun" if core == "kommun" else f"{core} {region}"
        if legal == "Stiftelsen":
            return f"Stiftelsen {surname}s {place}gården" if crowded else f"Stiftelsen {place}gården"
        if legal == "ek. för.":
            return f"{surname}s {core} i {place} ek. för." if crowded else f"{core} i {region} ek. för."
        if core.startswith("&"):
            return f"{surname} {core} i {place} {legal}" if crowded else f"{surname} {core} {legal}"
        form = 4 if crowded else int(rng.random() * 5)
        if form == 0:
            base = f"{place} {core}"
        elif form == 1:
            base = f"{core} i {place}"
        elif form == 2:
            base = f"{region}s {core}"
        elif form == 3:
            base = f"{surname}s {core}"
        else:
            base = f"{surname}s {core} i {place}"
        return f"{base} {legal}"


def make_org_digits(rng: random.Random, arch: Archetype, name: str, used: set[str]) -> str:
    """A unique, Luhn-valid organisation number whose first digit fits the legal form."""
    while True:
        if arch.key == "public":
            head = "212000" if name.endswith("kommun") else "222000"
        elif name.endswith((" HB", " KB")):
            head = "9697" + f"{int(rng.random() * 100):02d}"
        elif name.endswith("ek. för."):
            head = "7696" + f"{int(rng.random() * 100):02d}"
        elif name.startswith("Stiftelsen"):
            head = "8020" + f"{int(rng.random() * 100):02d}"
        else:
            head = pick(rng, ("556", "559", "556", "559", "556")) + f"{int(rng.random() * 1000):03d}"
        nine = head + f"{int(rng.random() * 1000):03d}"
        digits = nine + luhn_digit(nine)
        if digits not in used:
            used.add(digits)
            return digits


def make_suppliers(rng: random.Random, active: int, inactive: int) -> list[Supplier]:
    """Draw `active` invoicing suppliers and `inactive` ones that appear only in the supplier list."""
    names = NameBook()
    org_used: set[str] = set()
    numbers = rng.sample(range(10000, 100000), active + inactive)
    shares = [a.share for a in ARCHETYPES]
    kinds = list(ARCHETYPES) if active >= len(ARCHETYPES) else []
    while len(kinds) < active + inactive:
        kinds.append(pick_weighted(rng, ARCHETYPES, shares))
    # Spend is concentrated: a few suppliers get most lines (Zipf-like over a random rank order).
    ranks = list(range(active))
    rng.shuffle(ranks)
    suppliers = []
    for index, arch in enumerate(kinds):
        country = "SE"
        if arch.foreign and rng.random() < arch.foreign_share:
            country = pick(rng, arch.foreign)
        if arch.key == "sole_trader":
            name, org_digits = MASKED_NAME, ""
        else:
            name = names.take(rng, arch, country)
            org_digits = make_org_digits(rng, arch, name, org_used) if country == "SE" else ""
        production = ""
        if arch.production and rng.random() < arch.production_share:
            production = pick(rng, arch.production)
        weight = arch.lines / (ranks[index] + 1) ** 0.85 if index < active else 0.0
        style = int(rng.random() * 4) if country == "SE" else 4
        # A few suppliers also sell everyday goods outside their niche (gloves, coffee, batteries).
        items = arch.items
        if arch.key in GOODS_SELLERS and rng.random() < 0.15:
            items = arch.items + (pick(rng, SIDE_ITEMS),)
        suppliers.append(Supplier(
            number=str(numbers[index]), name=name, org_digits=org_digits,
            org_form=pick_weighted(rng, ("hyphen", "plain", "prefixed"), (0.75, 0.15, 0.10)),
            country=country, production=production,
            currency=FOREIGN_CURRENCY.get(country, "SEK"), archetype=arch, items=items,
            weight=weight, invoice_style=style, next_invoice=int(rng.random() * 90000) + 1000))
    return suppliers


# --------------------------------------------------------------------------------------------------
# The ledger

BROKEN_KINDS = (
    ("amount_not_a_number", "amount 'n/a' is not a number (the ERP wrote n/a for a missing amount)"),
    ("too_few_fields", "the record has 9 fields, the header 17 (the export was cut off mid-line)"),
    ("amount_two_decimal_marks", "amount '12,3,4' is not a number (two decimal marks)"),
    ("extra_field", "the record has 18 fields, the header 17 (a delimiter in the description was not quoted)"),
    ("amount_bad_grouping", "amount '1.23,4' is not a number (thousands separator in the wrong place)"),
    ("amount_with_words", "amount 'ca 5 000,00' is not a number (an estimate typed by hand)"),
)


def working_days(year: int) -> list[datetime.date]:
    """Every Monday-Friday of the year: the days an accounts-payable team books invoices."""
    day = datetime.date(year, 1, 2)
    days = []
    while day.year == year:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def fill_text(item: Item, day: datetime.date, rng: random.Random) -> str:
    """Fill an item's placeholders (month, week, site…) from the invoice date."""
    if "{" not in item.text:
        return item.text
    return item.text.format(
        month=MONTHS[day.month - 1], month_no=day.month, week=day.isocalendar()[1],
        quarter=(day.month - 1) // 3 + 1, day=day.day, year=day.year, site=pick(rng, SITES))


def invoice_number(supplier: Supplier, year: int) -> str:
    """The supplier's own invoice number, in the style its billing system uses."""
    number = supplier.next_invoice
    supplier.next_invoice += 1
    style = supplier.invoice_style
    if style == 0:
        return str(number)
    if style == 1:
        return f"{number:09d}"
    if style == 2:
        return f"F{year}-{number % 100000:05d}"
    if style == 3:
        return f"{number}-{year % 100:02d}"
    return f"INV-{number}"


def write_ledger(args: argparse.Namespace, rng: random.Random, suppliers: list[Supplier]) -> dict:
    """Write the ledger in big chunks and return what the summary needs to know about it."""
    style = STYLES[args.style]
    dm, delim = style.decimal_mark, style.delimiter
    dates_iso = (args.dates or style.default_dates) == "iso"
    lines_total = args.lines
    days = working_days(args.year)

    def date_text(day: datetime.date) -> str:
        return day.isoformat() if dates_iso else day.strftime("%Y%m%d")

    broken_at: dict[int, tuple[str, str]] = {}
    if not args.clean and lines_total >= 50:
        slots = sorted(rng.sample(range(2, lines_total + 1), len(BROKEN_KINDS)))
        broken_at = dict(zip(slots, BROKEN_KINDS))

    active = [s for s in suppliers if s.weight > 0]
    cumulative, acc = [], 0.0
    for supplier in active:
        acc += supplier.weight
        cumulative.append(acc)
    for supplier in active:
        supplier.name_field = quote(supplier.name, delim)
        supplier.org_field = format_org(supplier.org_digits, supplier.org_form) if supplier.org_digits else ""

    account_fields = {code: (code, quote(text, delim)) for code, text in ACCOUNTS.items()}
    thousands, thousands_weights = style.thousands, style.thousands_weights
    lines_per_invoice = (1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4)

    with open(args.out_ledger, "wb") as out:
        if style.bom:
            out.write("\ufeff".encode("utf-8"))
        out.write((delim.join(quote(h, delim) for h in LEDGER_HEADER) + style.line_ending).encode(style.encoding))

        chunk: list[str] = []
        record = 0
        line = 1  # physical line of the last line written; the header is line 1
        voucher = 25_100_000
        total_ore = 0
        credit_lines = 0
        broken: list[dict] = []
        for day_index, booked in enumerate(days):
            target = round(lines_total * (day_index + 1) / len(days))
            booked_text = date_text(booked)
            while record < target:
                supplier = active[min(bisect_right(cumulative, rng.random() * acc), len(active) - 1)]
                voucher += 1
                invoiced = booked - datetime.timedelta(days=int(rng.random() * 25))
                invoice_fields = (str(voucher), quote(invoice_number(supplier, args.year), delim),
                                  date_text(invoiced), booked_text, supplier.number, supplier.name_field,
                                  supplier.org_field)
                credit = rng.random() < 0.03
                for _ in range(min(pick(rng, lines_per_invoice), target - record)):
                    record += 1
                    item = pick(rng, supplier.items)
                    text = fill_text(item, invoiced, rng)
                    span = math.log(item.hi / item.lo)
                    kronor = item.lo * math.exp(rng.random() * span)
                    if not item.whole:
                        ore = int(kronor * 100)
                    elif kronor >= 10000 and rng.random() < 0.5:
                        ore = int(kronor / 100) * 10000  # services are often priced in round hundreds
                    else:
                        ore = int(kronor) * 100
                    if credit:
                        ore = -ore
                    konto, konto_text = account_fields[item.account]
                    roll = rng.random()
                    if roll < 0.10:
                        konto = konto + pick(rng, "0123")
                    if roll < 0.05 or roll > 0.88:
                        konto_text = quote(f"{konto} {ACCOUNTS[item.account]}", delim)
                    cpv = ""
                    if item.cpv and rng.random() < 0.5:
                        cpv = item.cpv if rng.random() < 0.5 else item.cpv[:8]
                    separator = pick_weighted(rng, thousands, thousands_weights)
                    fields = [*invoice_fields, konto, konto_text, pick(rng, ANSVAR), pick(rng, VERKSAMHET),
                              pick(rng, PROJECTS) if rng.random() < 0.12 else "", cpv, quote(text, delim),
                              format_amount(ore, dm, separator),
                              format_amount(vat_of(ore, 0 if supplier.currency != "SEK" else item.vat), dm,
                                            separator),
                              supplier.currency]
                    kind = broken_at.get(record)
                    if kind is not None:
                        fields = break_record(fields, kind[0], delim)
                        broken.append({"record": record, "line": line + 1, "kind": kind[0], "reason": kind[1]})
                    else:
                        total_ore += ore
                        credit_lines += credit
                        supplier.valid_lines += 1
                    text_line = delim.join(fields)
                    line += 1 + text_line.count("\n") if "\n" in text else 1
                    chunk.append(text_line)
                    if len(chunk) >= 20000:
                        out.write((style.line_ending.join(chunk) + style.line_ending).encode(style.encoding))
                        chunk.clear()
        if chunk:
            out.write((style.line_ending.join(chunk) + style.line_ending).encode(style.encoding))
    return {"records": record, "physical_lines": line, "total_ore": total_ore, "credit_lines": credit_lines,
            "broken": broken, "dates": "iso" if dates_iso else "yyyymmdd"}


def break_record(fields: list[str], kind: str, delim: str) -> list[str]:
    """Damage one record the way real exports get damaged, for the reject tests."""
    fields = list(fields)
    if kind == "amount_not_a_number":
        fields[AMOUNT_COLUMN] = "n/a"
    elif kind == "too_few_fields":
        fields = fields[:9]
    elif kind == "amount_two_decimal_marks":
        fields[AMOUNT_COLUMN] = quote("12,3,4", delim)
    elif kind == "extra_field":
        fields[13] = fields[13].strip('"') + delim + " enl. avtal"
    elif kind == "amount_bad_grouping":
        fields[AMOUNT_COLUMN] = quote("1.23,4", delim)
    elif kind == "amount_with_words":
        fields[AMOUNT_COLUMN] = quote("ca 5 000,00", delim)
    return fields


# --------------------------------------------------------------------------------------------------
# The supplier list


def country_form(rng: random.Random, alpha2: str) -> str:
    """A country as a buyer's register writes it: Swedish name, alpha-2, alpha-3 or a variant."""
    forms = COUNTRY_FORMS[alpha2]
    return pick_weighted(rng, forms, COUNTRY_FORM_WEIGHTS[:len(forms)])


def assign_list_status(rng: random.Random, suppliers: list[Supplier]) -> None:
    """Leave a few invoicing suppliers out of the list and let a few match only by org number or name."""
    invoicing = [s for s in suppliers if s.valid_lines > 0 and s.name != MASKED_NAME]
    count = len(invoicing)
    absent = max(3, round(0.02 * count))
    by_org = max(3, round(0.012 * count))
    by_name = max(3, round(0.01 * count))
    chosen = rng.sample(invoicing, min(count, absent + by_org + by_name))
    for supplier in chosen[:absent]:
        supplier.list_status = "absent"
    with_org = [s for s in chosen[absent:] if s.org_digits]
    without = [s for s in chosen[absent:] if not s.org_digits]
    for supplier in with_org[:by_org]:
        supplier.list_status = "org"
    for supplier in without + with_org[by_org:]:
        supplier.list_status = "name"


def legal_form(name: str) -> str | None:
    """The Swedish legal form a generated name carries, if any."""
    if name.startswith("Stiftelsen"):
        return "Stiftelsen"
    return next((form for form in ("ek. för.", "Aktiebolag", "AB", "HB", "KB") if name.endswith(" " + form)), None)


def write_suppliers(args: argparse.Namespace, rng: random.Random, suppliers: list[Supplier]) -> dict:
    """Write the supplier list (UTF-8 with BOM, `;`, CRLF) and return the expected join outcome."""
    names = NameBook()
    for supplier in suppliers:
        names.used.add(NameBook.key(supplier.name))
    rows = []
    expected = {"id": [], "org_number": [], "name": [], "unmatched": []}
    for supplier in suppliers:
        status = supplier.list_status
        invoicing = supplier.valid_lines > 0
        if status == "absent":
            expected["unmatched"].append(supplier.number)
            continue
        number, name = supplier.number, supplier.name
        org = format_org(supplier.org_digits, pick_weighted(rng, ("hyphen", "plain", "prefixed"),
                                                            (0.6, 0.3, 0.1))) if supplier.org_digits else ""
        if status == "org":
            # Renamed since the ERP record was made; the list comes from the contract system without ERP ids.
            number, name = "", names.take(rng, supplier.archetype, supplier.country, legal_form(supplier.name))
        elif status == "name":
            # Typed by hand: no ids, and the name in capitals or with stray spaces.
            number, org = "", ""
            name = name.upper() if rng.random() < 0.5 else "  ".join(name.split(" ", 1)) + " "
        if invoicing:
            expected[{"id": "id", "org": "org_number", "name": "name"}[status]].append(supplier.number)
        land = country_form(rng, supplier.country)
        if supplier.country == "SE" and rng.random() < 0.05:
            land = ""
        made = country_form(rng, supplier.production) if supplier.production else ""
        cpv = ""
        if supplier.archetype.list_cpv and rng.random() < 0.5:
            cpv = supplier.archetype.list_cpv if rng.random() < 0.5 else supplier.archetype.list_cpv[:8]
        rows.append([number, name, org, land, made, cpv, supplier.archetype.list_category])
    rows.sort(key=lambda r: (" ".join(r[1].casefold().split()), r[0]))
    with open(args.out_suppliers, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(SUPPLIER_HEADER)
        writer.writerows(rows)
    return {"list_entries": len(rows), "expected": expected}


# --------------------------------------------------------------------------------------------------
# CPV check and command line


def catalogue_cpv_codes() -> list[str]:
    """Every CPV code this script can write, in a stable order."""
    codes = {item.cpv for arch in ARCHETYPES for item in arch.items if item.cpv}
    codes |= {arch.list_cpv for arch in ARCHETYPES if arch.list_cpv}
    return sorted(codes)


def check_cpv(path: str) -> int:
    """Verify every code against the CPV 2008 list (first column `03000000-1`); 0 if all exist."""
    with open(path, encoding="utf-8", newline="") as handle:
        known = {row[0] for row in csv.reader(handle) if row}
    missing = [code for code in catalogue_cpv_codes() if code not in known]
    for code in missing:
        print(f"error: CPV code {code} is not in {path}", file=sys.stderr)
    if not missing:
        print(f"all {len(catalogue_cpv_codes())} CPV codes exist in {path}")
    return 1 if missing else 0


def supplier_count(lines: int) -> int:
    """About 300 suppliers for 3,000 lines, growing with the square root, capped at 20,000."""
    return max(len(ARCHETYPES), min(20000, round(5.5 * math.sqrt(lines))))


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, help="data records to write (the header is not counted)")
    parser.add_argument("--out-ledger", help="where to write the ledger CSV")
    parser.add_argument("--out-suppliers", help="where to write the supplier list CSV")
    parser.add_argument("--out-summary", help="where to write the expected-summary JSON (optional)")
    parser.add_argument("--style", choices=sorted(STYLES), default="raindance",
                        help="file dialect (default raindance: Windows-1252, ';', CRLF, decimal comma)")
    parser.add_argument("--dates", choices=("iso", "yyyymmdd"),
                        help="date layout for the whole file (default: yyyymmdd for raindance, iso for opendata)")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    parser.add_argument("--suppliers", type=int, help="number of invoicing suppliers (default ~5.5*sqrt(lines))")
    parser.add_argument("--year", type=int, default=2025, help="booking year (default 2025)")
    parser.add_argument("--clean", action="store_true",
                        help="no deliberately broken records (benchmark mode)")
    parser.add_argument("--check-cpv", metavar="CPV_CSV",
                        help="only check that every CPV code used exists in this CPV 2008 list, then exit")
    args = parser.parse_args(argv)
    if args.check_cpv:
        return args
    missing = [name for name in ("lines", "out_ledger", "out_suppliers") if getattr(args, name) is None]
    if missing:
        parser.error("required: " + ", ".join("--" + name.replace("_", "-") for name in missing))
    if args.lines < 1:
        parser.error("--lines must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if args.check_cpv:
        return check_cpv(args.check_cpv)
    rng = random.Random(args.seed)
    active = args.suppliers or supplier_count(args.lines)
    suppliers = make_suppliers(rng, active, max(3, round(active * 0.04)))
    ledger = write_ledger(args, rng, suppliers)
    assign_list_status(rng, suppliers)
    listing = write_suppliers(args, rng, suppliers)
    style = STYLES[args.style]
    if args.out_summary:
        summary = {
            "generator": {"script": "scripts/generate_ledger.py", "seed": args.seed, "lines": args.lines,
                          "style": args.style, "clean": args.clean},
            "ledger": Path(args.out_ledger).name,
            "suppliers": Path(args.out_suppliers).name,
            "input": {"encoding": style.encoding, "bom": style.bom, "delimiter": style.delimiter,
                      "line_ending": style.line_ending, "decimal_mark": style.decimal_mark,
                      "dates": ledger["dates"]},
            "rows": ledger["records"],
            "rows_valid": ledger["records"] - len(ledger["broken"]),
            "rows_broken": len(ledger["broken"]),
            "physical_lines": ledger["physical_lines"],
            "broken": ledger["broken"],
            "amount_total": ore_to_text(ledger["total_ore"]),
            "credit_note_lines": ledger["credit_lines"],
            "supplier_join": {
                "note": "over suppliers with at least one valid ledger row; join order id, org number, "
                        "normalised name (case-folded, spaces collapsed)",
                "ledger_suppliers": sum(1 for s in suppliers if s.valid_lines > 0),
                "list_entries": listing["list_entries"],
                "matched_by_id": len(listing["expected"]["id"]),
                "matched_by_org_number": sorted(listing["expected"]["org_number"]),
                "matched_by_name": sorted(listing["expected"]["name"]),
                "unmatched": sorted(listing["expected"]["unmatched"]),
            },
        }
        with open(args.out_summary, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(summary, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
    print(f"wrote {ledger['records']} records ({len(ledger['broken'])} broken on purpose), "
          f"{ledger['physical_lines']} lines, total {ore_to_text(ledger['total_ore'])} SEK; "
          f"{listing['list_entries']} supplier list entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
