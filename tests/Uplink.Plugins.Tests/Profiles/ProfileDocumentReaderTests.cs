using Uplink.Plugins.Abstractions.Profiles;
using Uplink.Profiles.Builtin.Documents;

namespace Uplink.Plugins.Tests.Profiles;

public sealed class ProfileDocumentReaderTests
{
    private const string Valid = """
        { "id": "T", "version": "1", "description": "d", "nonDicom": "Discard", "removesIdentity": true,
          "unlistedTags": "Remove", "privateTags": "Remove",
          "rules": [ { "tag": "PatientName", "action": "Replace", "value": "ANONYMOUS" }, { "tag": "60xx3000", "action": "Remove" } ],
          "sopClasses": [ { "name": "All", "uids": [ "*" ], "rules": [ { "include": "shared" } ] } ],
          "includes": { "shared": [ { "tag": "Rows", "action": "Keep", "required": true } ] },
          "options": { "Extra": { "code": "113109", "meaning": "Retain Device Identity Option", "rules": [ { "tag": "StationName", "action": "Keep" } ] } } }
        """;

    [Fact]
    public void A_valid_file_gives_the_profile_and_one_variant_per_option_combination()
    {
        var definitions = ProfileDocumentReader.Read(Valid, "t.json");

        Assert.Equal(["T", "T+Extra"], definitions.Select(d => d.Descriptor.Id));
        var rules = definitions[0].Rules;
        Assert.Equal(TagAction.Remove, rules.RuleFor(new Uplink.Dicom.DicomTag(0x6002, 0x3000), null).Action);
        Assert.True(rules.SopClasses[0].Tags.Single().Required);
        Assert.Equal(TagAction.Remove, rules.RuleFor(Uplink.Dicom.DicomTags.StationName, rules.SopClasses[0]).Action);
        Assert.Equal(TagAction.Keep, definitions[1].Rules.RuleFor(Uplink.Dicom.DicomTags.StationName, rules.SopClasses[0]).Action);
    }

    [Theory]
    [InlineData("\"PatientName\"", "\"PatientNme\"", "rules[0]: 'PatientNme' is neither a DICOM keyword nor a tag pattern")]
    [InlineData("\"action\": \"Replace\"", "\"action\": \"Scramble\"", "rules[0].action 'Scramble' is not an action")]
    [InlineData(", \"value\": \"ANONYMOUS\"", "", "rules[0] (PatientName) is Replace without a value")]
    [InlineData("{ \"include\": \"shared\" }", "{ \"include\": \"missing\" }", "includes 'missing', which 'includes' does not define")]
    [InlineData("\"nonDicom\": \"Discard\"", "\"nonDicom\": \"Email\"", "'nonDicom' must be Discard or KeepPasswordProtected")]
    public void A_bad_file_is_refused_with_where_and_what(string find, string replace, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => ProfileDocumentReader.Read(Valid.Replace(find, replace, StringComparison.Ordinal), "t.json"));

        Assert.StartsWith("t.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => ProfileDocumentReader.Read("{\n  \"id\": ,\n}", "bad.json"));

        Assert.Contains("bad.json: not valid JSON at line 2", error.Message, StringComparison.Ordinal);
    }
}
