#!/usr/bin/python3
"""Biopython's Entrez parser on a PubMed XML file, measured like ldn-bench-reader.

It prints the same one-line key=value figures, so bench/run_reader.sh can set them side by side.

It uses Entrez.read, as a Biopython user must for PubMed XML: Entrez.parse, the streaming generator,
refuses a PubmedArticleSet ("The XML file does not represent a list") because NLM's DTD lets a
DeleteCitation follow the articles, and the maintainers' answer is to use Entrez.read
(biopython/biopython#1027). Entrez.read builds Python objects for the whole file at once, so its peak
memory grows with the file. Run it with Debian's python3 (python3-biopython); the DTD named in the file
must be one Biopython ships, or it tries the network.
"""

import argparse
import os
import resource
import sys
import time

from Bio import Entrez


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="plain PubmedArticleSet XML file")
    args = parser.parse_args()

    records = 0
    checksum = 0  # derived from the fields read, as ldn-bench-reader does
    start = time.perf_counter()
    with open(args.file, "rb") as handle:
        result = Entrez.read(handle)
    for record in result["PubmedArticle"]:
        citation = record["MedlineCitation"]
        article = citation["Article"]
        records += 1
        checksum += len(citation["PMID"]) + len(article["ArticleTitle"])
        checksum += sum(len(text) for text in article.get("Abstract", {}).get("AbstractText", []))
    seconds = time.perf_counter() - start

    size = os.path.getsize(args.file)
    peak_rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(
        f"mode=biopython bytes={size} records={records} seconds={seconds:.3f} "
        f"mb_per_s={size / seconds / 1e6:.1f} records_per_s={records / seconds:.0f} "
        f"peak_rss_kb={peak_rss_kb} issues=0 checksum={checksum}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
