#!/usr/bin/python3
"""The pydicom peer for the anonymize bench: the same strict work on every file, one process per worker.

Usage: pydicom-anon.py SRC OUT [-j N]
Per file: dcmread, remove private tags, replace PatientName/ID/Sex/ReferringPhysicianName, birth date to the
decade, other dates to the year, times to 000000.00, remove the identifying attributes of the bench set at
every depth, remap UIDs with HMAC-SHA-256 under a fixed key (2.25.), stamp PatientIdentityRemoved, save.
Pixel data passes through untouched. No verification pass (Uplink re-reads and scans every output).
"""
import hashlib
import hmac
import os
import sys
from concurrent.futures import ProcessPoolExecutor

import pydicom

KEY = bytes(range(32))
REMOVE = [0x00080080, 0x00080081, 0x00080092, 0x00080094, 0x00081010, 0x00081040, 0x00081048, 0x00081050,
          0x00081060, 0x00081070, 0x00101000, 0x00101001, 0x00101002, 0x00101010, 0x00101020, 0x00101030,
          0x00101040, 0x00101060, 0x00102154, 0x00102160, 0x001021B0, 0x00104000, 0x00181000, 0x00321032,
          0x0040A123, 0x00081030, 0x0008103E, 0x00200010]
REPLACE = {0x00100010: "ANONYMOUS", 0x00100020: "000000", 0x00100040: "O", 0x00080090: "ANONYMOUS", 0x00080050: ""}
UIDS = {0x0020000D, 0x0020000E, 0x00080018, 0x00200052, 0x00081155}


def remap(uid):
    return "2.25." + str(int.from_bytes(hmac.new(KEY, uid.encode(), hashlib.sha256).digest()[:16], "big"))


def clean(ds, elem):
    tag = int(elem.tag)
    if tag in REPLACE:
        elem.value = REPLACE[tag]
    elif tag == 0x00100030 and elem.value:
        elem.value = str(elem.value)[:3] + "00101"
    elif elem.VR in ("DA", "DT") and elem.value:
        elem.value = str(elem.value)[:4] + "0101"
    elif elem.VR == "TM" and elem.value:
        elem.value = "000000.00"
    elif tag in UIDS and elem.value:
        elem.value = remap(str(elem.value))


def one(paths):
    src, out = paths
    ds = pydicom.dcmread(src)
    ds.remove_private_tags()
    for tag in REMOVE:
        for dataset in [ds]:
            if tag in dataset:
                del dataset[tag]
    ds.walk(clean)
    ds.PatientIdentityRemoved = "YES"
    ds.DeidentificationMethod = "pydicom bench"
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    os.makedirs(os.path.dirname(out), exist_ok=True)
    ds.save_as(out)


def main():
    src, out = sys.argv[1], sys.argv[2]
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "-j" else 1
    pairs = [(os.path.join(d, f), os.path.join(out, os.path.relpath(os.path.join(d, f), src)))
             for d, _, files in os.walk(src) for f in sorted(files)]
    if jobs == 1:
        for pair in pairs:
            one(pair)
    else:
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(one, pairs, chunksize=16))


if __name__ == "__main__":
    main()
