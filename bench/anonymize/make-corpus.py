#!/usr/bin/python3
"""Builds the anonymize bench corpus: DIR/small (many small US images) and DIR/large (US cine clips).

Usage: make-corpus.py DIR [SMALL_COUNT] [LARGE_COUNT]
Every file carries synthetic identity (patient, physicians, institution, dates, UIDs, Other Patient IDs),
Sequence of Ultrasound Regions, cine timing and a private block repeating the patient name, like
shared/design/peers.md section 4. Small: 128x96 RGB single frame (about 37 KB). Large: 640x480 RGB x 55
frames (about 50.7 MB), Explicit VR Little Endian.
"""
import os
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

US = "1.2.840.10008.5.1.4.1.1.6.1"
US_MF = "1.2.840.10008.5.1.4.1.1.3.1"


def instance(sop_class, rows, cols, frames, index, pixels):
    ds = Dataset()
    study = index // 25
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = f"1.2.826.0.1.3680043.2.1125.{study}.{index}.3"
    ds.StudyInstanceUID = f"1.2.826.0.1.3680043.2.1125.{study}.1"
    ds.SeriesInstanceUID = f"1.2.826.0.1.3680043.2.1125.{study}.2"
    ds.StudyDate = ds.ContentDate = "20230517"
    ds.StudyTime = ds.ContentTime = "101530"
    ds.AccessionNumber = f"ACC{study:05d}"
    ds.Modality = "US"
    ds.Manufacturer = "GE Healthcare"
    ds.ManufacturerModelName = "Voluson E10"
    ds.InstitutionName = "Bench General Hospital"
    ds.InstitutionAddress = "1 Bench Road, Uppsala"
    ds.ReferringPhysicianName = "Referrer^Rita"
    ds.StationName = "BENCHSTATION"
    ds.StudyDescription = "OB second trimester"
    ds.OperatorsName = "Operator^Olle"
    ds.PatientName = f"Benchpatient{study}^Jane"
    ds.PatientID = f"PID{study:06d}"
    ds.PatientBirthDate = "19930412"
    ds.PatientSex = "F"
    ds.OtherPatientIDs = f"OPID{study:06d}"
    ds.PatientAddress = "12 Bench Street"
    ds.PatientTelephoneNumbers = "+46555000"
    ds.DeviceSerialNumber = "SN-BENCH-99"
    ds.StudyID = f"S{study}"
    ds.SeriesNumber = "1"
    ds.InstanceNumber = str(index)
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = "RGB"
    ds.PlanarConfiguration = 0
    if frames > 1:
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
    region.RegionLocationMinX0, region.RegionLocationMinY0 = 0, 0
    region.RegionLocationMaxX1, region.RegionLocationMaxY1 = cols - 1, rows - 1
    region.PhysicalUnitsXDirection = region.PhysicalUnitsYDirection = 3
    region.PhysicalDeltaX = region.PhysicalDeltaY = 0.0125
    ds.SequenceOfUltrasoundRegions = Sequence([region])
    block = ds.private_block(0x0009, "BENCH_PRIVATE", create=True)
    block.add_new(0x01, "LO", str(ds.PatientName))
    block.add_new(0x02, "LO", "private payload")
    ds.PixelData = pixels
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = sop_class
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def main():
    root = sys.argv[1]
    small, large = (int(sys.argv[2]) if len(sys.argv) > 2 else 1000), (int(sys.argv[3]) if len(sys.argv) > 3 else 20)
    rng = np.random.default_rng(7)
    for name, count, sop, rows, cols, frames in (("small", small, US, 96, 128, 1), ("large", large, US_MF, 480, 640, 55)):
        folder = os.path.join(root, name)
        os.makedirs(folder, exist_ok=True)
        pixels = rng.integers(0, 255, rows * cols * 3 * frames, dtype=np.uint8).tobytes()
        for i in range(count):
            instance(sop, rows, cols, frames, i, pixels).save_as(os.path.join(folder, f"{i:05d}.dcm"), write_like_original=False)


if __name__ == "__main__":
    main()
