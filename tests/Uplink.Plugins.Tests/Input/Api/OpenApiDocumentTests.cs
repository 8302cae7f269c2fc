using System.Net;
using System.Text.Json;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class OpenApiDocumentTests(ViewPointApiFixture api) : IClassFixture<ViewPointApiFixture>
{
    [Fact]
    public async Task The_served_document_is_the_checked_in_one_byte_for_byte()
    {
        var checkedIn = await File.ReadAllBytesAsync(FindDocument(), TestContext.Current.CancellationToken);

        using var response = await api.GetAsync("/api/v1/openapi.json", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(checkedIn, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_document_lists_every_problem_kind_the_api_answers_with()
    {
        var document = JsonDocument.Parse(File.ReadAllText(FindDocument())).RootElement;
        var kinds = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties")
            .GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!.Replace("urn:uplink:problem:", string.Empty, StringComparison.Ordinal)).ToHashSet();

        var answered = typeof(Uplink.Input.ViewPoint.Api.Problems).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(m => (Uplink.Input.ViewPoint.Api.ApiProblem)m.Invoke(null, [.. m.GetParameters().Select(Sample)])!)
            .Select(p => p.Kind).ToHashSet();

        Assert.Equal(answered.Order(), kinds.Order());
    }

    private static object? Sample(System.Reflection.ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(int) => 1,
        var t when t == typeof(long?) => null,
        var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
        var t when t == typeof(string) => "x",
        var t when t == typeof(IReadOnlyList<string>) => new[] { "x" },
        _ => Array.Empty<Uplink.Input.ViewPoint.Api.FieldError>(),
    };

    private static string FindDocument()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "openapi", "viewpoint-api.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/openapi/viewpoint-api.json not found above the test's folder.");
    }
}
