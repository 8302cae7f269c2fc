namespace Uplink.Dicom.Tests.Support;

/// <summary>Compares datasets element by element: same tags, VRs, values (padded to even length) and fragments.</summary>
public static class DatasetAssert
{
    public static void Equivalent(DicomDataset expected, DicomDataset actual, string path = "")
    {
        var left = expected.Where(i => i.Tag.Element != 0 || i.Tag.Group == 0x0002).ToList();
        var right = actual.Where(i => i.Tag.Element != 0 || i.Tag.Group == 0x0002).ToList();
        Assert.Equal(left.Select(i => i.Tag), right.Select(i => i.Tag));
        for (var i = 0; i < left.Count; i++)
        {
            var where = $"{path}{left[i].Tag}";
            Assert.True(left[i].VR == right[i].VR || IsWidened(left[i], right[i]), $"{where}: VR {left[i].VR} became {right[i].VR}");
            switch (left[i])
            {
                case DicomElement e:
                    var a = Padded(e);
                    var b = Padded((DicomElement)right[i]);
                    Assert.True(a.AsSpan().SequenceEqual(b), $"{where}: value differs ({a.Length} vs {b.Length} bytes)");
                    break;
                case DicomSequence s:
                    var t = (DicomSequence)right[i];
                    Assert.Equal(s.Items.Count, t.Items.Count);
                    for (var k = 0; k < s.Items.Count; k++)
                    {
                        Equivalent(s.Items[k], t.Items[k], $"{where}[{k}].");
                    }

                    break;
                case DicomFragmentSequence f:
                    var g = (DicomFragmentSequence)right[i];
                    Assert.Equal(f.Fragments.Count, g.Fragments.Count);
                    for (var k = 0; k < f.Fragments.Count; k++)
                    {
                        Assert.True(ReadAll(f.Fragments[k].OpenRead()).AsSpan().SequenceEqual(ReadAll(g.Fragments[k].OpenRead())), $"{where} fragment {k} differs");
                    }

                    break;
            }
        }
    }

    public static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }
    }

    private static bool IsWidened(DicomItem before, DicomItem after)
        => after.VR is DicomVR.OW or DicomVR.UN && before is DicomElement { Length: > 0xFFFE };

    private static byte[] Padded(DicomElement element)
    {
        var bytes = ReadAll(element.OpenValue());
        if (bytes.Length % 2 == 0)
        {
            return bytes;
        }

        var text = element.VR is DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS
            or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM or DicomVR.UC or DicomVR.UR or DicomVR.UT;
        return [.. bytes, text ? (byte)' ' : (byte)0];
    }
}
