using DiagBot.Diagnostics.Ecs;

namespace DiagBot.Playbooks.Commands;

/// <summary>Confirm commands for an image's CPU architecture: the part of playbook 14 DiagBot cannot read itself.</summary>
public static class ImagePlatformCli
{
    private const string EcrHostMarker = ".dkr.ecr.";

    /// <summary>Prints the image's architecture (or, for a multi-platform index, each platform's) next to the task definition's.</summary>
    public static string InspectImageAgainstTaskDefinition(EcsTask task, string image)
    {
        var region = CapacityCli.RegionOf(task.TaskArn);
        var registry = image[..Math.Max(0, image.IndexOf('/', StringComparison.Ordinal))];
        var login = registry.Contains(EcrHostMarker, StringComparison.Ordinal)
            ? $"aws ecr get-login-password --region {region} | docker login --username AWS --password-stdin {registry} && "
            : string.Empty;
        return $"aws ecs describe-task-definition --region {region} --task-definition {task.TaskDefinitionArn} --query \"taskDefinition.runtimePlatform\" && "
            + login
            + $"docker buildx imagetools inspect {image} --format \"{{{{json .Image}}}}\"";
    }
}
