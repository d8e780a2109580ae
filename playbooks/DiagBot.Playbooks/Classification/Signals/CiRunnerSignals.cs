using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": a CI job, an image build or a laptop's Docker killed or exiting 137. The words of playbooks 7 and 8 (exit code 137,
/// Killed, out of memory) said about a runner's shell step, a `docker build` layer or Docker Desktop's VM: no ECS task or EKS
/// pod ran out of its limit. Each phrase names the context, never the failure's words alone (sweep, issue 19).
/// </summary>
internal static class CiRunnerSignals
{
    /// <summary>
    /// A runner or a laptop told of by name only counts when no ECS or EKS object is named beside it: an ECS deploy from GitHub
    /// Actions whose task cannot pull (aws-actions/amazon-ecs-deploy-task-definition#43) is still playbook 2. Shared with the other
    /// orchestrators' Compose and Swarm context.
    /// </summary>
    internal const string NoEcsOrEksNamed = @"^(?![\s\S]{0,1000}\b(ecs|fargate|eks|pods?|task definition|tasks?|target ?groups?)\b)";

    // GitHub Actions' own step and runner wordings: actions/runner#541 ("GitHub actions runner worker process crashed"), #1142
    // ("/home/<USER>/actions-runner/_work/_temp/<FILE>.sh: line 1: 40423 Killed"), broadinstitute/gene-hints#25 ("Error: Process
    // completed with exit code 137."), vmactions/freebsd-vm#81 ("##[error]The process '/usr/bin/bash' failed with exit code 137"),
    // actions/runner-images#6680 ("The runner has received a shutdown signal"), geneontology/go-ontology#22285 ("GitHub actions has
    // sporadically failed with exit code 137"). A bare "##[error]" is not enough: aws-actions/amazon-ecs-deploy-task-definition#30's
    // "##[error]Resource is not in the state servicesStable" is an ECS deploy that hung (12).
    private static readonly Phrase[] GitHubActions =
    [
        Phrase.Of("a GitHub Actions step's exit", @"\bprocess completed with exit code\b|##\[error\]the process '[^']{1,80}' failed with exit code"),
        Phrase.Of("a GitHub Actions runner's work directory", @"/home/runner/work/|\bactions-runner/_work/|\brunner worker process\b"),
        Phrase.Of("the runner told of by name", NoEcsOrEksNamed + @"[\s\S]{0,1000}\bgithub (actions?|workflows?)\b"),
        Phrase.Of("the runner shut down", @"\bthe runner has received a shutdown signal\b"),
    ];

    // GitLab's, Buildkite's and Travis's: podman-container-tools/podman#10825 and minio/charts#26 ("Job failed: exit code 137",
    // "ERROR: Job failed: command terminated with exit code 137"), cattle-ops/terraform-aws-gitlab-runner#346 ("my ec2 gitlab
    // runners"), element-hq/element-web#9218 ("Exited with status -1 (agent lost)"), buildkite/elastic-ci-stack-for-aws#1450 and #971
    // ("buildkite-agent processes", "after intercepting the agent's termination signal"), travis-ci/travis-ci#4665 ("builds Killed with Error 137").
    private static readonly Phrase[] OtherRunners =
    [
        Phrase.Of("a CI job failed", @"\bjob failed: (command terminated with )?exit code\b"),
        Phrase.Of("a GitLab runner", NoEcsOrEksNamed + @"[\s\S]{0,1000}(\bgitlab[- ]runners\b|\bgitlab-runner\[|\bci/cd \(gitlab\))"),
        Phrase.Of("a Buildkite agent", @"\bbuildkite[- ]agents?\b|\(agent lost\)|\bexited with status -1\b|\bthe agent's termination signal\b"),
        Phrase.Of("a CI build killed", @"\bbuilds? (were |was |got |are )?killed\b"),
    ];

    // An image build's step or a dev tool's build, not a running container: Matterwiki/Matterwiki#121 and gladiusio/gladius-archive-node#5
    // ("The command '/bin/sh -c npm install' returned a non-zero code: 137", "Service 'web' failed to build"), caprover/caprover#315,
    // nimiq/core-js#295 ("npm ERR! errno 137"), openedx-unsupported/devstack#205 ("Build failed running ...: Subprocess return code: 137"),
    // and BuildKit's step (treygrainger/ai-powered-search#49: "failed to solve: rpc error: ... executor failed running [...]: exit code: 137").
    private static readonly Phrase[] ImageBuild =
    [
        Phrase.Of("a Dockerfile step failed", @"\bthe command '/bin/(ba)?sh -c [^']{1,120}' returned a non-zero code\b|\bfailed to build\b"),
        Phrase.Of("BuildKit's step failed", @"\bfailed to solve: .{0,200}\b(executor failed running|did not complete successfully)\b"),
        // npm's "npm ERR!" alone is no build: an app started with `npm start` and killed prints the same errno 137 (akveo/ngx-admin#2033,
        // kubernetes-retired/dashboard#5619). The script's name says it was a build or an install (nimiq/core-js#295, "nimiq@1.0.0 build:").
        Phrase.Of("npm's build or install script's exit", @"\bnpm err!.{0,300}\b(build|install|ci|postinstall|prepare)(:| script)"
            + @"|\bnpm (run build|install|ci)\b|\bsubprocess return code\b|\bbuild failed running\b"),
    ];

    // Docker on the engineer's own machine, its VM short of memory: open-webui/open-webui#6168 ("I opened docker settings and applied
    // more resources"), mattermost/mattermost-plugin-jira#544 ("increase the amount of memory allocated for docker"), SpecterOps/
    // BloodHound#685 ("granting additional resources (memory specifically) to Docker"), cattle-ops/terraform-aws-gitlab-runner#346
    // ("Docker doesn't have enough RAM").
    private static readonly Phrase[] LocalDocker =
    [
        Phrase.Of("Docker's own settings", NoEcsOrEksNamed + @"[\s\S]{0,1000}\bdocker (desktop|for mac|settings)\b"),
        Phrase.Of("memory given to Docker itself", NoEcsOrEksNamed
            + @"[\s\S]{0,1000}(\b(memory|ram|resources)( \([a-z ]{1,30}\))? (allocated |available )?(to|for) docker\b"
            + @"|\bdocker (doesn'?t|does not) have enough (ram|memory)\b)"),
    ];

    // A runner's or a build's own wording names where the process ran (weight: the context is the runner's own words); memory-kill
    // and crash words inside it mean nothing more. Not so strong that a real failure's own reason (0.85 and up) loses to it.
    private static readonly SignalRule CiJob = SignalRule.AnyOf(null, 0.82,
        "a CI runner's job or step (GitHub Actions, GitLab, Buildkite, Travis) exited; no ECS task or EKS pod", [.. GitHubActions, .. OtherRunners]) with
    {
        ExplainsAway = new HashSet<int> { TaskOutOfMemory.Number, CrashLoop.Number },
    };

    // An image build or a laptop's Docker (weight: the build tool's and Docker's own words name it); same reach as the runner's.
    private static readonly SignalRule BuildOrLaptop = SignalRule.AnyOf(null, 0.82,
        "an image build step or Docker on a local machine ran out of memory; no ECS task or EKS pod", [.. ImageBuild, .. LocalDocker]) with
    {
        ExplainsAway = new HashSet<int> { TaskOutOfMemory.Number, CrashLoop.Number },
    };

    // A build service's own image pull or step, by its own codes (batch 22): AWS CodeBuild's and Amplify's
    // BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE (aws-amplify/amplify-hosting#837), CodeBuild's "[Container] <time> Command did not exit
    // successfully" (aws-samples/amazon-sagemaker-immersion-day#72), a build plugin's "Could not build image" (helidon-io/helidon#9388).
    // A build's rate limit or failed step, not a task's pull or crash (weight: the build service's own words).
    private static readonly SignalRule BuildServiceStep = SignalRule.AnyOf(null, 0.85,
        "a build service's own image pull or build step failed (CodeBuild, Amplify, a build plugin); no ECS task or EKS pod",
        Phrase.Of("CodeBuild's build container could not pull", @"\bbuild_container_unable_to_pull_image\b"),
        Phrase.Of("CodeBuild's command failed", @"\[container\] .{0,40}\bcommand did not exit successfully\b"),
        Phrase.Of("a build plugin could not build the image", @"\bcould not build (the |an? )?image\b")) with
    {
        ExplainsAway = new HashSet<int> { CannotPullContainer.Number, TaskOutOfMemory.Number, CrashLoop.Number },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } = [CiJob, BuildOrLaptop, BuildServiceStep];
}
