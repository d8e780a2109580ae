namespace DiagBot.Diagnostics.Aws.Http;

/// <summary>A POST body for an AWS API (every protocol we call posts to "/").</summary>
internal sealed record AwsHttpRequest(string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers);
