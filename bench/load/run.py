#!/usr/bin/python3
"""Whole-process load benchmark of the share pipeline.

Starts the real `uplink run` (Anon-LPU-O, ViewPoint input, folder output) on loopback in a temp folder,
posts SHARES shares of IMAGES images each concurrently over the ViewPoint API like ViewPoint does, polls
every share until it completes, and reports shares/s, images/s, p50/p99 share completion time and the
host's peak resident memory. For scale it also times `cp` of the same source files (the floor of any
pipeline that reads and writes every byte once) and reports the ratio.

Usage: /usr/bin/python3 bench/load/run.py [--shares 50] [--images 10] [--frames 10] [--no-build]
Needs: the .NET SDK, python3 with pydicom (to write the source images).
"""
import argparse, concurrent.futures, json, os, pathlib, secrets, shutil, statistics, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.request

import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

REPO = pathlib.Path(__file__).resolve().parents[2]
HOST = REPO / "artifacts" / "bin" / "Uplink.Host" / "release"


def write_image(path, study, series, number, frames):
    meta = FileMetaDataset()
    sop_class = "1.2.840.10008.5.1.4.1.1.3.1" if frames > 1 else "1.2.840.10008.5.1.4.1.1.6.1"
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(str(path), {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
    ds.PatientName, ds.PatientID, ds.PatientBirthDate, ds.PatientSex = "LOAD^PATIENT", f"LOAD-{number}", "19800101", "F"
    ds.Modality, ds.Manufacturer, ds.StudyDate, ds.StudyTime = "US", "GE Healthcare", "20261125", "101500"
    ds.InstitutionName, ds.AccessionNumber, ds.ReferringPhysicianName = "Load Clinic", "ACC1", "REF^DOC"
    ds.SeriesNumber, ds.InstanceNumber, ds.ImageType = 1, number, ["ORIGINAL", "PRIMARY"]
    ds.Rows, ds.Columns, ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 240, 320, 8, 8, 7, 0
    if frames > 1:
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.NumberOfFrames, ds.FrameTime, ds.FrameIncrementPointer = frames, 33.3, (0x0018, 0x1063)
        pixels = os.urandom(frames * 240 * 320)
    else:
        ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, "RGB", 0
        pixels = os.urandom(240 * 320 * 3)
    ds.PixelData = pixels
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(str(path), write_like_original=False)


def request(method, url, key, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"null")


def peak_rss(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shares", type=int, default=50)
    ap.add_argument("--images", type=int, default=10)
    ap.add_argument("--frames", type=int, default=10, help="frames in each clip (every fifth image is a clip)")
    ap.add_argument("--port", type=int, default=18640)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()

    if not a.no_build:
        subprocess.run(["dotnet", "build", str(REPO / "src/Uplink.Host/Uplink.Host.csproj"), "-c", "Release", "-v", "q", "-nologo"], check=True)
    root = pathlib.Path(tempfile.mkdtemp(prefix="uplink-load-"))
    store, out, data, config = root / "store", root / "output", root / "data", root / "uplink.json"
    store.mkdir(); out.mkdir()
    uplink = ["dotnet", str(HOST / "uplink.dll")]
    key = secrets.token_urlsafe(32)  # the key ViewPoint would be given; setup seals it
    subprocess.run(uplink + ["setup", "--expert-code", "Anon-LPU-O", "--config", str(config), "--data", str(data),
                             "--setting", f"Uplink.Input.ViewPoint:ImageRoot={store}"],
                   check=True, stdout=subprocess.DEVNULL, env={**os.environ, "UPLINK_VIEWPOINT_API_KEY": key})
    cfg = json.loads(config.read_text())
    u = cfg["Uplink"]
    u["Outputs"] = ["Uplink.Output.Folder"]
    u["Plugins"]["Uplink.Input.ViewPoint"].update({"Listen": f"http://127.0.0.1:{a.port}", "ImageRoot": str(store), "PathTemplate": "{imageId}.dcm"})
    u["Plugins"]["Uplink.Output.Folder"] = {"Root": str(out)}
    config.write_text(json.dumps(cfg, indent=2))

    print(f"writing {a.shares} x {a.images} images into {store} ...", flush=True)
    shares = []
    for s in range(a.shares):
        study, series = generate_uid(), generate_uid()
        ids = []
        for i in range(a.images):
            image_id = f"S{s:03d}-{i:03d}"
            write_image(store / f"{image_id}.dcm", study, series, s * 1000 + i, a.frames if i % 5 == 4 else 1)
            ids.append(image_id)
        shares.append(ids)
    source_bytes = sum(f.stat().st_size for f in store.iterdir())

    copy_dir = root / "cp-copy"
    t = time.perf_counter(); subprocess.run(["cp", "-r", str(store), str(copy_dir)], check=True); subprocess.run(["sync"]); cp_seconds = time.perf_counter() - t
    shutil.rmtree(copy_dir)

    log = open(root / "host.log", "w")
    host = subprocess.Popen(uplink + ["run", "--config", str(config)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{a.port}"
    started = time.perf_counter()
    while True:
        try:
            if request("GET", base + "/api/v1/openapi.json", key)[0] == 200:
                break
        except OSError:
            pass
        if time.perf_counter() - started > 60:
            host.kill(); sys.exit("the host did not start; see " + str(root / "host.log"))
        time.sleep(0.05)
    ready = time.perf_counter() - started

    done, lock = {}, threading.Lock()

    def run_share(index):
        t0 = time.perf_counter()
        status, body = request("POST", base + "/api/v1/shares", key, {
            "requestId": f"load-{index}", "examId": f"exam-{index}", "imageIds": shares[index],
            "recipient": {"email": f"patient{index}@example.org", "phone": "+46700000000"}})
        if status != 202:
            raise RuntimeError(f"share {index}: {status} {body}")
        accepted = time.perf_counter() - t0
        while True:
            status, body = request("GET", f"{base}/api/v1/shares/{body['shareId']}", key)
            if body["status"] in ("completed", "failed"):
                with lock:
                    done[index] = (time.perf_counter() - t0, accepted, body["status"])
                return
            time.sleep(0.05)

    # Warm-up: one share through the whole path, so the timed run measures a host in service, not JIT.
    write_image(store / "WARMUP-1.dcm", generate_uid(), generate_uid(), 999999, 1)
    status, body = request("POST", base + "/api/v1/shares", key, {"requestId": "warmup", "examId": "warmup", "imageIds": ["WARMUP-1"], "recipient": {"email": "w@example.org"}})
    while request("GET", f"{base}/api/v1/shares/{body['shareId']}", key)[1]["status"] not in ("completed", "failed"):
        time.sleep(0.05)

    t_start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.shares) as pool:
        list(pool.map(run_share, range(a.shares)))
    wall = time.perf_counter() - t_start
    peak = peak_rss(host.pid)
    host.terminate(); host.wait(30)

    durations = sorted(d[0] for d in done.values())
    accepts = sorted(d[1] for d in done.values())
    p = lambda xs, q: xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
    failed = [i for i, d in done.items() if d[2] != "completed"]
    outputs = sum(1 for f in out.rglob("*.dcm") if not f.name.startswith(".")) - 1
    images = a.shares * a.images
    result = {
        "shares": a.shares, "images_per_share": a.images, "source_MB": round(source_bytes / 1e6, 1),
        "ready_s": round(ready, 2), "wall_s": round(wall, 2),
        "shares_per_s": round(a.shares / wall, 2), "images_per_s": round(images / wall, 1), "MB_per_s": round(source_bytes / 1e6 / wall, 1),
        "p50_completion_s": round(p(durations, 0.5), 2), "p99_completion_s": round(p(durations, 0.99), 2),
        "p50_accept_ms": round(p(accepts, 0.5) * 1000, 1), "p99_accept_ms": round(p(accepts, 0.99) * 1000, 1),
        "peak_rss_MB": round(peak / 1e6, 1) if peak else None, "load_average": os.getloadavg()[0], "cp_s": round(cp_seconds, 2), "ratio_vs_cp": round(wall / cp_seconds, 1),
        "failed_shares": len(failed), "output_files": outputs, "expected_files": images,
    }
    print(json.dumps(result, indent=2))
    results = REPO / "bench" / "results"; results.mkdir(parents=True, exist_ok=True)
    (results / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(json.dumps(result, indent=2))
    if not a.keep:
        shutil.rmtree(root, ignore_errors=True)
    else:
        print("kept", root)
    return 0 if not failed and outputs == images else 1


if __name__ == "__main__":
    sys.exit(main())
