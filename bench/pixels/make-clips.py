#!/usr/bin/python3
"""Writes one native ultrasound clip for the pixel-cleaning bench.

Usage: make-clips.py OUT.dcm COLUMNS ROWS FRAMES MASK [INDEX]
MASK is `banner` (one region: every row from 64 down, so only a 64-row top banner is blanked) or `sides`
(one region: x 40..COLUMNS-41, y 64..ROWS-1, so the left and right margins are blanked in every row of
8x8/16x16 blocks as well as the banner). US Multi-frame, RGB, 8 bits, Explicit VR Little Endian, with a
Sequence of Ultrasound Regions and synthetic identity. The frames look like a B-mode clip (a speckled fan on
black that moves from frame to frame, grey-level text blocks in the banner) so that JPEG Baseline sizes are
realistic; random noise would make every block expensive. Frames are written one at a time, so a clip of any
size needs one frame of memory.
"""
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

US_MF = "1.2.840.10008.5.1.4.1.1.3.1"
BANNER = 64


def dataset(cols, rows, frames, mask, index):
    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.SOPClassUID = US_MF
    ds.SOPInstanceUID = f"1.2.826.0.1.3680043.2.1125.9.{cols}.{rows}.{frames}.{index}"
    ds.StudyInstanceUID = "1.2.826.0.1.3680043.2.1125.9.1"
    ds.SeriesInstanceUID = "1.2.826.0.1.3680043.2.1125.9.2"
    ds.StudyDate = ds.ContentDate = "20230517"
    ds.StudyTime = ds.ContentTime = "101530"
    ds.AccessionNumber = "ACC00009"
    ds.Modality = "US"
    ds.Manufacturer = "GE Healthcare"
    ds.ManufacturerModelName = "Voluson E10"
    ds.InstitutionName = "Bench General Hospital"
    ds.ReferringPhysicianName = "Referrer^Rita"
    ds.OperatorsName = "Operator^Olle"
    ds.PatientName = "Benchpatient^Jane"
    ds.PatientID = "PID000009"
    ds.PatientBirthDate = "19930412"
    ds.PatientSex = "F"
    ds.StudyID = "S9"
    ds.SeriesNumber = "1"
    ds.InstanceNumber = str(index + 1)
    ds.BurnedInAnnotation = "YES"
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    ds.NumberOfFrames = str(frames)
    ds.FrameIncrementPointer = 0x00181063
    ds.FrameTime = "33.3"
    ds.CineRate = "30"
    ds.Rows, ds.Columns = rows, cols
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.LossyImageCompression = "00"
    region = Dataset()
    region.RegionSpatialFormat = 1
    region.RegionDataType = 1
    region.RegionFlags = 0
    x0, x1 = (0, cols - 1) if mask == "banner" else (40, cols - 41)
    region.RegionLocationMinX0, region.RegionLocationMinY0 = x0, BANNER
    region.RegionLocationMaxX1, region.RegionLocationMaxY1 = x1, rows - 1
    region.PhysicalUnitsXDirection = region.PhysicalUnitsYDirection = 3
    region.PhysicalDeltaX = region.PhysicalDeltaY = 0.0125
    ds.SequenceOfUltrasoundRegions = Sequence([region])
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = US_MF
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def frames_of(cols, rows, frames, seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:rows, 0:cols].astype(np.float32)
    # A sector (fan) from the top centre, as a curvilinear probe draws it.
    angle = np.arctan2(x - cols / 2, y - BANNER + 20)
    depth = np.hypot(x - cols / 2, y - BANNER + 20)
    fan = (np.abs(angle) < 0.6) & (depth < rows * 0.95) & (y >= BANNER)
    # Speckle grains of about 4 pixels (drawn at a quarter of the size, then smoothed), as B-mode shows them.
    grains = rng.gamma(2.0, 30.0, size=((rows + frames * 2) // 4 + 2, cols // 4 + 2)).astype(np.float32)
    speckle = np.repeat(np.repeat(grains, 4, axis=0), 4, axis=1)[:rows + frames * 2, :cols]
    for axis in (0, 1):
        speckle = (speckle + np.roll(speckle, 1, axis) + np.roll(speckle, 2, axis) + np.roll(speckle, 3, axis)) / 4
    banner = np.zeros((BANNER, cols), np.uint8)
    for i, left in enumerate(range(16, cols - 40, 22)):  # grey-level "glyphs": the banner text
        if i % 5 != 4:
            banner[18:34, left:left + 14] = 200 + (i * 7) % 55
            banner[40:52, left:left + 10] = 180
    for f in range(frames):
        tissue = speckle[2 * f:2 * f + rows] * (1.2 - depth / (rows * 1.4))
        grey = np.where(fan, np.clip(tissue, 0, 255), 0).astype(np.uint8)
        grey[:BANNER] = banner
        yield np.repeat(grey[:, :, None], 3, axis=2)


def main():
    out, cols, rows, frames, mask = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    index = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    ds = dataset(cols, rows, frames, mask, index)
    frame_bytes = cols * rows * 3
    with open(out, "wb") as fp:
        # pydicom writes the header; Pixel Data is appended frame by frame so memory stays one frame.
        ds.save_as(fp, write_like_original=False)
        total = frame_bytes * frames
        fp.write(b"\xe0\x7f\x10\x00OB\0\0" + total.to_bytes(4, "little"))
        for frame in frames_of(cols, rows, frames, 9 + index):
            fp.write(frame.tobytes())
    pydicom.dcmread(out, stop_before_pixels=True)  # fails loudly if the header is not readable


if __name__ == "__main__":
    main()
