#!/usr/bin/env python3
"""Turns a generated NDJSON file and its gold file into an NER evaluation set (JSON Lines).

Usage: python3 src/test/eval/gold-to-eval.py DATA.ndjson DATA.gold.jsonl OUT.jsonl [MAX_TEXTS]

Each output line is one free text of an observation that holds at least one NAME:
{"id", "text", "spans": [{"start", "end", "type"}], "keep": [{"start", "end"}]}, the format
ner-corenlp's evaluation reads (see ner-corenlp/README.md).
"""
import json
import sys
from collections import defaultdict


def utf16_slice(text, start, end):
    """The gold offsets count UTF-16 code units, as Java strings do."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


def main(data_path, gold_path, out_path, max_texts=300):
    gold = defaultdict(list)
    with open(gold_path, encoding="utf-8") as lines:
        for line in lines:
            g = json.loads(line)
            gold[(g["observation_id"], g["field"])].append(g)
    written = 0
    with open(data_path, encoding="utf-8") as data, open(out_path, "w", encoding="utf-8") as out:
        for line in data:
            patient = json.loads(line)
            for encounter in patient.get("encounters") or []:
                for observation in encounter.get("observations") or []:
                    for field in ("notes", "interpretation", "value_string"):
                        labels = gold.get((observation.get("observation_id"), field))
                        text = observation.get(field)
                        if not labels or not isinstance(text, str):
                            continue
                        if not any(g["type"] == "NAME" for g in labels):
                            continue
                        for g in labels:
                            assert utf16_slice(text, g["start"], g["end"]) == g["text"], g
                        note = {
                            "id": "%s/%s" % (observation["observation_id"], field),
                            "text": text,
                            "spans": [{"start": g["start"], "end": g["end"], "type": g["type"]}
                                      for g in labels if g["type"] != "KEEP"],
                            "keep": [{"start": g["start"], "end": g["end"]}
                                     for g in labels if g["type"] == "KEEP"],
                        }
                        out.write(json.dumps(note, ensure_ascii=False) + "\n")
                        written += 1
                        if written == max_texts:
                            return written
    return written


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    count = main(*sys.argv[1:4], *(int(a) for a in sys.argv[4:]))
    print("wrote %d texts" % count)
