"""Parse the bundled example article and print what was found.

    python examples/quickstart.py [PATH]
"""

import sys
from pathlib import Path

from xinhua_extract import parse_article

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("jiangsu_q1_economy.txt")
article = parse_article(path.read_text(encoding="utf-8"), id=path.stem)

print(f"{article.title}  [{article.shape}, published {article.published}]")
if article.dateline:
    print(f"dateline: {article.dateline.agency} / {article.dateline.place} / {article.dateline.date}")
for fact in article.facts:
    extra = getattr(fact, "currency", None) or getattr(fact, "unit", None) or getattr(fact, "counter", None) or ""
    print(f"  {fact.type:<10} {fact.text:<22} -> {fact.value} {extra}")
for place in article.places:
    print(f"  place      {place.text:<22} -> {place.code or place.members} {place.name_zh or ''}")
for warning in article.warnings:
    print(f"  warning    {warning.code}: {warning.message}")
