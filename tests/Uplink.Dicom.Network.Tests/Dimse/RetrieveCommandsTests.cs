using Uplink.Dicom.Network.Dimse;

namespace Uplink.Dicom.Network.Tests.Dimse;

/// <summary>The C-FIND/C-MOVE/C-GET/C-CANCEL command sets and the query identifier, byte for byte.</summary>
public sealed class RetrieveCommandsTests
{
    [Fact]
    public void C_CANCEL_RQ_is_the_group_length_then_command_field_the_cancelled_message_id_and_no_data_set()
    {
        byte[] expected =
        [
            0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x1E, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0xFF, 0x0F,
            0x00, 0x00, 0x20, 0x01, 0x02, 0x00, 0x00, 0x00, 0x2A, 0x00,
            0x00, 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x01, 0x01,
        ];

        Assert.Equal(expected, RetrieveCommands.CancelRequest(42).Encode());
    }

    [Fact]
    public void C_MOVE_RQ_carries_the_destination_space_padded_and_announces_a_data_set()
    {
        byte[] expected =
        [
            0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x5A, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x02, 0x00, 0x1C, 0x00, 0x00, 0x00, .. "1.2.840.10008.5.1.4.1.2.2.2\0"u8,
            0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x21, 0x00,
            0x00, 0x00, 0x10, 0x01, 0x02, 0x00, 0x00, 0x00, 0x07, 0x00,
            0x00, 0x00, 0x00, 0x06, 0x06, 0x00, 0x00, 0x00, .. "UPLNK "u8,
            0x00, 0x00, 0x00, 0x07, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x08, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];

        Assert.Equal(expected, RetrieveCommands.MoveRequest(7, "1.2.840.10008.5.1.4.1.2.2.2", "UPLNK").Encode());
    }

    [Theory]
    [InlineData(DicomQueryRoot.Study, 0x0020, "1.2.840.10008.5.1.4.1.2.2.1")]
    [InlineData(DicomQueryRoot.Patient, 0x0010, "1.2.840.10008.5.1.4.1.2.1.3")]
    public void Find_and_get_requests_name_their_command_field_and_the_model_sop_class(DicomQueryRoot root, ushort field, string sopClass)
    {
        var request = field == 0x0020 ? RetrieveCommands.FindRequest(3, QueryRetrieveSopClasses.Find(root)) : RetrieveCommands.GetRequest(3, QueryRetrieveSopClasses.Get(root));

        var decoded = CommandSet.Decode(request.Encode());

        Assert.Equal((field, sopClass, (ushort?)3, true), (decoded.CommandField, decoded.GetString(CommandTags.AffectedSopClassUid), decoded.GetUInt16(CommandTags.MessageId), decoded.HasDataSet));
    }

    [Fact]
    public void An_instance_query_encodes_implicit_little_endian_in_tag_order_with_uids_nul_padded_and_the_level_space_padded()
    {
        byte[] expected =
        [
            0x08, 0x00, 0x16, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x08, 0x00, 0x18, 0x00, 0x06, 0x00, 0x00, 0x00, .. "1.2.3\0"u8,
            0x08, 0x00, 0x52, 0x00, 0x06, 0x00, 0x00, 0x00, .. "IMAGE "u8,
            0x20, 0x00, 0x0D, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x20, 0x00, 0x0E, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];

        Assert.Equal(expected, DicomQuery.FindInstance(DicomQueryRoot.Study, "1.2.3").Encode());
    }

    [Fact]
    public void A_patient_root_instance_query_also_asks_for_the_patient_id()
    {
        var query = DicomQuery.FindInstance(DicomQueryRoot.Patient, "1.2.3");

        Assert.Contains(query.Keys, k => k.Key == DicomTags.PatientID && k.Value.Length == 0);
    }

    [Fact]
    public void Queries_with_a_level_the_model_lacks_a_repeated_key_a_non_ascii_value_or_a_bad_uid_are_refused_with_what_is_wrong()
    {
        Assert.Contains("PATIENT", Assert.Throws<ArgumentException>(() => DicomQuery.Create(DicomQueryRoot.Study, "PATIENT", [])).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => DicomQuery.Create(DicomQueryRoot.Study, "STUDY", [new(DicomTags.PatientID, "a"), new(DicomTags.PatientID, "b")])).Message, StringComparison.Ordinal);
        Assert.Contains("ASCII", Assert.Throws<ArgumentException>(() => DicomQuery.Create(DicomQueryRoot.Study, "STUDY", [new(DicomTags.PatientID, "Ré")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DicomQuery.FindInstance(DicomQueryRoot.Study, "../etc"));
        Assert.Throws<ArgumentException>(() => DicomQuery.RetrieveInstance(DicomQueryRoot.Patient, null, "1.2", "1.3", "1.4"));
    }
}
