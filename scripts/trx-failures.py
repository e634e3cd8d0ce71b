#!/usr/bin/env python3
"""Prints each failed test in the .trx files of a directory: its name and the first lines of its message.

scripts/test.sh calls it so that the end of a CI log, which is often all that is kept, names what failed.
"""
import glob
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for path in sorted(glob.glob(f"{sys.argv[1]}/*.trx")):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "Failed":
            continue
        print(f"FAILED {result.get('testName')}")
        message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
        trace = result.find("t:Output/t:ErrorInfo/t:StackTrace", NS)
        for element, limit in ((message, 8), (trace, 6)):
            if element is not None and element.text:
                for line in element.text.strip().splitlines()[:limit]:
                    print(f"    {line}")
