using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using DiagBot.Sandbox.Aws.Protocols;
using DiagBot.Sandbox.Aws.Signing;
using static DiagBot.Sandbox.Aws.Protocols.AwsXml;

namespace DiagBot.Sandbox.Aws.Sts;

/// <summary>
/// STS over the Query protocol, version 2011-06-15. AssumeRole hands out temporary keys the sandbox then accepts,
/// so a multi-account configuration can be tried end to end.
/// </summary>
internal sealed class StsService : IAwsService
{
    public const string Version = "2011-06-15";

    private readonly CredentialStore _credentials;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, Func<AwsCall, XmlResult>> _operations;

    public StsService(CredentialStore credentials, TimeProvider clock)
    {
        _credentials = credentials;
        _clock = clock;
        _operations = new(StringComparer.Ordinal)
        {
            ["GetCallerIdentity"] = GetCallerIdentity,
            ["AssumeRole"] = AssumeRole,
        };
        Protocol = new QueryProtocol(SigningName, Version, "https://sts.amazonaws.com/doc/2011-06-15/", _operations.Keys.ToHashSet());
    }

    public string SigningName => "sts";

    public IAwsProtocol Protocol { get; }

    public object Invoke(AwsCall call) => _operations[call.Operation](call);

    private XmlResult GetCallerIdentity(AwsCall call) => new(
        E("Arn", call.Credential.PrincipalArn),
        E("UserId", call.Credential.SessionToken is null ? "AIDASANDBOXUSER00000" : $"AROASANDBOXROLE00000:{call.Credential.PrincipalArn.Split('/')[^1]}"),
        E("Account", call.Credential.AccountId));

    private XmlResult AssumeRole(AwsCall call)
    {
        var roleArn = QueryParameters.Required(call.Form, "RoleArn");
        var sessionName = QueryParameters.Required(call.Form, "RoleSessionName");
        var parts = roleArn.Split(':');
        if (parts.Length != 6 || parts[2] != "iam" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new AwsException("ValidationError", $"{roleArn} is invalid");
        }

        var duration = int.TryParse(QueryParameters.Get(call.Form, "DurationSeconds"), CultureInfo.InvariantCulture, out var seconds) ? seconds : 3600;
        if (duration is < 900 or > 43200)
        {
            throw new AwsException("ValidationError", "1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900", HttpStatusCode.BadRequest);
        }

        var roleName = parts[5]["role/".Length..];
        var assumedArn = $"arn:aws:sts::{parts[4]}:assumed-role/{roleName}/{sessionName}";
        var credential = new SandboxCredential(
            "ASIA" + RandomUpper(16), Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)), parts[4], assumedArn,
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)));
        _credentials.Add(credential);

        return new XmlResult(
            E("Credentials",
                E("AccessKeyId", credential.AccessKeyId),
                E("SecretAccessKey", credential.SecretAccessKey),
                E("SessionToken", credential.SessionToken),
                E("Expiration", _clock.GetUtcNow().AddSeconds(duration))),
            E("AssumedRoleUser", E("AssumedRoleId", $"AROA{RandomUpper(17)}:{sessionName}"), E("Arn", assumedArn)));
    }

    private static string RandomUpper(int length) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length);
}
