namespace Uplink.Dicom.Imaging.Jpeg;

/// <summary>One component of a JPEG frame as its SOF header declares it.</summary>
/// <param name="Id">Component identifier (Ci).</param>
/// <param name="HorizontalSampling">Horizontal sampling factor (Hi, 1–4).</param>
/// <param name="VerticalSampling">Vertical sampling factor (Vi, 1–4).</param>
/// <param name="QuantizationTable">Quantisation table selector (Tqi, 0–3).</param>
public readonly record struct JpegComponentInfo(int Id, int HorizontalSampling, int VerticalSampling, int QuantizationTable);
