using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": a container killed, restarting or failing its start-up check on a platform that is neither ECS nor EKS: Google's
/// Cloud Run and GKE, Azure's AKS and Container Apps, HashiCorp Nomad, Docker Compose or Swarm on a host. Their memory and
/// exit-code words (memory limit exceeded, exit code 137, OOMKills, insufficient cpu) are not an ECS task's or an EKS pod's
/// (look-alike sweep 3, issue 19). Each phrase names the platform or is its own wording, never the failure's words alone.
/// </summary>
internal static class OtherOrchestratorSignals
{
    // A platform told of by name only counts when no AWS container service is named beside it: a thread that moved from GKE to
    // EKS, or compares them, is about the AWS side.
    private const string NoAwsServiceNamed = @"^(?![\s\S]{0,1000}\b(ecs|fargate|eks|aws|amazon)\b)";

    // Cloud Run's own wordings: dart-lang/pub-dev#9554 ("Cloud Run container instances that exceed their allowed memory limit are
    // terminated", "Memory limit of 512 MiB exceeded with 516 MiB used"), SkyTruth/cerulean-cloud#90, googleapis/repo-automation-bots
    // #2418 and #3105, googlecodelabs/monolith-to-microservices#110 ("(gcloud.run.deploy) Revision '...' is not ready and cannot serve
    // traffic. The user-provided container failed to start"), n3n/hasura-cloud-run#5 ("reason=HealthCheckContainerError").
    private static readonly Phrase[] CloudRun =
    [
        Phrase.Of("Cloud Run named", NoAwsServiceNamed + @"[\s\S]{0,1000}\b(cloud run|gcloud\.(beta\.)?run|cloud_run_revision)\b"),
        Phrase.Of("Cloud Run's memory limit", @"\bmemory limit of \d+(\.\d+)? ?(mib|gib|mb|gb|m|g) exceeded with \d+"),
        Phrase.Of("Cloud Run's revision or container check", @"\bis not ready and cannot serve traffic\b|\bthe user-provided container failed\b"
            + @"|\bhealthcheckcontainererror\b"),
    ];

    // GKE and AKS by name, Azure Container Apps' system log: GoogleCloudPlatform/kubernetes-engine-samples#314 ("Our GKE autopilot
    // cluster ... keeps saying \"unable to schedule, insufficient cpu\""), microsoft/containerregistry#93 ("In my AKS cluster, I'm
    // seeing lots of restarts and OOMKills"), microsoft/azure-container-apps#1085 ("Container '...' was terminated with exit code '137'").
    private static readonly Phrase[] OtherKubernetes =
    [
        Phrase.Of("GKE or AKS named", NoAwsServiceNamed + @"[\s\S]{0,1000}\b(gke|google kubernetes engine|aks|azure kubernetes service)\b"),
        Phrase.Of("Container Apps' system log", @"\bcontainer '[^']{1,80}' was terminated with exit code '\d+'"),
    ];

    // Nomad's allocations: hashicorp/nomad#10435 ("this allocation is getting constantly killed due to lack of memory"), #20431
    // ("Nomad reported Docker job with exit-code 137 as complete"), #23412, hashicorp/nomad-driver-podman#14. A bare "allocation"
    // is no Nomad's: a pod's "memory allocation" and V8's "heap limit allocation failed" are memory kills (playbook 7).
    private static readonly Phrase[] Nomad =
    [
        Phrase.Of("Nomad named", NoAwsServiceNamed + @"[\s\S]{0,1000}\bnomad\b"),
        Phrase.Of("a Nomad allocation", @"\b(this|an|my|our) allocations? (is|are|was|were|keeps?|gets?|got) (\w+ ){0,2}(killed|restart\w*|oom\w*)"
            + @"|\bunknown allocation\b"),
    ];

    // Compose or Swarm on a host: nautobot/nautobot-docker-compose#53 ("Trying to get the compose file to work on Docker Swarm but
    // all containers exits with error code 137"). Not for an image that cannot be pulled: "my docker-compose file ... error manifest
    // unknown" is still playbook 2, so a kill or an exit 137 must be told beside it, and only memory and crash readings are explained away.
    private static readonly Phrase[] ComposeOrSwarm =
    [
        Phrase.Of("Compose or Swarm named, beside a kill", CiRunnerSignals.NoEcsOrEksNamed + @"(?=[\s\S]{0,1000}\b(137|killed|oom\w*|out of memory)\b)"
            + @"[\s\S]{0,1000}\b(docker swarm|compose file|docker-compose (up|exec))\b"),
    ];

    // The platform names itself (weight: its own words), below a real failure's own reason (0.85 and up); every mode's readings
    // inside it are explained away, as none of the fifteen runs there.
    private static readonly SignalRule OtherOrchestrator = SignalRule.AnyOf(null, 0.82,
        "a container on another platform (Cloud Run, GKE, AKS, Azure Container Apps, Nomad); not an ECS task or an EKS pod",
        [.. CloudRun, .. OtherKubernetes, .. Nomad]) with
    {
        ExplainsAway = FailureModeCatalog.Modes.Select(mode => mode.Number).ToHashSet(),
    };

    // Compose or Swarm (weight: the tool's own name); memory and crash readings only, as above.
    private static readonly SignalRule ComposeHost = SignalRule.AnyOf(null, 0.82,
        "a container under Docker Compose or Swarm on a host was killed; not an ECS task or an EKS pod", ComposeOrSwarm) with
    {
        ExplainsAway = new HashSet<int> { TaskOutOfMemory.Number, CrashLoop.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } = [OtherOrchestrator, ComposeHost];
}
