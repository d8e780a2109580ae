using System.Text.RegularExpressions;
using DiagBot.Playbooks.Classification;
using DiagBot.Playbooks.Outside;

namespace DiagBot.Playbooks.FailureModes;

/// <summary>
/// Playbook 4: the application's own AWS calls are denied (task role missing, or the permission sits on the execution role).
/// Only trusted in what the app writes (logs) or what an engineer says; in an ECS stoppedReason the same words
/// describe the agent's calls, which belong to playbooks 2, 3 or to a log-driver set-up failure.
/// </summary>
internal static partial class AppAccessDeniedSignals
{
    private const int Playbook = AppAccessDenied.Number;

    /// <summary>The one read that confirms or refutes this failure mode when triage is unsure.</summary>
    public const string Decider = "the principal the denial names: the task role or another (the log line, or aws cloudtrail lookup-events for the denied call)";

    private static readonly Phrase[] Denied =
    [
        Phrase.Of("not authorized to perform", @"not authorized to perform"),
        Phrase.Of("AccessDenied", @"accessdenied|access denied"),
        Phrase.Of("KMS refused", @"access to kms is not allowed"),
        Phrase.Of("no permission to", @"does not have (the )?permissions? to|is not authorized to"),
        Phrase.Of("a 403 from the SDK", @"\(403\) when calling|operation: forbidden|\b403\b.{0,20}forbidden|forbidden.{0,20}\b403\b"),
    ];

    private static readonly Phrase[] NoCredentials =
    [
        Phrase.Of("no credentials found", @"unable to locate credentials|unable to load (aws )?credentials"),
        Phrase.Of("the credential chain came up empty", @"from any provider in the chain"),
        Phrase.Of("the security token is invalid", @"security token included in the request is invalid"),
        Phrase.Of("no credential providers", @"nocredentialproviders|no valid providers in chain"),
        // Batch 17, nginx/nginx-s3-gateway#143: "Could not load EC2 task role credentials" (words between "load" and "credentials")
        Phrase.Of("credentials could not be loaded", @"could not load (\w+ ){0,3}credentials|credentials? (could not|cannot) be (loaded|found)"),
        // Batch 17, boto/boto3#1929: botocore raises NoCredentialsError ("Unable to locate credentials") when its chain is empty
        Phrase.Of("botocore's NoCredentialsError", @"nocredentialserror"),
        // Batch 17, rusoto/rusoto#1964: "Couldn't find AWS credentials in environment, credentials file, or IAM role."
        Phrase.Of("no AWS credentials found anywhere", @"(couldn'?t|could not|can'?t|cannot) find aws credentials"),
        // Sweep (eks): the Go SDK v2's credential cache ("failed to refresh cached credentials, no EC2 IMDS role found", and the
        // same refresh failing against EKS Pod Identity's agent at 169.254.170.23), the .NET SDK's "Failed to resolve AWS credentials"
        Phrase.Of("the SDK could not resolve or refresh credentials", @"failed to (resolve|refresh cached) (aws )?credentials|no ec2 imds role found"),
        // Sweep (eks), botocore's ExpiredToken / ExpiredTokenException: the app signs with a session that ran out
        // Sweep (eks): botocore's CredentialRetrievalError when the container credentials endpoint (ECS's, or EKS Pod Identity's
        // agent) does not answer, and S3's InvalidAccessKeyId for keys the app carries that AWS does not know
        Phrase.Of("the credentials endpoint did not answer", @"credentialretrievalerror|error when retrieving credentials from"),
        Phrase.Of("the access key is unknown", @"\binvalidaccesskeyid\b|access key id you provided does not exist"),
        Phrase.Of("the session token expired", @"\bexpiredtoken(exception)?\b|\b(provided|security) token (included in the request )?(has|is) expired"),
    ];

    // Sweep (eks), IRSA: the pod's projected token is refused by STS before any call is made. "InvalidIdentityToken: No
    // OpenIDConnect provider found in your account" and "Incorrect token audience" (repost.aws eks-troubleshoot-oidc-and-irsa),
    // the SDKs' "WebIdentityErr: failed to retrieve credentials". STS's own codes, so at the weight of the SDK's denials.
    private static readonly Phrase[] WebIdentityRefused =
    [
        Phrase.Of("STS refused the pod's web identity token", @"\binvalididentitytoken\b|\bwebidentityerr\b"),
        Phrase.Of("no OIDC provider for the cluster", @"no openidconnect provider found"),
    ];

    private static readonly Phrase[] DeniedWithoutTheWord =
    [
        Phrase.Of("no permission to use a service", @"permission to (use|access|call|read|write) \w+"),
        Phrase.Of("cannot call an AWS service", @"cannot (do|perform|call)\b.{0,40}\b(s3|sts|dynamodb|sqs|sns|kms)\b"),
        Phrase.Of("403s from an AWS service", @"\b403s? from (s3|dynamodb|sqs|sts|kms|aws)"),
        Phrase.Of("no credentials from the metadata service", @"unable to get iam security credentials"),
        Phrase.Of("not authorized, in the SDK's words", @"you are not authorized to perform this operation"),
        Phrase.Of("403 Forbidden", @"\(403\) forbidden|status code: 403"),
        // aws/aws-sdk-java#2691: "the service call which performs the same operation using the aws sdk always get 403"
        Phrase.Of("the SDK gets 403s", @"\b(sdk|boto3?|botocore)\b.{0,20}\b(gets?|got|returns?|returned|throws?) (a |an )?403\b"),
        // aws/aws-for-fluent-bit#742: "Init process GetBucketLocation fails with 403"
        Phrase.Of("an AWS call fails with 403", @"\b(get|put|list|describe|create|delete|head)[a-z]+ (fails?|failed|failing) with (a |an )?403\b"),
        // eleven41/aws-lambda-encrypt-s3-objects#4 (code: 'Forbidden'), aws/aws-sdk-net#3271 ("Error Code Forbidden")
        Phrase.Of("Forbidden as the SDK's error code", @"\bcode: \W?forbidden\b|error code forbidden|status code forbidden"),
        // Batch 12, aws-samples/cdk-fargate-gitlab-runner#19: "a missing permission for the action "ecs:StopTask" for the fargate-service-task"
        Phrase.Of("a permission missing for an IAM action", @"\bmissing (iam )?permissions? (for|to call|to perform) (the )?(actions? )?\W?[a-z0-9-]+:[a-z*]+"),
        // Batch 20, vmware-tanzu/velero#4959: "converted to using IRSA ... Those gave a 403 unauthorized error": the pod's role named
        Phrase.Of("a 403 beside the pod's IAM role", @"\b(irsa|pod identity)\b.{0,200}\b403\b|\b403\b.{0,100}\b(irsa|pod identity)\b"),
    ];

    // Issue 19, batches 10-13 by family (the task IAM roles page: the app's calls are signed with the task role, and a role
    // without the action is refused): the SDK's "Access to the resource https://sqs... is denied", and "permission errors"
    // reading or writing the app's own queue, bucket or table. An AWS data service named beside the refusal, in the app's words.
    private static readonly SignalRule DeniedOnItsResource = SignalRule.AnyOf(Playbook, 0.8,
        "the app is refused on its own queue, bucket or table, in its SDK's or an engineer's words",
        Phrase.Of("access to the resource is denied", @"\baccess to the (resource|queue|bucket|table|topic|stream|object)\b.{0,80}\b(is|was) denied\b"),
        Phrase.Of("permission errors on its own resource", @"\b(permission|permissions|authori[sz]ation|access) (errors?|issues?|problems?|failures?)\b.{0,50}"
            + @"\b(queue|bucket|table|topic|stream|s3|sqs|sns|dynamodb|kinesis)\b"),
        // Sweep (chat-a), aws-samples/lambda-ecs-worker-pattern#6: "unable to access sqs queue from ecs task"
        Phrase.Of("an AWS data service out of the task's reach", @"\b(unable to|can'?t|cannot|could not|couldn'?t|not able to) (access|read from|write to) "
            + @"(the |an |my |our )?(s3|sqs|dynamodb|sns|kinesis)\b.{0,30}\bfrom (the |an |my |our )?(ecs |fargate )?(tasks?|containers?)\b"),
        Phrase.Of("an AWS data service denied", @"\b(s3|sqs|sns|dynamodb|kinesis|kms)\b.{0,60}\b(denied|forbidden|unauthori[sz]ed)\b")) with
    {
        OnlyIn = Fields.Free,
    };

    public static IReadOnlyList<SignalRule> Rules { get; } =
    [
        DeniedOnItsResource,
        // app's own denial
        SignalRule.AnyOf(Playbook, 0.85, "the application's AWS call was denied (check the task role, not the execution role)", Denied) with { OnlyIn = Fields.Free },
        // agent's, most likely. Not in a Kubernetes event: a denial there is a controller's own call (the load balancer
        // controller's "Failed deploy model due to AccessDenied", batch 17), never the app's, which writes to its log.
        SignalRule.AnyOf(Playbook, 0.3, "an AWS call was denied", Denied) with
        {
            NotIn = Fields.Of(EvidenceField.Log, EvidenceField.SymptomText, EvidenceField.K8sEvent),
        },
        // STS's own codes
        SignalRule.AnyOf(Playbook, 0.85, "the pod's IRSA web identity token was refused by STS (OIDC provider, audience or trust policy)",
            WebIdentityRefused) with { OnlyIn = Fields.Free },
        // SDK's own words
        SignalRule.AnyOf(Playbook, 0.75, "the application found no AWS credentials (no task role, or the SDK cannot reach the credentials endpoint)", NoCredentials) with { OnlyIn = Fields.Free },
        new(Playbook, 0.6, RoleWords(), "the task role or the role the app assumes is in question") { OnlyIn = Fields.Symptom }, // role named beside trouble
        SignalRule.AnyOf(Playbook, 0.8, "the app's AWS calls are refused without the word AccessDenied (403s, missing permission, no credentials from the metadata service)", DeniedWithoutTheWord) with { OnlyIn = Fields.Free }, // a denial in other words
    ];

    // The role named beside a trouble word ("unable to pick up", "was missing", "do not run ... unless"). Named alone, it is set-up talk
    // as often as a failure: "The task role will be used by ... and needs to be able to write" (wellcomecollection/platform),
    // "Please attempt to use the ECS task role credentials before ..." (boto/botocore#1124), both look-alikes it once read as 4.
    [GeneratedRegex(@"(?<=" + TroubleWord + @".{0,120})" + RoleNamed + "|" + RoleNamed + "(?=.{0,120}" + TroubleWord + ")", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWords();

    private const string RoleNamed = @"(task (iam )?roles?|assumed[- ]role|instance role|machine role)";
    private const string TroubleWord = @"\b(unable|cannot|can'?t|couldn'?t|could not|not|no|never|\w+n't|dont|doesnt|didnt|missing|lack\w*|without|"
        + @"fail\w*|errors?|denied|wrong|forbidden|refused)\b";
}
