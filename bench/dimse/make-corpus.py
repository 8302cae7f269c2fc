#!/usr/bin/python3
"""Builds the DIMSE benchmark sets: SMALL copies of a small corpus US image and LARGE native clips, unique UIDs."""
import os, sys
import pydicom
from pydicom.uid import generate_uid, ExplicitVRLittleEndian

corpus, out, small, large, large_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
os.makedirs(f"{out}/small", exist_ok=True)
os.makedirs(f"{out}/large", exist_ok=True)
base = pydicom.dcmread(f"{corpus}/us/atl_jpeg_baseline.dcm")
for i in range(small):
    uid = generate_uid()
    base.SOPInstanceUID = uid
    base.file_meta.MediaStorageSOPInstanceUID = uid
    base.save_as(f"{out}/small/{i:05d}.dcm", write_like_original=False)

frames = max(1, large_mb * 1024 * 1024 // (1024 * 1024))
clip = pydicom.dcmread(f"{corpus}/us/atl_ybr_full_exvrle.dcm")
clip.SOPClassUID = "1.2.840.10008.5.1.4.1.1.3.1"
clip.file_meta.MediaStorageSOPClassUID = clip.SOPClassUID
clip.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
clip.Rows, clip.Columns, clip.NumberOfFrames = 1024, 1024, frames
clip.SamplesPerPixel, clip.PhotometricInterpretation, clip.BitsAllocated, clip.BitsStored, clip.HighBit = 1, "MONOCHROME2", 8, 8, 7
for tag in ("PlanarConfiguration",):
    if tag in clip:
        delattr(clip, tag)
pixels = (bytes(range(251)) * (frames * 1024 * 1024 // 251 + 1))[: frames * 1024 * 1024]
clip.PixelData = pixels
for i in range(large):
    uid = generate_uid()
    clip.SOPInstanceUID = uid
    clip.file_meta.MediaStorageSOPInstanceUID = uid
    clip.save_as(f"{out}/large/{i:03d}.dcm", write_like_original=False)
