using DiagBot.Playbooks.FailureModes;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.Classification.Signals;

/// <summary>
/// "none": health checks, deploy failures and 5xx of AWS platforms beside ECS and EKS that run containers their own way:
/// a SageMaker endpoint's ping check, an Elastic Beanstalk environment's health, an App Runner service's check. Their words
/// ("did not pass the ping health check", "health check failed", "Deployment failed") are not a target group's (sweep, issue 19).
/// </summary>
internal static class OtherPlatformSignals
{
    // SageMaker's endpoint wording: aws/sagemaker-python-sdk#1554, #155, #4115, awslabs/llm-hosting-container#18,
    // aws/amazon-sagemaker-examples#379 ("The primary container for production variant AllTraffic did not pass the ping health check"),
    // mlflow/mlflow#726 ("it deploys to SageMaker, but the health check fails").
    private static readonly Phrase[] SageMaker =
    [
        Phrase.Of("SageMaker's endpoint", @"\bping health check\b|\bproduction variant\b|\berror hosting endpoint\b|\bsagemaker endpoint\b"
            + @"|\b(in|to) sagemaker\b"),
    ];

    // Elastic Beanstalk's environment health: meteor-up/mup-aws-beanstalk#53 and #13 ("Environment health has transitioned from
    // Severe to Degraded", "a severe status on my instances"), einaregilsson/beanstalk-deploy#98 and #113 ("Environment still has
    // health Yellow"), aws/elastic-beanstalk-roadmap#252 ("The EB environment health status"), rootsignal/beanstalk-nginx-php-fpm#8.
    private static readonly Phrase[] Beanstalk =
    [
        Phrase.Of("Beanstalk named", @"\belastic ?beanstalk\b|\beb environment\b"),
        Phrase.Of("Beanstalk's health words", @"\benvironment (still )?has health\b|\benvironment health (has transitioned|status)\b"
            + @"|\bsevere status\b|\bhealth of elastic beanstalk\b"),
    ];

    // App Runner's own service log and name: aws/apprunner-roadmap#210 ("[AppRunner] Health check failed on port '3000'"), #102,
    // #143, aws/copilot-cli#3005 ("I chose App Runner type but it always times out"), aws-containers/hello-app-runner#2.
    private static readonly Phrase[] AppRunner =
    [
        Phrase.Of("App Runner named", @"\[apprunner\]|\bapp ?runner\b"),
    ];

    // The platform names itself (weight: its own words); a target group's, a crash loop's or a deploy's readings inside mean
    // nothing more. Below a real failure's own reason (0.85 and up).
    private static readonly SignalRule OtherPlatform = SignalRule.AnyOf(null, 0.82,
        "another AWS platform's own health check or deploy (SageMaker endpoint, Elastic Beanstalk, App Runner); not an ECS service's target group",
        [.. SageMaker, .. Beanstalk, .. AppRunner]) with
    {
        ExplainsAway = new HashSet<int>
        {
            Alb503NoTargets.Number, TargetsUnhealthy.Number, CrashLoop.Number, DeployStuck.Number, Alb504Timeout.Number,
        },
    };

    public static IReadOnlyList<SignalRule> Rules { get; } = [OtherPlatform];
}
