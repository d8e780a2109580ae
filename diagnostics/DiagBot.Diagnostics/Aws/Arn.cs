using System.Diagnostics.CodeAnalysis;

namespace DiagBot.Diagnostics.Aws;

/// <summary>An Amazon Resource Name: arn:partition:service:region:account:resource.</summary>
public sealed record Arn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    private static readonly string[] KnownPartitions = ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

    public static bool TryParse(string? text, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || !KnownPartitions.Contains(parts[1])
            || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return false;
        }

        arn = new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{Resource}";
}
