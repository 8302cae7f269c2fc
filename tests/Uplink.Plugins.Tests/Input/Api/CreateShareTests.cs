using System.Net;
using System.Text.Json;
using Uplink.Plugins.Abstractions.Inputs;

namespace Uplink.Plugins.Tests.Input.Api;

public sealed class CreateShareTests(ViewPointApiFixture api) : IClassFixture<ViewPointApiFixture>
{
    [Fact]
    public async Task A_valid_share_is_answered_202_with_its_id_once_it_is_recorded()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-valid"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var shareId = body.GetProperty("shareId").GetString()!;
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/shares/{shareId}", response.Headers.Location?.OriginalString);
        var recorded = await api.Intake.GetStatusAsync(shareId, CancellationToken.None);
        Assert.Equal(["img-1", "img-2"], recorded!.Images.Select(i => i.ImageId));
    }

    [Fact]
    public async Task The_same_request_id_returns_the_same_share()
    {
        using var first = await api.PostAsync(ViewPointApiFixture.Body("req-dup"));
        using var second = await api.PostAsync(ViewPointApiFixture.Body("req-dup", "\"img-3\""));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = JsonDocument.Parse(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("shareId").GetString();
        var secondId = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("shareId").GetString();
        Assert.Equal(firstId, secondId);
    }

    [Fact]
    public async Task A_blank_email_counts_as_absent_when_a_phone_is_given()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-phone-only", recipient: """{"email": "", "phone": "+46701234567"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_says_where_it_broke()
    {
        using var response = await api.PostAsync("{\"requestId\": \"r\",\n \"examId\": }");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Contains("line 2, byte 12", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_an_object_is_refused()
    {
        using var response = await api.PostAsync("[1, 2]");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["$"], ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Every_missing_field_is_listed_at_once()
    {
        using var response = await api.PostAsync("{}");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["requestId", "examId", "imageIds", "recipient"], ProblemAssert.Fields(problem));
    }

    [Fact]
    public async Task Wrong_types_and_shapes_are_named_field_by_field()
    {
        using var response = await api.PostAsync("""{"requestId": 5, "examId": "", "imageIds": ["img-1", 7, "img-1", "../etc/passwd"], "recipient": {}}""");

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        var errors = problem.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("field").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal("must be a string, not a number", errors["requestId"]);
        Assert.Equal("must not be empty", errors["examId"]);
        Assert.Equal("must be a string, not a number", errors["imageIds[1]"]);
        Assert.Equal("repeats imageIds[0]", errors["imageIds[2]"]);
        Assert.Equal("contains '..'", errors["imageIds[3]"]);
        Assert.Equal("needs an email or a phone (or both)", errors["recipient"]);
    }

    [Fact]
    public async Task An_invalid_contact_is_refused_without_repeating_it()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-bad-contact", recipient: """{"email": "jane.doe-at-example", "phone": "12"}"""));

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Equal(["recipient.email", "recipient.phone"], ProblemAssert.Fields(problem));
        Assert.DoesNotContain("jane.doe-at-example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_image_ids_are_listed_and_nothing_is_recorded()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-unknown", "\"img-1\", \"nope-1\", \"nope-2\""));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, "unknown-images");
        Assert.Equal(["nope-1", "nope-2"], problem.GetProperty("unknownImageIds").EnumerateArray().Select(e => e.GetString()));
        using var retry = await api.PostAsync(ViewPointApiFixture.Body("req-unknown", "\"img-1\""));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var shareId = JsonDocument.Parse(await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("shareId").GetString()!;
        Assert.Single((await api.Intake.GetStatusAsync(shareId, CancellationToken.None))!.Images);
    }

    [Fact]
    public async Task Too_many_images_are_refused_with_the_limit()
    {
        var ids = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"\"img-{i}\""));

        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-many", ids));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "too-many-images");
        Assert.Equal("The share names 21 images; at most 20 are accepted in one share.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413()
    {
        var padding = new string('x', 20 * 1024);

        using var response = await api.PostAsync(ViewPointApiFixture.Body(padding));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Contains("at most 16384 are accepted", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_415()
    {
        using var response = await api.PostAsync("requestId=1", contentType: "application/x-www-form-urlencoded");

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task No_key_is_answered_401_with_a_bearer_challenge()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-nokey"), key: null);

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "missing-api-key");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_key_is_answered_401_and_records_nothing()
    {
        using var response = await api.PostAsync(ViewPointApiFixture.Body("req-wrongkey"), key: "wrong");

        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "invalid-api-key");
        using var retry = await api.PostAsync(ViewPointApiFixture.Body("req-wrongkey"));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(ShareState.Queued, Enum.Parse<ShareState>(JsonDocument.Parse(await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("status").GetString()!, ignoreCase: true));
    }
}
