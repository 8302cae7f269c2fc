namespace Uplink.Input.ViewPoint.Api;

/// <summary>One thing wrong with a request field. Messages never repeat the field's value.</summary>
/// <param name="Field">The JSON path of the field, for example <c>recipient.email</c> or <c>imageIds[3]</c>.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record FieldError(string Field, string Message);
