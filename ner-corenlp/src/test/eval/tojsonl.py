#!/usr/bin/env python3
"""Turns hard-cases.txt (inline markup) into ../resources/eval/hard-cases.jsonl.

Markup: [[text|N]] name, [[text|L]] location, [[text|O]] organization, {{text}} a clinical
phrase that must stay. Offsets are UTF-16 code units, as Java strings count them.
Run: python3 ner-corenlp/src/test/eval/tojsonl.py
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "hard-cases.txt")
TARGET = os.path.join(HERE, "..", "resources", "eval", "hard-cases.jsonl")
TYPES = {"N": "NAME", "L": "LOCATION", "O": "ORGANIZATION"}
MARK = re.compile(r"\[\[([^|\]]+)\|([NLO])\]\]|\{\{([^}]+)\}\}")


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def convert(line, number):
    text, spans, keep, position = "", [], [], 0
    for match in MARK.finditer(line):
        text += line[position:match.start()]
        start = utf16_len(text)
        if match.group(1) is not None:
            text += match.group(1)
            spans.append({"start": start, "end": utf16_len(text), "type": TYPES[match.group(2)]})
        else:
            text += match.group(3)
            keep.append({"start": start, "end": utf16_len(text)})
        position = match.end()
    text += line[position:]
    if "[[" in text or "{{" in text or "]]" in text or "}}" in text:
        raise SystemExit(f"line {number}: broken markup")
    return {"id": f"hard-{number:03d}", "text": text, "spans": spans, "keep": keep}


def main():
    notes, number = [], 0
    with open(SOURCE, encoding="utf-8") as source:
        for line in source:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            number += 1
            notes.append(convert(line, number))
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    with open(TARGET, "w", encoding="utf-8") as target:
        for note in notes:
            target.write(json.dumps(note, ensure_ascii=False) + "\n")
    print(f"{len(notes)} notes, {sum(len(n['spans']) for n in notes)} spans, "
          f"{sum(len(n['keep']) for n in notes)} keep phrases -> {os.path.normpath(TARGET)}")


if __name__ == "__main__":
    main()
