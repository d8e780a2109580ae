namespace DiagBot.Sandbox.Aws;

/// <summary>One simulated AWS service: its SigV4 signing name, its protocol, and the operations it answers.</summary>
internal interface IAwsService
{
    string SigningName { get; }

    IAwsProtocol Protocol { get; }

    // The result object is shaped by the protocol (serialized JSON, or an XML result element); unknown operations never reach here.
    object Invoke(AwsCall call);
}
