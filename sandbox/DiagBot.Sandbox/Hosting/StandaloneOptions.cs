namespace DiagBot.Sandbox.Hosting;

/// <summary>
/// Options for the standalone executable: each setting from a flag (--access-key-id) or else an environment variable
/// (SANDBOX_ACCESS_KEY_ID), falling back to the built-in test defaults.
/// </summary>
internal static class StandaloneOptions
{
    public const string DefaultUrls = "http://127.0.0.1:4566";

    public static SandboxOptions From(string[] args, Func<string, string?> environment)
    {
        var defaults = new SandboxOptions();
        return new SandboxOptions
        {
            Urls = Setting(args, environment, "urls", "SANDBOX_URLS") ?? DefaultUrls,
            AccessKeyId = Setting(args, environment, "access-key-id", "SANDBOX_ACCESS_KEY_ID") ?? defaults.AccessKeyId,
            SecretAccessKey = Setting(args, environment, "secret-access-key", "SANDBOX_SECRET_ACCESS_KEY") ?? defaults.SecretAccessKey,
            Region = Setting(args, environment, "region", "SANDBOX_REGION") ?? defaults.Region,
            AccountId = Setting(args, environment, "account-id", "SANDBOX_ACCOUNT_ID") ?? defaults.AccountId,
            Scale = Setting(args, environment, "scale", "SANDBOX_SCALE") switch
            {
                null or "small" => SandboxScale.Small,
                "large" => SandboxScale.Large,
                var other => throw new ArgumentException($"--scale is '{other}'; it must be 'small' or 'large' (or set SANDBOX_SCALE)."),
            },
            EnforceRateLimits = args.Contains("--rate-limits") || environment("SANDBOX_RATE_LIMITS") is "true" or "1",
        };
    }

    private static string? Setting(string[] args, Func<string, string?> environment, string flag, string variable)
    {
        var index = Array.IndexOf(args, "--" + flag);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : environment(variable) is { Length: > 0 } value ? value : null;
    }
}
