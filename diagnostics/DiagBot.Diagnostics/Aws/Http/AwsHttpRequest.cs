namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>
/// A request to an AWS API: the JSON and Query protocols POST a body to "/"; REST-JSON (EKS) GETs a path
/// relative to the endpoint, with no body.
/// </summary>
internal sealed record AwsHttpRequest(string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>A GET of <paramref name="relativePathAndQuery"/> (no leading slash), for REST APIs.</summary>
    public static AwsHttpRequest Get(string relativePathAndQuery) => new(string.Empty, [], []) { RelativePath = relativePathAndQuery };

    public string? RelativePath { get; init; }
}
