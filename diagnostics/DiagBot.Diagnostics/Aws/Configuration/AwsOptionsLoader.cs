using Microsoft.Extensions.Configuration;

namespace DiagBot.Diagnostics.Aws.Configuration;

/// <summary>Binds and validates DiagBot:Aws once, at start-up.</summary>
internal static class AwsOptionsLoader
{
    public static AwsOptions Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();

        // The region the AWS CLI and SDKs would use, when the bot's own setting is absent.
        options.Region ??= Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(options.Region) && options.Accounts.Count == 0)
        {
            throw new InvalidOperationException(
                $"{AwsOptions.SectionName}:Region is not set: set it (e.g. \"eu-west-1\") in appsettings.json or as DiagBot__Aws__Region, or set AWS_REGION.");
        }

        var errors = AwsOptionsValidator.Validate(options);
        return errors.Count == 0
            ? options
            : throw new InvalidOperationException("Invalid DiagBot AWS configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }
}
