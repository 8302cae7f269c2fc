using Uplink.Core.Configuration;

namespace Uplink.Core.Tests.Configuration;

public sealed class ExpertCodeCatalogTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "profiles", "expert-codes.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("uplink-codes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AnonLpuO_SelectsTheStrictProfile_ViewPointIn_TricefyOut()
    {
        var code = ExpertCodeCatalog.Load(Shipped).Find("Anon-LPU-O")!;

        Assert.Equal("Anon-LPU-O", code.Profile);
        Assert.Equal("Uplink.Profiles.Builtin", code.ProfilePlugin);
        Assert.Equal(["Uplink.Input.ViewPoint"], code.Inputs);
        Assert.Equal(["Uplink.Output.Tricefy"], code.Outputs);
        Assert.True(code.Settings.ContainsKey("Uplink.Input.ViewPoint"));
    }

    [Fact]
    public void TheDefault_IsStandard_WithTheStandardProfile()
    {
        var catalog = ExpertCodeCatalog.Load(Shipped);

        Assert.Equal("Standard", catalog.DefaultCode);
        Assert.Equal("Standard", catalog.Find(catalog.DefaultCode)!.Profile);
    }

    [Fact]
    public void Find_IgnoresCaseAndSpaces_AndReturnsNullForUnknownCodes()
    {
        var catalog = ExpertCodeCatalog.Load(Shipped);

        Assert.Equal("Anon-LPU-O", catalog.Find(" anon-lpu-o ")!.Code);
        Assert.Null(catalog.Find("Anon-LPU-X"));
    }

    [Theory]
    [InlineData("""{ "codes": [ { "code": "A", "profile": "P", "profilePlugin": "X", "inputs": ["I"], "outputs": ["O"] }, { "code": "a", "profile": "P", "profilePlugin": "X", "inputs": ["I"], "outputs": ["O"] } ] }""", "codes[1]: code 'a' appears twice")]
    [InlineData("""{ "codes": [ { "code": "A", "profilePlugin": "X", "inputs": ["I"], "outputs": ["O"] } ] }""", "codes[0]: 'profile' must be a non-empty string")]
    [InlineData("""{ "codes": [ { "code": "A", "profile": "P", "profilePlugin": "X", "inputs": [], "outputs": ["O"] } ] }""", "codes[0]: 'inputs' must be a non-empty array")]
    [InlineData("""{ "default": "B", "codes": [ { "code": "A", "profile": "P", "profilePlugin": "X", "inputs": ["I"], "outputs": ["O"] } ] }""", "'default' names 'B', which is not one of the codes")]
    public void Load_ABadCatalog_NamesTheCodeAndField(string json, string expected)
    {
        var path = Path.Combine(_folder, "expert-codes.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => ExpertCodeCatalog.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
