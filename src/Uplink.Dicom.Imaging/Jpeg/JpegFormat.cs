using System.Globalization;

namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>Marker codes (second byte after 0xFF) and the error helper shared by the JPEG readers.</summary>
internal static class JpegFormat
{
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte Dht = 0xC4;
    public const byte Rst0 = 0xD0;
    public const byte App0 = 0xE0;
    public const byte App14 = 0xEE;
    public const byte Com = 0xFE;

    /// <summary>An error naming the byte offset, never a sample value.</summary>
    /// <param name="offset">Byte offset in the frame's JPEG stream.</param>
    /// <param name="what">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public static PixelDataException Corrupt(long offset, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"JPEG {what} at byte offset {offset}."));

    /// <summary>The marker's name for messages.</summary>
    /// <param name="marker">Second byte of the marker.</param>
    /// <returns>For example "SOF2" or "FFC8".</returns>
    public static string Name(byte marker) => marker switch
    {
        >= 0xC0 and <= 0xCF and not Dht and not 0xC8 and not 0xCC => string.Create(CultureInfo.InvariantCulture, $"SOF{marker - 0xC0}"),
        0xCC => "DAC",
        Dnl => "DNL",
        0xDE => "DHP",
        0xDF => "EXP",
        _ => string.Create(CultureInfo.InvariantCulture, $"FF{marker:X2}"),
    };
}
