using DiagBot.Diagnostics.Aws.Configuration;
using DiagBot.Diagnostics.Kubernetes.Configuration;
using Microsoft.Extensions.Configuration;

namespace DiagBot.Diagnostics.Evidence.Live;

/// <summary>Binds and validates DiagBot:Aws and DiagBot:Kubernetes once, at start-up.</summary>
internal static class EvidenceOptionsLoader
{
    public static (AwsOptions Aws, KubernetesOptions Kubernetes) Load(IConfiguration configuration)
    {
        var aws = configuration.GetSection(AwsOptions.SectionName).Get<AwsOptions>() ?? new AwsOptions();
        var kubernetes = configuration.GetSection(KubernetesOptions.SectionName).Get<KubernetesOptions>() ?? new KubernetesOptions();

        // The region the AWS CLI and SDKs would use, when the bot's own setting is absent.
        aws.Region ??= Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(aws.Region) && aws.Accounts.Count == 0)
        {
            throw new InvalidOperationException(
                $"{AwsOptions.SectionName}:Region is not set: set it (e.g. \"eu-west-1\") in appsettings.json or as DiagBot__Aws__Region, or set AWS_REGION.");
        }

        var errors = AwsOptionsValidator.Validate(aws).Concat(KubernetesOptionsValidator.Validate(kubernetes)).ToList();
        return errors.Count == 0
            ? (aws, kubernetes)
            : throw new InvalidOperationException("Invalid DiagBot evidence configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }
}
