using System.Text.Json;
using DiagBot.Sandbox.Aws.Signing;

namespace DiagBot.Sandbox.Aws;

/// <summary>One verified AWS request: the operation and its parameters as the protocol delivered them (a JSON body or form fields).</summary>
internal sealed record AwsCall(
    string Service,
    string Operation,
    JsonElement Json,
    IReadOnlyDictionary<string, string> Form,
    SandboxCredential Credential,
    string RequestId);
