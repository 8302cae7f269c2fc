#!/usr/bin/python3
"""The peer's blank step: pydicom + numpy set every pixel outside the Sequence of Ultrasound Regions to black.

Usage: blank.py IN.dcm OUT.dcm
Native data only (the peer decodes JPEG with dcmdjpeg first and re-encodes with dcmcjpeg after). Keeps the
union of the regions' rectangles, blanks the rest of every frame (RGB 0,0,0; YBR_FULL 0,128,128), in either
planar configuration. The whole Pixel Data is held in memory, as pydicom does.
"""
import sys

import numpy as np
import pydicom


def main():
    ds = pydicom.dcmread(sys.argv[1])
    rows, cols, spp = ds.Rows, ds.Columns, ds.SamplesPerPixel
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    planar = spp > 1 and getattr(ds, "PlanarConfiguration", 0) == 1
    shape = (frames, spp, rows, cols) if planar else (frames, rows, cols, spp)
    pixels = np.frombuffer(ds.PixelData, np.uint8, count=frames * rows * cols * spp).reshape(shape).copy()
    keep = np.zeros((rows, cols), bool)
    for region in ds.SequenceOfUltrasoundRegions:
        keep[region.RegionLocationMinY0:region.RegionLocationMaxY1 + 1,
             region.RegionLocationMinX0:region.RegionLocationMaxX1 + 1] = True
    black = [0, 128, 128] if ds.PhotometricInterpretation.startswith("YBR") else [0] * spp
    for sample, value in enumerate(black):
        if planar:
            pixels[:, sample][:, ~keep] = value
        else:
            pixels[..., sample][:, ~keep] = value
    ds.PixelData = pixels.tobytes()
    ds.BurnedInAnnotation = "NO"
    ds.save_as(sys.argv[2])


if __name__ == "__main__":
    main()
