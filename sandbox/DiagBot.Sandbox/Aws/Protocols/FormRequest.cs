namespace DiagBot.Sandbox.Aws.Protocols;

internal static class FormRequest
{
    public const string ContentType = "application/x-www-form-urlencoded";

    /// <summary>Query protocols take only form posts; anything else cannot carry an Action.</summary>
    public static Dictionary<string, string> Read(HttpRequest request, byte[] body) =>
        request.ContentType?.Split(';')[0].Trim() == ContentType
            ? QueryParameters.Parse(body)
            : throw new AwsException("MissingAction", "Missing Action");
}
