using System.Text.Json;
using System.Text.RegularExpressions;
using Uplink.Input.ViewPoint.Images;

namespace Uplink.Input.ViewPoint.Api;

/// <summary>
/// Reads and checks a share request body, collecting every field error at once. Error messages name
/// the field and the rule, never the value (it may be the patient's contact).
/// </summary>
internal static partial class CreateShareParser
{
    /// <summary>Parses the body.</summary>
    /// <param name="body">The UTF-8 JSON body.</param>
    /// <param name="maxImages">The most images one share may name.</param>
    /// <param name="share">The request when it is valid.</param>
    /// <returns>Null when valid, otherwise the problem to answer with.</returns>
    public static ApiProblem? TryParse(ReadOnlyMemory<byte> body, int maxImages, out CreateShareBody? share)
    {
        share = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return Problems.BadJson($"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}", FirstSentence(ex.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problems.Invalid([new FieldError("$", $"the body must be a JSON object, not {Describe(root.ValueKind)}")]);
            }

            var errors = new List<FieldError>();
            var requestId = Text(root, "requestId", 128, errors, IdPattern(), "may only hold letters, digits, '.', ':', '-' and '_'");
            var examId = Text(root, "examId", 64, errors, IdPattern(), "may only hold letters, digits, '.', ':', '-' and '_'");
            var imageIds = Images(root, maxImages, errors, out var tooMany);
            if (tooMany is not null)
            {
                return tooMany;
            }

            var (email, phone) = Recipient(root, errors);
            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            share = new CreateShareBody(requestId!, examId!, imageIds!, email, phone);
            return null;
        }
    }

    private static string? Text(JsonElement parent, string name, int maxLength, List<FieldError> errors, Regex? pattern, string? patternRule, string? path = null)
    {
        path ??= name;
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(path, "is required"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(path, $"must be a string, not {Describe(value.ValueKind)}"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            errors.Add(new FieldError(path, "must not be empty"));
        }
        else if (text.Length > maxLength)
        {
            errors.Add(new FieldError(path, $"is {text.Length} characters long; at most {maxLength} are allowed"));
        }
        else if (pattern is not null && !pattern.IsMatch(text))
        {
            errors.Add(new FieldError(path, patternRule!));
        }
        else
        {
            return text;
        }

        return null;
    }

    private static List<string>? Images(JsonElement root, int maxImages, List<FieldError> errors, out ApiProblem? tooMany)
    {
        tooMany = null;
        if (!root.TryGetProperty("imageIds", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("imageIds", "is required"));
            return null;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError("imageIds", $"must be an array of strings, not {Describe(array.ValueKind)}"));
            return null;
        }

        var count = array.GetArrayLength();
        if (count == 0)
        {
            errors.Add(new FieldError("imageIds", "must name at least one image"));
            return null;
        }

        if (count > maxImages)
        {
            tooMany = Problems.TooManyImages(count, maxImages);
            return null;
        }

        var ids = new List<string>(count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"imageIds[{index}]";
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FieldError(path, $"must be a string, not {Describe(item.ValueKind)}"));
            }
            else if (ImageIdRules.Check(item.GetString()!) is { } problem)
            {
                errors.Add(new FieldError(path, problem));
            }
            else if (!seen.TryAdd(item.GetString()!, index))
            {
                errors.Add(new FieldError(path, $"repeats imageIds[{seen[item.GetString()!]}]"));
            }
            else
            {
                ids.Add(item.GetString()!);
            }

            index++;
        }

        return ids;
    }

    private static (string? Email, string? Phone) Recipient(JsonElement root, List<FieldError> errors)
    {
        if (!root.TryGetProperty("recipient", out var recipient) || recipient.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("recipient", "is required"));
            return (null, null);
        }

        if (recipient.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("recipient", $"must be an object with email and/or phone, not {Describe(recipient.ValueKind)}"));
            return (null, null);
        }

        var hasEmail = IsGiven(recipient, "email");
        var hasPhone = IsGiven(recipient, "phone");
        if (!hasEmail && !hasPhone)
        {
            errors.Add(new FieldError("recipient", "needs an email or a phone (or both)"));
            return (null, null);
        }

        var email = hasEmail ? Text(recipient, "email", 254, errors, EmailPattern(), "is not an e-mail address (name@domain.tld)", "recipient.email") : null;
        var phone = hasPhone ? Text(recipient, "phone", 32, errors, PhonePattern(), "is not a phone number (digits with an optional leading '+', spaces, dashes, dots or brackets)", "recipient.phone") : null;
        if (phone is not null)
        {
            var digits = phone.Count(char.IsAsciiDigit);
            if (digits is < 6 or > 15)
            {
                errors.Add(new FieldError("recipient.phone", $"has {digits} digits; a phone number has 6 to 15"));
                phone = null;
            }
        }

        return (email, phone);
    }

    /// <summary>Null, a missing property and a blank string all mean "not given" (ViewPoint sends blanks).</summary>
    private static bool IsGiven(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.Null => false,
            JsonValueKind.String => !string.IsNullOrWhiteSpace(value.GetString()),
            _ => true,
        };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut].TrimEnd();
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ().-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
