using System.Text.RegularExpressions;

namespace DiagBot.Diagnostics.Aws.Configuration;

/// <summary>Start-up checks: each message names the setting and where to set it.</summary>
internal static partial class AwsOptionsValidator
{
    private const string Where = "(appsettings.json, or the environment variable with '__' for ':')";

    public static IReadOnlyList<string> Validate(AwsOptions options)
    {
        var errors = new List<string>();
        var prefix = AwsOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Region) && options.Accounts.Any(a => a.Regions.Count == 0))
        {
            errors.Add($"{prefix}:Region is not set and an account lists no Regions: set {prefix}:Region, e.g. \"eu-west-1\" {Where}.");
        }

        CheckUrl(errors, $"{prefix}:EndpointUrl", options.EndpointUrl);
        foreach (var (service, url) in options.Endpoints)
        {
            CheckUrl(errors, $"{prefix}:Endpoints:{service}", url);
        }

        if (options.CallTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:CallTimeout must be positive, e.g. \"00:00:03\" {Where}.");
        }

        if (options.DiagnosisBudget < options.CallTimeout)
        {
            errors.Add($"{prefix}:DiagnosisBudget ({options.DiagnosisBudget}) must be at least {prefix}:CallTimeout ({options.CallTimeout}) {Where}.");
        }

        var resilience = options.Resilience;
        if (resilience.MaxRetries is < 0 or > 10 || resilience.RetryBaseDelay < TimeSpan.Zero || resilience.RetryMaxDelay < resilience.RetryBaseDelay)
        {
            errors.Add($"{prefix}:Resilience: MaxRetries must be 0-10 and RetryMaxDelay at least RetryBaseDelay {Where}.");
        }

        if (resilience.BreakerFailureRatio is <= 0 or > 1 || resilience.BreakerMinimumThroughput < 2
            || resilience.BreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || resilience.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{prefix}:Resilience: BreakerFailureRatio must be in (0, 1], BreakerMinimumThroughput at least 2, BreakerSamplingDuration and BreakDuration at least 0.5s {Where}.");
        }

        for (var i = 0; i < options.Accounts.Count; i++)
        {
            ValidateAccount(errors, $"{prefix}:Accounts:{i}", options.Accounts[i]);
        }

        return errors;
    }

    private static void ValidateAccount(List<string> errors, string key, AwsAccountOptions account)
    {
        if (account.AccountId is null || !AccountIdPattern().IsMatch(account.AccountId))
        {
            errors.Add($"{key}:AccountId must be the 12-digit account id, got '{account.AccountId}' {Where}.");
        }

        if (account.RoleArn is not null
            && (!Arn.TryParse(account.RoleArn, out var role) || role.Service != "iam" || !role.Resource.StartsWith("role/", StringComparison.Ordinal)))
        {
            errors.Add($"{key}:RoleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got '{account.RoleArn}' {Where}.");
        }

        if (account.Regions.Any(string.IsNullOrWhiteSpace) || account.Clusters.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{key}: Regions and Clusters may not hold empty entries {Where}.");
        }
    }

    private static void CheckUrl(List<string> errors, string key, string? value)
    {
        if (value is not null
            && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{key} must be an absolute http(s) URL, got '{value}' {Where}.");
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();
}
