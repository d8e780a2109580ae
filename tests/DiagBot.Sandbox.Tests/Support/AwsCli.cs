namespace DiagBot.Sandbox.Tests.Support;

/// <summary>The official AWS CLI pointed at a sandbox: its test credentials, its region, --endpoint-url, JSON output, no pager.</summary>
internal static class AwsCli
{
    public static async Task<ProcessResult> RunAsync(SandboxServer server, IReadOnlyList<string> arguments)
    {
        var aws = ProcessRunner.OnPath("aws", Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "bin", "aws"), "/usr/local/bin/aws", "/usr/bin/aws")
            ?? throw new InvalidOperationException("The AWS CLI is not installed; scripts/install-test-deps.sh installs it where missing.");
        var home = Directory.CreateTempSubdirectory("diagbot-awscli-").FullName;
        try
        {
            return await ProcessRunner.RunAsync(aws, [.. arguments, "--endpoint-url", server.BaseAddress.ToString().TrimEnd('/'), "--output", "json"],
                Environment(server, home), home, TimeSpan.FromMinutes(3));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    // A fresh HOME so no profile, config or cached credentials of the machine's user take part.
    public static Dictionary<string, string> Environment(SandboxServer server, string home) => new()
    {
        ["HOME"] = home,
        ["AWS_ACCESS_KEY_ID"] = server.Options.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = server.Options.SecretAccessKey,
        ["AWS_DEFAULT_REGION"] = server.Options.Region,
        ["AWS_PAGER"] = string.Empty,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["AWS_CONFIG_FILE"] = Path.Combine(home, "config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "credentials"),
    };
}
