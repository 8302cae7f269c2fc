using System.Text;
using Uplink.Dicom;

namespace Uplink.Plugins.Tests.Profiles.Support;

/// <summary>
/// Builds DICOM instances with planted identity everywhere it hides in practice: standard attributes, Other
/// Patient IDs, nested sequences, private blocks (including GE Kretz 6301), UN elements, overlays, icons,
/// Original Attributes, signatures, SR text, and non-Latin names. Every planted value contains "lant"
/// (or is a planted UID or date), so that a test can list them from the source itself.
/// </summary>
internal static class PlantedPhi
{
    public const string UltrasoundMultiFrameClass = "1.2.840.10008.5.1.4.1.1.3.1";
    public const string SecondaryCaptureClass = "1.2.840.10008.5.1.4.1.1.7";
    public const string ComprehensiveSrClass = "1.2.840.10008.5.1.4.1.1.88.33";
    public const string EncapsulatedPdfClass = "1.2.840.10008.5.1.4.1.1.104.1";
    public const string StudyUid = "1.2.826.0.1.3680043.2.1125.7001";
    public const string SeriesUid = "1.2.826.0.1.3680043.2.1125.7002";
    public const string InstanceUid = "1.2.826.0.1.3680043.2.1125.7003";
    public const string FrameOfReferenceUid = "1.2.826.0.1.3680043.2.1125.7004";
    public const string ReferencedUid = "1.2.826.0.1.3680043.2.1125.7010";
    public const string BirthDate = "19930412";
    public const string StudyDate = "20230517";

    /// <summary>The names used per character set.</summary>
    public static readonly IReadOnlyDictionary<string, string> NamesByCharacterSet = new Dictionary<string, string>
    {
        ["ISO_IR 100"] = "Plantdoe^Jane",
        ["ISO_IR 192"] = "Plantmüller^Jürgen=Плантов^Иван",
        ["\\ISO 2022 IR 87"] = "Yamadaplant^Tarou=山田^太郎=やまだ^たろう",
    };

    /// <summary>A US multi-frame image (3 frames, 8x8 RGB) with regions, cine timing and planted identity.</summary>
    public static DicomFile UltrasoundMultiFrame(string characterSet = "ISO_IR 100", string? burnedIn = "YES")
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, characterSet);
        AddPatientAndStudy(ds, NamesByCharacterSet[characterSet], UltrasoundMultiFrameClass, "US");
        AddImage(ds, frames: 3, burnedIn);
        Text(ds, DicomTags.FrameTime, DicomVR.DS, "33.3");
        Text(ds, DicomTags.CineRate, DicomVR.IS, "30");
        Text(ds, DicomTags.RecommendedDisplayFrameRate, DicomVR.IS, "30");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.FrameIncrementPointer, DicomVR.AT, new byte[] { 0x18, 0x00, 0x63, 0x10 }));
        var region = new DicomDataset();
        Text(region, DicomTags.RegionSpatialFormat, DicomVR.US, "1");
        Text(region, DicomTags.RegionDataType, DicomVR.US, "1");
        Text(region, DicomTags.RegionFlags, DicomVR.UL, "2");
        Text(region, DicomTags.RegionLocationMinX0, DicomVR.UL, "0");
        Text(region, DicomTags.RegionLocationMinY0, DicomVR.UL, BannerRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text(region, DicomTags.RegionLocationMaxX1, DicomVR.UL, "7");
        Text(region, DicomTags.RegionLocationMaxY1, DicomVR.UL, "7");
        Text(region, DicomTags.PhysicalUnitsXDirection, DicomVR.US, "3");
        Text(region, DicomTags.PhysicalUnitsYDirection, DicomVR.US, "3");
        Text(region, DicomTags.PhysicalDeltaX, DicomVR.FD, "0.0125");
        Text(region, DicomTags.PhysicalDeltaY, DicomVR.FD, "0.0125");
        Text(region, DicomTags.ReferencePixelX0, DicomVR.SL, "4");
        ds.AddOrUpdate(new DicomSequence(DicomTags.SequenceOfUltrasoundRegions, [region]));
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    /// <summary>A Secondary Capture image.</summary>
    public static DicomFile SecondaryCapture(string? burnedIn)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        AddPatientAndStudy(ds, NamesByCharacterSet["ISO_IR 100"], SecondaryCaptureClass, "OT");
        Text(ds, DicomTags.ConversionType, DicomVR.CS, "WSD");
        AddImage(ds, frames: 1, burnedIn);
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    /// <summary>A Comprehensive SR with a measurement (NUM), a code, free text, a person name and a date.</summary>
    public static DicomFile ComprehensiveSr()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        AddPatientAndStudy(ds, NamesByCharacterSet["ISO_IR 192"], ComprehensiveSrClass, "SR");
        Text(ds, DicomTags.ValueType, DicomVR.CS, "CONTAINER");
        Text(ds, DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE");
        Text(ds, DicomTags.VerificationFlag, DicomVR.CS, "VERIFIED");
        Text(ds, DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        var observer = new DicomDataset();
        Text(observer, DicomTags.VerifyingObserverName, DicomVR.PN, "Verifierplant^Vera");
        Text(observer, DicomTags.VerificationDateTime, DicomVR.DT, "20230518120000");
        ds.AddOrUpdate(new DicomSequence(DicomTags.VerifyingObserverSequence, [observer]));
        ds.AddOrUpdate(new DicomSequence(DicomTags.ConceptNameCodeSequence, [Code("125000", "DCM", "OB-GYN Ultrasound Procedure Report")]));
        var measurement = ContentItem("CONTAINS", "NUM", Code("11979-2", "LN", "Abdominal Circumference"));
        var measured = new DicomDataset();
        Text(measured, DicomTags.NumericValue, DicomVR.DS, "291.5");
        measured.AddOrUpdate(new DicomSequence(DicomTags.MeasurementUnitsCodeSequence, [Code("mm", "UCUM", "millimeter")]));
        measurement.AddOrUpdate(new DicomSequence(DicomTags.MeasuredValueSequence, [measured]));
        var finding = ContentItem("CONTAINS", "CODE", Code("121071", "DCM", "Finding"));
        finding.AddOrUpdate(new DicomSequence(DicomTags.ConceptCodeSequence, [Code("17621005", "SCT", "Normal")]));
        var text = ContentItem("CONTAINS", "TEXT", Code("121106", "DCM", "Comment"));
        Text(text, DicomTags.TextValue, DicomVR.UT, "Plantdoe Jane came with her sister Plantina");
        var person = ContentItem("HAS OBS CONTEXT", "PNAME", Code("121008", "DCM", "Person Observer Name"));
        Text(person, DicomTags.PersonName, DicomVR.PN, "Observerplant^Otto");
        var date = ContentItem("CONTAINS", "DATE", Code("11778-8", "LN", "EDD"));
        Text(date, DicomTags.Date, DicomVR.DA, "20231224");
        var section = ContentItem("CONTAINS", "CONTAINER", Code("121070", "DCM", "Findings"));
        Text(section, DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        section.AddOrUpdate(new DicomSequence(DicomTags.ContentSequence, [measurement, finding, text]));
        ds.AddOrUpdate(new DicomSequence(DicomTags.ContentSequence, [person, date, section]));
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    /// <summary>An Encapsulated PDF whose document carries the patient's name.</summary>
    public static DicomFile EncapsulatedPdf()
    {
        var ds = new DicomDataset();
        AddPatientAndStudy(ds, NamesByCharacterSet["ISO_IR 100"], EncapsulatedPdfClass, "DOC");
        Text(ds, DicomTags.MIMETypeOfEncapsulatedDocument, DicomVR.LO, "application/pdf");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.EncapsulatedDocument, DicomVR.OB, Encoding.ASCII.GetBytes("%PDF-1.4 Plantdoe Jane report\n")));
        return new DicomFile(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static void AddPatientAndStudy(DicomDataset ds, string name, string sopClass, string modality)
    {
        Text(ds, DicomTags.SOPClassUID, DicomVR.UI, sopClass);
        Text(ds, DicomTags.SOPInstanceUID, DicomVR.UI, InstanceUid);
        Text(ds, DicomTags.StudyInstanceUID, DicomVR.UI, StudyUid);
        Text(ds, DicomTags.SeriesInstanceUID, DicomVR.UI, SeriesUid);
        Text(ds, DicomTags.FrameOfReferenceUID, DicomVR.UI, FrameOfReferenceUid);
        Text(ds, DicomTags.ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY");
        Text(ds, DicomTags.InstanceCreationDate, DicomVR.DA, StudyDate);
        Text(ds, DicomTags.StudyDate, DicomVR.DA, StudyDate);
        Text(ds, DicomTags.ContentDate, DicomVR.DA, StudyDate);
        Text(ds, DicomTags.AcquisitionDateTime, DicomVR.DT, "20230517101530.123456");
        Text(ds, DicomTags.StudyTime, DicomVR.TM, "101530");
        Text(ds, DicomTags.ContentTime, DicomVR.TM, "101533");
        Text(ds, DicomTags.AccessionNumber, DicomVR.SH, "ACCPLANT55");
        Text(ds, DicomTags.Modality, DicomVR.CS, modality);
        Text(ds, DicomTags.Manufacturer, DicomVR.LO, "GE Healthcare");
        Text(ds, DicomTags.ManufacturerModelName, DicomVR.LO, "Voluson E10");
        Text(ds, DicomTags.InstitutionName, DicomVR.LO, "Plant General Hospital");
        Text(ds, DicomTags.InstitutionAddress, DicomVR.ST, "1 Plant Road, Uppsala");
        Text(ds, DicomTags.ReferringPhysicianName, DicomVR.PN, "Referplant^Rita");
        Text(ds, DicomTags.StationName, DicomVR.SH, "PLANTSTATION1");
        Text(ds, DicomTags.StudyDescription, DicomVR.LO, "OB plantstudy");
        Text(ds, DicomTags.OperatorsName, DicomVR.PN, "Operatorplant^Olle");
        Text(ds, DicomTags.PerformingPhysicianName, DicomVR.PN, "Performplant^Per");
        var referenced = new DicomDataset();
        Text(referenced, DicomTags.ReferencedSOPClassUID, DicomVR.UI, "1.2.840.10008.3.1.2.3.1");
        Text(referenced, DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, ReferencedUid);
        ds.AddOrUpdate(new DicomSequence(DicomTags.ReferencedStudySequence, [referenced]));
        var request = new DicomDataset();
        Text(request, DicomTags.RequestedProcedureID, DicomVR.SH, "REQPLANT33");
        Text(request, DicomTags.ScheduledProcedureStepID, DicomVR.SH, "SPSPLANT44");
        var nested = new DicomDataset();
        Text(nested, DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1125.7011");
        Text(nested, DicomTags.PatientName, DicomVR.PN, "Deepplant^Dora");
        request.AddOrUpdate(new DicomSequence(DicomTags.ReferencedStudySequence, [nested]));
        ds.AddOrUpdate(new DicomSequence(DicomTags.RequestAttributesSequence, [request]));
        Text(ds, DicomTags.PatientName, DicomVR.PN, name);
        Text(ds, DicomTags.PatientID, DicomVR.LO, "PID-PLANT-4711");
        Text(ds, DicomTags.IssuerOfPatientID, DicomVR.LO, "ISSUERPLANT");
        Text(ds, DicomTags.PatientBirthDate, DicomVR.DA, BirthDate);
        Text(ds, DicomTags.PatientSex, DicomVR.CS, "F");
        Text(ds, DicomTags.OtherPatientIDs, DicomVR.LO, "OPID-PLANT-0815");
        var other = new DicomDataset();
        Text(other, DicomTags.PatientID, DicomVR.LO, "SEQPID-PLANT-1");
        Text(other, DicomTags.IssuerOfPatientID, DicomVR.LO, "SEQISSUERPLANT");
        ds.AddOrUpdate(new DicomSequence(DicomTags.OtherPatientIDsSequence, [other]));
        Text(ds, DicomTags.PatientAddress, DicomVR.LO, "12 Plantstreet, Springfield");
        Text(ds, DicomTags.PatientTelephoneNumbers, DicomVR.SH, "+46555PLANT");
        Text(ds, DicomTags.PatientWeight, DicomVR.DS, "61.5");
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PatientMotherBirthName, DicomVR.UN, Encoding.ASCII.GetBytes("Motherplant^Anna")));
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.Occupation, DicomVR.UN, Encoding.ASCII.GetBytes("PLANTOCCUPATION ")));
        Text(ds, DicomTags.DeviceSerialNumber, DicomVR.LO, "SN-PLANT-99");
        Text(ds, DicomTags.SoftwareVersions, DicomVR.LO, "SWPLANT 1.0");
        Text(ds, DicomTags.ProtocolName, DicomVR.LO, "PROTOPLANT");
        Text(ds, DicomTags.StudyID, DicomVR.SH, "STUDYPLANT7");
        Text(ds, DicomTags.SeriesNumber, DicomVR.IS, "3");
        Text(ds, DicomTags.InstanceNumber, DicomVR.IS, "12");
        Text(ds, DicomTags.ImageComments, DicomVR.LT, "Commentplant about Jane");
        var original = new DicomDataset();
        Text(original, DicomTags.PatientName, DicomVR.PN, "Origplant^Old");
        ds.AddOrUpdate(new DicomSequence(DicomTags.OriginalAttributesSequence, [original]));
        AddPrivate(ds);
    }

    private static void AddPrivate(DicomDataset ds)
    {
        Text(ds, new DicomTag(0x0009, 0x0010), DicomVR.LO, "PLANT PRIVATE");
        Text(ds, new DicomTag(0x0009, 0x1001), DicomVR.LO, "Plantdoe private copy");
        var deeper = new DicomDataset();
        Text(deeper, new DicomTag(0x0009, 0x0010), DicomVR.LO, "PLANT PRIVATE");
        Text(deeper, new DicomTag(0x0009, 0x1003), DicomVR.LO, "DEEPPRIVATEPLANT");
        var item = new DicomDataset();
        Text(item, DicomTags.PatientName, DicomVR.PN, "Nestedplant^Nina");
        Text(item, new DicomTag(0x0009, 0x0010), DicomVR.LO, "PLANT PRIVATE");
        item.AddOrUpdate(new DicomSequence(new DicomTag(0x0009, 0x1004), [deeper]));
        ds.AddOrUpdate(new DicomSequence(new DicomTag(0x0009, 0x1002), [item]));
        Text(ds, new DicomTag(0x6301, 0x0010), DicomVR.LO, "KRETZ_PRIVATE");
        Text(ds, new DicomTag(0x6301, 0x1010), DicomVR.LO, "jane.plant@example.org");
        Text(ds, new DicomTag(0x6301, 0x1011), DicomVR.LO, "+46555KRETZPLANT");
        ds.AddOrUpdate(DicomElement.FromBytes(new DicomTag(0x0011, 0x1001), DicomVR.UN, Encoding.ASCII.GetBytes("UNPRIVATEPLANT")));
    }

    private static void AddImage(DicomDataset ds, int frames, string? burnedIn)
    {
        Text(ds, DicomTags.SamplesPerPixel, DicomVR.US, "3");
        Text(ds, DicomTags.PhotometricInterpretation, DicomVR.CS, "RGB");
        Text(ds, DicomTags.PlanarConfiguration, DicomVR.US, "0");
        if (frames > 1)
        {
            Text(ds, DicomTags.NumberOfFrames, DicomVR.IS, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Text(ds, DicomTags.Rows, DicomVR.US, "8");
        Text(ds, DicomTags.Columns, DicomVR.US, "8");
        Text(ds, DicomTags.BitsAllocated, DicomVR.US, "8");
        Text(ds, DicomTags.BitsStored, DicomVR.US, "8");
        Text(ds, DicomTags.HighBit, DicomVR.US, "7");
        Text(ds, DicomTags.PixelRepresentation, DicomVR.US, "0");
        Text(ds, DicomTags.LossyImageCompression, DicomVR.CS, "00");
        if (burnedIn is not null)
        {
            Text(ds, DicomTags.BurnedInAnnotation, DicomVR.CS, burnedIn);
        }

        Text(ds, new DicomTag(0x6000, 0x0010), DicomVR.US, "8");
        Text(ds, new DicomTag(0x6000, 0x0011), DicomVR.US, "8");
        ds.AddOrUpdate(DicomElement.FromBytes(new DicomTag(0x6000, 0x3000), DicomVR.OW, Encoding.ASCII.GetBytes("OVERLAYPLANT")));
        var icon = new DicomDataset();
        icon.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, Encoding.ASCII.GetBytes("ICONPLANT!")));
        ds.AddOrUpdate(new DicomSequence(DicomTags.IconImageSequence, [icon]));
        ds.AddOrUpdate(DicomElement.FromBytes(DicomTags.PixelData, DicomVR.OB, Pixels(frames)));
    }

    /// <summary>The rows above the image region: the burned-in banner, which holds the patient's name.</summary>
    public const int BannerRows = 2;

    /// <summary>The pixel bytes as the cleaner must leave them: the banner rows of every frame black, the image rows as they were.</summary>
    public static byte[] CleanedPixels(int frames)
    {
        var pixels = Pixels(frames);
        for (var frame = 0; frame < frames; frame++)
        {
            pixels.AsSpan(frame * 8 * 8 * 3, BannerRows * 8 * 3).Clear();
        }

        return pixels;
    }

    /// <summary>The pixel bytes: they start with the patient's name, burned into the banner rows, which the cleaner must blank.</summary>
    public static byte[] Pixels(int frames)
    {
        var pixels = new byte[8 * 8 * 3 * frames];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 7);
        }

        Encoding.ASCII.GetBytes("Plantdoe^Jane burned in").CopyTo(pixels, 0);
        return pixels;
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var code = new DicomDataset();
        Text(code, DicomTags.CodeValue, DicomVR.SH, value);
        Text(code, DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme);
        Text(code, DicomTags.CodeMeaning, DicomVR.LO, meaning);
        return code;
    }

    private static DicomDataset ContentItem(string relationship, string valueType, DicomDataset conceptName)
    {
        var item = new DicomDataset();
        Text(item, DicomTags.RelationshipType, DicomVR.CS, relationship);
        Text(item, DicomTags.ValueType, DicomVR.CS, valueType);
        item.AddOrUpdate(new DicomSequence(DicomTags.ConceptNameCodeSequence, [conceptName]));
        return item;
    }

    private static void Text(DicomDataset ds, DicomTag tag, DicomVR vr, string value) => ds.AddOrUpdate(tag, vr, value);
}
