using DiagBot.Sandbox.Aws.Protocols;

namespace DiagBot.Sandbox.Aws.Logs;

internal static class LogsErrors
{
    public static AwsException GroupNotFound() => new("ResourceNotFoundException", "The specified log group does not exist.");

    public static AwsException StreamNotFound() => new("ResourceNotFoundException", "The specified log stream does not exist.");

    public static AwsException InvalidParameter(string member) =>
        new("InvalidParameterException", $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
}
