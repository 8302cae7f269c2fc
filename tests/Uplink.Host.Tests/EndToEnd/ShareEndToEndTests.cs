using System.Net;
using System.Text;
using Uplink.Dicom;
using Uplink.Host.Demo;
using Uplink.Host.Tests.EndToEnd.Support;

namespace Uplink.Host.Tests.EndToEnd;

/// <summary>ViewPoint's path through a running <c>uplink run</c> process, over real HTTP.</summary>
public sealed class ShareEndToEndTests(RunningHostFixture fixture) : IClassFixture<RunningHostFixture>
{
    private readonly EndToEndSite _host = fixture.Host;

    [Fact]
    public async Task A_single_frame_image_and_a_clip_arrive_anonymized_in_the_folder_output()
    {
        var (status, body) = await _host.Client.ShareAsync("e2e-arrive", "exam-1", _host.Exam.Select(i => i.ImageId), DemoPatient.Email, DemoPatient.Phone, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, status);

        var final = await _host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal("completed", final.GetProperty("status").GetString());
        Assert.All(final.GetProperty("images").EnumerateArray(), i => Assert.Equal("sent", i.GetProperty("status").GetString()));
        var outputs = _host.OutputFiles().Select(f => DicomFile.Open(f)).ToList();
        Assert.Equal(2, outputs.Count);
        Assert.All(outputs, o =>
        {
            Assert.Equal("ANONYMOUS", o.Dataset.GetString(DicomTags.PatientName));
            Assert.Equal("000000", o.Dataset.GetString(DicomTags.PatientID));
            Assert.Equal("YES", o.Dataset.GetString(DicomTags.PatientIdentityRemoved));
            Assert.DoesNotContain(o.Dataset, item => item.Tag.IsPrivate);
            Assert.StartsWith("2.25.", o.Dataset.GetString(DicomTags.SOPInstanceUID), StringComparison.Ordinal);
        });
        Assert.Contains(outputs, o => o.Dataset.GetInt32(DicomTags.NumberOfFrames) == 12);
        Assert.Contains(outputs, o => o.Dataset.GetString(DicomTags.SOPClassUID) == "1.2.840.10008.5.1.4.1.1.6.1");
        foreach (var file in _host.OutputFiles())
        {
            var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
            Assert.DoesNotContain("DOE^JANE", text, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoPatient.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoPatient.Email, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_non_dicom_file_in_the_exam_is_discarded_under_anon_lpu_o_and_the_rest_is_sent()
    {
        await File.WriteAllTextAsync(Path.Combine(_host.Site.ImageStore, "NOTE-1.dcm"), $"Report for {DemoPatient.Name}", TestContext.Current.CancellationToken);
        var (_, body) = await _host.Client.ShareAsync("e2e-note", "exam-1", [_host.Exam[0].ImageId, "NOTE-1"], null, DemoPatient.Phone, TestContext.Current.CancellationToken);

        var final = await _host.Client.WaitForEndAsync(body.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal("completed", final.GetProperty("status").GetString());
        var images = final.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal("sent", images[0].GetProperty("status").GetString());
        Assert.Equal("discarded", images[1].GetProperty("status").GetString());
        Assert.Contains("non-DICOM", images[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_id_again_returns_the_same_share()
    {
        var ids = _host.Exam.Select(i => i.ImageId).ToList();
        var (_, first) = await _host.Client.ShareAsync("e2e-dup", "exam-1", ids, DemoPatient.Email, null, TestContext.Current.CancellationToken);
        var (status, second) = await _host.Client.ShareAsync("e2e-dup", "exam-1", ids, DemoPatient.Email, null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(first.GetProperty("shareId").GetString(), second.GetProperty("shareId").GetString());
        // The share runs on in the host every test of this class shares: let it end before the next test looks at the output.
        var final = await _host.Client.WaitForEndAsync(first.GetProperty("shareId").GetString()!, TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);
        Assert.Equal("completed", final.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"requestId\": ", 400, "malformed-json")]
    [InlineData("{}", 400, "invalid-request")]
    [InlineData("{\"requestId\": \"r1\", \"examId\": \"e\", \"imageIds\": [\"US-001\"], \"recipient\": {\"email\": \"not-an-address\"}}", 400, "invalid-request")]
    [InlineData("{\"requestId\": \"r2\", \"examId\": \"e\", \"imageIds\": [\"US-001\", \"NOPE-9\"], \"recipient\": {\"phone\": \"+46701234567\"}}", 422, "unknown-images")]
    [InlineData("{\"requestId\": \"r3\", \"examId\": \"e\", \"imageIds\": [\"../../etc/passwd\"], \"recipient\": {\"phone\": \"+46701234567\"}}", 400, "invalid-request")]
    public async Task Each_kind_of_bad_request_gets_its_own_problem(string json, int expectedStatus, string kind)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/v1/shares", json, _host.Site.ApiKey);

        await AssertProblemAsync(response, expectedStatus, kind);
    }

    [Fact]
    public async Task Too_many_images_and_too_large_a_body_are_refused_with_their_limits()
    {
        var many = string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"X-{i}\""));
        using var tooMany = await SendAsync(HttpMethod.Post, "/api/v1/shares", $"{{\"requestId\": \"m\", \"examId\": \"e\", \"imageIds\": [{many}], \"recipient\": {{\"phone\": \"+46701234567\"}}}}", _host.Site.ApiKey);
        using var tooLarge = await SendAsync(HttpMethod.Post, "/api/v1/shares", $"{{\"requestId\": \"{new string('x', 300_000)}\"}}", _host.Site.ApiKey);

        await AssertProblemAsync(tooMany, 400, "too-many-images");
        await AssertProblemAsync(tooLarge, 413, "body-too-large");
    }

    [Fact]
    public async Task Wrong_and_missing_keys_are_refused()
    {
        var json = "{\"requestId\": \"k\", \"examId\": \"e\", \"imageIds\": [\"US-001\"], \"recipient\": {\"phone\": \"+46701234567\"}}";
        using var missing = await SendAsync(HttpMethod.Post, "/api/v1/shares", json, key: null);
        using var wrong = await SendAsync(HttpMethod.Post, "/api/v1/shares", json, key: "not-the-site-key");
        using var status = await SendAsync(HttpMethod.Get, "/api/v1/shares/anything", null, key: "not-the-site-key");

        await AssertProblemAsync(missing, 401, "missing-api-key");
        await AssertProblemAsync(wrong, 401, "invalid-api-key");
        await AssertProblemAsync(status, 401, "invalid-api-key");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? key)
    {
        using var http = new HttpClient { BaseAddress = _host.Site.ApiUrl };
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (key is not null)
        {
            request.Headers.Authorization = new("Bearer", key);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string kind)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"type\":\"urn:uplink:problem:{kind}\"", text, StringComparison.Ordinal);
    }
}
