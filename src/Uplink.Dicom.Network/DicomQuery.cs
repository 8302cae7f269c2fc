using System.Buffers.Binary;
using System.Text;
using Uplink.Dicom;

namespace Uplink.Dicom.Network;

/// <summary>
/// The identifier of a C-FIND, C-MOVE or C-GET: the information model, the Query/Retrieve Level (0008,0052) and
/// the keys (a value to match, or empty to ask for the attribute back). Encoded in Implicit VR Little Endian,
/// the transfer syntax Uplink proposes for Query/Retrieve contexts.
/// </summary>
public sealed record DicomQuery
{
    private static readonly string[] Levels = ["PATIENT", "STUDY", "SERIES", "IMAGE"];

    private DicomQuery(DicomQueryRoot root, string level, IReadOnlyList<KeyValuePair<DicomTag, string>> keys)
    {
        Root = root;
        Level = level;
        Keys = keys;
    }

    /// <summary>The information model.</summary>
    public DicomQueryRoot Root { get; }

    /// <summary>PATIENT, STUDY, SERIES or IMAGE.</summary>
    public string Level { get; }

    /// <summary>The keys in tag order, without (0008,0052).</summary>
    public IReadOnlyList<KeyValuePair<DicomTag, string>> Keys { get; }

    /// <summary>A query with any keys.</summary>
    /// <param name="root">The information model.</param>
    /// <param name="level">PATIENT (Patient Root only), STUDY, SERIES or IMAGE.</param>
    /// <param name="keys">Top-level keys of printable ASCII (no sequences); an empty value is a return key.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">A level the model lacks, a repeated key, a group 0000/0002 key, or a value that is not printable ASCII.</exception>
    public static DicomQuery Create(DicomQueryRoot root, string level, IEnumerable<KeyValuePair<DicomTag, string>> keys)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(keys);
        if (!Levels.Contains(level, StringComparer.Ordinal) || (root == DicomQueryRoot.Study && level == "PATIENT"))
        {
            throw new ArgumentException($"Query/Retrieve Level '{level}' does not exist in the {root} Root model.", nameof(level));
        }

        var sorted = new SortedDictionary<DicomTag, string>();
        foreach (var (tag, value) in keys)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (tag.Group is 0x0000 or 0x0002 || tag == DicomTags.QueryRetrieveLevel)
            {
                throw new ArgumentException($"Key {tag} cannot be part of an identifier.", nameof(keys));
            }

            if (value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException($"The value of key {tag} is not printable ASCII.", nameof(keys));
            }

            if (!sorted.TryAdd(tag, value))
            {
                throw new ArgumentException($"Key {tag} is given twice.", nameof(keys));
            }
        }

        return new DicomQuery(root, level, [.. sorted]);
    }

    /// <summary>
    /// C-FIND at IMAGE level for one SOP Instance UID, asking back the study, series and SOP class (and, in Patient
    /// Root, the patient id): what a hierarchical C-MOVE or C-GET of that instance needs.
    /// </summary>
    /// <param name="root">The information model.</param>
    /// <param name="sopInstanceUid">The instance.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The UID is not a valid UID.</exception>
    public static DicomQuery FindInstance(DicomQueryRoot root, string sopInstanceUid)
    {
        RequireUid(sopInstanceUid, nameof(sopInstanceUid));
        var keys = new Dictionary<DicomTag, string>
        {
            [DicomTags.SOPInstanceUID] = sopInstanceUid,
            [DicomTags.SOPClassUID] = string.Empty,
            [DicomTags.StudyInstanceUID] = string.Empty,
            [DicomTags.SeriesInstanceUID] = string.Empty,
        };
        if (root == DicomQueryRoot.Patient)
        {
            keys[DicomTags.PatientID] = string.Empty;
        }

        return Create(root, "IMAGE", keys);
    }

    /// <summary>The identifier of a C-MOVE or C-GET of one instance, with the unique key of every level above it.</summary>
    /// <param name="root">The information model.</param>
    /// <param name="patientId">The patient id (Patient Root only; ignored in Study Root).</param>
    /// <param name="studyInstanceUid">The study.</param>
    /// <param name="seriesInstanceUid">The series.</param>
    /// <param name="sopInstanceUid">The instance.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentException">A UID is not a valid UID, or Patient Root without a patient id.</exception>
    public static DicomQuery RetrieveInstance(DicomQueryRoot root, string? patientId, string studyInstanceUid, string seriesInstanceUid, string sopInstanceUid)
    {
        RequireUid(studyInstanceUid, nameof(studyInstanceUid));
        RequireUid(seriesInstanceUid, nameof(seriesInstanceUid));
        RequireUid(sopInstanceUid, nameof(sopInstanceUid));
        var keys = new Dictionary<DicomTag, string>
        {
            [DicomTags.StudyInstanceUID] = studyInstanceUid,
            [DicomTags.SeriesInstanceUID] = seriesInstanceUid,
            [DicomTags.SOPInstanceUID] = sopInstanceUid,
        };
        if (root == DicomQueryRoot.Patient)
        {
            keys[DicomTags.PatientID] = string.IsNullOrEmpty(patientId)
                ? throw new ArgumentException("A Patient Root retrieve needs the patient id.", nameof(patientId))
                : patientId;
        }

        return Create(root, "IMAGE", keys);
    }

    /// <summary>The identifier as an Implicit VR Little Endian data set, (0008,0052) included, in tag order.</summary>
    internal byte[] Encode()
    {
        using var output = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        var all = Keys.Append(new(DicomTags.QueryRetrieveLevel, Level)).OrderBy(k => k.Key);
        foreach (var (tag, value) in all)
        {
            var bytes = Encoding.ASCII.GetBytes(value);
            if (bytes.Length % 2 == 1)
            {
                bytes = [.. bytes, DicomDictionary.Lookup(tag)?.VR == DicomVR.UI ? (byte)0 : (byte)' '];
            }

            BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], tag.Element);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)bytes.Length);
            output.Write(header);
            output.Write(bytes);
        }

        return output.ToArray();
    }

    private static void RequireUid(string uid, string name)
    {
        if (!DicomUid.IsValid(uid))
        {
            throw new ArgumentException($"The {name} is not a valid UID.", name);
        }
    }
}
