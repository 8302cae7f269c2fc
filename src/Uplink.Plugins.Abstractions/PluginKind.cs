namespace Uplink.Plugins.Abstractions;

/// <summary>The kinds of work a plugin can declare in its manifest.</summary>
public enum PluginKind
{
    /// <summary>Receives share requests (for example the ViewPoint API) and supplies their images.</summary>
    Input,

    /// <summary>Anonymizes one DICOM instance at a time.</summary>
    Profile,

    /// <summary>Delivers anonymized instances somewhere (Tricefy, a DICOMweb archive, a folder).</summary>
    Output,
}
