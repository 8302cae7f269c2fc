using Uplink.Dicom;
using Uplink.Plugins.Abstractions.Profiles;

namespace Uplink.Core.Anonymization.Shaping;

/// <summary>What the identity-leak scan of shaped files needs: the original source and the site's UID remapper.</summary>
/// <param name="Source">The parsed source instance (before anonymization).</param>
/// <param name="Uids">The remapper the profile was given.</param>
internal sealed record ShapingLeakCheck(DicomFile Source, IUidRemapper Uids);
