using Uplink.Core.Anonymization.Pixels;
using Uplink.Dicom.Imaging;
using Uplink.Tests.Shared;

namespace Uplink.Core.Tests.Anonymization.Pixels;

public sealed class ImageAreaRuleReaderTests
{
    [Fact]
    public void The_shipped_rules_load_and_keep_the_voluson_image_below_its_banner()
    {
        var rules = ImageAreaRules.Load(Path.Combine(RepositoryLayout.Root(), "profiles", "image-areas"));

        var voluson = rules.Find("GE Healthcare Austria GmbH & Co OG", "V830", 735, 975, "1.2.840.10008.5.1.4.1.1.6.1");

        Assert.NotNull(voluson);
        Assert.Equal([new PixelRectangle(1, 74, 959, 734)], voluson.Keep);
        Assert.Equal("ge-ultrasound.json", voluson.File);
        Assert.Null(rules.Find("GE Healthcare", "V830", 734, 975, null));
        Assert.Null(rules.Find("Philips", "V830", 735, 975, null));
    }

    [Fact]
    public void Model_names_match_without_case_spaces_or_hyphens()
    {
        var rules = new ImageAreaRules(ImageAreaRuleReader.Read(Rule("\"keep\": [[0, 10, 99, 49]]"), "site.json"));

        Assert.NotNull(rules.Find("GE Healthcare", "VOLUSON-E8", 50, 100, null));
        Assert.NotNull(rules.Find("ge medical systems", "volusone8", 50, 100, null));
    }

    [Theory]
    [InlineData("\"keep\": [[0, 10, 100, 49]]", "site.json: rules[0] ('Site Voluson').keep[0] [0, 10, 100, 49] lies outside the rule's 100x50 frame")]
    [InlineData("\"keep\": [[5, 10, 4, 49]]", "site.json: rules[0] ('Site Voluson').keep[0] [5, 10, 4, 49] is empty or negative")]
    [InlineData("\"keep\": [[0, 10, 99]]", "site.json: rules[0] ('Site Voluson').keep[0] must be [x0, y0, x1, y1]")]
    [InlineData("\"keep\": []", "site.json: rules[0] ('Site Voluson').keep is missing or empty")]
    public void A_bad_rectangle_is_refused_naming_the_file_the_rule_and_the_rectangle(string keep, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageAreaRuleReader.Read(Rule(keep), "site.json"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_bad_json_and_repeated_names_are_refused_with_where()
    {
        Assert.StartsWith("a.json: rules[0] ('Site Voluson').models must list",
            Assert.Throws<InvalidDataException>(() => ImageAreaRuleReader.Read(Rule("\"keep\": [[0, 0, 1, 1]]").Replace("\"models\": [\"Voluson E8\"],", string.Empty, StringComparison.Ordinal), "a.json")).Message, StringComparison.Ordinal);
        Assert.StartsWith("b.json: not valid JSON at line",
            Assert.Throws<InvalidDataException>(() => ImageAreaRuleReader.Read("{ \"rules\": [ {", "b.json")).Message, StringComparison.Ordinal);
        Assert.StartsWith("c.json: rules[1] repeats the name 'site voluson'",
            Assert.Throws<InvalidDataException>(() => ImageAreaRuleReader.Read(Twice(), "c.json")).Message, StringComparison.Ordinal);
        Assert.StartsWith("d.json: rules[0] ('Site Voluson'): rows and columns must be between 1 and 65535",
            Assert.Throws<InvalidDataException>(() => ImageAreaRuleReader.Read(Rule("\"keep\": [[0, 0, 1, 1]]").Replace("\"rows\": 50", "\"rows\": 70000", StringComparison.Ordinal), "d.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_in_a_later_folder_wins_over_a_shipped_one()
    {
        var shipped = Directory.CreateTempSubdirectory();
        var site = Directory.CreateTempSubdirectory();
        try
        {
            File.WriteAllText(Path.Combine(shipped.FullName, "shipped.json"), Rule("\"keep\": [[0, 10, 99, 49]]"));
            File.WriteAllText(Path.Combine(site.FullName, "site.json"), Rule("\"keep\": [[0, 20, 99, 49]]"));

            var rule = ImageAreaRules.Load(shipped.FullName, site.FullName, "/no/such/folder").Find("GE", "Voluson E8", 50, 100, null);

            Assert.Equal("site.json", rule?.File);
            Assert.Equal(20, rule?.Keep[0].Y0);
        }
        finally
        {
            shipped.Delete(recursive: true);
            site.Delete(recursive: true);
        }
    }

    private static string Rule(string keep) =>
        $$"""{ "rules": [ { "name": "Site Voluson", "manufacturers": ["GE"], "models": ["Voluson E8"], "rows": 50, "columns": 100, {{keep}} } ] }""";

    private static string Twice() =>
        """{ "rules": [ { "name": "Site Voluson", "manufacturers": ["GE"], "models": ["X"], "rows": 5, "columns": 5, "keep": [[0, 0, 1, 1]] }, { "name": "site voluson", "manufacturers": ["GE"], "models": ["Y"], "rows": 5, "columns": 5, "keep": [[0, 0, 1, 1]] } ] }""";
}
