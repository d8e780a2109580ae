namespace DiagBot.Diagnostics.Aws;

/// <summary>Where a call goes: an account (null when it is the base credentials' own) and a region.</summary>
internal sealed record AwsTarget(string? AccountId, string Region)
{
    public override string ToString() => AccountId is null ? Region : $"{AccountId}/{Region}";
}
